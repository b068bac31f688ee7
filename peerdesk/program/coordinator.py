"""The coordinator's Program workspace without Qt: filter choices and what a refresh shows.

`load_snapshot` runs off the GUI thread: it reads the months and the units a view may be
limited to, resolves the filters against them and prepares the protected report. The
workspace (`peerdesk.ui.program.workspace`) only shows the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerdesk.program.aggregate import months_between
from peerdesk.program.figures import FigureSource
from peerdesk.program.report import ProgramFilter, ProtectedReport, offered_units, prepare_report

SUMMARY_SUFFIX = ".json"


def local_time(utc_text: str) -> str:
    """'2026-07-01T09:00:00Z' → '2026-07-01 11:00' in the computer's time zone."""
    try:
        when = dt.datetime.strptime(utc_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return utc_text
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def summary_paths_from_urls(urls: Sequence[Any]) -> list[Path]:
    """Local `.json` files among dropped URLs (QUrl-like objects; anything else is ignored)."""
    paths: list[Path] = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == SUMMARY_SUFFIX:
                paths.append(path)
    return paths


@dataclass(frozen=True)
class FilterChoice:
    """What the filters ask for, and whether each end of the period sits at the data's edge
    (so new months widen the period instead of being left out)."""

    since: str | None = None
    until: str | None = None
    org_unit: str | None = None
    from_at_start: bool = True
    to_at_end: bool = True

    def resolve(self, months: Sequence[str], units: Sequence[str]) -> ProgramFilter:
        """The filter to use over these choices: the choices that still exist (a unit no
        longer offered falls back to all units), else the whole period."""
        since: str = months[0]
        until: str = months[-1]
        if not self.from_at_start and self.since is not None and self.since in months:
            since = self.since
        if not self.to_at_end and self.until is not None and self.until in months:
            until = self.until
        if since > until:
            since, until = until, since
        return ProgramFilter(since=since, until=until,
                             org_unit=self.org_unit if self.org_unit in units else None)


@dataclass(frozen=True)
class ProgramSnapshot:
    """Everything a refresh shows, computed off the GUI thread. `report` holds only protected
    figures; None when there is no data. `history` is the store's import log, as it is."""

    history: tuple[Any, ...]
    months: tuple[str, ...]
    units: tuple[str, ...]            # the units a view may be limited to
    unit_count: int                   # units named at all (some may not be offered)
    flt: ProgramFilter
    k: int
    report: ProtectedReport | None

    @property
    def has_data(self) -> bool:
        return self.report is not None


def load_snapshot(source: FigureSource, history: Sequence[Any], choice: FilterChoice, k: int,
                  secret: bytes) -> ProgramSnapshot:
    """Read the filter choices and compute the protected report for `choice` (worker side)."""
    held = source.months_with_data()
    if not held:
        return ProgramSnapshot(tuple(history), (), (), 0, ProgramFilter(), k, None)
    months = months_between(held[0], held[-1])
    supporters = source.supporters()
    units = offered_units(supporters, k)
    named = {info.org_unit for info in supporters if info.org_unit}
    flt = choice.resolve(months, units)
    return ProgramSnapshot(tuple(history), tuple(months), tuple(units), len(named), flt, k,
                           prepare_report(source, flt, k=k, secret=secret))
