"""After an import: one line per file — what it added, or why it was rejected."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
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

from peerdesk.program.importer import ImportOutcome
from peerdesk.ui.style import notice_colours, tone, tone_css


def outcome_summary(outcomes: Sequence[ImportOutcome]) -> str:
    accepted = [o for o in outcomes if o.accepted]
    rejected = len(outcomes) - len(accepted)
    new = sum(o.new for o in accepted)
    updated = sum(o.updated for o in accepted)
    unchanged = sum(o.unchanged for o in accepted)
    files = "1 file" if len(accepted) == 1 else f"{len(accepted)} files"
    text = (f"{files} imported: {new:,} new records, {updated:,} updated, "
            f"{unchanged:,} already up to date.")
    if rejected == 1:
        text += " 1 file was rejected and nothing from it was imported — see why below."
    elif rejected:
        text += (f" {rejected} files were rejected and nothing from them was imported — "
                 "see why below.")
    return text


def problem_text(outcome: ImportOutcome) -> str:
    """The problem without the repeated "<file> was not imported: " lead-in."""
    problem = outcome.problem or ""
    lead = f"{outcome.file_name} was not imported: "
    if problem.startswith(lead):
        problem = problem[len(lead):]
        problem = problem[:1].upper() + problem[1:]
    return problem


def _already(outcome: ImportOutcome) -> str:
    if outcome.previously_imported_at:
        return f"This file was already imported on {outcome.previously_imported_at[:10]}."
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
                item.setToolTip(outcome.problem or outcome.file_name)
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
