"""After an import: one line per file — what it added, or why it was rejected."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.exchange.validate import rejection
from peerdesk.program.importer import ImportOutcome
from peerdesk.translation import Message, translate
from peerdesk.ui.i18n import current_language, message_text
from peerdesk.ui.style import notice_colours, tone, tone_css

# The template of "<file> was not imported: <problem>." (see peerdesk.exchange.validate).
_REJECTION_TEMPLATE = rejection("", "").template


def outcome_summary(outcomes: Sequence[ImportOutcome]) -> str:
    accepted = [o for o in outcomes if o.accepted]
    rejected = len(outcomes) - len(accepted)
    # thousands grouped as on the dashboard (peerdesk.ui.program.tables.grouped)
    new, updated, unchanged = (f"{sum(getattr(o, name) for o in accepted):,}"
                               for name in ("new", "updated", "unchanged"))
    if len(accepted) == 1:
        text = QCoreApplication.translate(
            "ImportResultsDialog",
            "1 file imported: {0} new records, {1} updated, {2} already up to date.")
    else:
        text = QCoreApplication.translate(
            "ImportResultsDialog",
            "{3} files imported: {0} new records, {1} updated, {2} already up to date.")
    text = text.format(new, updated, unchanged, f"{len(accepted):,}")
    if rejected == 1:
        text += " " + QCoreApplication.translate(
            "ImportResultsDialog",
            "1 file was rejected and nothing from it was imported — see why below.")
    elif rejected:
        text += " " + QCoreApplication.translate(
            "ImportResultsDialog",
            "{0} files were rejected and nothing from them was imported — see why below."
        ).format(f"{rejected:,}")
    return text


def _starts_with_plain_part(message: Message, language: str) -> bool:
    """Whether `message` in `language` begins with a part that is not a sentence of its own
    (a field path such as `records[3].channel`, a file name): it must keep its spelling."""
    template = translate(message.template, language)
    if not template.startswith("{"):
        return False
    part = message.params.get(template[1:template.find("}")])
    return not isinstance(part, Message) or _starts_with_plain_part(part, language)


def problem_text(outcome: ImportOutcome) -> str:
    """Why the file was rejected, in the interface language, without the repeated
    "<file> was not imported: " lead-in (the file name is in the first column)."""
    problem = outcome.problem or ""
    reason = (problem.params.get("problem") if isinstance(problem, Message)
              and problem.template == _REJECTION_TEMPLATE
              and problem.params.get("file") == outcome.file_name else None)
    if not isinstance(reason, str):
        return message_text(problem)
    text = message_text(reason)
    language = current_language()
    if not (isinstance(reason, Message) and _starts_with_plain_part(reason, language)):
        text = text[:1].upper() + text[1:]
    return text + "."


def _already(outcome: ImportOutcome) -> str:
    if outcome.previously_imported_at:
        return QCoreApplication.translate(
            "ImportResultsDialog", "This file was already imported on {0}."
        ).format(outcome.previously_imported_at[:10])
    return ""


class ImportResultsDialog(QDialog):
    """Non-modal-friendly results table: opened with `open()`, never `exec()`."""

    COLUMNS = ("File", "Result", "New", "Updated", "Unchanged", "Supporter", "Details")

    def __init__(self, outcomes: Sequence[ImportOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResultsDialog")
        self.setWindowTitle(self.tr("Import results"))
        self.outcomes = list(outcomes)
        self.rejected_count = sum(1 for o in outcomes if not o.accepted)

        self.summary = QLabel(outcome_summary(outcomes))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() + 1)
        self.summary.setFont(font)

        self.table = QTableWidget(len(self.outcomes), len(self.COLUMNS))
        self.table.setObjectName("importResults")
        self.table.setAccessibleName(self.tr("Import results per file"))
        self.table.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Result"), self.tr("New"), self.tr("Updated"),
            self.tr("Unchanged"), self.tr("Supporter"), self.tr("Details")])
        self.table.setStyleSheet("QTableWidget::item { padding: 4px 6px; }"
                                 "QHeaderView::section { padding: 4px 6px; }")
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(len(self.COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        bold = QFont()
        bold.setBold(True)
        for row, outcome in enumerate(self.outcomes):
            result = QTableWidgetItem(
                self.tr("Imported") if outcome.accepted else self.tr("✖ Rejected"))
            result.setForeground(QBrush(tone("success" if outcome.accepted
                                             else "error")))
            result.setFont(bold)
            numbers = ((str(outcome.new), str(outcome.updated), str(outcome.unchanged))
                       if outcome.accepted else ("—", "—", "—"))
            values: list[QTableWidgetItem] = [
                QTableWidgetItem(outcome.file_name),
                result,
                *(QTableWidgetItem(n) for n in numbers),
                QTableWidgetItem(outcome.supporter_alias or ("—" if not outcome.accepted
                                                             else self.tr("(no alias)"))),
                QTableWidgetItem(problem_text(outcome) or _already(outcome)),
            ]
            for column, item in enumerate(values):
                if 2 <= column <= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if not outcome.accepted:
                    item.setBackground(QBrush(notice_colours("danger")[0]))
                    if column == len(values) - 1:
                        item.setForeground(QBrush(tone("error")))
                item.setToolTip(message_text(outcome.problem) if outcome.problem
                                else outcome.file_name)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close import results"))
        close.setDefault(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._close_button = close

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        if self.rejected_count:
            hint = QLabel(self.tr(
                "Rejected files changed nothing. Ask the supporter for a fresh export, "
                "or check that the file was not edited or cut short on the way."))
            hint.setObjectName("rejectedHint")
            hint.setWordWrap(True)
            hint.setStyleSheet(tone_css("muted"))
            layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(1000, min(230 + 44 * len(self.outcomes), 680))

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.table.resizeRowsToContents()
        self._close_button.setFocus()
