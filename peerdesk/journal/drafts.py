"""Unsaved editor contents kept inside the encrypted journal.

The editor saves its state every few seconds and on lock under a key it chooses (for example
"new" or "session:42"); reopening offers the draft back. Payloads are JSON objects; a
discarded draft's text leaves the file (the vault runs with `secure_delete`).
"""

from __future__ import annotations

import datetime as dt
import json

from peerdesk.vault import Vault


class DraftStore:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def save(self, key: str, payload: dict[str, object]) -> None:
        """Store (or replace) the draft under `key`. The payload must be JSON-serialisable."""
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        saved_at = dt.datetime.now(dt.UTC).isoformat()
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO draft (key, payload, saved_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET payload = excluded.payload, "
                "saved_at = excluded.saved_at",
                (key, text, saved_at),
            )

    def load(self, key: str) -> dict[str, object] | None:
        row = self._vault.connection.execute(
            "SELECT payload FROM draft WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        value = json.loads(row[0])
        return value if isinstance(value, dict) else None

    def discard(self, key: str) -> None:
        """Forget the draft under `key` (no error when there is none)."""
        with self._vault.transaction() as conn:
            conn.execute("DELETE FROM draft WHERE key = ?", (key,))

    def keys(self) -> list[str]:
        """Keys of every stored draft, most recently saved first."""
        return [
            str(row[0])
            for row in self._vault.connection.execute(
                "SELECT key FROM draft ORDER BY saved_at DESC, key"
            )
        ]
