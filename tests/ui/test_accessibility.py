"""Keyboard and screen-reader access: walk the real Tab order of the main screens and check that
every widget it reaches has an accessible name, that nothing focusable is left out, that no
widget traps the Tab key, that the focus is visibly drawn, and that text colours stay readable
in light and dark palettes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleFactory,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.journal.demo import fill_journal
from peerdesk.journal.repository import SessionRepository
from peerdesk.referrals import ResourceRepository
from peerdesk.referrals.packs import read_starter_pack
from peerdesk.settings import Settings
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.settings_dialog import SettingsDialog
from peerdesk.ui.style import (
    TONES,
    DarkOutlineStyle,
    FocusRing,
    install_accessible_style,
    is_dark,
    notice_css,
    outline_when_dark,
    tone,
)
from peerdesk.ui.workspaces import Workspace
from peerdesk.vault import Vault

TABS_PER_WIDGET = 60  # a text browser takes one Tab per link before it lets the focus go


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, else the buddy label or text."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface is not None else "").strip()


def tab_order(qtbot: QtBot, window: QWidget, start: QWidget) -> list[QWidget]:
    """Press Tab from `start` until the focus comes back round; fail on a widget that keeps it."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.window())
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    order: list[QWidget] = []
    current = QApplication.focusWidget()
    while current is not None and current not in order:
        order.append(current)
        for _ in range(TABS_PER_WIDGET):
            QTest.keyClick(current, Qt.Key.Key_Tab)
            following = QApplication.focusWidget()
            if following is not current:
                break
        else:
            if focusable_in(window.window()) == [current]:
                break  # the only stop on the screen: Tab has nowhere else to go
            pytest.fail(f"Tab is trapped in {type(current).__name__} {current.objectName()!r}")
        current = following
        assert len(order) < 300, "the tab order never comes back round"
    return order


def focusable_in(root: QWidget) -> list[QWidget]:
    """Widgets under `root` that a Tab press should reach right now."""
    return [widget for widget in root.findChildren(QWidget)
            if widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus]


def check_screen(qtbot: QtBot, window: QWidget, root: QWidget, start: QWidget,
                 minimum: int) -> list[QWidget]:
    order = tab_order(qtbot, window, start)
    inside = [widget for widget in order if widget is root or root.isAncestorOf(widget)]
    assert len(inside) >= minimum, [w.objectName() for w in inside]
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in inside if not accessible_name(w)]
    assert unnamed == [], "widgets without an accessible name"
    unreached = [f"{type(w).__name__} {w.objectName()!r}" for w in focusable_in(root)
                 if w not in order]
    assert unreached == [], "focusable widgets Tab never reaches"
    return inside


# -- before unlock -----------------------------------------------------------------------------

@pytest.fixture
def window(qtbot: QtBot, journal_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    yield main
    main.lock()


def test_create_page(qtbot: QtBot, window: MainWindow) -> None:
    page = window.start.create_page
    page.passphrase.setText("correct horse battery staple")
    page.repeat.setText("correct horse battery staple")  # enables the create button
    order = check_screen(qtbot, window, page, page.passphrase, minimum=4)
    assert order[:2] == [page.passphrase, page.repeat]
    assert page.create_button in order


def test_unlock_page(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    window.show_start()  # the journal exists now
    page = window.start.unlock_page
    assert window.start.currentWidget() is page
    order = check_screen(qtbot, window, page, page.passphrase, minimum=3)
    assert order[0] is page.passphrase
    assert accessible_name(page.passphrase) == "Passphrase"
    assert {page.unlock_button, page.guides_button} <= set(order)


def test_settings_dialog_every_tab(qtbot: QtBot, vault: Vault) -> None:
    dialog = SettingsDialog(Settings(vault))
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabWidget)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        first = focusable_in(page)
        with qtbot.waitExposed(dialog):
            dialog.show()
        check_screen(qtbot, dialog, page, first[0] if first else tabs.tabBar(), minimum=1)


# -- unlocked ----------------------------------------------------------------------------------

@pytest.fixture
def unlocked(qtbot: QtBot, window: MainWindow, vault: Vault) -> MainWindow:
    fill_journal(vault, count=40, seed=3)  # includes due and upcoming follow-ups
    window.open_session(vault)
    window.show()
    return window


def workspace(window: MainWindow, workspace_id: str) -> Workspace:
    assert window.shell.show_workspace(workspace_id)
    return next(ws for ws in window.shell.workspaces if ws.workspace_id == workspace_id)


def test_journal_list_and_search_bar(qtbot: QtBot, unlocked: MainWindow) -> None:
    journal = workspace(unlocked, "journal")
    order = check_screen(qtbot, unlocked, journal, unlocked.shell.navigation, minimum=5)
    names = [w.objectName() for w in order]
    assert names.index("searchField") < names.index("sessionTable")
    assert unlocked.shell.navigation in tab_order(qtbot, unlocked, unlocked.shell.navigation)


def test_journal_editor(qtbot: QtBot, unlocked: MainWindow) -> None:
    journal = workspace(unlocked, "journal")
    journal.new_session()  # type: ignore[attr-defined]
    editor = journal.editor  # type: ignore[attr-defined]
    order = check_screen(qtbot, unlocked, editor, unlocked.shell.navigation, minimum=15)
    names = [w.objectName() for w in order]
    # Notes fields hand Tab on instead of typing a tab character.
    assert names.index("notesEdit") < names.index("saveButton")
    # Coded fields and the consent question explain themselves to screen readers.
    described = {w.objectName(): w.accessibleDescription() for w in order}
    assert "escalation" in described["risk_flagList"]
    assert described["consentYes"].startswith("Did they agree")
    assert described["peerCodeEdit"] == "a pseudonym, never a name"


def test_follow_ups(qtbot: QtBot, unlocked: MainWindow) -> None:
    follow_ups = workspace(unlocked, "follow_ups")
    check_screen(qtbot, unlocked, follow_ups, unlocked.shell.navigation, minimum=2)


def test_guides_browser(qtbot: QtBot, unlocked: MainWindow) -> None:
    guides = workspace(unlocked, "guides")
    order = check_screen(qtbot, unlocked, guides, unlocked.shell.navigation, minimum=4)
    assert "guideSearch" in [w.objectName() for w in order]


def test_resources_directory(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    ResourceRepository(vault).import_pack(read_starter_pack())
    window.open_session(vault)
    resources = workspace(window, "resources")
    order = check_screen(qtbot, window, resources, window.shell.navigation, minimum=5)
    names = [w.objectName() for w in order]
    assert names.index("resourceSearch") < names.index("resourceTable")


def test_program_dashboard_filters(qtbot: QtBot, unlocked: MainWindow, tmp_path: Path) -> None:
    from tests.ui.program.test_workspace import import_and_wait, program_files

    program = workspace(unlocked, "program")
    import_and_wait(qtbot, program, program_files(tmp_path))  # type: ignore[arg-type]
    results = program.results_dialog  # type: ignore[attr-defined]
    if results is not None:
        results.close()
    order = check_screen(qtbot, unlocked, program, unlocked.shell.navigation, minimum=5)
    for widget in program.filter_widgets:  # type: ignore[attr-defined]
        assert widget in order or not widget.isEnabled()  # no unit named: unit filter is off


# -- dialogs -----------------------------------------------------------------------------------

DIALOGS = ("export", "passphrase", "restore", "retention", "resource", "pack_export", "csv",
           "shortcuts")


def make_dialog(name: str, vault: Vault, journal_path: Path, host: QWidget) -> QWidget:
    from peerdesk.ui.exchange.export_dialog import ExportDialog
    from peerdesk.ui.help_dialogs import ShortcutsDialog
    from peerdesk.ui.journal.csv_wizard import CsvImportWizard
    from peerdesk.ui.referrals.dialogs import ExportDialog as PackExportDialog
    from peerdesk.ui.referrals.dialogs import ResourceEditDialog
    from peerdesk.ui.security.backup_dialogs import RestoreDialog
    from peerdesk.ui.security.passphrase_dialog import ChangePassphraseDialog
    from peerdesk.ui.security.retention import RetentionDialog

    if SessionRepository(vault).count() == 0:
        fill_journal(vault, count=10, seed=5)
    factories = {
        "export": lambda: ExportDialog(vault),
        "passphrase": lambda: ChangePassphraseDialog(vault, 7),
        "restore": lambda: RestoreDialog(journal_path),
        "retention": lambda: RetentionDialog(vault, Settings(vault)),
        "resource": lambda: ResourceEditDialog(None, ["North site"]),
        "pack_export": lambda: PackExportDialog(12, 3, "Our pack"),
        "csv": lambda: CsvImportWizard(vault),
        "shortcuts": lambda: ShortcutsDialog(host),
    }
    return factories[name]()


@pytest.mark.parametrize("name", DIALOGS)
def test_dialog(qtbot: QtBot, vault: Vault, journal_path: Path, name: str) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    dialog = make_dialog(name, vault, journal_path, host)
    qtbot.addWidget(dialog)
    if name == "export":  # its preview is built on a worker: walk the settled dialog
        with qtbot.waitSignal(dialog.plan_ready, timeout=15000):  # type: ignore[attr-defined]
            dialog.show()
    else:
        dialog.show()
    assert QTest.qWaitForWindowExposed(dialog)
    first = focusable_in(dialog)
    assert first
    check_screen(qtbot, dialog, dialog, first[0], minimum=2)


# -- visible focus and colours -----------------------------------------------------------------

def test_focus_ring_follows_the_focus_and_uses_the_highlight(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ring = FocusRing(app)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    field, button = QLineEdit(), QPushButton("Go")
    layout.addWidget(field)
    layout.addWidget(button)
    try:
        host.show()
        host.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
        field.setFocus()
        qtbot.waitUntil(lambda: ring.frame() is not None and ring.frame().widget() is field)
        button.setFocus()
        qtbot.waitUntil(lambda: ring.frame().widget() is button)  # type: ignore[union-attr]
        frame = ring.frame()
        assert isinstance(frame, QFocusFrame)
        assert frame.isVisible()
        # the ring has a style of its own; the window keeps the platform's
        assert frame.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) >= 2
        assert not isinstance(host.style(), DarkOutlineStyle)
        image = frame.grab().toImage()
        highlight = frame.palette().color(QPalette.ColorRole.Highlight)
        assert image.pixelColor(0, image.height() // 2) == highlight  # the ring's left edge
    finally:
        ring.deleteLater()


def _contrast(one: QColor, two: QColor) -> float:
    def luminance(colour: QColor) -> float:
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("background", ["#ffffff", "#efefef", "#2b2b2b", "#1e1e1e"])
def test_text_tones_are_readable_in_light_and_dark(background: str) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    assert is_dark(palette) == (QColor(background).lightness() < 128)
    for name in TONES:
        assert _contrast(tone(name, palette), QColor(background)) >= 4.5, name
    notice = notice_css("warning", palette)
    colours = [QColor(part.split(":")[1].strip()) for part in notice.rstrip(";").split(";")]
    assert _contrast(colours[0], colours[1]) >= 4.5


def _dark_palette() -> QPalette:
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.Text, "#e8e8e8"),
                         (QPalette.ColorRole.WindowText, "#e8e8e8")):
        dark.setColor(role, QColor(colour))
    return dark


def test_check_boxes_are_outlined_on_a_dark_palette(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QCheckBox, QStyleOptionButton

    box = QCheckBox("Online")
    qtbot.addWidget(box)
    box.setStyle(QStyleFactory.create("Fusion"))
    box.setPalette(_dark_palette())
    assert outline_when_dark(box)
    assert not outline_when_dark(box)  # once is enough
    style = box.style()
    assert isinstance(style, DarkOutlineStyle)
    with qtbot.waitExposed(box):
        box.show()
    option = QStyleOptionButton()
    option.initFrom(box)
    indicator = style.subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    edge = [image.pixelColor(x, y).lightness()
            for x in (indicator.left(), indicator.left() + 1)
            for y in range(indicator.top() + 2, indicator.bottom() - 1)]
    assert max(edge) > 120  # a light outline, not dark on dark


def test_a_light_palette_keeps_the_platform_style_without_python_in_its_paints(
        qtbot: QtBot) -> None:
    light = QWidget()
    qtbot.addWidget(light)
    light.setStyle(QStyleFactory.create("Fusion"))
    light.setPalette(QStyleFactory.create("Fusion").standardPalette())
    assert not is_dark(light.palette())
    assert not outline_when_dark(light)
    assert not isinstance(light.style(), DarkOutlineStyle)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not is_dark(app.palette())  # the test run's palette
    before = app.style()
    ring = install_accessible_style(app)
    try:
        assert ring is not None
        assert app.style() is before  # the platform's own: a paint makes no call into Python
    finally:
        ring.deleteLater()
