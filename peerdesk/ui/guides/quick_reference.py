"""Quick reference: OARS prompts, empathic phrases and the escalation steps at a glance.

Shown as a dock beside the session editor (toggle with Ctrl+Shift+R). It holds only shipped
text, nothing from the journal. Links open the full guide when a `show_guide` callback is set.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QVBoxLayout, QWidget

from peerdesk.guides.render import markdown_to_html
from peerdesk.ui.guides.reader import ReaderView
from peerdesk.ui.marked_strings import QT_TRANSLATE_NOOP
from peerdesk.ui.shortcuts import apply_shortcut
from peerdesk.ui.workspaces import AppContext

# One message, so a translator sees the whole page (Markdown; keep the guide: links).
QUICK_REFERENCE = QT_TRANSLATE_NOOP("QuickReferencePanel", """
## If someone may be at risk

1. **Ask directly:** "Are you thinking about suicide?"
2. **Stay with them** if the risk may be immediate; stay on the line.
3. **Check:** "Are you safe right now?" Is there a plan, or the means?
4. **Life in danger now:** call your local emergency number.
5. **Serious, not immediate:** call the crisis line together (referral directory).
6. **Don't promise secrecy:** "I can't keep this to myself, because I care what happens to you."
7. **Follow your program's escalation steps**, then debrief with your coordinator.

[Responding to risk](guide:responding-to-risk)

## OARS prompts

**Open questions**

- "What's been happening?"
- "How has this been affecting you?"
- "What would help most right now?"

**Affirmations**

- "It took courage to talk about this."
- "You've kept going through a lot."

**Reflections**

- "It sounds like you feel…"
- "So what hurts most is…"

**Summaries**

- "Let me check I've got this right…"
- "So far you've told me… Is there anything I've missed?"

[Active listening with OARS](guide:active-listening-oars)

## Empathic phrases

- "That sounds really hard."
- "It makes sense that you feel that way."
- "Thank you for telling me."
- "You don't have to decide anything today."
- "What matters most to you in this?"

**Avoid:** "Why didn't you…?", "At least…", "If I were you…", "I'm sure they didn't mean it."

[Empathic responses](guide:empathic-responses)

## Before you close

- Summarise, agree a next step (or none), offer a follow-up.
- Make sure they know how to reach help, including the crisis line.
- Ask consent before counting the contact in statistics.

[Opening and closing](guide:opening-and-closing)
""")


class QuickReferencePanel(QWidget):
    """Scannable prompts; `show_guide(id)` is called when a guide link is clicked."""

    def __init__(self, show_guide: Callable[[str], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickReference")
        self.show_guide = show_guide
        self.view = ReaderView()
        self.view.setObjectName("quickReferenceText")
        self.view.setAccessibleName(self.tr("Quick reference"))
        self.view.document().setDocumentMargin(10)
        rendered = markdown_to_html(self.tr(QUICK_REFERENCE))
        footer = html.escape(self.tr("This is not legal, medical or clinical advice."))
        self.view.show_html(rendered.html + f"<p class='footer'>{footer}</p>")
        self.view.anchorClicked.connect(self._link_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "guide" and self.show_guide is not None:
            self.show_guide(url.path())


class QuickReferenceDock(QDockWidget):
    closed = Signal()  # the user closed the dock with its own button

    def __init__(self, show_guide: Callable[[str], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickReferenceDock")
        self.setWindowTitle(self.tr("Quick reference"))
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        self.panel = QuickReferencePanel(show_guide)
        self.setWidget(self.panel)
        self.setMinimumWidth(300)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


def install_quick_reference(window: QMainWindow, menu: QMenu) -> QAction:
    """Add the "Quick reference" action (Ctrl+Shift+R) to `menu` and the dock to `window`.

    The action starts disabled: the main window enables it while a journal is unlocked and
    unchecks it on lock. Guide links go to the unlocked journal's guides workspace
    (`events.navigate_to_guide`).
    """

    def show_guide(guide_id: str) -> None:
        context = getattr(window, "context", None)
        if isinstance(context, AppContext):
            context.events.navigate_to_guide.emit(guide_id)

    dock = QuickReferenceDock(show_guide, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.setVisible(False)
    action = QAction(QCoreApplication.translate("MainWindow", "&Quick reference"), window)
    action.setObjectName("quickReferenceAction")
    action.setCheckable(True)
    apply_shortcut(action, "app.quick_reference", Qt.ShortcutContext.ApplicationShortcut)
    action.setEnabled(False)
    action.toggled.connect(dock.setVisible)
    dock.closed.connect(lambda: action.setChecked(False))
    actions = menu.actions()
    if actions:
        menu.insertAction(actions[0], action)
    else:
        menu.addAction(action)
    return action
