"""Reports for program leads: the protected figures as a PDF and as CSV.

`prepare_report` is the only way in: it runs every count through disclosure control, so the
writers below never see a raw number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peerdesk import __version__
from peerdesk.program.aggregate import ProgramFilter, summarise
from peerdesk.program.disclosure import (
    DEFAULT_K,
    ShownHeadline,
    ShownTable,
    check_k,
    protect_headlines,
    protect_table,
)
from peerdesk.program.store import ProgramStore
from peerdesk.reports.labels import month_text
from peerdesk.translation import msg

DEFAULT_PROGRAM_NAME = msg("Peer support program")


@dataclass(frozen=True)
class ProtectedReport:
    program_name: str            # the default name is a message, translated with the report
    period_label: str            # "Oct 2026 – Dec 2026", or "No data" when empty (a message)
    k: int
    headlines: tuple[ShownHeadline, ...]
    tables: tuple[ShownTable, ...]
    generated_on: dt.date
    app_version: str = __version__
    org_unit: str | None = None

    def table(self, key: str) -> ShownTable:
        return next(t for t in self.tables if t.key == key)

    def headline(self, key: str) -> ShownHeadline:
        return next(h for h in self.headlines if h.key == key)


def period_label(since: str | None, until: str | None) -> str:
    if since is None and until is None:
        return msg("No data")
    if since == until or until is None:
        return month_text(since or "")
    if since is None:
        return msg("Up to {month}", month=month_text(until))
    return msg("{first} – {last}", first=month_text(since), last=month_text(until))


def prepare_report(store: ProgramStore, flt: ProgramFilter | None = None, *,
                   k: int = DEFAULT_K, program_name: str = DEFAULT_PROGRAM_NAME,
                   generated_on: dt.date | None = None) -> ProtectedReport:
    """Summarise the program data for `flt` and protect every count with threshold `k`."""
    check_k(k)
    flt = flt or ProgramFilter()
    summary = summarise(store, flt)
    since, until = flt.since, flt.until
    data_range = store.period_range()
    if data_range is not None:
        since = since or data_range[0]
        until = until or data_range[1]
    name = program_name.strip()
    return ProtectedReport(
        program_name=name if name and name != DEFAULT_PROGRAM_NAME else DEFAULT_PROGRAM_NAME,
        period_label=period_label(since, until),
        k=k,
        headlines=protect_headlines(summary.headlines, k),
        tables=tuple(protect_table(table, k) for table in summary.tables),
        generated_on=generated_on or dt.date.today(),
        org_unit=flt.org_unit,
    )
