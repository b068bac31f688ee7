"""Numbered schema migrations kept as SQL files in `peerdesk/vault/migrations/`.

A file is named `NNNN_short_name.sql`; NNNN is the `user_version` the journal has after it
runs. Feature packages own their tables but add their steps here, as data, so the vault never
imports a feature package. Shipped numbers run 1, 2, 3 … without gaps (a test checks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations(folder: Path = MIGRATIONS_DIR) -> tuple[Migration, ...]:
    found: list[Migration] = []
    for path in sorted(folder.iterdir()):
        match = _NAME.match(path.name)
        if not match:
            continue
        found.append(Migration(int(match.group(1)), match.group(2), path.read_text("utf-8")))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a number in {folder}: {versions}")
    return tuple(found)


@cache
def shipped_migrations() -> tuple[Migration, ...]:
    return load_migrations()


def latest_version() -> int:
    migrations = shipped_migrations()
    return migrations[-1].version if migrations else 0
