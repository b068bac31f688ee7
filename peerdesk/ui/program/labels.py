"""The dashboard's figures in the interface language.

The protected report is built outside ui/ with English labels (the PDF and CSV keep them). For
the screen, `localized_headlines` / `localized_tables` swap the fixed labels for their
translation, taxonomy rows and columns for the interface language's labels, and month names
for the locale's. Only labels change: every count and every hidden cell stays as protected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from peerdesk.program.disclosure import ShownHeadline, ShownTable
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import Message
from peerdesk.ui.i18n import display_taxonomy, message_text
from peerdesk.ui.program.charts import month_label

CONTEXT = "ProgramLabels"

# Every fixed label of `peerdesk.program.aggregate` (a test checks none is missing).
FIXED_LABELS = (
    QT_TRANSLATE_NOOP("ProgramLabels", "Contacts"),
    QT_TRANSLATE_NOOP("ProgramLabels", "People supported"),
    QT_TRANSLATE_NOOP("ProgramLabels", "First contacts"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Follow-up contacts"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Active supporters"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Follow-up planned"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Contacts with a referral"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Contacts with a safety concern"),
    QT_TRANSLATE_NOOP("ProgramLabels", "People considering or making a formal report"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Contacts per month by channel"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Month"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Sessions per supporter"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Supporter"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Sessions"),
    QT_TRANSLATE_NOOP("ProgramLabels", "What is happening"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Behaviour"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Who the behaviour comes from"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Comes from"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Referrals by type of resource"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Type of resource"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Referrals"),
    QT_TRANSLATE_NOOP("ProgramLabels", "The person's next step"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Next step"),
    QT_TRANSLATE_NOOP("ProgramLabels", "Not recorded"),
)

# table key → taxonomy field whose labels make its rows (or, for the monthly table, columns)
ROW_FIELDS = {"behaviours": "behaviour", "source_relation": "source_relation",
              "referrals": "referral_type", "next_steps": "next_step"}
COLUMN_FIELDS = {"contacts_by_month": "channel"}
MONTH_ROWS = frozenset({"contacts_by_month"})
SUPPORTER_ROWS = frozenset({"sessions_per_supporter"})


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _taxonomy_labels(field: str, labels: Sequence[str]) -> tuple[str, ...]:
    """English taxonomy labels → the interface language's (other texts translated as fixed)."""
    codes = {option.label: option.code for option in default_taxonomy().field(field).options}
    shown = display_taxonomy().field(field)
    return tuple(shown.label_for(codes[label]) if label in codes else _tr(label)
                 for label in labels)


_OF = re.compile(r"^(\S+) of (\S+)$")  # a rate's detail, "42 of 113"


def _detail(detail: str | None) -> str | None:
    match = _OF.match(detail) if detail else None
    if match is None:
        return detail
    return QCoreApplication.translate("ProgramLabels", "{0} of {1}").format(*match.groups())


def supporter_label(label: str) -> str:
    """A supporter's alias as they wrote it; "Supporter 3" (for one without) translated."""
    return message_text(label) if isinstance(label, Message) else label


def localized_headlines(headlines: Sequence[ShownHeadline]) -> tuple[ShownHeadline, ...]:
    return tuple(replace(headline, label=_tr(headline.label), detail=_detail(headline.detail))
                 for headline in headlines)


def localized_table(table: ShownTable) -> ShownTable:
    rows: tuple[str, ...] = table.rows
    columns = tuple(_tr(column) for column in table.columns)
    if table.key in ROW_FIELDS:
        rows = _taxonomy_labels(ROW_FIELDS[table.key], table.rows)
    elif table.key in MONTH_ROWS:
        rows = tuple(month_label(row) for row in table.rows)
    elif table.key in SUPPORTER_ROWS:
        rows = tuple(supporter_label(row) for row in table.rows)
    if table.key in COLUMN_FIELDS:
        columns = _taxonomy_labels(COLUMN_FIELDS[table.key], table.columns)
    return replace(table, title=_tr(table.title), row_header=_tr(table.row_header),
                   rows=rows, columns=columns)


def localized_tables(tables: Sequence[ShownTable]) -> tuple[ShownTable, ...]:
    return tuple(localized_table(table) for table in tables)
