"""ReferralPicker: search as you type, tick entries, grouped by type, keyboard friendly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.referrals import ResourceRepository
from peerdesk.ui.referrals.picker import ReferralPicker


def make(qtbot: QtBot, repo: ResourceRepository) -> ReferralPicker:
    picker = ReferralPicker(repo)
    qtbot.addWidget(picker)
    picker.resize(420, 420)
    picker.show()
    picker.activateWindow()
    qtbot.waitUntil(picker.isActiveWindow)
    return picker


def group_labels(picker: ReferralPicker) -> list[str]:
    tree = picker.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())
            if not tree.topLevelItem(i).isHidden()]


def test_lists_entries_grouped_by_type(qtbot: QtBot, demo: ResourceRepository) -> None:
    picker = make(qtbot, demo)
    assert group_labels(picker)[:2] == ["Employee assistance programme", "HR"]
    assert len(picker.visible_ids()) == 11
    assert picker.selected_ids() == ()
    assert picker.selected_types() == frozenset()
    assert "No directory entry picked" in picker.summary.text()


def test_set_selected_and_types(qtbot: QtBot, demo: ResourceRepository) -> None:
    picker = make(qtbot, demo)
    picker.set_selected(["nw-gp", "nw-eap", "nw-gp"])
    assert picker.selected_ids() == ("nw-gp", "nw-eap")
    assert picker.selected_types() == frozenset({"medical", "eap"})
    assert "Brightpath EAP (fictional)" in picker.summary.text()


def test_search_as_you_type_keeps_hidden_selection(qtbot: QtBot,
                                                   demo: ResourceRepository) -> None:
    picker = make(qtbot, demo)
    picker.set_selected(["nw-eap"])
    qtbot.keyClicks(picker.search, "harbour")
    assert set(picker.visible_ids()) == {"nw-hr-harbour", "nw-legal", "nw-gp"}
    assert "Employee assistance programme" not in group_labels(picker)
    assert picker.selected_ids() == ("nw-eap",)
    qtbot.keyClicks(picker.search, " crisis")
    assert picker.visible_ids() == []
    picker.search.clear()
    assert len(picker.visible_ids()) == 11


def test_keyboard_down_then_space_ticks(qtbot: QtBot, demo: ResourceRepository) -> None:
    picker = make(qtbot, demo)
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "lifeline")
    with qtbot.waitSignal(picker.changed):
        qtbot.keyClick(picker.search, Qt.Key.Key_Down)
        assert picker.tree.hasFocus()
        qtbot.keyClick(picker.tree, Qt.Key.Key_Space)
    assert picker.selected_ids() == ("nw-crisis",)
    assert picker.selected_types() == frozenset({"crisis_line"})
    with qtbot.waitSignal(picker.changed):
        qtbot.keyClick(picker.tree, Qt.Key.Key_Space)
    assert picker.selected_ids() == ()
    qtbot.keyClick(picker.tree, Qt.Key.Key_Up)
    assert picker.search.hasFocus()


def test_deleted_entry_stays_selected_until_unticked(qtbot: QtBot,
                                                     demo: ResourceRepository) -> None:
    picker = make(qtbot, demo)
    picker.set_selected(["nw-eap", "gone-entry"])
    assert picker.selected_ids() == ("nw-eap", "gone-entry")
    assert picker.selected_types() == frozenset({"eap"})
    assert "No longer in the directory" in group_labels(picker)
    assert "deleted entry gone-entry" in picker.summary.text()
    with qtbot.waitSignal(picker.changed):
        picker.toggle("gone-entry")
    assert picker.selected_ids() == ("nw-eap",)


def test_empty_directory_hint(qtbot: QtBot, repo: ResourceRepository) -> None:
    picker = make(qtbot, repo)
    assert picker.empty_hint.isVisible()
    assert not picker.tree.isVisible()
