"""Journal ▸ Recovery kit… and "Forgot your passphrase?" on the unlock screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from peerdesk.paths import key_file_path
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.security.recovery_dialog import RecoveryDialog
from peerdesk.ui.security.recovery_kit_dialog import RecoveryKitDialog
from peerdesk.vault import Vault, VaultOpenError
from peerdesk.vault.keyslots import read_keyring
from peerdesk.vault.recovery_code import generate_recovery_code
from tests.conftest import PASSPHRASE

NEW = "a brand new passphrase 42"


def _type_back(dialog: RecoveryKitDialog, wrong: bool = False) -> None:
    for number, field in dialog.confirm_fields.items():
        group = dialog.code.groups[number - 1]
        field.setText(group[::-1] if wrong and group != group[::-1] else group.lower())


def test_the_code_is_stored_only_once_typed_back(qtbot: QtBot, window: MainWindow,
                                                 vault: Vault, tmp_path: Path) -> None:
    dialog = RecoveryKitDialog(vault, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert str(dialog.code) == dialog.code_label.text()
    assert not dialog.store_button.isEnabled()
    _type_back(dialog, wrong=True)
    assert not dialog.store_button.isEnabled()
    assert "does not match" in dialog.error.text()
    assert read_keyring(key_file_path(vault.path)).recovery_slot is None  # nothing written yet
    _type_back(dialog)
    assert dialog.store_button.isEnabled()
    with qtbot.waitSignal(dialog.stored):
        dialog.store_button.click()
    assert read_keyring(key_file_path(vault.path)).recovery_slot is not None


def test_the_pdf_kit_is_written_private(qtbot: QtBot, window: MainWindow, vault: Vault,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = RecoveryKitDialog(vault, window)
    qtbot.addWidget(dialog)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(str(args[2])))
    dialog.save_pdf(tmp_path / "kit.pdf")
    assert (tmp_path / "kit.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "kit.pdf").stat().st_mode & 0o077 == 0
    assert "delete the file" in shown[0]


def test_forgot_passphrase_opens_the_journal_with_a_new_one(qtbot: QtBot, window: MainWindow,
                                                            vault: Vault) -> None:
    kit = RecoveryKitDialog(vault, window)
    qtbot.addWidget(kit)
    _type_back(kit)
    kit.store()
    code = kit.code
    window.lock()
    button = window.start.unlock_page.findChild(QPushButton, "forgotPassphraseButton")
    assert button is not None
    button.click()
    dialog = window.findChild(RecoveryDialog, "recoveryDialog")
    assert dialog is not None
    dialog.code.setText(str(code)[:20])
    assert dialog.error.text() == ""  # no complaint while still typing
    dialog.code.setText(str(code).replace("-", " "))
    dialog.new.setText("short")
    dialog.repeat.setText("short")
    assert not dialog.ok_button.isEnabled()
    assert "short" in dialog.error.text().lower()  # says why the button stays disabled
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW)
    assert dialog.ok_button.isEnabled()
    assert dialog.error.text() == ""
    with qtbot.waitSignal(window.unlocked, timeout=15000):
        dialog.ok_button.click()
    assert window.context is not None
    path = window.context.vault.path
    window.lock()
    with pytest.raises(VaultOpenError):
        Vault.open(path, PASSPHRASE)
    Vault.open(path, NEW).close()


def test_a_wrong_code_is_named_and_nothing_changes(qtbot: QtBot, window: MainWindow,
                                                   vault: Vault) -> None:
    kit = RecoveryKitDialog(vault, window)
    qtbot.addWidget(kit)
    _type_back(kit)
    kit.store()
    fingerprint = kit.fingerprint
    path = vault.path
    before = key_file_path(path).read_bytes()
    window.lock()
    dialog = RecoveryDialog(path, window)
    qtbot.addWidget(dialog)
    dialog.code.setText(str(generate_recovery_code()))
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: fingerprint in dialog.error.text(), timeout=15000)
    assert key_file_path(path).read_bytes() == before


def test_the_kit_is_offered_once_after_creating_a_journal(qtbot: QtBot,
                                                          journal_path: Path) -> None:
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    window.show()
    page = window.start.create_page
    page.passphrase.setText(NEW)
    page.repeat.setText(NEW)
    with qtbot.waitSignal(window.unlocked, timeout=20000):
        page.create_button.click()
    qtbot.waitUntil(lambda: window.findChild(RecoveryKitDialog) is not None, timeout=5000)
    dialog = window.findChild(RecoveryKitDialog)
    assert dialog is not None
    assert "journal is lost" in dialog.buttons.button(
        dialog.buttons.StandardButton.Cancel).text()
    dialog.reject()
    window.lock()


def test_settings_opens_the_same_recovery_kit_flow(qtbot: QtBot, window: MainWindow,
                                                   vault: Vault) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from peerdesk.ui.settings_dialog import SettingsDialog

    window.findChild(QAction, "settingsAction").trigger()
    settings = next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, SettingsDialog) and w.isVisible())
    settings.findChild(QPushButton, "settingsRecoveryKitButton").click()
    qtbot.waitUntil(lambda: any(isinstance(w, RecoveryKitDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    kit = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, RecoveryKitDialog) and w.isVisible())
    _type_back(kit)
    with qtbot.waitSignal(kit.stored):
        kit.store_button.click()
    assert read_keyring(key_file_path(vault.path)).recovery_slot is not None
    assert settings.isVisible()  # unsaved settings are not lost on the way
    settings.reject()
