"""Shared builders for the referral tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from peerdesk.referrals import Resource

DATA = Path(__file__).resolve().parent / "data"
DEMO_PACK = DATA / "demo-pack.json"


def demo_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(DEMO_PACK.read_text("utf-8"))
    return document


def pack_file(tmp_path: Path, document: dict[str, Any], name: str = "pack.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), "utf-8")
    return path


def own(name: str = "Night shift chaplain", **fields: Any) -> Resource:
    values: dict[str, Any] = {"id": "", "name": name, "type": "other"}
    values.update(fields)
    return Resource(**values)
