"""The Program workspace: import (dialog path and drag and drop), filters, disclosure, reports."""

from __future__ import annotations

import re
import stat
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTableView
from pytestqt.qtbot import QtBot

from peerdesk.program.cell_secret import cell_key_secret
from peerdesk.program.labels import label_report
from peerdesk.program.report import ProgramFilter, ProtectedReport, prepare_report
from peerdesk.program.store import ProgramStore
from peerdesk.ui import i18n
from peerdesk.ui.program.charts import ChartPanel
from peerdesk.ui.program.workspace import ProgramWorkspace
from peerdesk.ui.workspaces import AppContext
from tests.program.summaries import ACCEPT, contact, signed
from tests.ui.program.summaries import (
    bad_checksum_file,
    not_json_file,
    unknown_code_file,
    write_summary,
)

IMPORT_TIMEOUT = 20000

SUPPORTER_A = "a1" * 16
SUPPORTER_B = "b2" * 16


def program_files(folder: Path) -> list[Path]:
    """Two supporters: A with 30 contacts in Jan–Feb 2026, B with 12 in Mar 2026.

    A few rare categories (2 retaliation reports, 1 crisis-line referral) make small counts
    that disclosure control must hide.
    """
    a_contacts = [contact("2026-01" if i < 18 else "2026-02", peer=i % 11,
                          behaviour=("work_related",), referral_type=(), next_step="no_action")
                  for i in range(30)]
    for index in (0, 1):
        a_contacts[index] = contact("2026-01", peer=index, next_step="no_action",
                                    behaviour=("retaliation", "work_related"), referral_type=())
    a_contacts[2] = contact("2026-01", peer=2, next_step="no_action",
                            behaviour=("work_related",), referral_type=("crisis_line",))
    b_contacts = [contact("2026-03", peer=i % 5, behaviour=("person_related",),
                          referral_type=(), next_step="informal_resolution")
                  for i in range(12)]
    return [
        write_summary(folder / "amira-2026-02.json",
                      signed(a_contacts, supporter_id=SUPPORTER_A, alias="amira")),
        write_summary(folder / "ben-2026-03.json",
                      signed(b_contacts, supporter_id=SUPPORTER_B, alias="ben")),
    ]


def import_and_wait(qtbot: QtBot, ws: ProgramWorkspace, paths: list[Path]) -> list:
    """Import, then wait until the dashboard shows the new figures (counted off the GUI
    thread after the import)."""
    with qtbot.waitSignal(ws.import_finished, timeout=IMPORT_TIMEOUT) as blocker:
        assert ws.import_paths(paths, ACCEPT) is not None
    if ws.refreshing:
        with qtbot.waitSignal(ws.refreshed, timeout=IMPORT_TIMEOUT):
            pass
    assert not ws.refreshing
    return blocker.args[0]


def headline(ws: ProgramWorkspace, key: str) -> str:
    return ws.dashboard.cards[key].value.text()


def protected(ws: ProgramWorkspace, flt: ProgramFilter | None = None,
              k: int | None = None) -> ProtectedReport:
    """The protected report for `flt` (default: the filters shown), as the PDF would get it."""
    vault = ws.context.vault
    return prepare_report(ProgramStore(vault), flt or ws.current_filter(), k=k or ws.k,
                          secret=cell_key_secret(vault))


def contacts(ws: ProgramWorkspace, since: str | None = None, until: str | None = None,
             k: int | None = None) -> str:
    """The contacts figure the dashboard should show for this period: rounded, never raw."""
    text = protected(ws, ProgramFilter(since, until), k).headline("contacts").text
    assert text not in ("42", "12", "18")  # the true counts are never shown
    return text


# -- empty state and import --------------------------------------------------------------------


def test_empty_state_explains_and_offers_import(workspace: ProgramWorkspace) -> None:
    assert workspace.workspace_id == "program"
    assert workspace.pages.currentWidget() is workspace.empty
    assert workspace.empty.button.isVisible()
    assert workspace.empty.button.isEnabled()
    text = " ".join(label.text() for label in workspace.empty.findChildren(QLabel))
    assert "Import" in text or "import" in text
    assert not workspace.pdf_action.isEnabled()
    assert not workspace.csv_action.isEnabled()
    assert workspace.import_action.shortcut().toString() == "Ctrl+I"
    assert not workspace.from_combo.isVisible()


def test_import_good_and_bad_files_shows_results_and_refreshes(
        qtbot: QtBot, workspace: ProgramWorkspace, tmp_path: Path) -> None:
    good = program_files(tmp_path)
    bad = [bad_checksum_file(tmp_path / "tampered.json"), not_json_file(tmp_path / "cut.json")]
    outcomes = import_and_wait(qtbot, workspace, [good[0], bad[0], good[1], bad[1]])

    assert [o.accepted for o in outcomes] == [True, False, True, False]
    dialog = workspace.results_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.rejected_count == 2
    table = dialog.table
    assert table.rowCount() == 4
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}
    assert "Refused" in rows["tampered.json"][1]
    assert "signature does not match" in rows["tampered.json"][4]
    assert "Refused" in rows["cut.json"][1]
    assert rows["cut.json"][4]  # says why (the validator's words: truncated, not JSON, …)
    assert rows["amira-2026-02.json"][1] == "Imported"
    assert rows["amira-2026-02.json"][2] == "2"  # months replaced
    assert "refused" in dialog.summary.text()

    # the dashboard now shows the data; the history lists the accepted files
    assert workspace.pages.currentWidget() is workspace.tabs
    assert workspace.from_combo.isVisible()
    assert headline(workspace, "contacts") == contacts(workspace)
    assert workspace.history_model.rowCount() == 2
    names = {workspace.history_model.index(r, 1).data() for r in range(2)}
    assert names == {"amira-2026-02.json", "ben-2026-03.json"}
    assert workspace.pdf_action.isEnabled()

    # importing the same file again changes nothing and says so
    again = import_and_wait(qtbot, workspace, [good[0]])
    assert again[0].previously_imported_at is not None
    assert headline(workspace, "contacts") == contacts(workspace)
    assert "already imported" in workspace.results_dialog.table.item(0, 4).text()


def _drag_data(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_drag_and_drop_imports_json_files(qtbot: QtBot, workspace: ProgramWorkspace,
                                          tmp_path: Path) -> None:
    files = program_files(tmp_path)
    other = tmp_path / "notes.txt"
    other.write_text("not a summary", encoding="utf-8")

    only_text = _drag_data([other])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, only_text,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(workspace, enter)
    assert not enter.isAccepted()

    mime = _drag_data([*files, other])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(workspace, enter)
    assert enter.isAccepted()

    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(workspace.import_finished, timeout=IMPORT_TIMEOUT) as blocker:
        QApplication.sendEvent(workspace, drop)
    assert drop.isAccepted()
    assert [o.file_name for o in blocker.args[0]] == [f.name for f in files]  # .txt ignored
    # new supporters: nothing counted until their keys are confirmed in the results dialog
    assert not any(o.accepted for o in blocker.args[0])
    dialog = workspace.results_dialog
    assert dialog is not None
    assert len(dialog.key_checks) == 2
    dialog.key_checks[0][0].setChecked(True)
    with qtbot.waitSignal(workspace.import_finished, timeout=IMPORT_TIMEOUT) as enrolled:
        dialog.enrol_button.click()
    [outcome] = enrolled.args[0]  # only the file whose key was ticked
    assert outcome.accepted
    assert outcome.enrolled == blocker.args[0][0].pending_key.fingerprint
    qtbot.waitUntil(lambda: not workspace.refreshing)
    assert headline(workspace, "contacts") == contacts(workspace)


# -- filters -----------------------------------------------------------------------------------


def test_filters_change_the_headline_figures(qtbot: QtBot, workspace: ProgramWorkspace,
                                             tmp_path: Path) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    assert headline(workspace, "contacts") == contacts(workspace)
    assert [workspace.from_combo.itemData(i) for i in range(workspace.from_combo.count())] == [
        "2026-01", "2026-02", "2026-03"]

    # no supporter filter: it would show one supporter's figures
    assert workspace.findChild(QComboBox, "supporter") is None
    assert not workspace.unit_combo.isEnabled()  # no summary names a unit
    # from March onwards: only Ben's 12, rounded
    with qtbot.waitSignal(workspace.refreshed):
        workspace.from_combo.setCurrentIndex(workspace.from_combo.findData("2026-03"))
    assert headline(workspace, "contacts") == contacts(workspace, "2026-03", "2026-03")
    assert "Mar 2026 – Mar 2026" in workspace.scope.text()

    with qtbot.waitSignal(workspace.refreshed):
        workspace.reset_filters()
    assert headline(workspace, "contacts") == contacts(workspace)
    # moving "to" before "from" pulls "from" back with it: January only
    with qtbot.waitSignal(workspace.refreshed):
        workspace.to_combo.setCurrentIndex(workspace.to_combo.findData("2026-01"))
    assert workspace.current_filter().since == "2026-01"
    assert workspace.current_filter().until == "2026-01"
    assert headline(workspace, "contacts") == contacts(workspace, "2026-01", "2026-01")


# -- disclosure control ------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![<\w.,])\d[\d,]*(?![\w.%])")


def _small_numbers(text: str, k: int) -> list[int]:
    values = [int(m.group().replace(",", "")) for m in _NUMBER.finditer(text)]
    return [v for v in values if 1 <= v < k]


def test_no_raw_small_count_appears_anywhere(qtbot: QtBot, workspace: ProgramWorkspace,
                                             tmp_path: Path) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    k = workspace.k
    assert k == 5
    # the data really contains small counts (2 retaliation reports, 1 crisis-line referral)
    assert workspace.report is not None
    behaviours = workspace.report.table("behaviours")
    assert behaviours.cells[behaviours.rows.index("retaliation")] == ("<5",)

    # Import bookkeeping (files and records per file in the results dialog and the history)
    # describes files the coordinator holds, not people: it is not part of this walk.
    workspace.results_dialog.close()
    # labels: headline cards, notes, chart titles (the explanatory note names 1 and k-1 on
    # purpose; the scope line names months)
    for label in workspace.findChildren(QLabel):
        if label in (workspace.note, workspace.scope) or not label.isVisibleTo(workspace):
            continue
        if label.parent() is workspace.dashboard.cards["supporters"]:
            continue  # supporters are counted exactly: it is not a count of people
        assert not _small_numbers(label.text(), k), label.text()

    # every cell, total and header of every protected table
    hidden_seen = 0
    views = workspace.findChildren(QTableView)
    assert views
    for view in views:
        if view is workspace.history_view or workspace.results_dialog.isAncestorOf(view):
            continue
        model = view.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                text = str(model.index(row, column).data())
                assert not _small_numbers(text, k), (view.accessibleName(), row, column, text)
                hidden_seen += not text.isdigit()
    assert hidden_seen > 0  # something was shown as <k

    # every bar of every chart, and the category labels that carry values
    panels = workspace.findChildren(ChartPanel)
    assert len(panels) == len(workspace.report.tables)
    for panel in panels:
        assert panel.protected is not None
        for bar_set in panel.protected.series.barSets():
            for i in range(bar_set.count()):
                assert not 1 <= bar_set.at(i) < k, (panel.key, bar_set.label(), i)
        for axis in panel.protected.chart.axes():
            for category in getattr(axis, "categories", list)():
                shown = category.rsplit("·", 1)[-1] if "·" in category else ""
                assert not _small_numbers(shown, k), category
    # a hidden bar explains itself
    tooltips = [panel.protected.tooltip(0, i)
                for panel in panels if panel.protected is not None
                for i in range(panel.protected.series.barSets()[0].count())]
    assert any("hidden" in tip for tip in tooltips)


def test_threshold_setting_is_used(qtbot: QtBot, workspace: ProgramWorkspace,
                                   tmp_path: Path) -> None:
    workspace.context.settings.set("disclosure_threshold", 20)
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    assert headline(workspace, "contacts") == contacts(workspace, k=20)
    shown = headline(workspace, "contacts")
    assert shown == "<20" or int(shown) % 20 == 0
    assert "<20" in workspace.note.text()
    panel = next(p for p in workspace.findChildren(ChartPanel))
    for bar_set in panel.protected.series.barSets():
        assert all(not 1 <= bar_set.at(i) < 20 for i in range(bar_set.count()))


# -- reports -----------------------------------------------------------------------------------


def test_export_pdf_and_csv_write_files(qtbot: QtBot, workspace: ProgramWorkspace,
                                        tmp_path: Path) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    assert workspace.default_report_name("pdf") == "program-report-2026-03.pdf"
    pdf = tmp_path / "out" / "report.pdf"
    pdf.parent.mkdir()
    with qtbot.waitSignal(workspace.report_written, timeout=60000) as blocker:
        assert workspace.export_pdf(pdf) is not None
    assert blocker.args == ["pdf", pdf]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600

    csv = tmp_path / "out" / "tables.csv"
    with qtbot.waitSignal(workspace.report_written, timeout=20000):
        workspace.export_csv(csv)
    text = csv.read_text(encoding="utf-8")
    assert "rounded to a multiple of 5" in text
    assert stat.S_IMODE(csv.stat().st_mode) == 0o600


def test_export_to_missing_folder_reports_the_problem(qtbot: QtBot, workspace: ProgramWorkspace,
                                                      tmp_path: Path) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    target = tmp_path / "nowhere" / "tables.csv"
    with qtbot.waitSignal(workspace.report_failed, timeout=20000) as blocker:
        workspace.export_csv(target)
    assert "does not exist" in blocker.args[0]
    assert not target.exists()
    assert workspace.csv_action.isEnabled()  # not stuck busy


def test_history_and_count_models(qtmodeltester, qtbot: QtBot,  # type: ignore[no-untyped-def]
                                  workspace: ProgramWorkspace, tmp_path: Path) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    qtmodeltester.check(workspace.history_model)
    for panel in workspace.findChildren(ChartPanel):
        qtmodeltester.check(panel.model)
    sha = workspace.history_model.index(0, workspace.history_model.SHA_COLUMN)
    assert len(sha.data()) == 12
    assert len(sha.data(Qt.ItemDataRole.ToolTipRole)) == 64


# -- the dashboard's figures are counted off the GUI thread ------------------------------------


def test_refresh_counts_off_the_gui_thread(qtbot: QtBot, workspace: ProgramWorkspace,
                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peerdesk.program import coordinator as module  # the refresh's own step

    import_and_wait(qtbot, workspace, program_files(tmp_path))
    threads: list[int] = []
    real = module.prepare_report

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "prepare_report", recording)
    with qtbot.waitSignal(workspace.refreshed):
        workspace.from_combo.setCurrentIndex(workspace.from_combo.findData("2026-03"))
    assert headline(workspace, "contacts") == contacts(workspace, "2026-03", "2026-03")
    assert threads
    assert threading.get_ident() not in threads


def _held_reports(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[object]]:
    """Make the workspace's report computation wait for `release.set()`; record filters."""
    from peerdesk.program import coordinator as module  # the refresh's own step

    release = threading.Event()
    filters: list[object] = []
    real = module.prepare_report

    def held(store, flt, **kwargs):  # type: ignore[no-untyped-def]
        filters.append(flt)
        release.wait(10)
        return real(store, flt, **kwargs)

    monkeypatch.setattr(module, "prepare_report", held)
    return release, filters


def test_rapid_filter_changes_show_only_the_latest_figures(
        qtbot: QtBot, workspace: ProgramWorkspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    release, filters = _held_reports(monkeypatch)
    shown: list[str] = []
    workspace.refreshed.connect(lambda: shown.append(headline(workspace, "contacts")))

    everything = contacts(workspace)
    march = contacts(workspace, "2026-03", "2026-03")
    start = workspace.from_combo
    start.setCurrentIndex(start.findData("2026-03"))   # Ben's 12, held while it counts
    qtbot.waitUntil(lambda: len(filters) == 1)
    # while it counts: the old figures stay, the dashboard says it is counting, filters work
    assert workspace.refreshing
    assert headline(workspace, "contacts") == everything
    assert workspace.updating.isVisibleTo(workspace)
    assert start.isEnabled()
    start.setCurrentIndex(start.findData("2026-02"))
    start.setCurrentIndex(0)
    start.setCurrentIndex(start.findData("2026-03"))   # the one that counts
    with qtbot.waitSignal(workspace.refreshed, timeout=10000):
        release.set()
    assert shown == [march]       # the superseded result was never shown
    assert len(filters) == 2      # three requests while busy coalesced into one more run
    assert not workspace.refreshing
    assert not workspace.updating.isVisibleTo(workspace)
    assert "Mar 2026" in workspace.scope.text()


def test_lock_while_counting_drops_the_result(qtbot: QtBot, workspace: ProgramWorkspace,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    release, filters = _held_reports(monkeypatch)
    shown: list[bool] = []
    workspace.refreshed.connect(lambda: shown.append(True))
    workspace.refresh()
    qtbot.waitUntil(lambda: len(filters) == 1)
    workspace.prepare_lock()
    assert workspace.report is None
    release.set()
    qtbot.waitUntil(lambda: not workspace.refreshing)
    assert shown == []
    assert workspace.report is None   # nothing decrypted reappeared after the lock
    workspace.refresh()               # and a late request does nothing
    assert not workspace.refreshing


def test_visiting_again_counts_again_only_when_the_threshold_changed(
        qtbot: QtBot, workspace: ProgramWorkspace, tmp_path: Path) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    workspace.activated()
    assert not workspace.refreshing  # same data, same k: the figures shown stay
    workspace.context.settings.set("disclosure_threshold", 20)
    with qtbot.waitSignal(workspace.refreshed, timeout=10000):
        workspace.activated()
    assert "<20" in workspace.note.text()


def test_import_in_spanish_explains_rejections_and_names_supporters_in_spanish(
        qtbot: QtBot, context: AppContext, tmp_path: Path, spanish: None) -> None:
    # built after the language is installed, as the app builds its workspaces
    workspace = ProgramWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.show()
    qtbot.waitUntil(lambda: not workspace.refreshing)
    no_alias = write_summary(tmp_path / "sin-alias.json", signed(
        [contact("2026-01", peer=i) for i in range(6)], supporter_id="c3" * 16, alias=None))
    bad = [bad_checksum_file(tmp_path / "tampered.json"),
           unknown_code_file(tmp_path / "records.json")]
    import_and_wait(qtbot, workspace, [no_alias, *bad])
    try:
        dialog = workspace.results_dialog
        assert dialog is not None
        table = dialog.table
        details = {table.item(r, 0).text(): table.item(r, 4).text()
                   for r in range(table.rowCount())}
        assert details["tampered.json"].startswith("Su firma no coincide con su contenido")
        assert details["records.json"] == (
            'months[0].counts.channel tiene el código desconocido "fax".')
        assert "Persona de apoyo 1" in workspace.note.text()
        assert "Supporter 1" not in workspace.note.text()
        assert workspace.report is not None
        assert label_report(workspace.report, "es").supporter_names == ("Persona de apoyo 1",)
    finally:
        if workspace.results_dialog is not None:
            workspace.results_dialog.close()
        workspace.prepare_lock()


def test_reports_are_written_in_the_interface_language(qtbot: QtBot, workspace: ProgramWorkspace,
                                                       tmp_path: Path) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    english_csv, csv, pdf = tmp_path / "en.csv", tmp_path / "es.csv", tmp_path / "es.pdf"
    with qtbot.waitSignal(workspace.report_written, timeout=20000):
        workspace.export_csv(english_csv)
    i18n.install_language("es")
    try:
        with qtbot.waitSignal(workspace.report_written, timeout=60000):
            workspace.export_pdf(pdf)
        with qtbot.waitSignal(workspace.report_written, timeout=20000):
            workspace.export_csv(csv)
    finally:
        i18n.install_language("en")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Cifras principales" in text
    assert "Qué está pasando" in text
    assert "Headline figures" not in text
    spanish = csv.read_bytes().decode("utf-8").splitlines()
    english = english_csv.read_bytes().decode("utf-8").splitlines()
    assert spanish[0] == "tabla,fila,columna,valor"
    assert spanish[1].startswith("Cómo leer estas cifras,")
    # the same protected figures, in the same order: only the words change
    assert [line.rsplit(",", 1)[1].replace(" de ", " of ") for line in spanish[2:]] == [
        line.rsplit(",", 1)[1] for line in english[2:]]


def test_dashboard_pdf_and_csv_show_the_same_figures(qtbot: QtBot, workspace: ProgramWorkspace,
                                                     tmp_path: Path) -> None:
    import_and_wait(qtbot, workspace, program_files(tmp_path))
    with qtbot.waitSignal(workspace.refreshed):
        workspace.from_combo.setCurrentIndex(workspace.from_combo.findData("2026-02"))
    csv, pdf = tmp_path / "t.csv", tmp_path / "r.pdf"
    with qtbot.waitSignal(workspace.report_written, timeout=20000):
        workspace.export_csv(csv)
    with qtbot.waitSignal(workspace.report_written, timeout=60000):
        workspace.export_pdf(pdf)
    import csv as csv_module
    rows = list(csv_module.reader(csv.read_text(encoding="utf-8").splitlines()))
    values = {(r[0], r[1], r[2]): r[3] for r in rows[2:]}
    # headline cards
    for key, card in workspace.dashboard.cards.items():
        if key == "first_contacts":
            continue  # a card holding two figures; both checked below through the CSV
        assert values[("Headline figures", card.caption.text(), "Value")] == (
            card.value.text().replace(",", "")), key
    # every chart panel's table against the CSV, cell by cell
    for panel in workspace.findChildren(ChartPanel):
        table = panel.model.table
        assert table is not None
        for i, row in enumerate(table.rows):
            for j, column in enumerate(table.columns):
                assert values[(table.title, row, column)] == table.cells[i][j]
    # the PDF prints the same headline figures and period
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Feb 2026 – Mar 2026" in text
    for key in ("contacts", "people", "risk_escalations"):
        assert workspace.report is not None
        assert workspace.report.headline(key).text in text
