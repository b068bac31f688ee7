"""Synthetic summary files for the Program workspace tests (built on `peerdesk.program.demo`)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from peerdesk.exchange.format import FORMAT
from peerdesk.program.demo import (  # noqa: F401 - re-exported for the tests
    ALIASES,
    demo_files,
    demo_key,
    make_contact,
    months,
    summary_document,
    supporter_file,
    write_summary,
)


def _document(seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    return summary_document([make_contact(rng, "2026-01", n) for n in range(3)],
                            supporter_id="ff" * 16, key=demo_key(rng))


def bad_checksum_file(path: Path) -> Path:
    """A summary changed after it was signed (its signature no longer matches)."""
    document = _document(3)
    document["months"][0]["contacts"] += 1  # type: ignore[index]
    return write_summary(path, document)


def not_json_file(path: Path) -> Path:
    path.write_text(json.dumps({"format": FORMAT})[:-3], encoding="utf-8")
    return path


def unknown_code_file(path: Path) -> Path:
    """A summary whose first month counts the channel "fax" (a schema error at a field path)."""
    document = _document(5)
    document["months"][0]["counts"]["channel"]["fax"] = 1  # type: ignore[index]
    return write_summary(path, document)
