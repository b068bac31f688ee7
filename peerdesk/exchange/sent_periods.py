"""What earlier exports sent, per period, so the next one re-sends exactly what changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peerdesk.vault import Vault
from peerdesk.vault.vault import write_transaction

Connection = Any  # sqlcipher3 connection (untyped extension module)


@dataclass(frozen=True)
class SentPeriod:
    period: str               # "YYYY-MM", "YYYY-Qn" or "YYYY"
    figures_sha256: str
    sequence: int
    contacts: int             # contacts (a month) or people (a people period); 0: sent empty


class SentPeriodStore:
    def __init__(self, source: Vault | Connection) -> None:
        self._vault = source if isinstance(source, Vault) else None
        self._conn = source.connection if isinstance(source, Vault) else source

    def all(self) -> dict[str, SentPeriod]:
        rows = self._conn.execute(
            "SELECT period, figures_sha256, sequence, contacts FROM exchange_sent_period")
        return {r[0]: SentPeriod(r[0], r[1], int(r[2]), int(r[3])) for r in rows}

    def last_sequence(self) -> int:
        row = self._conn.execute("SELECT max(sequence) FROM exchange_sent_period").fetchone()
        return int(row[0] or 0)

    def remember(self, sent: Iterable[SentPeriod]) -> None:
        """After a file was written: these periods now stand as sent (one transaction)."""
        rows = [(p.period, p.figures_sha256, p.sequence, p.contacts) for p in sent]
        context = (self._vault.transaction() if self._vault is not None
                   else write_transaction(self._conn))
        with context as conn:
            conn.executemany(
                "INSERT INTO exchange_sent_period (period, figures_sha256, sequence, contacts) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(period) DO UPDATE SET "
                "figures_sha256 = excluded.figures_sha256, sequence = excluded.sequence, "
                "contacts = excluded.contacts", rows)
