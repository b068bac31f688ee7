"""The coordinator's Program workspace: filters, dashboard, import history, reports.

Imports, reports and the dashboard's own figures run off the GUI thread
(`run_in_background`), each worker on its own connection from `vault.connect_another()`: a
refresh (after an import, at unlock, on every filter change) reads the filter choices and
computes the protected report in the background, then only shows it on the GUI thread. One
refresh runs at a time; requests made meanwhile are coalesced into one more run for the latest
filters, and a result a newer request superseded is never shown. Every figure shown comes from
`peerdesk.program.report.prepare_report` (rounded with the journal's threshold k and cell key)
and is put into words by `peerdesk.program.labels`; the Qt-free logic is in
`peerdesk.program.coordinator`.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.gc_pause import collector_paused
from peerdesk.program.cell_secret import cell_key_secret
from peerdesk.program.coordinator import (
    FilterChoice,
    ProgramSnapshot,
    load_snapshot,
    local_time,
    summary_paths_from_urls,
)
from peerdesk.program.disclosure import MIN_K, small
from peerdesk.program.importer import Enrolment, ImportOutcome, import_files
from peerdesk.program.labels import Labeller, label_report
from peerdesk.program.report import ProgramFilter, ProtectedReport, prepare_report
from peerdesk.program.store import ImportLogEntry, ProgramStore
from peerdesk.reports.csv_report import write_csv_report
from peerdesk.reports.pdf_report import write_pdf_report
from peerdesk.ui.flow_layout import FlowLayout
from peerdesk.ui.i18n import current_language, message_text
from peerdesk.ui.messages import show_error, show_info
from peerdesk.ui.program.dashboard import Dashboard
from peerdesk.ui.program.import_dialog import ImportResultsDialog
from peerdesk.ui.program.tables import ImportHistoryModel
from peerdesk.ui.style import tone_css
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.ui.turns import NEXT_TURN_MS, in_turns
from peerdesk.ui.workspaces import AppContext, Workspace

ReportProgress = Callable[[int, int, str], None]
ReportWriter = Callable[[ProtectedReport, Path, ReportProgress, str], None]  # … language


class EmptyState(QFrame):
    """Shown before anything is imported: what to do, calmly, with the one button needed."""

    def __init__(self, import_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programEmptyState")
        heading = QLabel(self.tr("No program data yet"))
        heading.setObjectName("emptyHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text = QLabel(self.tr(
            "Supporters export a de-identified summary from their journal each month and send "
            "you the file. Import those files here and the dashboard fills in: contacts, the "
            "kinds of behaviour reported, referrals and next steps, across the whole program."
            "<br><br>Summaries never contain names, notes, peer codes or exact dates. "
            "Importing the same file twice changes nothing."))
        text.setObjectName("emptyText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.setFixedWidth(560)
        text.setStyleSheet(tone_css("muted"))
        self.button = QPushButton(self.tr("Import summaries…"))
        self.button.setObjectName("emptyImportButton")
        self.button.setAccessibleName(self.tr("Import summary files"))
        self.button.setDefault(True)
        self.button.setMinimumWidth(200)
        self.button.clicked.connect(import_action.trigger)
        drop = QLabel(self.tr("…or drop summary files (.json) anywhere on this page."))
        drop.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        drop.setStyleSheet(tone_css("muted"))
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(drop)
        layout.addStretch(3)


def _report_secret(vault: Any) -> bytes:
    """The rounding secret for a report; a journal with no figures yet is not written to."""
    return cell_key_secret(vault, figures_held=bool(ProgramStore(vault).months_with_data()))


class ProgramWorkspace(Workspace):
    workspace_id = "program"

    refreshed = Signal()                 # the dashboard shows fresh data
    import_finished = Signal(list)       # list[ImportOutcome], after the results dialog opened
    report_written = Signal(str, object)  # ("pdf" | "csv", Path)
    report_failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("programWorkspace")
        self.setAcceptDrops(True)
        self._busy = False
        self.report: ProtectedReport | None = None  # what the dashboard shows, all protected
        self.results_dialog: ImportResultsDialog | None = None
        self._generation = 0            # bumped by every refresh request
        self._refresh_task: BackgroundTask | None = None
        self._closed = False            # prepare_lock ran: show nothing more
        self._shown_k: int | None = None  # the threshold the figures shown were counted with
        self._chart_steps: list[Callable[[], None]] = []   # charts still to show, one a turn
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(NEXT_TURN_MS)
        self._step_timer.timeout.connect(self._next_chart)
        self._build_actions()
        self._build_ui()
        self.pdf_action.setEnabled(False)   # until the first refresh finds data
        self.csv_action.setEnabled(False)
        self.refresh()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ProgramWorkspace", "Program")

    # -- building --------------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], None],
                shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setIconText(text.replace("&", ""))  # keep the "…" on buttons (Qt drops it)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(self.tr("&Import summaries…"), "importSummaries",
                                          self.ask_import, "Ctrl+I")
        self.pdf_action = self._action(self.tr("Export &PDF report…"), "exportPdf",
                                       self.ask_export_pdf, "Ctrl+Shift+P")
        self.csv_action = self._action(self.tr("Export &CSV…"), "exportCsv",
                                       self.ask_export_csv, "Ctrl+Shift+E")

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _button(self, action: QAction, accessible: str, primary: bool = False) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(accessible)
        button.setAutoRaise(False)
        if primary:
            button.setObjectName("primaryAction")
            font = button.font()
            font.setBold(True)
            button.setFont(font)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{action.text().replace('&', '')} ({shortcut})" if shortcut
                          else action.text().replace("&", ""))
        return button

    def _build_ui(self) -> None:
        # -- top bar: filters left, actions right
        self.from_combo = self._combo("fromMonth", self.tr("Period from month"))
        self.to_combo = self._combo("toMonth", self.tr("Period to month"))
        self.unit_combo = self._combo("orgUnit", self.tr("Organisation unit"))
        self.reset_button = QPushButton(self.tr("Reset filters"))
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.setAccessibleName(self.tr("Reset filters"))
        self.reset_button.clicked.connect(self.reset_filters)

        # Filters wrap onto a second row rather than squeeze (large fonts, longer languages);
        # a label stays with its box.
        bar = FlowLayout(spacing=18)
        self._filter_labels: list[QLabel] = []
        groups: tuple[tuple[tuple[str, QComboBox], ...], ...] = (
            ((self.tr("&From"), self.from_combo), (self.tr("&to"), self.to_combo)),
            ((self.tr("&Unit"), self.unit_combo),),)
        for group in groups:
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(8)
            for text, widget in group:
                label = QLabel(text)
                label.setBuddy(widget)
                self._filter_labels.append(label)
                row.addWidget(label)
                row.addWidget(widget)
            bar.addWidget(holder)
        bar.addWidget(self.reset_button)
        # The actions sit beside the tabs, so neither they nor the filters get squeezed (long
        # labels in Spanish, large system fonts).
        self.action_buttons = QWidget()
        self.action_buttons.setObjectName("programActions")
        actions = QHBoxLayout(self.action_buttons)
        actions.setContentsMargins(0, 0, 8, 2)  # clear of the window's edge
        actions.setSpacing(8)
        actions.addWidget(self._button(self.import_action, self.tr("Import summary files"), True))
        actions.addWidget(self._button(self.pdf_action, self.tr("Export PDF report")))
        actions.addWidget(self._button(self.csv_action, self.tr("Export CSV tables")))
        self.filter_widgets: tuple[QWidget, ...] = (
            self.from_combo, self.to_combo, self.unit_combo, self.reset_button)

        # -- dashboard tab
        self.note = QLabel()
        self.note.setObjectName("disclosureNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(tone_css("muted"))
        self.scope = QLabel()
        self.scope.setObjectName("scopeLine")
        font = self.scope.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        font.setBold(True)
        self.scope.setFont(font)
        # shown beside the scope line while new figures are counted; the old ones stay
        self.updating = QLabel(self.tr("Counting…"))
        self.updating.setObjectName("dashboardUpdating")
        self.updating.setStyleSheet(tone_css("muted"))
        self.updating.setVisible(False)
        self.dashboard = Dashboard()
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(16, 12, 16, 16)
        inner_layout.setSpacing(10)
        self.scope.setWordWrap(True)  # long unit names, larger fonts
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope, 1)
        scope_row.addWidget(self.updating)
        inner_layout.addLayout(scope_row)
        inner_layout.addWidget(self.note)
        inner_layout.addWidget(self.dashboard, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("dashboardScroll")
        self.scroll_area.setAccessibleName(self.tr("Dashboard"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(inner)

        # -- history tab
        self.history_model = ImportHistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setObjectName("importHistory")
        self.history_view.setAccessibleName(self.tr("Import history"))
        self.history_view.setModel(self.history_model)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.verticalHeader().setVisible(False)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("programTabs")
        self.tabs.addTab(self.scroll_area, self.tr("Dashboard"))
        self.tabs.addTab(self.history_view, self.tr("Import history"))
        self.tabs.setCornerWidget(self.action_buttons, Qt.Corner.TopRightCorner)

        self.empty = EmptyState(self.import_action)
        # until the first refresh arrives: neither "no data" nor empty figures
        self.loading = QLabel(self.tr("Counting…"))
        self.loading.setObjectName("programLoading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setStyleSheet(tone_css("muted"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.loading)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.tabs)
        self.pages.setCurrentWidget(self.loading)
        for hidden in (*self.filter_widgets, *self._filter_labels):
            hidden.setVisible(False)

        top = QFrame()
        top.setObjectName("programTopBar")
        top.setLayout(bar)
        bar.setContentsMargins(16, 10, 16, 10)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(line)
        layout.addWidget(self.pages, 1)

        for combo in (self.from_combo, self.to_combo, self.unit_combo):
            combo.currentIndexChanged.connect(self._filter_changed)
        self._populating = False

    # -- state -------------------------------------------------------------------------------

    @property
    def k(self) -> int:
        # a journal saved with a smaller threshold before rounding came is read as the floor
        return max(int(self.context.settings.get("disclosure_threshold")), MIN_K)

    def current_filter(self) -> ProgramFilter:
        def data(combo: QComboBox) -> Any:
            return combo.currentData() if combo.currentIndex() >= 0 else None

        return ProgramFilter(since=data(self.from_combo), until=data(self.to_combo),
                             org_unit=data(self.unit_combo))

    def _choice(self) -> FilterChoice:
        """The filters as they stand, for a refresh to resolve against fresh data."""
        flt = self.current_filter()
        return FilterChoice(flt.since, flt.until, flt.org_unit,
                            from_at_start=self.from_combo.currentIndex() <= 0,
                            to_at_end=self.to_combo.currentIndex() in (
                                -1, self.to_combo.count() - 1))

    @staticmethod
    def _fill(combo: QComboBox, items: Sequence[tuple[str, Any]], selected: Any) -> None:
        """Set the combo's items (only if they changed: an open list is left alone) and select
        the item holding `selected`."""
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] != list(items):
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(selected), 0) if selected is not None else 0)

    def _populate_filters(self, snapshot: ProgramSnapshot) -> None:
        """Show the snapshot's filter choices, selecting what its report was computed for."""
        flt = snapshot.flt
        self._populating = True
        try:
            labeller = Labeller(current_language())
            items = [(labeller.month(m), m) for m in snapshot.months]
            self._fill(self.from_combo, items, flt.since)
            self._fill(self.to_combo, items, flt.until)
            units = [(self.tr("All units"), None), *((u, u) for u in snapshot.units)]
            self._fill(self.unit_combo, units, flt.org_unit)
            self.unit_combo.setEnabled(len(units) > 1)
            if len(units) > 1:
                tip = ""
            elif snapshot.unit_count:
                # a unit with fewer than k supporters, or beside fewer than k others, could be
                # subtracted from the whole program to single out a supporter's figures
                tip = self.tr("Units are offered only when each, and the rest of the program, "
                              "has at least {0} supporters.").format(snapshot.k)
            else:
                tip = self.tr("No summary names an organisation unit.")
            self.unit_combo.setToolTip(tip)
        finally:
            self._populating = False

    def _filter_changed(self) -> None:
        if self._populating:
            return
        # Keep the period the right way round: moving one end past the other moves both.
        sender = self.sender()
        if self.from_combo.currentIndex() > self.to_combo.currentIndex() >= 0:
            self._populating = True
            if sender is self.to_combo:
                self.from_combo.setCurrentIndex(self.to_combo.currentIndex())
            else:
                self.to_combo.setCurrentIndex(self.from_combo.currentIndex())
            self._populating = False
        self.refresh()

    def reset_filters(self) -> None:
        self._populating = True
        self.from_combo.setCurrentIndex(0)
        self.to_combo.setCurrentIndex(self.to_combo.count() - 1)
        self.unit_combo.setCurrentIndex(0)
        self._populating = False
        self.refresh()

    # -- refresh -----------------------------------------------------------------------------

    def activated(self) -> None:
        # Program data only changes through this workspace's imports, which refresh by
        # themselves: count again only when the disclosure threshold changed since the figures
        # shown were counted (or none were yet, and none is being counted), not on every visit.
        if self._refresh_task is None and self._shown_k != self.k:
            self.refresh()

    @property
    def refreshing(self) -> bool:
        """True while new figures are being counted or shown (the previous ones stay until
        then); `refreshed` follows."""
        return self._refresh_task is not None or bool(self._chart_steps)

    def refresh(self) -> None:
        """Re-read the program data (filter choices, dashboard, history, empty state) off the
        GUI thread; `refreshed` is emitted once the latest request's figures are shown."""
        if self._closed:
            return
        self._generation += 1
        if self._refresh_task is None:  # else: the running one is superseded; see _refresh_done
            self._start_refresh()

    def _start_refresh(self) -> None:
        generation, choice, k = self._generation, self._choice(), self.k
        vault = self.context.vault
        secret = _report_secret(vault)

        def work(_: Progress) -> ProgramSnapshot:
            conn = vault.connect_another()
            try:
                with collector_paused():  # no collections of the whole heap meanwhile
                    return load_snapshot(ProgramStore(conn), ProgramStore(conn).history(),
                                         choice, k, secret)
            finally:
                conn.close()

        self.updating.setVisible(True)
        self._refresh_task = run_in_background(
            self, self.tr("Counting…"), work,
            lambda snapshot: self._refresh_done(generation, snapshot),
            lambda exc: self._refresh_failed(generation, exc), show_progress=False)

    def _refresh_finished(self, generation: int) -> bool:
        """Bookkeeping when a refresh ends; True when its result is the one to show."""
        self._refresh_task = None
        if self._closed:
            return False
        if generation != self._generation:  # requests came in meanwhile: count once more
            self._start_refresh()
            return False
        self.updating.setVisible(False)
        return True

    def _refresh_done(self, generation: int, snapshot: ProgramSnapshot) -> None:
        if self._refresh_finished(generation):
            self._show_snapshot(snapshot)

    def _refresh_failed(self, generation: int, exc: BaseException) -> None:
        if not self._refresh_finished(generation):
            return
        show_error(self, self.tr("Program"), message_text(exc))
        if not isinstance(exc, PeerDeskError):
            sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: report it loudly

    def _show_snapshot(self, snapshot: ProgramSnapshot) -> None:
        self._chart_steps = []
        self._shown_k = snapshot.k
        self._load_history(snapshot.history)
        has_data = snapshot.has_data
        self.pages.setCurrentWidget(self.tabs if has_data else self.empty)
        for widget in (*self.filter_widgets, *self._filter_labels):
            widget.setVisible(has_data)  # nothing to filter yet: the empty page says what to do
        self.pdf_action.setEnabled(has_data and not self._busy)
        self.csv_action.setEnabled(has_data and not self._busy)
        self.report = snapshot.report
        if snapshot.report is None:
            self.set_badge("")
            self.refreshed.emit()
            return
        # the figures on the next turn: showing the dashboard is GUI work of its own
        self._chart_steps = [lambda: self._show_figures(snapshot)]
        self._step_timer.start()

    def _show_figures(self, snapshot: ProgramSnapshot) -> None:
        """The filters, note and scope for `snapshot`, then its cards and charts one a turn."""
        assert snapshot.report is not None
        self._populate_filters(snapshot)
        report, k = snapshot.report, snapshot.k
        # Labels in the interface language; the figures are the protected ones (the same the
        # PDF and CSV get: every count passed disclosure control), untouched.
        labelled = label_report(report, current_language())
        self.note.setText(self.tr(
            "Every figure is rounded to a multiple of {0}, the same way in every report; a "
            "count from 1 to {1} in a month is shown as {2} and drawn as 0 in the charts. "
            "Figures are never shown per supporter. Supporters included ({3}): {4}."
        ).format(k, k - 1, small(k), len(labelled.supporter_names),
                 ", ".join(labelled.supporter_names)))
        self.scope.setText(self._scope_text())
        # the cards, then one chart per turn of the event loop: building them all at once took
        # ~100 ms the first time
        self._chart_steps = [lambda: self.dashboard.set_headlines(labelled.headlines),
                             *self.dashboard.table_steps(labelled.tables, k)]

    def _next_chart(self) -> None:
        if self._closed or not self._chart_steps:
            return
        self._chart_steps.pop(0)()
        if self._chart_steps:
            self._step_timer.start()
        elif self._refresh_task is None:  # else a newer request will say so when shown
            self.refreshed.emit()

    def _scope_text(self) -> str:
        parts = [f"{self.from_combo.currentText()} – {self.to_combo.currentText()}"]
        parts.append(self.unit_combo.currentText())
        return "  ·  ".join(parts)

    def _load_history(self, history: Sequence[ImportLogEntry]) -> None:
        rows = []
        for entry in history:
            months = sorted((*entry.months_replaced, *entry.months_kept)) or ["—"]
            period = months[0] if len(months) == 1 else f"{months[0]} – {months[-1]}"
            rows.append((local_time(entry.imported_at), entry.file_name, period, entry.sha256,
                         entry.supporter_alias or "—", len(entry.months_replaced),
                         len(entry.months_kept)))
        self.history_model.set_rows(rows)

    # -- import ------------------------------------------------------------------------------

    def ask_import(self) -> None:
        if self._busy:
            return
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import summary files"), start,
            self.tr("PeerDesk summaries (*.json);;All files (*)"))
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: Sequence[Path],
                     enrolment: Enrolment | None = None) -> BackgroundTask | None:
        """Import `paths` off the GUI thread; then refresh and show the results dialog."""
        if self._busy or not paths:
            return None
        vault = self.context.vault
        files = [Path(p) for p in paths]
        cell_key_secret(vault)  # made before anything is counted, then kept in the journal

        def work(progress: Progress) -> list[ImportOutcome]:
            conn = vault.connect_another()
            try:
                return import_files(vault, files, _import_progress(progress), conn=conn,
                                    enrolment=enrolment or Enrolment())
            finally:
                conn.close()

        self._set_busy(True)
        return run_in_background(self, self.tr("Importing summaries…"), work,
                                 self._import_done, self._import_failed)

    def _import_done(self, outcomes: list[ImportOutcome]) -> None:
        self._set_busy(False)
        in_turns(self, self._show_import(outcomes))

    def _show_import(self, outcomes: list[ImportOutcome]) -> Iterator[None]:
        """Each on a turn of the event loop of its own, so each piece of GUI work stays short:
        (once the progress dialog has gone) the results dialog built, then opened (and
        painted), then the dashboard's recount started, whose Python (on a worker) would hold
        up the calls the dialog's first paint makes into Python."""
        yield
        if self._closed:
            return
        dialog = self.show_results(outcomes, show=False)
        yield
        if self._closed:
            return
        if dialog is self.results_dialog:
            dialog.open()
        yield
        if self._closed:
            return
        self.refresh()
        self.import_finished.emit(outcomes)

    def _import_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.refresh()
        show_error(self, self.tr("Import failed"), message_text(exc))
        if not isinstance(exc, PeerDeskError):
            sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: report it loudly

    def show_results(self, outcomes: Sequence[ImportOutcome], *,
                     show: bool = True) -> ImportResultsDialog:
        if self.results_dialog is not None:
            self.results_dialog.close()
            self.results_dialog.deleteLater()
        dialog = ImportResultsDialog(outcomes, self)
        dialog.enrol_requested.connect(  # a confirmed key: import its files again
            lambda paths, enrolment: self.import_paths([Path(p) for p in paths], enrolment))
        self.results_dialog = dialog
        if show:
            dialog.open()
        return dialog

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        has_data = self.report is not None
        self.import_action.setEnabled(not busy)
        self.empty.button.setEnabled(not busy)
        self.pdf_action.setEnabled(not busy and has_data)
        self.csv_action.setEnabled(not busy and has_data)

    # -- drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if not self._busy and mime.hasUrls() and summary_paths_from_urls(mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        mime = event.mimeData()
        if not self._busy and mime.hasUrls() and summary_paths_from_urls(mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = summary_paths_from_urls(event.mimeData().urls())
        if not paths or self._busy:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # -- reports -------------------------------------------------------------------------------

    def default_report_name(self, suffix: str) -> str:
        month = self.current_filter().until or dt.date.today().strftime("%Y-%m")
        return f"program-report-{month}.{suffix}"

    def _ask_save(self, title: str, suffix: str, pattern: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / self.default_report_name(suffix)), pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{suffix}" else path.with_name(
            f"{path.name}.{suffix}")

    def ask_export_pdf(self) -> None:
        path = self._ask_save(self.tr("Export PDF report"), "pdf", self.tr("PDF (*.pdf)"))
        if path is not None:
            self.export_pdf(path)

    def ask_export_csv(self) -> None:
        path = self._ask_save(self.tr("Export CSV tables"), "csv", self.tr("CSV (*.csv)"))
        if path is not None:
            self.export_csv(path)

    def export_pdf(self, path: Path) -> BackgroundTask | None:
        """Build the PDF for the current filter and k off the GUI thread; write it to `path`."""
        return self._export("pdf", Path(path), write_pdf_report,
                            self.tr("Building the PDF report…"))

    def export_csv(self, path: Path) -> BackgroundTask | None:
        """Write the protected tables as CSV for the current filter and k off the GUI thread."""
        def write(report: ProtectedReport, target: Path, _: ReportProgress,
                  language: str) -> None:
            write_csv_report(report, target, language)

        return self._export("csv", Path(path), write, self.tr("Writing the CSV tables…"))

    def _export(self, kind: str, path: Path, write: ReportWriter,
                label: str) -> BackgroundTask | None:
        if self._busy or self.report is None:
            return None
        vault = self.context.vault
        flt = self.current_filter()
        k = self.k
        secret = _report_secret(vault)
        language = current_language()  # the report is written in the interface language

        def work(progress: Progress) -> Path:
            progress.update(0, 4, self.tr("Counting…"))
            conn = vault.connect_another()
            try:
                with collector_paused():  # no collections of the whole heap meanwhile
                    report = prepare_report(ProgramStore(conn), flt, k=k, secret=secret)
            finally:
                conn.close()

            def step(done: int, total: int, text: str) -> None:
                # The writer's own steps, after the counting step. Its final "done" is not
                # passed on: a progress update racing the success callback can reach a
                # progress dialog that is already closed (see peerdesk.ui.tasks).
                if done < total:
                    progress.update(1 + done * 3 // max(total, 1), 4, text or label)

            # atomic and 0600: both writers go through peerdesk.fileio.write_atomic
            write(report, path, step, language)
            return path

        def done(written: Path) -> None:
            self._set_busy(False)
            show_info(self, self.tr("Report saved"), self.tr("Saved {0}.").format(written))
            self.report_written.emit(kind, written)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            show_error(self, self.tr("Report not saved"), str(exc))
            self.report_failed.emit(str(exc))
            if not isinstance(exc, PeerDeskError):
                sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: report it loudly

        self._set_busy(True)
        return run_in_background(self, label, work, done, failed)

    # -- workspace life cycle -------------------------------------------------------------------

    def menu_actions(self) -> list[QAction]:
        return [self.import_action, self.pdf_action, self.csv_action]

    def prepare_lock(self) -> None:
        self._closed = True   # a refresh still running is dropped when it ends
        self._generation += 1
        self._chart_steps = []
        self._step_timer.stop()
        if self.results_dialog is not None:
            self.results_dialog.close()
        self.report = None
        self.dashboard.set_headlines([])
        self.dashboard.set_tables([], self.k)
        self.history_model.set_rows([])


def _import_progress(progress: Progress) -> Callable[[int, int, str], None]:
    def report(done: int, total: int, text: str = "") -> None:
        if done < total:  # the final update would race the success callback (see _export)
            progress.update(done, total, text and QCoreApplication.translate(
                "ProgramWorkspace", "Importing {0}…").format(text))

    return report
