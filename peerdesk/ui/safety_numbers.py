"""The crisis line and the local emergency number: asked once when a journal is created
(skippable), kept as settings inside the journal, shown in the escalation steps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.settings import MAX_TEXT_SETTING, SAFETY_NUMBERS_ASKED, Settings
from peerdesk.ui.i18n import message_text
from peerdesk.ui.start_screen import labelled_grid
from peerdesk.ui.style import tone_css


class SafetyNumbersDialog(QDialog):
    """Two numbers to have at hand when someone may be at risk. `saved` after a change."""

    saved = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 first_run: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("safetyNumbersDialog")
        self.setWindowTitle(self.tr("Numbers for a crisis"))
        self._settings = settings
        intro = QLabel(self.tr(
            "If someone you support may be in danger, the escalation steps show these numbers "
            "so you do not have to look them up. They stay inside your encrypted journal; you "
            "can change them any time in Settings (Safety)."))
        intro.setWordWrap(True)
        self.crisis_line = QLineEdit(str(settings.get("crisis_line")))
        self.crisis_line.setObjectName("crisisLineEdit")
        self.crisis_line.setAccessibleName(self.tr("Crisis line"))
        self.crisis_line.setPlaceholderText(self.tr("e.g. a national helpline"))
        self.emergency = QLineEdit(str(settings.get("emergency_number")))
        self.emergency.setObjectName("emergencyNumberEdit")
        self.emergency.setAccessibleName(self.tr("Local emergency number"))
        self.emergency.setPlaceholderText(self.tr("e.g. 112, 999 or 911"))
        for field in (self.crisis_line, self.emergency):
            field.setMaxLength(MAX_TEXT_SETTING)
            field.setMinimumWidth(240)
        grid = labelled_grid(((self.tr("&Crisis line:"), self.crisis_line),
                              (self.tr("Local &emergency number:"), self.emergency)))
        self.error = QLabel()
        self.error.setObjectName("safetyNumbersError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(tone_css("error"))
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        self.skip_button = buttons.addButton(
            self.tr("Skip for now") if first_run else self.tr("Cancel"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.setObjectName("skipSafetyNumbers")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(520, self.screen().availableGeometry().width() - 40))

    def save(self) -> None:
        try:
            self._settings.set("crisis_line", self.crisis_line.text())
            self._settings.set("emergency_number", self.emergency.text())
        except PeerDeskError as error:
            self.error.setText(message_text(error))
            self.error.setVisible(True)
            return
        self._remember_asked()
        self.saved.emit()
        self.accept()

    def reject(self) -> None:
        self._remember_asked()  # skipped: not asked again; the steps offer "add it"
        super().reject()

    def abandon(self) -> None:
        """Close without an answer (the journal is locking): asked again next time."""
        super().reject()

    def _remember_asked(self) -> None:
        self._settings.mark(SAFETY_NUMBERS_ASKED)


def ask_once(settings: Settings, parent: QWidget) -> SafetyNumbersDialog | None:
    """The first-run question, unless it was already answered or skipped in this journal."""
    if settings.marked(SAFETY_NUMBERS_ASKED):
        return None
    dialog = SafetyNumbersDialog(settings, parent, first_run=True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
