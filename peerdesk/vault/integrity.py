"""Integrity checks: SQLCipher's page HMACs and SQLite's own structure check."""

from __future__ import annotations

import sqlcipher3

from peerdesk.vault.vault import Vault


def check_integrity(vault: Vault) -> list[str]:
    """Return a list of problems; empty means the file is intact."""
    conn = vault.connection
    problems: list[str] = []
    for pragma in ("cipher_integrity_check", "integrity_check"):
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        except sqlcipher3.DatabaseError as exc:  # damage bad enough that the check itself fails
            problems.append(str(exc))
            continue
        problems += [str(row[0]) for row in rows if str(row[0]) != "ok"]
    return problems
