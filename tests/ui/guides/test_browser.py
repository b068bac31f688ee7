"""The guide browser under qtbot: reading, links, history, contents, find, progress, scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.guides import MemoryProgressStore, TrainingProgressRepository, load_library
from peerdesk.ui import i18n
from peerdesk.ui.guides.browser import GuideBrowser
from peerdesk.vault import Vault

LIBRARY = load_library()
DISCLAIMER = "This is not legal, medical or clinical advice."


@pytest.fixture
def browser(qtbot: QtBot) -> GuideBrowser:
    widget = GuideBrowser(MemoryProgressStore())
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def _text(browser: GuideBrowser) -> str:
    return browser.reader.toPlainText()


def test_opens_at_the_start_of_the_trainee_path(browser: GuideBrowser) -> None:
    assert browser.current is not None
    assert browser.current.id == LIBRARY.trainee_path[0].id
    text = _text(browser)
    assert LIBRARY.trainee_path[0].title in text
    assert "min read" in text
    assert text.rstrip().endswith(DISCLAIMER)
    assert browser.storage_note.isVisible()


def test_every_page_renders_with_the_disclaimer(browser: GuideBrowser) -> None:
    for item in LIBRARY.items:
        assert browser.open_item(item.id)
        text = _text(browser)
        assert item.title in text
        assert DISCLAIMER in text
        assert "**" not in text, item.id
        assert "](" not in text, item.id


def test_guide_link_back_and_forward(qtbot: QtBot, browser: GuideBrowser) -> None:
    browser.open_item("opening-and-closing")
    assert "guide:role-and-limits" in browser.reader.toHtml()
    browser.reader.anchorClicked.emit(QUrl("guide:role-and-limits"))
    assert browser.current is not None
    assert browser.current.id == "role-and-limits"
    assert browser.back_button.isEnabled()
    browser.reader.setFocus()
    qtbot.keyClick(browser.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert browser.current.id == "opening-and-closing"
    assert browser.forward_button.isEnabled()
    qtbot.keyClick(browser.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert browser.current.id == "role-and-limits"
    assert not browser.forward_button.isEnabled()


def test_tree_lists_tracks_and_opens_items(browser: GuideBrowser) -> None:
    labels = [browser.tree.topLevelItem(i).text(0) for i in range(browser.tree.topLevelItemCount())]
    assert labels == ["Trainee path", "Supporter reference", "Coordinator", "Practice scenarios"]
    trainee = browser.tree.topLevelItem(0)
    assert trainee.childCount() == len(LIBRARY.trainee_path)
    assert trainee.child(6).text(0).startswith("7. ")
    browser.tree.setCurrentItem(browser.tree.topLevelItem(2).child(1))
    assert browser.current is not None
    assert browser.current.id == LIBRARY.track("coordinator")[1].id


def test_table_of_contents_jumps_to_the_heading(qtbot: QtBot, browser: GuideBrowser) -> None:
    browser.open_item("responding-to-risk")
    entries = browser.toc_entries()
    texts = [e.text(0) for e in entries]
    assert texts[:3] == ["Signs to take seriously", "Step by step", "1. Ask directly"]
    assert "Checklist" in texts
    scroll = browser.reader.verticalScrollBar()
    assert scroll.value() == 0
    checklist = entries[texts.index("Checklist")]
    browser.toc.itemClicked.emit(checklist, 0)
    qtbot.waitUntil(lambda: scroll.value() > 0)
    top = browser.reader.anchor_position(str(checklist.data(0, Qt.ItemDataRole.UserRole)))
    assert top > 0
    assert abs(scroll.value() - min(top, scroll.maximum())) < 30


def test_find_in_page(qtbot: QtBot, browser: GuideBrowser) -> None:
    browser.open_item("active-listening-oars")
    browser.reader.setFocus()
    qtbot.keyClick(browser.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert browser.find_bar.isVisible()
    qtbot.keyClicks(browser.find_bar.field, "reflection")
    total = browser.reader.match_count
    assert total >= 5
    assert len(browser.reader.extraSelections()) == total
    first = browser.reader.current_match
    qtbot.keyClick(browser.find_bar.field, Qt.Key.Key_Return)
    assert browser.reader.current_match == (first + 1) % total
    browser.find_bar.previous_button.click()
    assert browser.reader.current_match == first
    assert browser.find_bar.count.text() == f"{first + 1} of {total}"
    qtbot.keyClick(browser.find_bar.field, Qt.Key.Key_Escape)
    assert not browser.find_bar.isVisible()
    assert browser.reader.extraSelections() == []
    browser.find_bar.open_bar()
    browser.find_bar.field.setText("zzzz-not-there")
    assert browser.find_bar.count.text() == "No matches"


def test_search_shows_ranked_results_and_opens_one(qtbot: QtBot, browser: GuideBrowser) -> None:
    browser.search_field.setFocus()
    qtbot.keyClicks(browser.search_field, "manager is the bully")
    qtbot.keyClick(browser.search_field, Qt.Key.Key_Return)
    assert browser.pages.currentWidget() is browser.results
    html = browser.results.toHtml()
    text = browser.results.toPlainText()
    assert "results for" in text
    assert text.index("Power dynamics") < text.index("What workplace bullying is")
    assert "background-color:#fff0a0" in html.replace(" ", "")
    browser.results.anchorClicked.emit(QUrl("open:power-dynamics/"))
    assert browser.current is not None
    assert browser.current.id == "power-dynamics"
    browser.go_back()
    assert browser.pages.currentWidget() is browser.results
    browser.open_result(0)
    assert browser.current.id == "power-dynamics"


def test_search_result_opens_at_its_section(browser: GuideBrowser) -> None:
    browser.search_field.setText("ask directly using the word suicide")
    browser._search_now()
    result = browser._last_results[0]
    assert result.item_id == "responding-to-risk"
    browser.open_result(0)
    if result.section:
        assert browser.reader.verticalScrollBar().value() > 0


def test_mark_completed_updates_progress(qtbot: QtBot, browser: GuideBrowser) -> None:
    trainee = LIBRARY.trainee_path
    browser.open_item(trainee[0].id)
    assert browser.trainee_bar.value() == 0
    browser.reader.setFocus()
    with qtbot.waitSignal(browser.progress_changed):
        qtbot.keyClick(browser.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert trainee[0].id in browser.store.completed()
    assert browser.complete_button.isChecked()
    assert browser.trainee_bar.value() == round(100 / len(trainee))
    assert browser.tree.topLevelItem(0).child(0).text(1) == "✓"
    assert "completed on" in _text(browser)
    browser.complete_button.click()
    assert browser.store.completed() == {}
    assert browser.trainee_bar.value() == 0


def test_scenario_answer_and_reveal(qtbot: QtBot, browser: GuideBrowser) -> None:
    scenario = LIBRARY.get("cant-go-on")
    browser.open_item(scenario.id)
    panel = browser.scenario_panel
    assert panel.isVisible()
    text = _text(browser)
    assert "Situation" in text
    assert "Reflection questions" in text
    assert "Why it works" not in text
    assert "Not saved" in panel.note.text()
    qtbot.keyClicks(panel.answer, "I would ask directly about suicide.")
    panel.reveal_button.click()
    text = _text(browser)
    assert "Response 1" in text
    assert "Why it works" in text
    assert "A response to avoid" in text
    assert "Why it misses" in text
    assert panel.reveal_button.text() == "Hide example responses"
    assert browser.reader.verticalScrollBar().value() > 0
    browser.open_item("role-and-limits")
    assert not panel.isVisible()
    assert browser.store.answer(scenario.id) == "I would ask directly about suicide."
    browser.open_item(scenario.id)
    assert panel.answer.toPlainText() == "I would ask directly about suicide."
    assert "Why it works" not in _text(browser)
    browser.set_completed(True)
    assert browser.scenario_bar.value() == round(100 / len(LIBRARY.scenarios))


def test_progress_in_the_journal(qtbot: QtBot, vault: Vault) -> None:
    widget = GuideBrowser(TrainingProgressRepository(vault))
    qtbot.addWidget(widget)
    assert not widget.storage_note.isVisibleTo(widget)
    widget.open_item("cant-go-on")
    assert "encrypted journal" in widget.scenario_panel.note.text()
    widget.scenario_panel.answer.setPlainText("my private answer")
    widget.forget_private_text()
    assert widget.scenario_panel.answer.toPlainText() == ""
    assert TrainingProgressRepository(vault).answer("cant-go-on") == "my private answer"


def test_print_training_record(qtbot: QtBot, browser: GuideBrowser, tmp_path: Path) -> None:
    browser.open_item("role-and-limits")
    browser.set_completed(True)
    browser.open_item("cant-go-on")
    browser.scenario_panel.answer.setPlainText("SECRET ANSWER TEXT")
    browser.set_completed(True)
    target = tmp_path / "record.pdf"
    with qtbot.waitSignal(browser.record_written, timeout=10000):
        browser.print_training_record(target)
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert "The role and limits of a peer supporter" in text
    assert "I just can't go on like this" in text
    assert "Page 1 of 1" in text
    assert "SECRET" not in text


def test_training_record_is_written_in_the_interface_language(
        qtbot: QtBot, browser: GuideBrowser, tmp_path: Path) -> None:
    browser.open_item("role-and-limits")
    browser.set_completed(True)
    target = tmp_path / "registro.pdf"
    i18n.install_language("es")
    try:
        with qtbot.waitSignal(browser.record_written, timeout=10000):
            browser.print_training_record(target)
    finally:
        i18n.install_language("en")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Registro de formación" in text
    # the browser was built in English, but the record takes its titles from the Spanish guides
    assert load_library(language="es").get("role-and-limits").title in text
    assert "The role and limits of a peer supporter" not in text
    assert "Página 1 de 1" in text


def test_print_asks_for_a_file_without_blocking(qtbot: QtBot, browser: GuideBrowser) -> None:
    dialog = browser.ask_print_training_record()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.defaultSuffix() == "pdf"
    dialog.reject()
    assert QApplication.activeModalWidget() is not dialog


def test_contents_move_into_a_menu_when_narrow(qtbot: QtBot, browser: GuideBrowser) -> None:
    browser.open_item("responding-to-risk")
    assert browser.toc_pane.isVisible()
    assert not browser.toc_button.isVisible()
    browser.resize(900, 700)
    qtbot.waitUntil(browser.toc_button.isVisible)
    assert not browser.toc_pane.isVisible()
    checklist = [a for a in browser.toc_menu.actions() if a.text() == "Checklist"]
    checklist[0].trigger()
    assert browser.reader.verticalScrollBar().value() > 0
    browser.show_results("manager")
    assert not browser.toc_button.isVisible()
    browser.go_back()
    assert browser.toc_button.isVisible()


def test_long_titles_wrap_instead_of_being_cut(qtbot: QtBot, browser: GuideBrowser) -> None:
    browser.resize(760, 600)  # the tree gets about 300 px
    node = browser._tree_items["what-is-workplace-bullying"]
    line = browser.tree.fontMetrics().height()
    qtbot.waitUntil(lambda: browser.tree.visualItemRect(node).height() > 1.5 * line)
    short = browser._tree_items["active-listening-oars"]
    assert browser.tree.visualItemRect(short).height() < 1.5 * line  # one line stays one line
