"""The escalation checklist shown in the editor the moment a risk flag is ticked."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

RISK_GUIDE_ID = "responding-to-risk"


class EscalationChecklist(QFrame):
    """Numbered steps for a safety concern, with a link to the guide when guides exist."""

    def __init__(self, services: Mapping[str, Callable[..., object]],
                 parent: QWidget | None = None) -> None:
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
        self.steps = [
            self.tr("Ask directly about their safety right now."),
            self.tr("Stay with the person; do not leave them alone if they are at risk."),
            self.tr("Do not promise to keep this secret."),
            self.tr("If there is immediate danger, call the local emergency number or the crisis "
                    "line from your referral directory."),
            self.tr("Inform your program's designated contact, following your escalation "
                    "procedure."),
            self.tr("Record what was done in the notes."),
        ]
        self.steps_label = QLabel(
            "<ol style='margin-left: -20px;'>"
            + "".join(f"<li style='margin-bottom: 3px;'>{step}</li>" for step in self.steps)
            + "</ol>")
        self.steps_label.setObjectName("escalationSteps")
        self.steps_label.setWordWrap(True)
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.steps_label)
        # The guides workspace may register "show_guide" after the journal is built: look late.
        self._services = services
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
        return [self.guide_button]

    def showEvent(self, event: QShowEvent) -> None:
        self.guide_button.setVisible(self._services.get("show_guide") is not None)
        super().showEvent(event)

    def open_guide(self) -> None:
        show_guide = self._services.get("show_guide")
        if show_guide is not None:
            show_guide(RISK_GUIDE_ID)
