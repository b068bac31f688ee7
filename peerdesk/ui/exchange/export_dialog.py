"""Export summary…: choose the period, see exactly what will be written, then save.

Planning and writing run off the GUI thread (`run_in_background`); the planning worker reads
the journal through its own `vault.connect_another()` connection. Settings, the peer-key
secret and draft keys are read here, on the GUI thread, before the worker starts.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.exchange.deidentify import period_code
from peerdesk.exchange.export import (
    ExportPlan,
    ExportResult,
    VaultExportInputs,
    default_period,
    plan_from_vault,
    read_export_inputs,
    remember_export,
    remembered_alias,
    remembered_last_until,
    write_export,
)
from peerdesk.exchange.format import MAX_ALIAS_LENGTH
from peerdesk.ui.exchange.preview_model import SORT_ROLE, ExportPreviewModel
from peerdesk.ui.i18n import message_text
from peerdesk.ui.messages import show_error, show_info
from peerdesk.ui.tasks import Progress, run_in_background
from peerdesk.vault import Vault

REPLAN_DELAY_MS = 300


def default_file_name(today: dt.date) -> str:
    return f"peerdesk-summary-{today.isoformat()}.json"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ExportDialog(QDialog):
    """Window-modal; open with `.open()`. Emits `exported(ExportResult)` after a save."""

    exported = Signal(object)
    plan_ready = Signal()  # the preview is settled: a plan is shown, or why there is none

    def __init__(self, vault: Vault, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportSummaryDialog")
        self.setWindowTitle(self.tr("Export a de-identified summary"))
        self.setAccessibleName(self.tr("Export a de-identified summary"))
        self.vault = vault
        self.today = today or dt.date.today()
        self.plan: ExportPlan | None = None
        self._inputs: VaultExportInputs = read_export_inputs(vault)
        self._generation = 0
        self._closed = False
        self._busy = False

        since, until = default_period(remembered_last_until(vault), self.today)

        intro = QLabel(self.tr(
            "This makes a file for your program coordinator. It holds only coded facts from "
            "sessions where the person agreed to be counted — nothing that names anyone."))
        intro.setWordWrap(True)

        self.since_edit = self._date_edit(since, self.tr("First session date to include"))
        self.until_edit = self._date_edit(until, self.tr("Last session date to include"))
        self.period_note = QLabel()
        self.period_note.setObjectName("periodNote")
        self.period_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        period_row = QHBoxLayout()
        period_row.addWidget(self._buddy(self.tr("&From:"), self.since_edit))
        period_row.addWidget(self.since_edit)
        period_row.addSpacing(8)
        period_row.addWidget(self._buddy(self.tr("&To:"), self.until_edit))
        period_row.addWidget(self.until_edit)
        period_row.addSpacing(16)
        period_row.addWidget(self.period_note, 1)

        self.heading = QLabel()
        self.heading.setObjectName("previewHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model = ExportPreviewModel()
        # the file is ordered by random id; the preview reads better by period
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("exportPreview")
        self.table.setAccessibleName(self.tr("Records that will be written"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(220)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setDefaultSectionSize(110)
        self.empty_note = QLabel()
        self.empty_note.setObjectName("emptyNote")
        self.empty_note.setWordWrap(True)
        self.empty_note.setVisible(False)

        self.left_out = QLabel()
        self.left_out.setObjectName("leftOut")
        self.left_out.setWordWrap(True)
        self.left_out.setTextFormat(Qt.TextFormat.RichText)
        self.left_out.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.left_out.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        left_box = QGroupBox(self.tr("Left out"))
        QVBoxLayout(left_box).addWidget(self.left_out)

        never = QLabel(self.tr(
            "<ul style='margin-left:-20px'>"
            "<li>notes and reflections, or anything else you typed</li>"
            "<li>peer codes and names (a repeat contact is linked by a code that only this "
            "journal can make)</li>"
            "<li>exact dates and times — only the week or month</li>"
            "<li>exact length or group size — only ranges</li>"
            "<li>whether you know the people involved</li>"
            "<li>your own directory entries and sessions not agreed to be counted</li>"
            "</ul>"))
        never.setObjectName("neverExported")
        never.setWordWrap(True)
        never.setTextFormat(Qt.TextFormat.RichText)
        never.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        never_box = QGroupBox(self.tr("Never exported"))
        QVBoxLayout(never_box).addWidget(never)

        boxes = QHBoxLayout()
        boxes.addWidget(left_box, 2)
        boxes.addWidget(never_box, 3)

        self.alias_edit = QLineEdit(remembered_alias(vault))
        self.alias_edit.setObjectName("supporterAlias")
        self.alias_edit.setAccessibleName(self.tr("Supporter alias (optional)"))
        self.alias_edit.setMaxLength(MAX_ALIAS_LENGTH)
        self.alias_edit.setPlaceholderText(self.tr("e.g. a site or a nickname the coordinator "
                                                   "knows — optional"))
        alias_row = QGridLayout()
        alias_row.addWidget(self._buddy(self.tr("Your &alias in the file:"), self.alias_edit),
                            0, 0)
        alias_row.addWidget(self.alias_edit, 0, 1)
        alias_row.setColumnStretch(1, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("&Save…"))
        self.save_button.setObjectName("saveSummaryButton")
        self.save_button.setAccessibleName(self.tr("Save the summary file"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)

        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.HLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(period_row)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)
        layout.addLayout(boxes)
        layout.addWidget(separator)
        layout.addLayout(alias_row)
        layout.addWidget(self.buttons)
        self.resize(1040, 660)
        # Save was added to the button box after Close: give both a place in the Tab chain.
        QWidget.setTabOrder(self.save_button,
                            self.buttons.button(QDialogButtonBox.StandardButton.Close))

        self._replan_timer = QTimer(self)
        self._replan_timer.setSingleShot(True)
        self._replan_timer.setInterval(REPLAN_DELAY_MS)
        self._replan_timer.timeout.connect(self.refresh)
        self.since_edit.dateChanged.connect(self._period_changed)
        self.until_edit.dateChanged.connect(self._period_changed)
        self._show_period_note()
        self.refresh()

    # -- building blocks ------------------------------------------------------------------------

    def _date_edit(self, day: dt.date, accessible: str) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(accessible)
        edit.setMaximumDate(_qdate(self.today + dt.timedelta(days=366)))
        return edit

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # -- period and planning --------------------------------------------------------------------

    @property
    def since(self) -> dt.date:
        return _pydate(self.since_edit.date())

    @property
    def until(self) -> dt.date:
        return _pydate(self.until_edit.date())

    def set_period(self, since: dt.date, until: dt.date) -> None:
        """Set both dates and re-plan once (tests and callers)."""
        for edit in (self.since_edit, self.until_edit):
            edit.blockSignals(True)
        self.since_edit.setDate(_qdate(since))
        self.until_edit.setDate(_qdate(until))
        for edit in (self.since_edit, self.until_edit):
            edit.blockSignals(False)
        self._show_period_note()
        self.refresh()

    def _period_changed(self) -> None:
        self.plan = None
        self._update_buttons()
        self._show_period_note()
        self._replan_timer.start()

    def _show_period_note(self) -> None:
        granularity = self._inputs.settings.period
        if self.since > self.until:
            self.period_note.setText(self.tr("The start is after the end."))
            return
        first, last = period_code(self.since, granularity), period_code(self.until, granularity)
        span = first if first == last else f"{first} – {last}"
        text = (self.tr("Sessions are exported by week: {0}") if granularity == "week"
                else self.tr("Sessions are exported by month: {0}"))
        self.period_note.setText(text.format(span))

    def refresh(self) -> None:
        """Build the plan for the chosen period in the background; the preview follows."""
        self._replan_timer.stop()
        self._generation += 1
        generation = self._generation
        since, until = self.since, self.until
        self.plan = None
        self._update_buttons()
        if since > until:
            self.model.set_records([])
            self.heading.setText(self.tr("Choose a start date on or before the end date."))
            self.left_out.setText("")
            self.empty_note.setVisible(False)
            self.plan_ready.emit()
            return
        self.heading.setText(self.tr("Reading your journal…"))
        vault, inputs = self.vault, self._inputs
        reading = self.tr("Reading sessions…")
        self._busy = True

        def work(progress: Progress) -> ExportPlan:
            connection = vault.connect_another()
            try:
                return plan_from_vault(
                    vault, since, until, inputs=inputs, connection=connection,
                    progress=lambda done, total: progress.update(done, total, reading))
            finally:
                connection.close()

        run_in_background(self, self.tr("Preparing the summary…"), work,
                          lambda plan: self._plan_done(generation, plan),
                          lambda exc: self._plan_failed(generation, exc))

    def _plan_done(self, generation: int, plan: ExportPlan) -> None:
        if self._closed or generation != self._generation:
            return
        self._busy = False
        self.show_plan(plan)
        self.plan_ready.emit()

    def _plan_failed(self, generation: int, exc: BaseException) -> None:
        if self._closed or generation != self._generation:
            return
        self._busy = False
        self.heading.setText(self.tr("The summary could not be prepared."))
        show_error(self, self.tr("Export"), message_text(exc))
        self.plan_ready.emit()

    def show_plan(self, plan: ExportPlan) -> None:
        self.plan = plan
        self.model.set_records(plan.records)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(max(header.sectionSize(column), 70), 260))
        count = plan.record_count
        self.heading.setText(
            self.tr("No sessions to write for this period.") if count == 0
            else self.tr("1 session will be written:") if count == 1
            else self.tr("{0} sessions will be written:").format(count))
        self.empty_note.setVisible(count == 0)
        self.empty_note.setText(self.tr(
            "You can still save: an empty summary tells the coordinator you had no sessions "
            "to count in this period."))
        left = plan.left_out
        lines = [
            (self.tr("1 session: the person did not agree to be counted")
             if left.no_consent == 1 else
             self.tr("{0} sessions: the person did not agree to be counted")
             .format(left.no_consent)),
            (self.tr("1 session outside the period") if left.outside_period == 1 else
             self.tr("{0} sessions outside the period").format(left.outside_period)),
            (self.tr("1 unsaved draft — save it in the journal to include it")
             if left.unsaved_drafts == 1 else
             self.tr("{0} unsaved drafts — save them in the journal to include them")
             .format(left.unsaved_drafts)),
        ]
        if not plan.resource_ids_available:
            lines.append(self.tr("referral directory ids (the directory could not be read)"))
        self.left_out.setText("<ul style='margin-left:-20px'>"
                              + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.plan is not None)

    # -- saving ---------------------------------------------------------------------------------

    def suggested_path(self) -> Path:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        if not Path(folder).is_dir():
            folder = str(Path.home())
        return Path(folder) / default_file_name(self.today)

    def choose_file(self) -> QFileDialog | None:
        """Ask where to save (non-blocking); `save_to` does the writing."""
        if self.plan is None:
            return None
        chooser = QFileDialog(self, self.tr("Save the summary"))
        chooser.setObjectName("saveSummaryChooser")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setNameFilter(self.tr("PeerDesk summaries (*.json)"))
        chooser.setDefaultSuffix("json")
        suggested = self.suggested_path()
        chooser.setDirectory(str(suggested.parent))
        chooser.selectFile(suggested.name)
        chooser.fileSelected.connect(lambda name: self.save_to(Path(name)))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()
        return chooser

    def save_to(self, path: Path) -> None:
        """Write the planned summary to `path` in the background, then remember the export."""
        plan = self.plan
        if plan is None:
            return
        alias = self.alias_edit.text()
        self.save_button.setEnabled(False)

        def work(_: Progress) -> ExportResult:
            return write_export(plan, path, alias=alias)

        def done(result: ExportResult) -> None:
            if self._closed:
                return
            remember_export(self.vault, plan, alias)
            self.exported.emit(result)
            box = show_info(
                self.parentWidget() or self, self.tr("Summary saved"),
                self.tr("Sessions written: {0}. Saved to {1}. Give this file to your "
                        "program coordinator.").format(result.record_count, result.path))
            box.setObjectName("exportSavedMessage")
            self.accept()

        def failed(exc: BaseException) -> None:
            if self._closed:
                return
            self._update_buttons()
            if isinstance(exc, PeerDeskError):
                show_error(self, self.tr("The summary was not saved"), message_text(exc))
                return
            show_error(self, self.tr("Unexpected error"), self.tr(
                "Something went wrong that PeerDesk did not expect. Nothing was written. "
                "Details: {0}").format(exc))
            sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: report it loudly

        run_in_background(self, self.tr("Writing the summary…"), work, done, failed)

    # -- closing --------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._closed = True
        self._replan_timer.stop()
        self.model.set_records([])  # decrypted values go with the dialog
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        super().closeEvent(event)


def export_summary_action(window: Any, context: Any) -> list[QAction]:
    """Journal menu entry "Export summary…" (Ctrl+E)."""
    action = QAction(QCoreApplication.translate("MainWindow", "E&xport summary…"), window)
    action.setObjectName("exportSummaryAction")
    action.setShortcut(QKeySequence("Ctrl+E"))
    action.setStatusTip(QCoreApplication.translate(
        "MainWindow", "Write a de-identified summary for your program coordinator"))

    def open_dialog() -> None:
        dialog = ExportDialog(context.vault, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        locked = getattr(window, "locked", None)
        if locked is not None:
            locked.connect(dialog.reject)
        dialog.open()

    action.triggered.connect(open_dialog)
    return [action]
