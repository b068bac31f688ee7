"""Export summary…: see which months changed and every count that leaves, then save.

Planning runs off the GUI thread (`run_in_background`) on its own `vault.connect_another()`
connection; the signing key and draft count are read here, on the GUI thread, first. Saving
writes the file and remembers what was sent on the GUI thread (a small file, one write).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.exchange.export import (
    ExportError,
    ExportPlan,
    ExportResult,
    SentMonth,
    clean_alias,
    coordinator_org_units,
    plan_from_vault,
    prove_journal_writable,
    remember_export,
    remember_sent,
    remembered_alias,
    remembered_org_unit,
    write_file,
)
from peerdesk.exchange.format import MAX_ALIAS_LENGTH
from peerdesk.exchange.keys import SigningKey, SigningKeyStore
from peerdesk.exchange.sent_periods import SentPeriodStore
from peerdesk.journal.drafts import DraftStore
from peerdesk.ui.exchange.preview_model import (
    MONTH_ROLE,
    SORT_ROLE,
    MonthCountsModel,
    MonthPreviewModel,
)
from peerdesk.ui.i18n import message_text
from peerdesk.ui.messages import show_error, show_info
from peerdesk.ui.shortcuts import apply_shortcut
from peerdesk.ui.tasks import Progress, run_in_background
from peerdesk.ui.turns import next_turn
from peerdesk.vault import Vault


def default_file_name(today: dt.date) -> str:
    return f"peerdesk-summary-{today.isoformat()}.json"


class ExportDialog(QDialog):
    """Window-modal; open with `.open()`. Emits `exported(ExportResult)` after a save."""

    exported = Signal(object)
    plan_ready = Signal()  # the preview is settled: a plan is shown, or why there is none

    def __init__(self, vault: Vault, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportSummaryDialog")
        self.setWindowTitle(self.tr("Export a summary for your coordinator"))
        self.setAccessibleName(self.tr("Export a summary for your coordinator"))
        self.vault = vault
        self.today = today or dt.date.today()
        self.plan: ExportPlan | None = None
        # read (made and saved, the first time) on the planning worker
        self.key: SigningKey | None = None
        self._drafts = len(DraftStore(vault).keys())
        self._closed = False

        intro = QLabel(self.tr(
            "This makes a signed file for your program coordinator. Per calendar month it "
            "holds only counts of the sessions where the person agreed to be counted — never a "
            "single session, a note, a peer code or a date. Every month that changed since your "
            "last export is sent again, so the coordinator's figures match your journal."))
        intro.setWordWrap(True)

        self.heading = QLabel()
        self.heading.setObjectName("previewHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model = MonthPreviewModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("exportPreview")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.table.setAccessibleName(self.tr("Months that will be sent"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(200)
        row_height = self.table.fontMetrics().height() + 8
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        # Columns are sized from the texts the model knows (`_fit_columns`), not by Qt asking
        # every cell of every row for its size on each reset: that ran on the GUI thread for
        # tens of milliseconds with a few years of months.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.counts_model = MonthCountsModel()
        self.counts_table = QTableView()
        self.counts_table.setTabKeyNavigation(False)
        self.counts_table.setObjectName("monthCounts")
        self.counts_table.setAccessibleName(self.tr("Every count the selected month sends"))
        self.counts_table.setModel(self.counts_model)
        self.counts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts_table.setAlternatingRowColors(True)
        self.counts_table.verticalHeader().setVisible(False)
        self.counts_table.verticalHeader().setDefaultSectionSize(row_height)
        counts_header = self.counts_table.horizontalHeader()
        counts_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        counts_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.counts_heading = QLabel(self.tr("Select a month to see every count it sends."))
        self.counts_heading.setObjectName("countsHeading")
        counts_column = QVBoxLayout()
        counts_column.addWidget(self.counts_heading)
        counts_column.addWidget(self.counts_table, 1)
        self.table.selectionModel().currentRowChanged.connect(self._show_month)

        preview_row = QHBoxLayout()
        preview_row.addWidget(self.table, 4)
        preview_row.addLayout(counts_column, 3)

        self.left_out = QLabel()
        self.left_out.setObjectName("leftOut")
        self.left_out.setWordWrap(True)
        self.left_out.setTextFormat(Qt.TextFormat.RichText)
        self.left_out.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.left_out.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        left_box = QGroupBox(self.tr("Not counted"))
        QVBoxLayout(left_box).addWidget(self.left_out)

        never = QLabel(self.tr(
            "<ul style='margin-left:-20px'>"
            "<li>any single session: only counts per month leave</li>"
            "<li>notes, reflections, or anything else you typed</li>"
            "<li>peer codes and names: people are counted here, in your journal</li>"
            "<li>dates, weeks and times: only the month</li>"
            "<li>exact length or group size: only ranges</li>"
            "<li>whether you know the people involved, and your directory entries</li>"
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
        self.alias_edit.setPlaceholderText(self.tr("a short label such as 'finance-2', never "
                                                   "a name — optional"))
        self.alias_problem = QLabel()
        self.alias_problem.setObjectName("aliasProblem")
        self.alias_problem.setWordWrap(True)
        self.alias_problem.setStyleSheet("color: #b00020;")
        self.alias_problem.setVisible(False)
        self.alias_edit.textChanged.connect(self._check_alias)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("keyFingerprint")
        self.fingerprint.setTextFormat(Qt.TextFormat.RichText)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        alias_row = QGridLayout()
        alias_row.addWidget(self._buddy(self.tr("Your &alias in the file:"), self.alias_edit),
                            0, 0)
        alias_row.addWidget(self.alias_edit, 0, 1)
        alias_row.addWidget(self.alias_problem, 1, 1)
        # the supporter's unit, only from the coordinator's list (Settings, Export)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("supporterOrgUnit")
        self.unit_combo.setAccessibleName(self.tr("Your organisation unit (optional)"))
        self.unit_combo.addItem(self.tr("(not given)"), "")
        units = coordinator_org_units(vault)
        for unit in units:
            self.unit_combo.addItem(unit, unit)
        remembered = self.unit_combo.findData(remembered_org_unit(vault))
        self.unit_combo.setCurrentIndex(max(remembered, 0))
        if units:
            alias_row.addWidget(self._buddy(self.tr("Your &unit:"), self.unit_combo), 2, 0)
            alias_row.addWidget(self.unit_combo, 2, 1)
        else:
            self.unit_combo.setVisible(False)
        alias_row.addWidget(self.fingerprint, 3, 0, 1, 2)
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
        layout.addWidget(self.heading)
        layout.addLayout(preview_row, 1)
        layout.addLayout(boxes)
        layout.addWidget(separator)
        layout.addLayout(alias_row)
        layout.addWidget(self.buttons)
        self.resize(1120, 680)
        # Save was added to the button box after Close: give both a place in the Tab chain.
        QWidget.setTabOrder(self.save_button,
                            self.buttons.button(QDialogButtonBox.StandardButton.Close))
        self.refresh()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # -- planning -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Work out in the background which months changed; the preview follows."""
        self.plan = None
        self._update_buttons()
        self.heading.setText(self.tr("Reading your journal…"))
        vault, today, drafts = self.vault, self.today, self._drafts

        def work(_: Progress) -> tuple[ExportPlan, SigningKey]:
            connection = vault.connect_another()
            try:
                key = SigningKeyStore(connection).key()
                return plan_from_vault(vault, connection=connection, unsaved_drafts=drafts,
                                       today=today), key
            finally:
                connection.close()

        run_in_background(self, self.tr("Preparing the summary…"), work, self._plan_done,
                          self._plan_failed)

    def _plan_done(self, planned: tuple[ExportPlan, SigningKey]) -> None:
        if self._closed:
            return
        plan, self.key = planned
        self.fingerprint.setText(self.tr(
            "Your key's fingerprint: <b>{0}</b> — read it to your coordinator when they "
            "import your first file.").format(self.key.fingerprint))
        self.show_plan(plan)
        self.plan_ready.emit()

    def _plan_failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self.heading.setText(self.tr("The summary could not be prepared."))
        show_error(self, self.tr("Export"), message_text(exc))
        self.plan_ready.emit()

    def show_plan(self, plan: ExportPlan) -> None:
        self.plan = plan
        self.model.set_months(plan.months)
        _fit_columns(self.table, self.model.column_texts())
        count = len(plan.months)
        unchanged = plan.unchanged_months
        if plan.is_empty:
            text = self.tr("Nothing changed since your last export: there is nothing to send.")
        elif count == 1:
            text = self.tr("1 month will be sent:")
        else:
            text = self.tr("{0} months will be sent:").format(count)
        if unchanged and not plan.is_empty:
            text += " " + (self.tr("(1 unchanged month is not sent again)") if unchanged == 1
                           else self.tr("({0} unchanged months are not sent again)")
                           .format(unchanged))
        self.heading.setText(text)
        if count:
            self.table.selectRow(0)
        left = plan.left_out
        lines = [
            (self.tr("1 session: the person did not agree to be counted")
             if left.no_consent == 1 else
             self.tr("{0} sessions: the person did not agree to be counted")
             .format(left.no_consent)),
            (self.tr("1 session dated outside the months a summary holds")
             if left.outside_months == 1 else
             self.tr("{0} sessions dated outside the months a summary holds")
             .format(left.outside_months)),
            (self.tr("1 unsaved draft — save it in the journal to include it")
             if left.unsaved_drafts == 1 else
             self.tr("{0} unsaved drafts — save them in the journal to include them")
             .format(left.unsaved_drafts)),
        ]
        self.left_out.setText("<ul style='margin-left:-20px'>"
                              + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
        self._update_buttons()

    def _show_month(self, current: Any, _previous: Any = None) -> None:
        sent = current.data(MONTH_ROLE) if current.isValid() else None
        if not isinstance(sent, SentMonth):
            self.counts_model.set_month(None)
            self.counts_heading.setText(self.tr("Select a month to see every count it sends."))
            return
        self.counts_model.set_month(sent.figures)
        _fit_columns(self.counts_table, self.counts_model.column_texts(), stretch=1)
        self.counts_heading.setText(self.tr("Every count sent for {0}:").format(sent.month))

    def _check_alias(self) -> bool:
        try:
            clean_alias(self.alias_edit.text())
        except ExportError as exc:
            self.alias_problem.setText(message_text(exc))
            self.alias_problem.setVisible(True)
            self._update_buttons()
            return False
        self.alias_problem.setVisible(False)
        self._update_buttons()
        return True

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.plan is not None and not self.plan.is_empty
                                    and not self.alias_problem.isVisible())

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
        plan, key = self.plan, self.key
        if plan is None or key is None:
            return
        if not self._check_alias():
            return
        alias = self.alias_edit.text()
        unit = str(self.unit_combo.currentData() or "")
        try:
            prove_journal_writable(self.vault)  # else no file leaves that the journal forgets
        except PeerDeskError as exc:
            show_error(self, self.tr("Summary not saved"), message_text(exc))
            return
        self.save_button.setEnabled(False)

        def work(_: Progress) -> ExportResult:
            return write_file(plan, path, key, alias=alias, org_unit=unit or None)

        def written(result: ExportResult) -> None:
            if self._closed:
                return
            # what was sent is remembered on this (the GUI) thread's connection
            remember_sent(plan, SentPeriodStore(self.vault))
            remember_export(self.vault, alias, unit or None)
            self.exported.emit(result)
            box = show_info(
                self.parentWidget() or self, self.tr("Summary saved"),
                self.tr("Months sent: {0}. Saved to {1}. Give this file to your program "
                        "coordinator.").format(len(result.months), result.path))
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

        run_in_background(self, self.tr("Signing the summary…"), work, written, failed)

    # -- closing --------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._closed = True
        self.model.set_months([])  # decrypted values go with the dialog
        self.counts_model.set_month(None)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        super().closeEvent(event)


def _fit_columns(table: QTableView, texts: list[set[str]], stretch: int | None = None) -> None:
    """Each column as wide as its widest text (header included), as ResizeToContents would
    make it; the `stretch` column and the last one take what is left."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    style = table.style()
    # the item delegate's margins around a text, and room for the header's sort arrow
    padding = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
                   + 1) + 2
    last = len(texts) - 1
    for column, column_texts in enumerate(texts):
        if column == stretch or (column == last and header.stretchLastSection()):
            continue
        widest = max((metrics.horizontalAdvance(text) for text in column_texts), default=0)
        header.resizeSection(column, max(widest + padding, header.sectionSizeHint(column)))


def export_summary_action(window: Any, context: Any) -> list[QAction]:
    """Journal menu entry "Export summary…" (Ctrl+E)."""
    action = QAction(QCoreApplication.translate("MainWindow", "E&xport summary…"), window)
    action.setObjectName("exportSummaryAction")
    apply_shortcut(action, "app.export_summary", Qt.ShortcutContext.ApplicationShortcut)
    action.setStatusTip(QCoreApplication.translate(
        "MainWindow", "Write a signed summary of your figures for your program coordinator"))

    action.triggered.connect(lambda: open_export_dialog(context.vault, window))
    return [action]


def open_export_dialog(vault: Vault, window: QWidget, *,
                       today: dt.date | None = None) -> ExportDialog:
    """The dialog, built now (its plan starts on a worker) and shown on the next turn of the
    event loop: building it and showing it are GUI work of ~5–10 ms each, kept apart. It is
    closed when the journal locks, and deleted once closed."""
    dialog = ExportDialog(vault, window, today=today)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    locked = getattr(window, "locked", None)
    if locked is not None:
        locked.connect(dialog.reject)
    next_turn(dialog, dialog.open)
    return dialog
