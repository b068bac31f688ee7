"""The report's labels in the report's language (the PDF and CSV writers' `language`).

`prepare_report` builds the protected figures once, labelled in English. `localized_report`
swaps the labels for `language`: the fixed labels of `peerdesk.program.aggregate` (table titles,
headline names, "Not recorded"…), taxonomy rows and columns from `localized_taxonomy`, month
names and supporters without an alias. Only labels change: every count and every hidden cell
is the same object in both languages. No Qt here (`peerdesk.ui.program.labels` does this for
the screen).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from peerdesk.program.aggregate import month_label
from peerdesk.program.disclosure import ShownHeadline, ShownTable
from peerdesk.taxonomy import default_taxonomy, localized_taxonomy
from peerdesk.translation import Message, localize, msg

if TYPE_CHECKING:
    from peerdesk.reports import ProtectedReport

MONTH_NAMES: Final[tuple[Message, ...]] = (
    msg("Jan"), msg("Feb"), msg("Mar"), msg("Apr"), msg("May"), msg("Jun"),
    msg("Jul"), msg("Aug"), msg("Sep"), msg("Oct"), msg("Nov"), msg("Dec"),
)

# Every fixed label `peerdesk.program.aggregate` gives headlines and tables (a test checks that
# a real report has none left over), by its English text.
FIXED_LABELS: Final[Mapping[str, Message]] = {str(label): label for label in (
    msg("Contacts"),
    msg("People supported"),
    msg("First contacts"),
    msg("Follow-up contacts"),
    msg("Active supporters"),
    msg("Follow-up planned"),
    msg("Contacts with a referral"),
    msg("Contacts with a safety concern"),
    msg("People considering or making a formal report"),
    msg("Contacts per month by channel"),
    msg("Month"),
    msg("Sessions per supporter"),
    msg("Supporter"),
    msg("Sessions"),
    msg("What is happening"),
    msg("Behaviour"),
    msg("Who the behaviour comes from"),
    msg("Comes from"),
    msg("Referrals by type of resource"),
    msg("Type of resource"),
    msg("Referrals"),
    msg("The person's next step"),
    msg("Next step"),
    msg("Not recorded"),
)}

# table key → taxonomy field whose labels make its rows (or, for the monthly table, columns)
ROW_FIELDS: Final = {"behaviours": "behaviour", "source_relation": "source_relation",
                     "referrals": "referral_type", "next_steps": "next_step"}
COLUMN_FIELDS: Final = {"contacts_by_month": "channel"}
MONTH_ROWS: Final = frozenset({"contacts_by_month"})
SUPPORTER_ROWS: Final = frozenset({"sessions_per_supporter"})

_OF = re.compile(r"^(\S+) of (\S+)$")  # a rate's detail, "42 of 113"


def month_text(month: str) -> Message:
    """"2026-10" → "Oct 2026" (a message: its month name is translated with it)."""
    year, number = month.split("-")
    return msg("{month} {year}", month=MONTH_NAMES[int(number) - 1], year=year)


def _month_numbers() -> dict[str, int]:
    # The aggregate names months with strftime("%b"), so read them back the same way.
    return {month_label(f"2000-{number:02d}").rsplit(" ", 1)[0]: number
            for number in range(1, 13)}


def _month_row(label: str, numbers: Mapping[str, int], language: str) -> str:
    name, _, year = label.rpartition(" ")
    number = numbers.get(name)
    if number is None or not year.isdigit():
        return label
    return localize(month_text(f"{year}-{number:02d}"), language)


def _fixed(label: str, language: str) -> str:
    """A fixed aggregate label in `language`; any other text (an alias) exactly as it is."""
    fixed = FIXED_LABELS.get(label)
    return label if fixed is None else localize(fixed, language)


def _taxonomy_labels(field: str, labels: Sequence[str], language: str) -> tuple[str, ...]:
    english = default_taxonomy().field(field)
    shown = localized_taxonomy(language).field(field)
    out: list[str] = []
    for label in labels:
        code = next((o.code for o in english.options if o.label == label), None)
        out.append(shown.label_for(code) if code is not None else _fixed(label, language))
    return tuple(out)


def _supporter(label: str, language: str) -> str:
    if isinstance(label, Message):  # "Supporter 3": the store's label for one without an alias
        return localize(label, language)
    return label  # the alias the supporter chose: never translated


def localized_detail(detail: str | None, language: str) -> str | None:
    """A rate's detail ("42 of 113") in `language`; the figures stay as they are."""
    match = _OF.match(detail) if detail else None
    if match is None:
        return detail
    return localize(msg("{count} of {total}", count=match.group(1), total=match.group(2)),
                    language)


def localized_headline(headline: ShownHeadline, language: str) -> ShownHeadline:
    return replace(headline, label=_fixed(headline.label, language),
                   detail=localized_detail(headline.detail, language))


def localized_table(table: ShownTable, language: str) -> ShownTable:
    rows: tuple[str, ...] = tuple(_fixed(row, language) for row in table.rows)
    columns = tuple(_fixed(column, language) for column in table.columns)
    if table.key in ROW_FIELDS:
        rows = _taxonomy_labels(ROW_FIELDS[table.key], table.rows, language)
    elif table.key in MONTH_ROWS:
        numbers = _month_numbers()
        rows = tuple(_month_row(row, numbers, language) for row in table.rows)
    elif table.key in SUPPORTER_ROWS:
        rows = tuple(_supporter(row, language) for row in table.rows)
    if table.key in COLUMN_FIELDS:
        columns = _taxonomy_labels(COLUMN_FIELDS[table.key], table.columns, language)
    return replace(table, title=_fixed(table.title, language),
                   row_header=_fixed(table.row_header, language), rows=rows, columns=columns)


def localized_report(report: ProtectedReport, language: str) -> ProtectedReport:
    """`report` with every label in `language` (English included: month names are then
    English whatever the C locale). Figures and hidden cells are untouched."""
    return replace(
        report,
        program_name=localize(report.program_name, language)
        if isinstance(report.program_name, Message) else report.program_name,
        period_label=localize(report.period_label, language),
        headlines=tuple(localized_headline(h, language) for h in report.headlines),
        tables=tuple(localized_table(t, language) for t in report.tables),
    )
