"""The export dialog: default period, preview of exactly the records, left-out reasons, save."""

from __future__ import annotations

import datetime as dt
import json
import stat
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.exchange.export import LAST_UNTIL_KEY, remembered_alias, remembered_last_until
from peerdesk.exchange.format import summary_schema
from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.ui import i18n
from peerdesk.ui.exchange.export_dialog import (
    ExportDialog,
    default_file_name,
    export_summary_action,
)
from peerdesk.ui.exchange.preview_model import COLUMNS, ExportPreviewModel
from peerdesk.vault import Vault

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def filled(vault: Vault) -> Vault:
    repo = SessionRepository(vault)
    repo.add(Session(date=TODAY - dt.timedelta(days=3), consent_to_count=True, kind="group",
                     group_size=6, behaviours=frozenset({"online", "work_related"}),
                     notes="SECRET NOTE", peer_code="amber-heron-21"))
    repo.add(Session(date=TODAY - dt.timedelta(days=10), consent_to_count=True))
    repo.add(Session(date=TODAY - dt.timedelta(days=12), consent_to_count=False))
    repo.add(Session(date=TODAY - dt.timedelta(days=90), consent_to_count=True))
    DraftStore(vault).save("new", {"notes": "half"})
    return vault


def open_dialog(qtbot: QtBot, vault: Vault) -> ExportDialog:
    dialog = ExportDialog(vault, today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.plan_ready, timeout=10_000):
        dialog.show()
    return dialog


def test_default_period_is_the_last_30_days_then_since_the_last_export(
        qtbot: QtBot, filled: Vault) -> None:
    dialog = open_dialog(qtbot, filled)
    assert (dialog.since, dialog.until) == (TODAY - dt.timedelta(days=29), TODAY)
    dialog.done(0)
    filled.write_setting(LAST_UNTIL_KEY, (TODAY - dt.timedelta(days=5)).isoformat())
    again = open_dialog(qtbot, filled)
    assert (again.since, again.until) == (TODAY - dt.timedelta(days=4), TODAY)
    assert again.plan is not None
    assert again.plan.record_count == 1


def test_preview_shows_exactly_the_records_and_why_others_are_left_out(
        qtbot: QtBot, filled: Vault) -> None:
    dialog = open_dialog(qtbot, filled)
    plan = dialog.plan
    assert plan is not None
    assert dialog.model.rowCount() == plan.record_count == 2
    assert [r["id"] for r in dialog.model.records()] == [r["id"] for r in plan.records]
    assert "2 sessions will be written" in dialog.heading.text()
    text = dialog.left_out.text()
    assert "1 session: the person did not agree to be counted" in text
    assert "1 session outside the period" in text
    assert "1 unsaved draft" in text
    shown = {dialog.proxy.index(row, column).data()
             for row in range(dialog.proxy.rowCount()) for column in range(len(COLUMNS))}
    assert "5 to 9 people" in shown
    assert "Online, Work-related" in shown
    assert not any("SECRET" in str(value) or "amber" in str(value) for value in shown)
    assert "2026-11-18" not in str(shown)
    assert dialog.save_button.isEnabled()


def test_changing_the_period_replans(qtbot: QtBot, filled: Vault) -> None:
    dialog = open_dialog(qtbot, filled)
    with qtbot.waitSignal(dialog.plan_ready, timeout=10_000):
        dialog.set_period(TODAY - dt.timedelta(days=100), TODAY)
    assert dialog.model.rowCount() == 3
    with qtbot.waitSignal(dialog.plan_ready, timeout=10_000):
        dialog.until_edit.setDate(dialog.until_edit.date().addDays(-400))
    assert not dialog.save_button.isEnabled()
    assert "start date on or before" in dialog.heading.text() or dialog.plan is None


def test_save_writes_a_valid_private_file_and_remembers(qtbot: QtBot, filled: Vault,
                                                        tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, filled)
    dialog.alias_edit.setText("North site")
    out = tmp_path / default_file_name(TODAY)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as caught:
        dialog.save_to(out)
    assert caught.args[0].record_count == 2
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = out.read_bytes()
    assert b"SECRET NOTE" not in data
    assert b"amber-heron" not in data
    document = json.loads(data)
    jsonschema.validate(document, summary_schema(), cls=jsonschema.Draft202012Validator)
    assert document["supporter"]["alias"] == "North site"
    assert remembered_last_until(filled) == TODAY
    assert remembered_alias(filled) == "North site"
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox)
                    or any(w.objectName() == "exportSavedMessage"
                           for w in QApplication.topLevelWidgets()))
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
    assert remembered_last_until(filled) is None
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()


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
    assert box.text() == (
        "Una sesión de 2026-W47 tiene el código desconocido 'fax' para 'channel'. Ábrela en el "
        "diario, corrígela y vuelve a exportar.")
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


def test_preview_model_passes_the_model_tester(qtmodeltester: ModelTester,
                                               filled: Vault, qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, filled)
    model = ExportPreviewModel()
    assert dialog.plan is not None
    model.set_records(dialog.plan.records)
    qtmodeltester.check(model)
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
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    dialog.reject()
