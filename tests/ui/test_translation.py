"""Spanish translation: complete, built, loaded at start, switchable, and used for taxonomy
labels and guide titles (display only; codes and ids never change)."""

from __future__ import annotations

import json
import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.guides.loader import load_library
from peerdesk.paths import ui_state_file
from peerdesk.settings import Settings
from peerdesk.taxonomy import default_taxonomy
from peerdesk.ui import i18n
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.settings_dialog import SettingsDialog
from peerdesk.ui.window_state import read_language, write_language
from peerdesk.vault import Vault

TS_FILE = i18n.translations_dir() / "peerdesk_es.ts"
QM_FILE = i18n.translations_dir() / "peerdesk_es.qm"


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    """Tests that switch language leave the shared QApplication in English."""
    yield
    i18n.install_language("en")


def ts_messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [(context.findtext("name") or "", message.findtext("source") or "",
             message.find("translation"))  # type: ignore[misc]
            for context in root.iter("context") for message in context.iter("message")]


# -- the translation files ---------------------------------------------------------------------

def test_spanish_ts_is_complete() -> None:
    messages = ts_messages()
    assert len(messages) > 500
    unfinished = [(context, source) for context, source, translation in messages
                  if translation.get("type") is not None or not (translation.text or "").strip()]
    assert unfinished == []


def test_placeholders_and_markup_survive_translation() -> None:
    for context, source, translation in ts_messages():
        text = translation.text or ""
        assert set(re.findall(r"\{\w*\}", source)) == set(re.findall(r"\{\w*\}", text)), source
        assert sorted(re.findall(r"</?\w+", source)) == sorted(re.findall(r"</?\w+", text)), source
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), (
            context, source)


def test_compiled_qm_matches_the_ts() -> None:
    """The shipped .qm was rebuilt after the last .ts change (`make translations`)."""
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    stale = [(context, source) for context, source, translation in ts_messages()
             if translator.translate(context, source) != translation.text]
    assert stale == []


def test_declared_strings_file_is_current() -> None:
    """Setting labels live as data outside ui/; `make translations` lists them for lupdate."""
    assert i18n.DECLARED_STRINGS_FILE.read_text("utf-8") == i18n.declared_strings_source()


# -- choosing and loading the language ---------------------------------------------------------

def test_language_is_kept_beside_the_window_geometry() -> None:
    assert read_language() is None
    ui_state_file().parent.mkdir(parents=True)
    ui_state_file().write_text(json.dumps({"geometry": "AAAA"}), "utf-8")
    write_language("es")
    assert read_language() == "es"
    assert json.loads(ui_state_file().read_text("utf-8")) == {"geometry": "AAAA",
                                                              "language": "es"}


def test_chosen_language_follows_saved_choice_then_system(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("es_MX")))
    assert i18n.chosen_language() == "es"  # nothing saved: the system's language
    write_language("en")
    assert i18n.chosen_language() == "en"
    write_language("system")
    assert i18n.chosen_language() == "es"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.chosen_language() == "en"  # no German translation: English
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "es")
    assert i18n.chosen_language() == "es"


def test_switching_to_spanish_and_back(qtbot: QtBot, vault: Vault, journal_path: Path,
                                       english_afterwards: None) -> None:
    vault.close()
    assert i18n.install_language("es") == "es"
    assert i18n.current_language() == "es"
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    page = window.start.unlock_page
    assert window.start.currentWidget() is page
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "Desbloquea tu diario" in texts
    assert page.unlock_button.text() == "Desbloquear"
    assert page.passphrase.accessibleName() == "Frase de contraseña"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Diario", "&Ir", "Ay&uda"]
    # Qt's own strings come in Spanish too (standard buttons).
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"

    window.close()
    QApplication.processEvents()  # let the closed window settle before the switch
    assert QLocale().language() == QLocale.Language.Spanish  # dates and numbers too
    assert i18n.install_language("en") == "en"
    assert QLocale().name() == QLocale.system().name()  # the system's conventions again
    english = MainWindow(journal_path)
    qtbot.addWidget(english)
    assert english.start.unlock_page.unlock_button.text() == "Unlock"
    assert [a.text() for a in english.menuBar().actions()] == ["&Journal", "&Go", "&Help"]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_unlocked_window_is_spanish(qtbot: QtBot, vault: Vault, journal_path: Path,
                                    english_afterwards: None) -> None:
    i18n.install_language("es")
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    window.open_session(vault)
    try:
        titles = [window.shell.navigation.item(row).text()
                  for row in range(window.shell.navigation.count())]
        assert titles[:4] == ["Diario", "Seguimientos", "Directorio", "Guías"]
        journal_actions = [a.text() for a in window.journal_menu.actions() if a.text()]
        assert "&Bloquear" in journal_actions
        assert "A&justes…" in journal_actions
    finally:
        window.lock()


def test_settings_dialog_saves_the_language_outside_the_journal(
        qtbot: QtBot, vault: Vault) -> None:
    dialog = SettingsDialog(Settings(vault))
    qtbot.addWidget(dialog)
    language = dialog.findChild(QComboBox, "setting_language")
    language.setCurrentIndex(language.findData("es"))
    with qtbot.waitSignal(dialog.settings_saved) as saved:
        dialog.save()
    assert "language" in saved.args[0]
    assert read_language() == "es"
    assert Settings(vault).get("language") == "es"
    # The change applies at the next start, and the user is told so.
    notice = dialog.language_notice
    assert isinstance(notice, QMessageBox)
    assert notice.isVisible()
    assert "next time" in notice.text()
    notice.close()
    # Reopened, the dialog shows the choice in effect.
    again = SettingsDialog(Settings(vault))
    qtbot.addWidget(again)
    assert again.value_of("language") == "es"


# -- taxonomy and guides -----------------------------------------------------------------------

def test_every_taxonomy_code_has_a_spanish_label_and_help() -> None:
    overlay_path = i18n.translations_dir() / "taxonomy.es.toml"
    with overlay_path.open("rb") as stream:
        overlay = tomllib.load(stream)
    english = default_taxonomy()
    for key, field in english.fields.items():
        assert overlay[key]["label"], key
        assert overlay[key]["help"], key
        for option in field.options:
            entry = overlay[key]["options"][option.code]
            assert entry["label"].strip(), (key, option.code)
            assert entry["help"].strip(), (key, option.code)
    spanish = i18n.localized_taxonomy("es")
    for key, field in english.fields.items():
        assert spanish.field(key).codes() == field.codes()  # codes never change
        assert spanish.field(key).multiple == field.multiple
    assert spanish.field("channel").label_for("phone") == "Teléfono"


def test_display_taxonomy_follows_the_interface_language(english_afterwards: None) -> None:
    assert i18n.display_taxonomy().field("channel").label_for("in_person") == "In person"
    i18n.install_language("es")
    assert i18n.display_taxonomy().field("channel").label_for("in_person") == "En persona"


def test_every_guide_and_scenario_has_a_spanish_title(english_afterwards: None) -> None:
    english = load_library()
    i18n.install_language("es")
    spanish = i18n.display_library()
    assert [item.id for item in spanish.items] == [item.id for item in english.items]
    for ours, theirs in zip(spanish.items, english.items, strict=True):
        assert ours.title != theirs.title, ours.id
        assert ours.summary != theirs.summary, ours.id
    assert i18n.track_label("trainee") == "Itinerario de formación"


def test_fixed_messages_from_outside_ui_are_translated(english_afterwards: None) -> None:
    from peerdesk.vault.passphrase import Strength, strength_hint
    from peerdesk.vault.vault import VaultOpenError

    hints = [strength_hint(sample) for sample in ("a", "aaaaaaaaaa", "password1234",
                                                  "abcdefghijklmn", "correct horse battery staple")]
    assert {hint.strength for hint in hints} == set(Strength)
    assert i18n.message_text(VaultOpenError()) == str(VaultOpenError())
    assert [i18n.message_text(hint.message) for hint in hints] == [hint.message for hint in hints]
    i18n.install_language("es")
    assert i18n.message_text(VaultOpenError()).startswith("No se pudo abrir el diario")
    assert i18n.message_text(strength_hint("a").message) == (
        "Demasiado corta: usa al menos 10 caracteres; unas cuantas palabras sin relación "
        "funcionan bien.")
    for hint in hints:  # every hint, shown live while typing, reads in Spanish
        assert i18n.message_text(hint.message) != hint.message, hint.message
    assert i18n.message_text("Some message with 3 variable parts") == (
        "Some message with 3 variable parts")  # unknown text is shown as it is


def test_quick_reference_is_translated(qtbot: QtBot, english_afterwards: None) -> None:
    from peerdesk.ui.guides.quick_reference import QuickReferencePanel

    i18n.install_language("es")
    panel = QuickReferencePanel()
    qtbot.addWidget(panel)
    text = panel.view.toPlainText()
    assert "Si alguien puede estar en riesgo" in text
    assert "Esto no es asesoramiento jurídico" in text


def test_program_dashboard_labels_are_translated_and_figures_untouched(
        qtbot: QtBot, vault: Vault, tmp_path: Path, english_afterwards: None) -> None:
    from peerdesk.program.cell_secret import cell_key_secret
    from peerdesk.program.importer import import_files
    from peerdesk.program.labels import label_report
    from peerdesk.program.report import prepare_report
    from peerdesk.program.store import ProgramStore
    from peerdesk.ui.i18n import current_language
    from tests.program.summaries import ACCEPT
    from tests.ui.program.test_workspace import program_files

    import_files(vault, program_files(tmp_path), enrolment=ACCEPT)
    report = prepare_report(ProgramStore(vault), k=5, secret=cell_key_secret(vault))
    english = label_report(report, "en")
    i18n.install_language("es")
    spanish = label_report(report, current_language())   # as the dashboard labels it
    headlines, tables = spanish.headlines, spanish.tables
    for ours, theirs in zip(headlines, english.headlines, strict=True):
        assert ours.label != theirs.label, theirs.label  # every fixed label has Spanish
        assert (ours.key, ours.text) == (theirs.key, theirs.text)
        if theirs.detail:
            assert ours.detail == theirs.detail.replace(" of ", " de ")
    for ours, theirs in zip(tables, english.tables, strict=True):
        assert ours.title != theirs.title, theirs.title
        assert ours.row_header != theirs.row_header, theirs.row_header
        assert ours.cells == theirs.cells  # only labels change
        assert ours.row_totals == theirs.row_totals
    behaviours = next(t for t in tables if t.key == "behaviours")
    assert "En línea" in behaviours.rows
    monthly = next(t for t in tables if t.key == "contacts_by_month")
    assert "Teléfono" in monthly.columns
    assert monthly.rows[0].startswith("ene")


def _visible_texts(root: QWidget) -> list[str]:
    """Every text a person can see or hear on `root`: labels, buttons, fields, lists, tables,
    tooltips, accessible names and actions."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        found += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QTextBrowser):  # rendered pages: headings the code adds
            found += widget.toPlainText().splitlines()
        model = widget.model() if isinstance(widget, QAbstractItemView) else None
        if model is not None:
            columns = model.columnCount() if not isinstance(model, QAbstractListModel) else 1
            found += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(columns)]
            found += [str(model.index(r, c).data() or "")
                      for r in range(min(model.rowCount(), 20)) for c in range(columns)]
    found += [action.text() for action in root.findChildren(QAction)]
    return found


def test_no_english_interface_text_is_left_on_screen_in_spanish(
        qtbot: QtBot, english_afterwards: None) -> None:
    """Any visible text that is still an English source string means a missed tr()."""
    from peerdesk.ui.app import open_demo_window, remove_demo

    translated = {source.replace("&", ""): source for _, source, translation in ts_messages()
                  if translation.text and translation.text != source}
    i18n.install_language("es")
    window, folder = open_demo_window(sessions=40)
    qtbot.addWidget(window)
    try:
        window.show()
        left: set[str] = set()
        for workspace_id in window.shell.workspace_ids:  # each built as it is first shown
            window.shell.show_workspace(workspace_id)
            workspace = window.shell.workspace(workspace_id)
            assert workspace is not None
            qtbot.wait(1)
            if workspace.workspace_id == "journal":
                workspace.new_session()  # type: ignore[attr-defined]
                qtbot.waitUntil(workspace.editor.isVisible)  # type: ignore[attr-defined]
            if workspace.workspace_id == "guides":  # a scenario with its examples shown
                browser = workspace.browser  # type: ignore[attr-defined]
                assert browser.open_item(browser.library.scenarios[0].id)
                browser.set_revealed(True)
            for text in _visible_texts(window):
                for piece in re.split(r"  ·  | · |\n", text):
                    if piece.replace("&", "").strip() in translated:
                        left.add(piece.strip())
        assert left == set()
    finally:
        window.lock()
        remove_demo(folder)


def test_no_english_interface_text_in_spanish_dialogs(
        qtbot: QtBot, vault: Vault, journal_path: Path, english_afterwards: None) -> None:
    from tests.ui.test_accessibility import DIALOGS, make_dialog

    translated = {source.replace("&", ""): source for _, source, translation in ts_messages()
                  if translation.text and translation.text != source}
    i18n.install_language("es")
    host = QWidget()
    qtbot.addWidget(host)
    left: set[str] = set()
    for name in DIALOGS:
        dialog = make_dialog(name, vault, journal_path, host)
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog):
            dialog.show()
        for text in _visible_texts(dialog):
            for piece in re.split(r"  ·  | · |\n", text):
                if piece.replace("&", "").strip() in translated:
                    left.add(f"{name}: {piece.strip()}")
        dialog.close()
    assert left == set()
