"""Synthetic summary files for the Program workspace tests (built on `peerdesk.program.demo`)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from peerdesk.exchange.format import FORMAT
from peerdesk.program.demo import (  # noqa: F401 - re-exported for the tests
    ALIASES,
    demo_files,
    make_record,
    make_summary,
    months,
    supporter_file,
    write_summary,
)


def bad_checksum_file(path: Path) -> Path:
    rng = random.Random(3)
    envelope = make_summary([make_record(rng, "2026-01") for _ in range(3)])
    envelope["records_sha256"] = "0" * 64
    return write_summary(path, envelope)


def not_json_file(path: Path) -> Path:
    path.write_text(json.dumps({"format": FORMAT})[:-3], encoding="utf-8")
    return path


def unknown_code_file(path: Path) -> Path:
    """A summary whose second record has the channel "fax" (a schema error at a field path)."""
    rng = random.Random(5)
    envelope = make_summary([make_record(rng, "2026-01") for _ in range(3)])
    envelope["records"][1]["channel"] = "fax"
    return write_summary(path, envelope)
