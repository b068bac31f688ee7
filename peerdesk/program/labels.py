"""Words for the program figures: the one labelling step for the dashboard, PDF and CSV.

The protected report (`peerdesk.program.report`) carries codes only: taxonomy codes, "YYYY-MM"
months, supporter ids and fixed keys for tables and headlines. `Labeller(language)` turns them
into words in English or Spanish. Month names come from the translation catalogue, never from
the system locale, so a report reads the same on every computer. Figures are never touched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from peerdesk.program.figures import NOT_RECORDED, SupporterInfo
from peerdesk.program.report import ProtectedReport, ShownHeadline, ShownTable
from peerdesk.taxonomy import Taxonomy, localized_taxonomy
from peerdesk.translation import Message, localize, msg

MONTH_NAMES: Final[tuple[Message, ...]] = (
    msg("Jan"), msg("Feb"), msg("Mar"), msg("Apr"), msg("May"), msg("Jun"),
    msg("Jul"), msg("Aug"), msg("Sep"), msg("Oct"), msg("Nov"), msg("Dec"),
)

# headline key → its caption
HEADLINE_LABELS: Final[Mapping[str, Message]] = {
    "contacts": msg("Contacts"),
    "people": msg("People supported"),
    "first_contacts": msg("First contacts"),
    "follow_up_contacts": msg("Follow-up contacts"),
    "supporters": msg("Supporters"),
    "follow_up_planned": msg("Follow-up planned"),
    "referral_rate": msg("Contacts with a referral"),
    "risk_escalations": msg("Contacts with a safety concern"),
    "formal_report_share": msg("People considering or making a formal report"),
}

# table key → (title, row header)
TABLE_LABELS: Final[Mapping[str, tuple[Message, Message]]] = {
    "contacts_by_month": (msg("Contacts per month by channel"), msg("Month")),
    "behaviours": (msg("What is happening"), msg("Behaviour")),
    "source_relation": (msg("Who the behaviour comes from"), msg("Comes from")),
    "referrals": (msg("Referrals by type of resource"), msg("Type of resource")),
    "next_steps": (msg("The person's next step"), msg("Next step")),
}

# the fixed column of one-column tables
COLUMN_LABELS: Final[Mapping[str, Message]] = {
    "contacts": msg("Contacts"),
    "referrals": msg("Referrals"),
}

MONTH_FIELD: Final = "month"


def month_number(month: str) -> tuple[int, int]:
    """"2026-10" → (2026, 10); anything else is a bug in the caller."""
    year, number = month.split("-")
    if len(year) != 4 or not year.isdigit() or not 1 <= int(number) <= 12:
        raise ValueError(f"not a month: {month!r}")
    return int(year), int(number)


@dataclass(frozen=True)
class LabelledTable:
    """A protected table in words: the same cells and totals, every label in one language."""

    key: str
    title: str
    row_header: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    row_codes: tuple[str, ...]       # the codes or "YYYY-MM" months the rows stand for
    cells: tuple[tuple[str, ...], ...]
    row_totals: tuple[str, ...]
    column_totals: tuple[str, ...]
    grand_total: str
    multi_valued: bool
    k: int

    @property
    def months(self) -> bool:
        return self.key == "contacts_by_month"


@dataclass(frozen=True)
class LabelledHeadline:
    key: str
    label: str
    text: str                        # "40", "<5", "37%" or "—"
    detail: str | None = None        # for rates: "40 of 110"


class Labeller:
    """Codes → words in `language` ("en" or "es")."""

    def __init__(self, language: str = "en",
                 supporters: Sequence[SupporterInfo] = ()) -> None:
        self.language = language
        self.taxonomy: Taxonomy = localized_taxonomy(language)
        self._supporters = {info.supporter_id: (number, info.alias)
                            for number, info in enumerate(supporters, start=1)}

    def text(self, message: str) -> str:
        return localize(message, self.language)

    def month_name(self, month: str) -> str:
        """"2026-10" → "Oct" ("oct" in Spanish)."""
        return self.text(MONTH_NAMES[month_number(month)[1] - 1])

    def month(self, month: str) -> str:
        """"2026-10" → "Oct 2026"."""
        year, number = month_number(month)
        return self.text(msg("{month} {year}", month=MONTH_NAMES[number - 1], year=str(year)))

    def month_axis(self, months: Sequence[str]) -> list[str]:
        """Distinct short labels for a chart axis: "Oct" within one calendar year, else
        "Oct 2026" (a bare month name would repeat, and an axis drops repeated names)."""
        if len({m[:4] for m in months}) <= 1:
            return [self.month_name(m) for m in months]
        return [self.month(m) for m in months]

    def period(self, since: str | None, until: str | None) -> str:
        if since is None and until is None:
            return self.text(msg("No data"))
        if since == until or until is None:
            return self.month(since or "")
        if since is None:
            return self.text(msg("Up to {month}", month=self.month(until)))
        return self.text(msg("{first} – {last}", first=self.month(since),
                             last=self.month(until)))

    def code(self, field: str, code: str) -> str:
        if code == NOT_RECORDED:
            return self.text(msg("Not recorded"))
        if field == MONTH_FIELD:
            return self.month(code)
        return self.taxonomy.field(field).label_for(code)

    def supporter(self, supporter_id: str) -> str:
        """The alias the supporter chose (never translated), or "Supporter n"."""
        number, alias = self._supporters.get(supporter_id, (0, None))
        if alias:
            return alias
        return self.text(msg("Supporter {number}", number=number or "?"))

    def headline(self, key: str) -> str:
        return self.text(HEADLINE_LABELS[key])

    def of(self, count: str, total: str) -> str:
        return self.text(msg("{count} of {total}", count=count, total=total))

    def table_title(self, key: str) -> str:
        return self.text(TABLE_LABELS[key][0])

    def row_header(self, key: str) -> str:
        return self.text(TABLE_LABELS[key][1])

    def column(self, field: str | None, code: str) -> str:
        if field is None:
            return self.text(COLUMN_LABELS[code])
        return self.code(field, code)


@dataclass(frozen=True)
class LabelledReport:
    """A protected report in words, ready for a writer or the dashboard."""

    program_name: str
    period_label: str
    scope: str                       # the unit, or "All organisation units"
    k: int
    headlines: tuple[LabelledHeadline, ...]
    tables: tuple[LabelledTable, ...]
    supporter_names: tuple[str, ...]
    generated_on: dt.date
    app_version: str
    org_unit: str | None

    def table(self, key: str) -> LabelledTable:
        return next(t for t in self.tables if t.key == key)

    def headline(self, key: str) -> LabelledHeadline:
        return next(h for h in self.headlines if h.key == key)


def label_headline(headline: ShownHeadline, labeller: Labeller) -> LabelledHeadline:
    detail = (None if headline.count is None or headline.base is None
              else labeller.of(headline.count, headline.base))
    return LabelledHeadline(headline.key, labeller.headline(headline.key), headline.text, detail)


def label_table(table: ShownTable, labeller: Labeller) -> LabelledTable:
    return LabelledTable(
        key=table.key, title=labeller.table_title(table.key),
        row_header=labeller.row_header(table.key),
        rows=tuple(labeller.code(table.row_field, code) for code in table.rows),
        columns=tuple(labeller.column(table.column_field, code) for code in table.columns),
        row_codes=table.rows, cells=table.cells, row_totals=table.row_totals,
        column_totals=table.column_totals, grand_total=table.grand_total,
        multi_valued=table.multi_valued, k=table.k,
    )


def label_report(report: ProtectedReport, language: str = "en") -> LabelledReport:
    """`report` in words in `language`; every figure exactly as protected."""
    labeller = Labeller(language, report.all_supporters)
    scope = (labeller.text(msg("All organisation units")) if report.org_unit is None
             else report.org_unit)
    return LabelledReport(
        program_name=(labeller.text(report.program_name)
                      if isinstance(report.program_name, Message) else report.program_name),
        period_label=labeller.period(report.since, report.until),
        scope=scope, k=report.k,
        headlines=tuple(label_headline(h, labeller) for h in report.headlines),
        tables=tuple(label_table(t, labeller) for t in report.tables),
        supporter_names=tuple(labeller.supporter(info.supporter_id)
                              for info in report.supporters),
        generated_on=report.generated_on, app_version=report.app_version,
        org_unit=report.org_unit,
    )
