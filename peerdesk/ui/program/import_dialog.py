"""After an import: one line per file — the months it replaced, or why it was refused — and,
for a supporter whose key is not enrolled, its fingerprint to compare and confirm."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.exchange.validate import rejection
from peerdesk.program.importer import Enrolment, ImportOutcome, PendingKey
from peerdesk.translation import Message, translate
from peerdesk.ui.i18n import current_language, message_text
from peerdesk.ui.style import notice_colours, tone, tone_css

# The template of "<file> was not imported: <problem>." (see peerdesk.exchange.validate).
_REJECTION_TEMPLATE = rejection("", "").template


def outcome_summary(outcomes: Sequence[ImportOutcome]) -> str:
    accepted = [o for o in outcomes if o.accepted]
    rejected = len(outcomes) - len(accepted)
    months = f"{sum(len(o.months_replaced) for o in accepted):,}"
    if len(accepted) == 1:
        text = QCoreApplication.translate(
            "ImportResultsDialog", "1 file imported: {0} supporter months replaced.")
    else:
        text = QCoreApplication.translate(
            "ImportResultsDialog", "{1} files imported: {0} supporter months replaced.")
    text = text.format(months, f"{len(accepted):,}")
    if rejected == 1:
        text += " " + QCoreApplication.translate(
            "ImportResultsDialog",
            "1 file was refused and nothing from it was imported — see why below.")
    elif rejected:
        text += " " + QCoreApplication.translate(
            "ImportResultsDialog",
            "{0} files were refused and nothing from them was imported — see why below."
        ).format(f"{rejected:,}")
    return text


def _starts_with_plain_part(message: Message, language: str) -> bool:
    """Whether `message` in `language` begins with a part that is not a sentence of its own
    (a field path such as `months[3].contacts`, a file name): it must keep its spelling."""
    template = translate(message.template, language)
    if not template.startswith("{"):
        return False
    part = message.params.get(template[1:template.find("}")])
    return not isinstance(part, Message) or _starts_with_plain_part(part, language)


def problem_text(outcome: ImportOutcome) -> str:
    """Why the file was refused, in the interface language, without the repeated
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


def _details(outcome: ImportOutcome) -> str:
    if not outcome.accepted:
        return problem_text(outcome)
    if outcome.previously_imported_at:
        return QCoreApplication.translate(
            "ImportResultsDialog", "This file was already imported on {0}; nothing changed."
        ).format(outcome.previously_imported_at[:10])
    parts = [", ".join(outcome.months_replaced)]
    if outcome.months_kept:
        parts.append(QCoreApplication.translate(
            "ImportResultsDialog", "kept {0}: newer figures were already held"
        ).format(", ".join(outcome.months_kept)))
    if outcome.enrolled:
        parts.append(QCoreApplication.translate(
            "ImportResultsDialog", "key enrolled ({0})").format(outcome.enrolled))
    return "; ".join(p for p in parts if p)


class ImportResultsDialog(QDialog):
    """Results table, opened with `open()`, never `exec()`. Emits `enrol_requested(paths,
    Enrolment)` when the coordinator confirms a key; the caller imports those files again."""

    enrol_requested = Signal(list, object)

    COLUMNS = ("File", "Result", "Months", "Supporter", "Details")

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
            self.tr("File"), self.tr("Result"), self.tr("Months"), self.tr("Supporter"),
            self.tr("Details")])
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
                self.tr("Imported") if outcome.accepted else self.tr("✖ Refused"))
            result.setForeground(QBrush(tone("success" if outcome.accepted else "error")))
            result.setFont(bold)
            values: list[QTableWidgetItem] = [
                QTableWidgetItem(outcome.file_name),
                result,
                QTableWidgetItem(str(len(outcome.months_replaced)) if outcome.accepted
                                 else "—"),
                QTableWidgetItem(outcome.supporter_alias or ("—" if not outcome.accepted
                                                             else self.tr("(no alias)"))),
                QTableWidgetItem(_details(outcome)),
            ]
            values[2].setTextAlignment(Qt.AlignmentFlag.AlignRight
                                       | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate(values):
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
        self.key_checks: list[tuple[QCheckBox, PendingKey]] = []
        self.enrol_button: QPushButton | None = None
        pending = [o for o in self.outcomes if o.pending_key is not None]
        if pending:
            layout.addWidget(self._keys_box(pending))
        if self.rejected_count:
            hint = QLabel(self.tr(
                "Refused files changed nothing. Ask the supporter for a fresh export, "
                "or check that the file was not edited or cut short on the way."))
            hint.setObjectName("rejectedHint")
            hint.setWordWrap(True)
            hint.setStyleSheet(tone_css("muted"))
            layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(1000, min(260 + 44 * len(self.outcomes) + 90 * len(pending), 720))

    def _keys_box(self, pending: Sequence[ImportOutcome]) -> QGroupBox:
        box = QGroupBox(self.tr("Keys to confirm"))
        box.setObjectName("keysToConfirm")
        column = QVBoxLayout(box)
        intro = QLabel(self.tr(
            "Ask each supporter to read the fingerprint shown in their export window. Tick a "
            "key only when every digit matches: files signed with it are then counted under "
            "that supporter."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        seen: set[str] = set()
        for outcome in pending:
            key = outcome.pending_key
            assert key is not None  # filtered above
            if key.fingerprint in seen:
                continue
            seen.add(key.fingerprint)
            who = key.alias or key.supporter_id[:8]
            if key.re_enrol:
                text = self.tr("{0} ({1}) is already enrolled with another key. Re-enrol only "
                               "if they told you they moved to a new journal.").format(
                                   who, outcome.file_name)
            else:
                text = self.tr("{0} ({1}) is new.").format(who, outcome.file_name)
            label = QLabel(f"{text}<br><b style='font-size:13pt'>{key.fingerprint}</b>")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            check = QCheckBox(self.tr("The fingerprint matches"))
            check.setObjectName("keyMatches")
            check.setAccessibleName(self.tr("The fingerprint {0} matches").format(
                key.fingerprint))
            check.toggled.connect(self._update_enrol_button)
            self.key_checks.append((check, key))
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(check, 0, Qt.AlignmentFlag.AlignVCenter)
            column.addLayout(row)
        self.enrol_button = QPushButton(self.tr("&Enrol the ticked keys and import again"))
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.setEnabled(False)
        self.enrol_button.clicked.connect(self._confirm)
        column.addWidget(self.enrol_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _update_enrol_button(self) -> None:
        if self.enrol_button is not None:
            self.enrol_button.setEnabled(any(c.isChecked() for c, _ in self.key_checks))

    def _confirm(self) -> None:
        confirmed = [key for check, key in self.key_checks if check.isChecked()]
        if not confirmed:
            return
        enrolment = Enrolment.of([k.fingerprint for k in confirmed if not k.re_enrol],
                                 re_enrol=[k.fingerprint for k in confirmed if k.re_enrol])
        fingerprints = {k.fingerprint for k in confirmed}
        paths = [o.path for o in self.outcomes if o.path and o.pending_key is not None
                 and o.pending_key.fingerprint in fingerprints]
        self.enrol_requested.emit(paths, enrolment)
        self.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()
        self._close_button.setFocus()
