"""The referral directory workspace (peerdesk/ui/referrals/workspace.py) and its dialogs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.referrals import Resolution, ResourceRepository, read_pack
from peerdesk.ui import i18n
from peerdesk.ui.referrals.dialogs import ImportReviewDialog, ResourceEditDialog
from peerdesk.ui.referrals.table_model import ResourceTableModel
from peerdesk.ui.referrals.workspace import ResourcesWorkspace
from peerdesk.ui.workspace_list import WORKSPACE_CLASSES
from peerdesk.ui.workspaces import AppContext
from tests.referrals.helpers import demo_document, pack_file

Factory = Callable[[], ResourcesWorkspace]


def names(workspace: ResourcesWorkspace) -> list[str]:
    model = workspace.model
    return [model.resource(row).name for row in range(model.rowCount())]


def test_registered_as_resources_workspace() -> None:
    assert ResourcesWorkspace in WORKSPACE_CLASSES
    assert ResourcesWorkspace.workspace_id == "resources"


def test_empty_directory_offers_starter_pack(qtbot: QtBot, make_workspace: Factory,
                                             repo: ResourceRepository) -> None:
    workspace = make_workspace()
    assert workspace.pages.currentWidget() is workspace.empty
    with qtbot.waitSignal(workspace.review_opened, timeout=10000) as opened:
        qtbot.mouseClick(workspace.starter_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, ImportReviewDialog)
    assert "10 new" in dialog.summary.text()
    with qtbot.waitSignal(workspace.import_finished, timeout=10000) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(finished.args[0].new) == 10
    assert repo.count() == 10
    assert workspace.pages.currentIndex() == 0
    assert workspace.model.rowCount() == 10
    assert workspace.detail.needs_details.isVisible()


@pytest.fixture
def spanish_interface() -> Iterator[None]:
    i18n.install_language("es")
    yield
    i18n.install_language("en")  # the QApplication is shared with the other tests


def test_spanish_interface_loads_the_spanish_starter_pack(
        qtbot: QtBot, spanish_interface: None, make_workspace: Factory,
        repo: ResourceRepository) -> None:
    workspace = make_workspace()
    with qtbot.waitSignal(workspace.review_opened, timeout=10000) as opened:
        qtbot.mouseClick(workspace.starter_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(workspace.import_finished, timeout=10000) as finished:
        qtbot.mouseClick(opened.args[0].import_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].pack_name == "Paquete inicial de PeerDesk"
    assert "Programa de ayuda al empleado (PAE)" in names(workspace)
    eap = repo.get("starter-eap")  # same id and type as the English entry
    assert (eap.type, eap.origin) == ("eap", "Paquete inicial de PeerDesk")


def test_search_and_filters(qtbot: QtBot, make_workspace: Factory,
                            demo: ResourceRepository) -> None:
    workspace = make_workspace()
    assert workspace.model.rowCount() == 11
    qtbot.keyClicks(workspace.search, "counselling")
    assert names(workspace) == ["Brightpath EAP (fictional)"]
    assert "1 of 11 entries" in workspace.count_label.text()
    workspace.search.clear()
    workspace.type_filter.setCurrentIndex(workspace.type_filter.findData("hr"))
    assert set(names(workspace)) == {"People Team – Head office",
                                     "People Team – Harbour Road depot"}
    workspace.region_filter.setCurrentIndex(workspace.region_filter.findData("Head office"))
    assert names(workspace) == ["People Team – Head office"]
    workspace.language_filter.setCurrentIndex(workspace.language_filter.findData("Polish"))
    assert workspace.list_stack.currentWidget() is workspace.no_match
    workspace.clear_filters()
    assert workspace.model.rowCount() == 11
    assert workspace.list_stack.currentWidget() is workspace.table


def test_ctrl_f_focuses_search(qtbot: QtBot, make_workspace: Factory,
                               demo: ResourceRepository) -> None:
    workspace = make_workspace()
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    workspace.table.setFocus()
    qtbot.keyClick(workspace.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert workspace.search.hasFocus()


def test_detail_badges_and_stale_warning(qtbot: QtBot, make_workspace: Factory,
                                         demo: ResourceRepository, context: AppContext) -> None:
    workspace = make_workspace()
    detail = workspace.detail
    assert workspace.select_id("nw-eap")
    assert detail.badge.text() == "Confidential"
    assert not detail.stale.isVisible()
    assert workspace.select_id("nw-hr-harbour")  # verified 2024-03-20
    assert detail.badge.text() == "May be obliged to act"
    assert detail.stale.isVisible()
    assert "2024-03-20" in detail.stale.text()
    assert workspace.select_id("nw-pride-network")  # never verified
    assert "never been verified" in detail.stale.text()
    context.settings.set("stale_resource_months", 120)
    workspace.reload()
    assert workspace.select_id("nw-hr-harbour")
    assert not detail.stale.isVisible()


def test_copy_buttons(qtbot: QtBot, make_workspace: Factory, demo: ResourceRepository) -> None:
    workspace = make_workspace()
    workspace.select_id("nw-eap")
    buttons = workspace.detail.copy_buttons
    assert buttons["phone"].accessibleName() == "Copy phone"
    qtbot.mouseClick(buttons["email"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "help@brightpath.example"
    assert buttons["email"].text() == "Copied"
    qtbot.mouseClick(buttons["web"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "https://brightpath.example/northwind"
    assert not buttons["place"].isEnabled()  # no place given


def test_usage_count_from_sessions(qtbot: QtBot, make_workspace: Factory,
                                   demo: ResourceRepository, context: AppContext) -> None:
    sessions = SessionRepository(context.vault)
    for ids in (("nw-eap",), ("nw-eap", "nw-gp")):
        sessions.add(Session(date=dt.date(2026, 11, 3), support_given=frozenset({"referral"}),
                             referral_resource_ids=ids))
    workspace = make_workspace()
    workspace.select_id("nw-eap")
    assert workspace.detail.usage.text() == "Used in 2 sessions"
    workspace.select_id("nw-gp")
    assert workspace.detail.usage.text() == "Used in 1 session"
    workspace.select_id("nw-crisis")
    assert workspace.detail.usage.text() == "Not used in any session yet"


def test_add_through_dialog(qtbot: QtBot, make_workspace: Factory,
                            demo: ResourceRepository) -> None:
    workspace = make_workspace()
    workspace.add_entry()
    dialog = workspace.findChild(ResourceEditDialog)
    assert dialog is not None
    assert dialog.may_act.isChecked()  # the safe default
    dialog.save_button.click()
    assert dialog.error.isVisible()  # no name yet
    assert "needs a name" in dialog.error.text()
    qtbot.keyClicks(dialog.name, "Night shift chaplain")
    dialog.type.setCurrentIndex(dialog.type.findData("other"))
    qtbot.keyClicks(dialog.phone, "555-0177")
    qtbot.keyClicks(dialog.languages, "English, Welsh")
    with qtbot.waitSignal(workspace.context.events.directory_changed):
        dialog.save_button.click()
    current = workspace.current_resource()
    assert current is not None
    assert current.name == "Night shift chaplain"
    assert current.languages == ("English", "Welsh")
    assert current.is_own
    assert demo.get(current.id).phone == "555-0177"
    assert "Welsh" in [workspace.language_filter.itemText(i)
                       for i in range(workspace.language_filter.count())]


def test_edit_marks_pack_entry_edited(qtbot: QtBot, make_workspace: Factory,
                                      demo: ResourceRepository) -> None:
    workspace = make_workspace()
    workspace.select_id("nw-gp")
    workspace.edit_current()
    dialog = workspace.findChild(ResourceEditDialog)
    assert dialog.name.text() == "Harbour Health Centre (fictional)"
    dialog.hours.setText("Mon–Sat 08:00–18:30")
    dialog.confidential.setChecked(True)
    with qtbot.waitSignal(workspace.context.events.directory_changed):
        dialog.save_button.click()
    saved = demo.get("nw-gp")
    assert saved.hours == "Mon–Sat 08:00–18:30"
    assert saved.edited_locally
    assert "edited here" in workspace.detail.facts.text()


def test_delete_asks_first(qtbot: QtBot, make_workspace: Factory,
                           demo: ResourceRepository) -> None:
    workspace = make_workspace()
    workspace.select_id("nw-ombuds")
    box = workspace.ask_delete_current()
    assert isinstance(box, QMessageBox)
    assert "Office of the Ombudsperson" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert demo.get("nw-ombuds")
    box = workspace.ask_delete_current()
    delete = next(b for b in box.findChildren(QPushButton) if b.text() == "Delete")
    with qtbot.waitSignal(workspace.context.events.directory_changed):
        delete.click()
    assert "nw-ombuds" not in {r.id for r in demo.all()}
    assert workspace.model.rowCount() == 10


def test_import_conflict_take_pack(qtbot: QtBot, make_workspace: Factory,
                                   demo: ResourceRepository, tmp_path: Path) -> None:
    demo.update(replace(demo.get("nw-eap"), phone="+1 555-0111"))
    document = demo_document()
    document["resources"][0]["hours"] = "Weekdays"
    document["resources"][3]["hours"] = "Mon–Fri 08:00–19:00"
    workspace = make_workspace()
    with qtbot.waitSignal(workspace.review_opened, timeout=10000) as opened:
        workspace.import_pack_file(pack_file(tmp_path, document))
    dialog: ImportReviewDialog = opened.args[0]
    assert "0 new, 1 to update, 9 unchanged" in dialog.summary.text()
    assert len(dialog.choices) == 1
    choice = dialog.choices[0]
    assert choice.findChild(type(dialog.summary), "phone:mine").text() == "+1 555-0111"
    assert choice.findChild(type(dialog.summary), "phone:pack").text() == "+1 555-0142"
    assert choice.keep.isChecked()
    choice.take.setChecked(True)
    assert dialog.resolutions() == {"nw-eap": Resolution.TAKE}
    with qtbot.waitSignal(workspace.import_finished, timeout=10000) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].taken == ("nw-eap",)
    assert demo.get("nw-eap").phone == "+1 555-0142"
    assert demo.get("nw-union").hours == "Mon–Fri 08:00–19:00"


def test_import_conflict_keep_mine(qtbot: QtBot, make_workspace: Factory,
                                   demo: ResourceRepository, tmp_path: Path) -> None:
    demo.update(replace(demo.get("nw-eap"), phone="+1 555-0111"))
    document = demo_document()
    document["resources"][0]["hours"] = "Weekdays"
    workspace = make_workspace()
    pack = read_pack(pack_file(tmp_path, document))
    with qtbot.waitSignal(workspace.import_finished, timeout=10000) as finished:
        workspace.apply_import(pack, {"nw-eap": Resolution.KEEP})
    assert finished.args[0].kept == ("nw-eap",)
    assert demo.get("nw-eap").phone == "+1 555-0111"
    assert demo.get("nw-eap").hours == "24 hours, every day"


def test_malformed_pack_shows_error_and_changes_nothing(qtbot: QtBot, make_workspace: Factory,
                                                        demo: ResourceRepository,
                                                        tmp_path: Path) -> None:
    before = demo.all()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**demo_document(), "version": 7}))
    workspace = make_workspace()
    workspace.import_pack_file(bad)

    def error_box() -> QMessageBox | None:
        found = workspace.findChild(QMessageBox, "errorMessage")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: error_box() is not None, timeout=10000)
    assert "newer version of PeerDesk" in error_box().text()
    assert demo.all() == before


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "The resource pack bad.json was not imported: $.resources[2].last_verified: "
           "'2026-02-31' is not a real date. Nothing was changed; ask whoever made the pack "
           "for a corrected file."),
    ("es", "El paquete de recursos bad.json no se importó: $.resources[2].last_verified: "
           "'2026-02-31' no es una fecha real. No se ha cambiado nada; pide a quien creó el "
           "paquete un archivo corregido."),
])
def test_a_pack_with_a_bad_entry_is_refused_in_the_interface_language(
        qtbot: QtBot, make_workspace: Factory, demo: ResourceRepository, tmp_path: Path,
        language: str, expected: str) -> None:
    before = demo.all()
    document = demo_document()
    document["resources"][2]["last_verified"] = "2026-02-31"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), "utf-8")
    i18n.install_language(language)
    try:
        workspace = make_workspace()
        workspace.import_pack_file(bad)

        def error_box() -> QMessageBox | None:
            found = workspace.findChild(QMessageBox, "errorMessage")
            return found if found is not None and found.isVisible() else None

        qtbot.waitUntil(lambda: error_box() is not None, timeout=10000)
        assert error_box().text() == expected
    finally:
        i18n.install_language("en")  # the QApplication is shared with the other tests
    assert demo.all() == before


def test_an_entry_without_a_name_is_explained_in_spanish(
        qtbot: QtBot, spanish_interface: None, make_workspace: Factory,
        demo: ResourceRepository) -> None:
    before = demo.all()
    workspace = make_workspace()
    workspace.add_entry()
    dialog = workspace.findChild(ResourceEditDialog)
    dialog.save_button.click()
    assert dialog.error.text() == (
        "Cada entrada del directorio necesita un nombre. Escribe un nombre y vuelve a guardar.")
    assert demo.all() == before


def test_export_pack(qtbot: QtBot, make_workspace: Factory, demo: ResourceRepository,
                     tmp_path: Path) -> None:
    workspace = make_workspace()
    out = tmp_path / "out.json"
    workspace.select_id("nw-eap")
    with qtbot.waitSignal(workspace.export_finished, timeout=10000) as finished:
        workspace.export_pack(out, "Northwind December", workspace.selected_resources())
    assert finished.args == [1]
    pack = read_pack(out)
    assert pack.name == "Northwind December"
    assert [r.id for r in pack.resources] == ["nw-eap"]
    dialog = workspace.ask_export()
    assert not dialog.export_button.isEnabled()
    dialog.path.setText(str(tmp_path / "all.json"))
    assert dialog.export_button.isEnabled()
    assert not dialog.only_selected()
    with qtbot.waitSignal(workspace.export_finished, timeout=10000) as finished:
        dialog.export_button.click()
    assert finished.args == [11]


def test_menu_actions(make_workspace: Factory, demo: ResourceRepository) -> None:
    workspace = make_workspace()
    names = [a.objectName() for a in workspace.menu_actions()]
    assert names == ["addResourceAction", "editResourceAction", "deleteResourceAction",
                     "starterPackAction", "importPackAction", "exportPackAction"]


def test_table_model(qtmodeltester, demo: ResourceRepository) -> None:  # type: ignore[no-untyped-def]
    model = ResourceTableModel()
    model.set_rows(demo.all(), {"nw-eap": 3}, dt.date(2026, 11, 21), 12)
    qtmodeltester.check(model)
    row = model.row_of("nw-eap")
    assert model.index(row, 3).data() == "3"
    stale_row = model.row_of("nw-hr-harbour")
    assert model.index(stale_row, 0).data().startswith("⚠")
    assert model.attention_count() == 4  # three stale entries and one never verified


def test_keyboard_find_read_edit_delete(qtbot: QtBot, make_workspace: Factory,
                                        demo: ResourceRepository) -> None:
    workspace = make_workspace()
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    workspace.search.setFocus()
    qtbot.keyClicks(workspace.search, "ombuds")
    qtbot.keyClick(workspace.search, Qt.Key.Key_Down)
    assert workspace.table.hasFocus()
    assert workspace.current_resource().id == "nw-ombuds"
    qtbot.keyClick(workspace.table, Qt.Key.Key_F2)
    dialog = workspace.findChild(ResourceEditDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()
    qtbot.keyClick(workspace.table, Qt.Key.Key_Delete)
    box = workspace.findChild(QMessageBox, "confirmDelete")
    assert box is not None
    assert box.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert demo.get("nw-ombuds")
