"""The export dialog: which months are sent and why, every count that leaves, alias checks,
the key's fingerprint, save."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import stat
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.exchange.export import export_from_vault, remembered_alias
from peerdesk.exchange.keys import SigningKey, SigningKeyStore
from peerdesk.exchange.validate import summary_schema
from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.ui import i18n
from peerdesk.ui.exchange.export_dialog import (
    ExportDialog,
    default_file_name,
    export_summary_action,
)
from peerdesk.ui.exchange.preview_model import MonthCountsModel, MonthPreviewModel
from peerdesk.vault import Vault

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def filled(vault: Vault) -> Vault:
    repo = SessionRepository(vault)
    repo.add(Session(date=dt.date(2026, 11, 18), consent_to_count=True, kind="group",
                     group_size=6, behaviours=frozenset({"online", "work_related"}),
                     notes="SECRET NOTE", peer_code="amber-heron-21"))
    repo.add(Session(date=dt.date(2026, 11, 11), consent_to_count=True))
    repo.add(Session(date=dt.date(2026, 11, 9), consent_to_count=False))
    repo.add(Session(date=dt.date(2026, 8, 23), consent_to_count=True))
    DraftStore(vault).save("new", {"notes": "half"})
    return vault


def open_dialog(qtbot: QtBot, vault: Vault) -> ExportDialog:
    dialog = ExportDialog(vault, today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.plan_ready, timeout=10_000):
        dialog.show()
    return dialog


def _cells(model: object, rows: int, columns: int) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(columns)]  # type: ignore[attr-defined]
            for r in range(rows)]


def test_preview_shows_each_month_with_why_and_every_count(qtbot: QtBot, filled: Vault) -> None:
    dialog = open_dialog(qtbot, filled)
    assert dialog.plan is not None
    assert "2 months will be sent" in dialog.heading.text()
    rows = _cells(dialog.proxy, dialog.proxy.rowCount(), 3)
    assert rows == [["2026-08", "New month", "1"], ["2026-11", "New month", "2"]]
    text = dialog.left_out.text()
    assert "1 session: the person did not agree to be counted" in text
    assert "1 unsaved draft" in text
    dialog.table.selectRow(1)
    counts = _cells(dialog.counts_model, dialog.counts_model.rowCount(), 3)
    assert ["What is happening", "Online", "1"] in counts
    assert ["Group size", "5 to 9 people", "1"] in counts
    assert "2026-11" in dialog.counts_heading.text()
    shown = str(counts) + str(rows)
    assert "SECRET" not in shown
    assert "amber" not in shown
    assert "2026-11-18" not in shown
    assert SigningKeyStore(filled).key().fingerprint in dialog.fingerprint.text()
    assert dialog.save_button.isEnabled()


def test_every_text_in_the_preview_fits_its_column(qtbot: QtBot, filled: Vault) -> None:
    dialog = open_dialog(qtbot, filled)
    dialog.table.selectRow(1)
    for table, model, free in ((dialog.table, dialog.proxy, 6),
                               (dialog.counts_table, dialog.counts_model, 1)):
        metrics = table.fontMetrics()
        header = table.horizontalHeader()
        for column in range(model.columnCount()):
            if column == free:  # the column that takes the remaining width
                continue
            texts = [model.index(row, column).data() for row in range(model.rowCount())]
            texts.append(model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            assert header.sectionSize(column) > widest, (column, texts)


def test_changed_and_now_empty_months_say_so(qtbot: QtBot, filled: Vault,
                                             tmp_path: Path) -> None:
    export_from_vault(filled, tmp_path / "first.json")
    repo = SessionRepository(filled)
    august = repo.get(4)
    repo.update(dataclasses.replace(august, consent_to_count=False))
    november = repo.get(2)
    repo.update(dataclasses.replace(november, channel="phone"))
    dialog = open_dialog(qtbot, filled)
    rows = _cells(dialog.proxy, dialog.proxy.rowCount(), 3)
    assert rows == [["2026-08", "Now empty", "0"], ["2026-11", "Changed", "2"]]
    assert "consent withdrawn" in dialog.proxy.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_nothing_changed_means_nothing_to_save(qtbot: QtBot, filled: Vault,
                                               tmp_path: Path) -> None:
    export_from_vault(filled, tmp_path / "first.json")
    dialog = open_dialog(qtbot, filled)
    assert "Nothing changed since your last export" in dialog.heading.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.save_button.isEnabled()


def test_an_identifying_alias_is_refused_before_saving(qtbot: QtBot, filled: Vault) -> None:
    dialog = open_dialog(qtbot, filled)
    dialog.alias_edit.setText("Dana Whitfield")
    assert dialog.alias_problem.isVisible()
    assert "looks like a name" in dialog.alias_problem.text()
    assert not dialog.save_button.isEnabled()
    dialog.alias_edit.setText("north-3")
    assert not dialog.alias_problem.isVisible()
    assert dialog.save_button.isEnabled()


def test_save_writes_a_valid_private_file_and_remembers(qtbot: QtBot, filled: Vault,
                                                        tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, filled)
    dialog.alias_edit.setText("north site")
    out = tmp_path / default_file_name(TODAY)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as caught:
        dialog.save_to(out)
    assert [m.month for m in caught.args[0].months] == ["2026-08", "2026-11"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = out.read_bytes()
    assert b"SECRET NOTE" not in data
    assert b"amber-heron" not in data
    document = json.loads(data)
    jsonschema.validate(document, summary_schema(), cls=jsonschema.Draft202012Validator)
    assert document["supporter"]["alias"] == "north site"
    assert remembered_alias(filled) == "north site"
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox)
                    or any(w.objectName() == "exportSavedMessage"
                           for w in QApplication.topLevelWidgets()))
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "exportSavedMessage":
            widget.close()
    again = open_dialog(qtbot, filled)  # what was sent is remembered
    assert again.plan is not None
    assert again.plan.is_empty


def test_the_unit_comes_only_from_the_coordinators_list(qtbot: QtBot, filled: Vault,
                                                        tmp_path: Path) -> None:
    assert not open_dialog(qtbot, filled).unit_combo.isVisibleTo(None)  # no list: no unit
    filled.write_setting("org_units", ["Finance", "Warehouse"])
    dialog = open_dialog(qtbot, filled)
    combo = dialog.unit_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "Finance", "Warehouse"]
    combo.setCurrentIndex(2)
    out = tmp_path / "s.json"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.save_to(out)
    assert json.loads(out.read_bytes())["supporter"]["org_unit"] == "Warehouse"
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "exportSavedMessage":
            widget.close()


def test_save_failure_is_shown_and_nothing_remembered(qtbot: QtBot, filled: Vault,
                                                      tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, filled)
    dialog.save_to(tmp_path / "missing-folder" / "s.json")
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "errorMessage") is not None)
    box = dialog.findChild(QMessageBox, "errorMessage")
    assert "does not exist" in box.text()
    box.close()
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
    assert not open_dialog(qtbot, filled).plan.is_empty  # type: ignore[union-attr]


@pytest.fixture
def spanish(qapp: object) -> Iterator[None]:
    """The interface in Spanish for one test, English again afterwards."""
    i18n.install_language("es")
    yield
    i18n.install_language("en")


def test_a_session_that_cannot_be_exported_is_explained_in_spanish(
        qtbot: QtBot, vault: Vault, spanish: None) -> None:
    SessionRepository(vault).add(Session(date=TODAY - dt.timedelta(days=2),
                                         consent_to_count=True))
    with vault.transaction() as conn:  # e.g. a code a newer PeerDesk wrote
        conn.execute("UPDATE session SET channel = 'fax'")
    dialog = ExportDialog(vault, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "errorMessage") is not None,
                    timeout=10_000)
    box = dialog.findChild(QMessageBox, "errorMessage")
    assert box.text().startswith("Una sesión de 2026-11 tiene un código")
    assert dialog.heading.text() == "No se pudo preparar el resumen."
    assert not dialog.save_button.isEnabled()
    box.close()


def test_save_button_opens_a_file_chooser_with_the_default_name(qtbot: QtBot,
                                                               filled: Vault) -> None:
    dialog = open_dialog(qtbot, filled)
    chooser = dialog.choose_file()
    assert isinstance(chooser, QFileDialog)
    assert chooser.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert chooser.selectedFiles()[0].endswith("peerdesk-summary-2026-11-21.json")
    chooser.reject()


def test_preview_models_pass_the_model_tester(qtmodeltester: ModelTester,
                                              filled: Vault, qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, filled)
    assert dialog.plan is not None
    months = MonthPreviewModel()
    months.set_months(dialog.plan.months)
    qtmodeltester.check(months)
    counts = MonthCountsModel()
    counts.set_month(dialog.plan.months[0].figures)
    qtmodeltester.check(counts)
    qtmodeltester.check(dialog.proxy)


def test_menu_action_opens_the_dialog(qtbot: QtBot, filled: Vault) -> None:
    from PySide6.QtWidgets import QMainWindow

    class Context:
        vault = filled

    window = QMainWindow()
    qtbot.addWidget(window)
    (action,) = export_summary_action(window, Context())
    assert action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.plan is not None, timeout=10_000)
    assert dialog.key is not None
    assert dialog.key.fingerprint in dialog.fingerprint.text()
    dialog.reject()


def test_the_signing_key_is_made_on_the_worker_not_while_the_window_waits(
        qtbot: QtBot, filled: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first export makes and saves the journal's key: a write, kept off the GUI thread."""
    import threading

    made_on: list[threading.Thread] = []
    real_key = SigningKeyStore.key

    def key(store: SigningKeyStore) -> SigningKey:
        made_on.append(threading.current_thread())
        return real_key(store)

    monkeypatch.setattr(SigningKeyStore, "key", key)
    dialog = open_dialog(qtbot, filled)
    assert dialog.key is not None
    assert made_on
    assert threading.main_thread() not in made_on
    assert dialog.key.fingerprint == real_key(SigningKeyStore(filled)).fingerprint
