"""The escalation checklist shown in the editor the moment a risk flag is ticked."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.settings import Settings
from peerdesk.ui.events import AppEvents
from peerdesk.ui.safety_numbers import SafetyNumbersDialog

RISK_GUIDE_ID = "responding-to-risk"


class EscalationChecklist(QFrame):
    """Numbered steps for a safety concern, with a link to the guide when guides exist."""

    def __init__(self, events: AppEvents | None,
                 settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationChecklist")
        self.setAccessibleName(self.tr("Escalation checklist"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#escalationChecklist { background: #fdf1ec; border: 1px solid #e3a58f;"
            " border-radius: 6px; }"
            " #escalationChecklist QLabel { color: #4a2418; background: transparent; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        heading = QLabel(self.tr("Safety first — do these now"))
        heading.setObjectName("escalationHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self._settings = settings
        self.numbers_dialog: SafetyNumbersDialog | None = None
        self.steps_label = QLabel()
        self.steps_label.setObjectName("escalationSteps")
        self.steps_label.setWordWrap(True)
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.linkActivated.connect(self.edit_numbers)
        layout.addWidget(self.steps_label)
        self.add_numbers_button = QPushButton(self.tr("Add the crisis line and emergency "
                                                      "number…"))
        self.add_numbers_button.setObjectName("addSafetyNumbers")
        self.add_numbers_button.setFlat(True)
        self.add_numbers_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.add_numbers_button.setStyleSheet(
            "text-align: left; color: #7a2e12; text-decoration: underline;")
        self.add_numbers_button.clicked.connect(self.edit_numbers)
        layout.addWidget(self.add_numbers_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh_steps()
        # The guides workspace may connect to `navigate_to_guide` after the journal is built:
        # whether a guide can be opened is asked when shown.
        self._events = events
        if events is not None:
            events.settings_changed.connect(self._settings_changed)
        self.guide_button = QPushButton(self.tr("Open the guide “Responding to risk”"))
        self.guide_button.setObjectName("riskGuideButton")
        self.guide_button.setAccessibleName(self.tr("Open the guide Responding to risk"))
        self.guide_button.setFlat(True)
        self.guide_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.guide_button.setStyleSheet(
            "text-align: left; color: #7a2e12; text-decoration: underline;")
        self.guide_button.clicked.connect(self.open_guide)
        self.guide_button.setVisible(False)
        layout.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignLeft)

    def focus_widgets(self) -> list[QWidget]:
        """What Tab visits inside the checklist, in order."""
        return [self.add_numbers_button, self.guide_button]

    def _number(self, key: str) -> str:
        return str(self._settings.get(key)) if self._settings is not None else ""

    def refresh_steps(self) -> None:
        """The steps with the numbers themselves, or a plain "not set — add it"."""
        crisis, emergency = self._number("crisis_line"), self._number("emergency_number")
        missing = self.tr("not set — <a href='#add'>add it</a>")
        if self._settings is None:
            call = self.tr("If there is immediate danger, call the local emergency number or "
                           "the crisis line.")
        else:
            call = self.tr("If there is immediate danger, call the local emergency number "
                           "(<b>{0}</b>) or the crisis line (<b>{1}</b>).").format(
                html.escape(emergency) if emergency else missing,
                html.escape(crisis) if crisis else missing)
        self.steps = [
            self.tr("Ask directly about their safety right now."),
            self.tr("Stay with the person; do not leave them alone if they are at risk."),
            self.tr("Do not promise to keep this secret."),
            call,
            self.tr("Inform your program's designated contact, following your escalation "
                    "procedure."),
            self.tr("Record what was done in the notes."),
        ]
        self.steps_label.setText(
            "<ol style='margin-left: -20px;'>"
            + "".join(f"<li style='margin-bottom: 3px;'>{step}</li>" for step in self.steps)
            + "</ol>")
        self.add_numbers_button.setVisible(
            self._settings is not None and not (crisis and emergency))

    def edit_numbers(self, *_args: object) -> None:
        if self._settings is None:
            return
        dialog = SafetyNumbersDialog(self._settings, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.refresh_steps)
        self.numbers_dialog = dialog
        dialog.open()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_steps()  # the numbers may have changed in Settings meanwhile
        self.guide_button.setVisible(
            self._events is not None and self._events.guides_available())
        super().showEvent(event)

    def open_guide(self) -> None:
        if self._events is not None:
            self._events.navigate_to_guide.emit(RISK_GUIDE_ID)

    def _settings_changed(self, keys: list[str]) -> None:
        if {"crisis_line", "emergency_number"} & set(keys):
            self.refresh_steps()
