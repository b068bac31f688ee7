"""The detail pane of the directory: everything about one entry, contacts copyable."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from peerdesk.referrals import Resource
from peerdesk.ui.flow_layout import FlowLayout
from peerdesk.ui.i18n import display_taxonomy

CONFIDENTIAL_STYLE = ("background: #e3f4e8; color: #14532d; border: 1px solid #86c79b; "
                      "border-radius: 4px; padding: 3px 8px; font-weight: bold;")
MAY_ACT_STYLE = ("background: #fff1d6; color: #6b3d00; border: 1px solid #e0b060; "
                 "border-radius: 4px; padding: 3px 8px; font-weight: bold;")
WARNING_STYLE = ("background: #fff8e1; color: #5c4400; border-left: 4px solid #e0a800; "
                 "padding: 6px 8px;")
MUTED_STYLE = "color: palette(placeholder-text);"


def breakable(text: str) -> str:
    """Let a long address wrap after '@', '/' and '.' (zero-width spaces; Copy uses the real
    value)."""
    return re.sub(r"([@/.])(?=\S)", "\\1\u200b", text)


def _wrapped(object_name: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    # Wraps to the pane's width instead of widening it (large fonts, longer languages).
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        label.setObjectName(object_name)
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ResourceDetail(QScrollArea):
    """Shows one `Resource`; Edit and Delete are requested through signals."""

    edit_requested = Signal()
    delete_requested = Signal()

    CONTACTS = ("phone", "email", "web", "place")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resourceDetail")
        self.setAccessibleName(self.tr("Entry details"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.resource: Resource | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)

        self.name = _wrapped("detailName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name.setFont(font)
        layout.addWidget(self.name)

        badges = FlowLayout(spacing=8)  # the type moves under the badge when out of room
        self.badge = QLabel()
        self.badge.setObjectName("confidentialityBadge")
        self.type_label = QLabel()
        self.type_label.setObjectName("detailType")
        badges.addWidget(self.badge)
        badges.addWidget(self.type_label)
        layout.addLayout(badges)
        self.badge_help = _wrapped("badgeHelp")
        self.badge_help.setStyleSheet(MUTED_STYLE)
        layout.addWidget(self.badge_help)

        self.needs_details = _wrapped("needsDetailsWarning")
        self.needs_details.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.needs_details)
        self.stale = _wrapped("staleWarning")
        self.stale.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.stale)

        layout.addWidget(_heading(self.tr("What they offer")))
        self.offers = _wrapped("detailOffers")
        layout.addWidget(self.offers)
        layout.addWidget(_heading(self.tr("When to refer")))
        self.when_to_refer = _wrapped("detailWhenToRefer")
        layout.addWidget(self.when_to_refer)

        layout.addWidget(_heading(self.tr("How to reach them")))
        contacts = QGridLayout()
        contacts.setColumnStretch(1, 1)
        contacts.setHorizontalSpacing(12)
        labels = {"phone": self.tr("Phone"), "email": self.tr("E-mail"), "web": self.tr("Web"),
                  "place": self.tr("Place"), "hours": self.tr("Hours"),
                  "languages": self.tr("Languages"), "region": self.tr("Region / site")}
        self.values: dict[str, QLabel] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        for row, (key, text) in enumerate(labels.items()):
            caption = QLabel(text)
            caption.setStyleSheet(MUTED_STYLE)
            value = _wrapped(f"detail:{key}")
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            contacts.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            contacts.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
            self.values[key] = value
            if key in self.CONTACTS:
                button = QPushButton(self.tr("Copy"))
                button.setObjectName(f"copy:{key}")
                button.setAccessibleName(self.tr("Copy {0}").format(text.lower()))
                button.setToolTip(self.tr("Copy the {0} to the clipboard").format(text.lower()))
                button.clicked.connect(lambda _=False, k=key: self.copy(k))
                contacts.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
                self.copy_buttons[key] = button
        layout.addLayout(contacts)

        self.facts = _wrapped("detailFacts")
        self.facts.setStyleSheet(MUTED_STYLE)
        layout.addWidget(self.facts)
        self.usage = _wrapped("usageCount")
        self.usage.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.usage)

        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("editResource")
        self.edit_button.setAccessibleName(self.tr("Edit this entry"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("deleteResource")
        self.delete_button.setAccessibleName(self.tr("Delete this entry"))
        self.delete_button.clicked.connect(self.delete_requested)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_resource(None, 0, dt.date.today(), 12)

    def show_resource(self, resource: Resource | None, used: int, today: dt.date,
                      stale_months: int) -> None:
        self.resource = resource
        widget = self.widget()
        if widget is not None:
            widget.setVisible(resource is not None)
        if resource is None:
            return
        self.name.setText(resource.name)
        self.type_label.setText(
            display_taxonomy().field("referral_type").label_for(resource.type))
        if resource.confidential:
            self.badge.setText(self.tr("Confidential"))
            self.badge.setStyleSheet(CONFIDENTIAL_STYLE)
            self.badge_help.setText(self.tr(
                "They keep what they hear confidential (within the usual legal limits, such as "
                "an immediate risk to life)."))
        else:
            self.badge.setText(self.tr("May be obliged to act"))
            self.badge.setStyleSheet(MAY_ACT_STYLE)
            self.badge_help.setText(self.tr(
                "They may have to act on what they hear (for example start an investigation). "
                "Tell the person before you refer them."))
        self.needs_details.setText(self.tr(
            "Template — needs local details. Edit this entry to add the phone, e-mail, web "
            "address, place and hours for your organisation, then untick “Still needs local "
            "details”."))
        self.needs_details.setVisible(resource.needs_local_details)
        if resource.last_verified is None:
            stale_text = self.tr("These details have never been verified. Check them before "
                                 "you refer someone, then record the date.")
        else:
            period = (self.tr("a month") if stale_months == 1
                      else self.tr("{0} months").format(stale_months))
            stale_text = self.tr(
                "Last verified {0} — more than {1} ago. Check the details before you refer "
                "someone.").format(resource.last_verified.isoformat(), period)
        self.stale.setText(stale_text)
        self.stale.setVisible(resource.is_stale(today, stale_months)
                              and not resource.needs_local_details)
        self.offers.setText(resource.offers or "—")
        self.when_to_refer.setText(resource.when_to_refer or "—")
        values = {"phone": resource.phone, "email": resource.email, "web": resource.web,
                  "place": resource.place, "hours": resource.hours,
                  "languages": ", ".join(resource.languages), "region": resource.region}
        for key, value in values.items():
            shown = breakable(value) if key in ("email", "web") else value
            self.values[key].setText(shown or self.tr("not given"))
            self.values[key].setStyleSheet("" if value else MUTED_STYLE)
            if key in self.copy_buttons:
                self.copy_buttons[key].setEnabled(bool(value))
                self.copy_buttons[key].setText(self.tr("Copy"))
        origin = (self.tr("Your own entry") if resource.is_own
                  else self.tr("From the pack “{0}”").format(resource.origin))
        if resource.edited_locally:
            origin += self.tr(", edited here")
        verified = (resource.last_verified.isoformat() if resource.last_verified
                    else self.tr("never"))
        self.facts.setText(self.tr("{0} · Verified: {1} · Id: {2}").format(
            origin, verified, resource.id))
        self.usage.setText(self.tr("Not used in any session yet") if used == 0
                           else self.tr("Used in 1 session") if used == 1
                           else self.tr("Used in {0} sessions").format(used))

    def copy(self, key: str) -> None:
        if self.resource is None:
            return
        value = str(getattr(self.resource, key))
        if not value:
            return
        QGuiApplication.clipboard().setText(value)
        button = self.copy_buttons[key]
        button.setText(self.tr("Copied"))
        QTimer.singleShot(1500, button, lambda: button.setText(self.tr("Copy")))
