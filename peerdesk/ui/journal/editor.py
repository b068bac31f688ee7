"""The session editor: every field of a session, fast to fill with the keyboard alone.

Defaults make a first contact quick (today, in person, first contact, 30 minutes); each
multi-valued field is one tab stop (arrows move, Space ticks). The editor keeps a draft in the
vault every few seconds while it has changes, and asks before throwing changes away.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QDate, QLocale, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHideEvent,
    QKeySequence,
    QRegularExpressionValidator,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.journal.model import Session
from peerdesk.journal.peer_code import generate_peer_code, identifying_warnings
from peerdesk.referrals import ResourceRepository
from peerdesk.taxonomy import Taxonomy
from peerdesk.ui.i18n import display_taxonomy, message_text
from peerdesk.ui.journal.escalation import EscalationChecklist
from peerdesk.ui.journal.widgets import CheckList, CodeCombo
from peerdesk.ui.messages import show_error
from peerdesk.ui.referrals.picker import ReferralPicker
from peerdesk.ui.style import notice_css, tone, tone_css
from peerdesk.vault import VaultCheckPendingError, VaultDamagedError, VaultLockedError

DRAFT_PREFIX = "session:"
DRAFT_INTERVAL_MS = 3000
NEW_DRAFT_KEY = DRAFT_PREFIX + "new"
FOLLOW_UP_DEFAULT_DAYS = 7

_TIME_PATTERN = re.compile(r"^\s*(\d{1,2})\s*[:.h]?\s*(\d{2})\s*$")


def draft_key(session_id: int | None) -> str:
    return NEW_DRAFT_KEY if session_id is None else f"{DRAFT_PREFIX}{session_id}"


def parse_time(text: str) -> dt.time | None:
    """'14:30', '1430', '9.05' → a time; '' → None; anything else raises ValueError."""
    if not text.strip():
        return None
    match = _TIME_PATTERN.match(text)
    if match is None:
        raise ValueError(text)
    return dt.time(int(match.group(1)), int(match.group(2)))


class DateField(QDateEdit):
    """A date edit that Tab leaves at once (typing moves through year, month and day)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class SessionStore(Protocol):
    def add(self, session: Session) -> Session: ...
    def update(self, session: Session) -> Session: ...


class DraftKeeper(Protocol):
    def save(self, key: str, payload: dict[str, object]) -> None: ...
    def load(self, key: str) -> dict[str, object] | None: ...
    def discard(self, key: str) -> None: ...


def _long_date(day: dt.date) -> str:
    """"Thu 19 Nov 2026" in the interface language ("jue 19 nov 2026")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _section(title: str) -> tuple[QGroupBox, QGridLayout]:
    box = QGroupBox(title)
    grid = QGridLayout(box)
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(8)
    grid.setContentsMargins(12, 14, 12, 12)
    grid.setColumnStretch(1, 1)
    return box, grid


class SessionEditor(QWidget):
    """Edit one session. `saved` carries the stored copy; `close_requested` asks the owner to
    leave the editor (after changes were saved or discarded)."""

    saved = Signal(object)
    close_requested = Signal()
    timeline_requested = Signal(str)
    delete_requested = Signal(int)

    def __init__(
        self,
        repository: SessionStore,
        drafts: DraftKeeper | None = None,
        *,
        org_units: Sequence[str] = (),
        services: Mapping[str, Callable[..., object]] | None = None,
        taxonomy: Taxonomy | None = None,
        referrals: ResourceRepository | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionEditor")
        self.referrals = referrals  # the referral directory; None: referrals by type only
        self.referral_picker: ReferralPicker | None = None
        self.repository = repository
        self.drafts = drafts
        self.org_units = [unit for unit in org_units if unit]
        self.services: Mapping[str, Callable[..., object]] = (
            services if services is not None else {})
        self.taxonomy = taxonomy or display_taxonomy()  # labels only; codes are stored
        self.original: Session | None = None
        self._baseline: dict[str, Any] = {}
        self._last_draft: dict[str, Any] | None = None
        self._loading = False
        self.close_prompt: QMessageBox | None = None
        self._after_close: Callable[[], None] | None = None

        self._build()
        self._connect_changes()
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self.new_session()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        tax = self.taxonomy
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        header = QWidget()
        header.setObjectName("editorHeader")
        head = QHBoxLayout(header)
        head.setContentsMargins(16, 10, 16, 10)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)  # large fonts, longer languages: wrap, never cut
        self.heading.setMinimumWidth(120)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.heading.setSizePolicy(policy)
        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setStyleSheet(tone_css("muted"))
        titles.addWidget(self.heading)
        titles.addWidget(self.status)
        head.addLayout(titles, 1)
        self.timeline_button = QPushButton(self.tr("Peer &timeline"))
        self.timeline_button.setObjectName("timelineButton")
        self.timeline_button.setAccessibleName(self.tr("Show all sessions with this peer code"))
        self.timeline_button.setToolTip(self.tr("All sessions with this peer code (Ctrl+T)"))
        self.timeline_button.clicked.connect(self.request_timeline)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setAccessibleName(self.tr("Delete this session"))
        self.delete_button.clicked.connect(self._request_delete)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAccessibleName(self.tr("Close the editor"))
        self.close_button.setToolTip(self.tr("Back to the list (Esc)"))
        self.close_button.clicked.connect(lambda: self.request_close())
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Save the session"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        for button in (self.timeline_button, self.delete_button, self.close_button,
                       self.save_button):
            head.addWidget(button)
        outer.addWidget(header)

        self.message = QLabel()
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setStyleSheet(
            notice_css("danger") + " padding: 8px 16px; font-weight: bold;")
        outer.addWidget(self.message)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        outer.addWidget(line)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("editorScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        body.setObjectName("editorBody")
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        columns = QGridLayout(body)
        columns.setContentsMargins(16, 12, 16, 16)
        columns.setHorizontalSpacing(16)
        columns.setVerticalSpacing(12)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        left = QVBoxLayout()
        left.setSpacing(12)
        right = QVBoxLayout()
        right.setSpacing(12)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)

        # -- when and how
        box, grid = _section(self.tr("When and how"))
        self.date_edit = DateField()
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(1970, 1, 1))  # journal/validation.py bounds
        self.date_edit.setMaximumDate(QDate.currentDate().addYears(1))
        self.time_edit = QLineEdit()
        self.time_edit.setObjectName("timeEdit")
        self.time_edit.setAccessibleName(self.tr("Start time (optional)"))
        self.time_edit.setPlaceholderText(self.tr("hh:mm"))
        self.time_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^\s*\d{0,2}\s*[:.h]?\s*\d{0,2}\s*$"), self.time_edit))
        self.duration = QSpinBox()
        self.duration.setObjectName("durationSpin")
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.duration.setRange(1, 600)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setMinimumWidth(90)
        self.time_edit.setMinimumWidth(110)
        self.kind = CodeCombo(tax.field("kind"), optional=False)
        self.group_size = QSpinBox()
        self.group_size.setObjectName("groupSizeSpin")
        self.group_size.setAccessibleName(self.tr("Number present"))
        self.group_size.setRange(2, 500)
        self.contact = CodeCombo(tax.field("contact"), optional=False)
        self.channel = CodeCombo(tax.field("channel"), optional=False)
        self.origin = CodeCombo(tax.field("origin"), optional=True,
                                none_text=self.tr("— not recorded —"))
        when = QHBoxLayout()
        when.setSpacing(8)
        when.addWidget(self.date_edit, 2)
        when.addSpacing(6)
        self.time_label = _label(self.tr("T&ime:"), self.time_edit)
        when.addWidget(self.time_label)
        when.addWidget(self.time_edit, 1)
        when.addSpacing(6)
        self.duration_label = _label(self.tr("&Length:"), self.duration)
        when.addWidget(self.duration_label)
        when.addWidget(self.duration, 1)
        grid.addWidget(_label(self.tr("&Date:"), self.date_edit), 0, 0)
        grid.addLayout(when, 0, 1)
        kind_row = QHBoxLayout()
        kind_row.setSpacing(8)
        kind_row.addWidget(self.kind, 2)
        kind_row.addSpacing(6)
        self.group_size_label = _label(self.tr("Number &present:"), self.group_size)
        kind_row.addWidget(self.group_size_label)
        kind_row.addWidget(self.group_size, 1)
        grid.addWidget(_label(self.tr("&Kind:"), self.kind), 1, 0)
        grid.addLayout(kind_row, 1, 1)
        grid.addWidget(_label(self.tr("C&ontact:"), self.contact), 2, 0)
        grid.addWidget(self.contact, 2, 1)
        grid.addWidget(_label(self.tr("&How you talked:"), self.channel), 3, 0)
        grid.addWidget(self.channel, 3, 1)
        grid.addWidget(_label(self.tr("How it &came about:"), self.origin), 4, 0)
        grid.addWidget(self.origin, 4, 1)
        left.addWidget(box)

        # -- the peer
        box, grid = _section(self.tr("Peer"))
        self.peer_code = QLineEdit()
        self.peer_code.setObjectName("peerCodeEdit")
        self.peer_code.setAccessibleName(self.tr("Peer code"))
        self.peer_code.setPlaceholderText(self.tr("a pseudonym, never a name"))
        self.peer_code.setAccessibleDescription(self.tr("a pseudonym, never a name"))
        self.peer_code.setMaxLength(60)
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.setObjectName("generatePeerCode")
        self.generate_button.setAccessibleName(self.tr("Generate a peer code"))
        self.generate_button.clicked.connect(self.generate_code)
        self.peer_warning = QLabel()
        self.peer_warning.setObjectName("peerCodeWarning")
        self.peer_warning.setWordWrap(True)
        self.peer_warning.setStyleSheet(tone_css("error"))
        self.peer_warning.setVisible(False)
        code_row = QHBoxLayout()
        code_row.addWidget(self.peer_code, 1)
        code_row.addWidget(self.generate_button)
        grid.addWidget(_label(self.tr("Pee&r code:"), self.peer_code), 0, 0)
        grid.addLayout(code_row, 0, 1)
        grid.addWidget(self.peer_warning, 1, 1)
        left.addWidget(box)

        # -- what is happening
        box, grid = _section(self.tr("What is happening"))
        self.behaviours = CheckList(tax.field("behaviour"))
        self.persistence = CodeCombo(tax.field("persistence"), optional=True,
                                     none_text=self.tr("— not said —"))
        self.source_relation = CodeCombo(tax.field("source_relation"), optional=True,
                                         none_text=self.tr("— not recorded —"))
        self.impacts = CheckList(tax.field("impact"))
        grid.addWidget(_label(self.tr("&Behaviour:"), self.behaviours), 0, 0,
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.behaviours, 0, 1)
        grid.addWidget(_label(self.tr("How lo&ng:"), self.persistence), 1, 0)
        grid.addWidget(self.persistence, 1, 1)
        grid.addWidget(_label(self.tr("&Who it comes from:"), self.source_relation), 2, 0)
        grid.addWidget(self.source_relation, 2, 1)
        grid.addWidget(_label(self.tr("I&mpact:"), self.impacts), 3, 0,
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.impacts, 3, 1)
        left.addWidget(box)
        left.addStretch(1)

        # -- safety
        box, grid = _section(self.tr("Safety"))
        self.risk_flags = CheckList(tax.field("risk_flag"))
        self.escalation = EscalationChecklist(self.services)
        self.escalation.setVisible(False)
        grid.addWidget(_label(self.tr("Safety &concerns:"), self.risk_flags), 0, 0,
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.risk_flags, 0, 1)
        grid.addWidget(self.escalation, 1, 0, 1, 2)
        right.addWidget(box)

        # -- support and next steps
        box, grid = _section(self.tr("Support and next steps"))
        self.support_given = CheckList(tax.field("support_given"))
        grid.addWidget(_label(self.tr("S&upport given:"), self.support_given), 0, 0,
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.support_given, 0, 1)
        self.referrals_section = self._build_referrals_section()
        self.referrals_label = _label(self.tr("Re&ferred to:"), self.referrals_section)
        grid.addWidget(self.referrals_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.referrals_section, 1, 1)
        self.next_step = CodeCombo(tax.field("next_step"), optional=True,
                                   none_text=self.tr("— not recorded —"))
        grid.addWidget(_label(self.tr("Ne&xt step:"), self.next_step), 2, 0)
        grid.addWidget(self.next_step, 2, 1)
        self.follow_up = QCheckBox(self.tr("&Follow up on"))
        self.follow_up.setObjectName("followUpCheck")
        self.follow_up.setAccessibleName(self.tr("Plan a follow-up"))
        self.follow_up_date = DateField()
        self.follow_up_date.setObjectName("followUpDate")
        self.follow_up_date.setAccessibleName(self.tr("Follow-up date"))
        self.follow_up_date.setCalendarPopup(True)
        self.follow_up_date.setDisplayFormat("yyyy-MM-dd")
        self.follow_up_done = QCheckBox(self.tr("Do&ne"))
        self.follow_up_done.setObjectName("followUpDone")
        self.follow_up_done.setAccessibleName(self.tr("Follow-up done"))
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up)
        follow_row.addWidget(self.follow_up_date, 1)
        follow_row.addWidget(self.follow_up_done)
        grid.addWidget(QLabel(self.tr("Follow-up:")), 3, 0)
        grid.addLayout(follow_row, 3, 1)
        right.addWidget(box)

        # -- consent and involvement
        box, grid = _section(self.tr("Consent"))
        self.consent_box = box
        box.setObjectName("consentBox")
        question = QLabel(self.tr(
            "Did they agree that this contact may be counted in the program's de-identified "
            "statistics?"))
        question.setWordWrap(True)
        self.consent_yes = QRadioButton(self.tr("&Yes, it may be counted"))
        self.consent_yes.setObjectName("consentYes")
        self.consent_yes.setAccessibleName(self.tr("Consent to be counted: yes"))
        self.consent_no = QRadioButton(self.tr("No, don't c&ount it"))
        self.consent_no.setObjectName("consentNo")
        self.consent_no.setAccessibleName(self.tr("Consent to be counted: no"))
        for button in (self.consent_yes, self.consent_no):
            button.setAccessibleDescription(question.text())
        self.consent_group = QButtonGroup(self)
        self.consent_group.addButton(self.consent_yes)
        self.consent_group.addButton(self.consent_no)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_yes)
        consent_row.addWidget(self.consent_no)
        consent_row.addStretch(1)
        self.conflict = QCheckBox(self.tr("I know the people involved (conflict of &interest)"))
        self.conflict.setObjectName("conflictCheck")
        self.conflict.setAccessibleName(self.tr("Conflict of interest"))
        grid.addWidget(question, 0, 0, 1, 2)
        grid.addLayout(consent_row, 1, 0, 1, 2)
        grid.addWidget(self.conflict, 2, 0, 1, 2)
        self.org_unit: QComboBox | None = None
        if self.org_units:
            self.org_unit = QComboBox()
            self.org_unit.setObjectName("orgUnitCombo")
            self.org_unit.setAccessibleName(self.tr("Organisation unit"))
            self.org_unit.addItem(self.tr("— not recorded —"), None)
            for unit in self.org_units:
                self.org_unit.addItem(unit, unit)
            grid.addWidget(_label(self.tr("Or&ganisation unit:"), self.org_unit), 3, 0)
            grid.addWidget(self.org_unit, 3, 1)
        right.addWidget(box)
        right.addStretch(1)

        # -- private text
        box, grid = _section(self.tr("Private notes (never exported)"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notesEdit")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was said, what you agreed, what to "
                                              "remember next time."))
        self.notes.setMinimumHeight(110)
        self.reflection = QPlainTextEdit()
        self.reflection.setObjectName("reflectionEdit")
        self.reflection.setAccessibleName(self.tr("Private reflection"))
        self.reflection.setTabChangesFocus(True)
        self.reflection.setPlaceholderText(self.tr("How this left you feeling — for your own "
                                                   "wellbeing."))
        self.reflection.setMinimumHeight(70)
        grid.addWidget(_label(self.tr("No&tes:"), self.notes), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.notes, 0, 1)
        grid.addWidget(_label(self.tr("Reflection:"), self.reflection), 1, 0,
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.reflection, 1, 1)
        columns.addWidget(box, 1, 0, 1, 2)

        self._set_tab_order()
        for widget in (self.date_edit, self.time_edit, self.duration, self.kind,
                       self.group_size, self.contact, self.channel, self.origin,
                       self.persistence, self.source_relation, self.next_step,
                       self.follow_up_date):
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(lambda: self.request_close())
        timeline = QShortcut(QKeySequence("Ctrl+T"), self)
        timeline.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        timeline.activated.connect(self.request_timeline)

    def _build_referrals_section(self) -> QWidget:
        """Referrals picked from the directory, plus by-type ticks for ones not in it.

        The section sits beside the "Referred to:" label; the label's mnemonic focuses it.
        Saved types = the picked entries' types + the types ticked below the picker.
        """
        section = QWidget()
        section.setObjectName("referralsSection")
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        self.referral_types = CheckList(self.taxonomy.field("referral_type"))
        if self.referrals is not None:
            self.referral_picker = ReferralPicker(self.referrals)
            self.referral_picker.tree.setMaximumHeight(220)
            self.referral_picker.changed.connect(self._changed)
            layout.addWidget(self.referral_picker)
            other = QLabel(self.tr("Not in the directory, by type:"))
            other.setBuddy(self.referral_types)
            layout.addWidget(other)
        layout.addWidget(self.referral_types)
        section.setFocusProxy(self.referral_picker.search if self.referral_picker
                              else self.referral_types)
        return section

    def _referral_focus_widgets(self) -> list[QWidget]:
        if self.referral_picker is not None:
            return [self.referral_picker.search, self.referral_picker.tree, self.referral_types]
        return [self.referral_types]

    def _referral_state(self) -> dict[str, Any]:
        if self.referral_picker is None:
            resource_ids = list(self.original.referral_resource_ids) if self.original else []
            return {"referral_types": sorted(self.referral_types.codes()),
                    "referral_resource_ids": resource_ids}
        return {"referral_types": sorted(self.referral_types.codes()
                                         | self.referral_picker.selected_types()),
                "referral_resource_ids": list(self.referral_picker.selected_ids())}

    def _set_referral_state(self, state: Mapping[str, Any]) -> None:
        types = set(state.get("referral_types", ()))
        if self.referral_picker is not None:
            self.referral_picker.reload()  # the directory may have changed since last time
            self.referral_picker.set_selected(list(state.get("referral_resource_ids", ())))
            types -= self.referral_picker.selected_types()  # shown as picked entries instead
        self.referral_types.set_codes(types)

    def _focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [
            self.date_edit, self.time_edit, self.duration, self.kind, self.group_size,
            self.contact, self.channel, self.origin, self.peer_code, self.generate_button,
            self.behaviours, self.persistence, self.source_relation, self.impacts,
            self.risk_flags, self.support_given, *self._referral_focus_widgets(),
            self.next_step, self.follow_up, self.follow_up_date, self.follow_up_done,
            self.consent_yes, self.consent_no, self.conflict,
        ]
        if self.org_unit is not None:
            chain.append(self.org_unit)
        chain += [self.notes, self.reflection, self.save_button, self.close_button,
                  self.timeline_button, self.delete_button]
        return chain

    def _set_tab_order(self) -> None:
        chain = self._focus_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.risk_flags, self.escalation.guide_button)
        QWidget.setTabOrder(self.escalation.guide_button, self.support_given)

    def _connect_changes(self) -> None:
        self.date_edit.dateChanged.connect(self._changed)
        self.time_edit.textChanged.connect(self._changed)
        self.duration.valueChanged.connect(self._changed)
        self.group_size.valueChanged.connect(self._changed)
        for combo in (self.kind, self.contact, self.channel, self.origin, self.persistence,
                      self.source_relation, self.next_step):
            combo.currentIndexChanged.connect(self._changed)
        if self.org_unit is not None:
            self.org_unit.currentIndexChanged.connect(self._changed)
        self.peer_code.textChanged.connect(self._changed)
        for check_list in (self.behaviours, self.impacts, self.risk_flags, self.support_given,
                           self.referral_types):
            check_list.changed.connect(self._changed)
        for box in (self.follow_up, self.follow_up_done, self.conflict):
            box.toggled.connect(self._changed)
        self.follow_up_date.dateChanged.connect(self._changed)
        self.consent_group.buttonToggled.connect(self._consent_toggled)
        self.notes.textChanged.connect(self._changed)
        self.reflection.textChanged.connect(self._changed)

    # -- state --------------------------------------------------------------------------------

    def _default_state(self, today: dt.date | None = None) -> dict[str, Any]:
        day = today or dt.date.today()
        blank = Session(date=day)
        state = self._state_of(blank)
        state["consent"] = None  # asked explicitly: no answer until the supporter gives one
        return state

    def _state_of(self, session: Session) -> dict[str, Any]:
        return {
            "id": session.id,
            "date": session.date.isoformat(),
            "start_time": session.start_time.strftime("%H:%M") if session.start_time else "",
            "duration_minutes": session.duration_minutes,
            "kind": session.kind,
            "group_size": session.group_size if session.group_size else 2,
            "contact": session.contact,
            "channel": session.channel,
            "origin": session.origin,
            "peer_code": session.peer_code,
            "behaviours": sorted(session.behaviours),
            "persistence": session.persistence,
            "source_relation": session.source_relation,
            "impacts": sorted(session.impacts),
            "risk_flags": sorted(session.risk_flags),
            "support_given": sorted(session.support_given),
            "referral_types": sorted(session.referral_types),
            "referral_resource_ids": list(session.referral_resource_ids),
            "next_step": session.next_step,
            "follow_up": session.follow_up_date is not None,
            "follow_up_date": (session.follow_up_date or
                               session.date + dt.timedelta(days=FOLLOW_UP_DEFAULT_DAYS)
                               ).isoformat(),
            "follow_up_done": session.follow_up_done,
            "consent": session.consent_to_count,
            "conflict_of_interest": session.conflict_of_interest,
            "org_unit": session.org_unit,
            "notes": session.notes,
            "reflection": session.reflection,
        }

    def state(self) -> dict[str, Any]:
        """Everything on screen as JSON-ready values (the draft payload and the dirty check)."""
        consent: bool | None = None
        if self.consent_yes.isChecked():
            consent = True
        elif self.consent_no.isChecked():
            consent = False
        org_unit = None
        if self.org_unit is not None:
            org_unit = self.org_unit.currentData()
        elif self.original is not None:
            org_unit = self.original.org_unit
        state = {
            "id": self.original.id if self.original else None,
            "date": self.date_edit.date().toPython().isoformat(),
            "start_time": self.time_edit.text().strip(),
            "duration_minutes": self.duration.value(),
            "kind": self.kind.code(),
            "group_size": self.group_size.value(),
            "contact": self.contact.code(),
            "channel": self.channel.code(),
            "origin": self.origin.code(),
            "peer_code": self.peer_code.text(),
            "behaviours": sorted(self.behaviours.codes()),
            "persistence": self.persistence.code(),
            "source_relation": self.source_relation.code(),
            "impacts": sorted(self.impacts.codes()),
            "risk_flags": sorted(self.risk_flags.codes()),
            "support_given": sorted(self.support_given.codes()),
            "next_step": self.next_step.code(),
            "follow_up": self.follow_up.isChecked(),
            "follow_up_date": self.follow_up_date.date().toPython().isoformat(),
            "follow_up_done": self.follow_up_done.isChecked(),
            "consent": consent,
            "conflict_of_interest": self.conflict.isChecked(),
            "org_unit": org_unit,
            "notes": self.notes.toPlainText(),
            "reflection": self.reflection.toPlainText(),
        }
        state.update(self._referral_state())
        return state

    def _apply_state(self, state: Mapping[str, Any]) -> None:
        self._loading = True
        try:
            self.date_edit.setDate(QDate.fromString(str(state["date"]), Qt.DateFormat.ISODate))
            self.time_edit.setText(str(state.get("start_time") or ""))
            self.duration.setValue(int(state.get("duration_minutes") or 30))
            self.kind.set_code(state.get("kind"))
            self.group_size.setValue(int(state.get("group_size") or 2))
            self.contact.set_code(state.get("contact"))
            self.channel.set_code(state.get("channel"))
            self.origin.set_code(state.get("origin"))
            self.peer_code.setText(str(state.get("peer_code") or ""))
            self.behaviours.set_codes(state.get("behaviours", ()))
            self.persistence.set_code(state.get("persistence"))
            self.source_relation.set_code(state.get("source_relation"))
            self.impacts.set_codes(state.get("impacts", ()))
            self.risk_flags.set_codes(state.get("risk_flags", ()))
            self.support_given.set_codes(state.get("support_given", ()))
            self._set_referral_state(state)
            self.next_step.set_code(state.get("next_step"))
            self.follow_up.setChecked(bool(state.get("follow_up")))
            self.follow_up_date.setDate(
                QDate.fromString(str(state["follow_up_date"]), Qt.DateFormat.ISODate))
            self.follow_up_done.setChecked(bool(state.get("follow_up_done")))
            consent = state.get("consent")
            self.consent_group.setExclusive(False)
            self.consent_yes.setChecked(consent is True)
            self.consent_no.setChecked(consent is False)
            self.consent_group.setExclusive(True)
            self.conflict.setChecked(bool(state.get("conflict_of_interest")))
            if self.org_unit is not None:
                unit = state.get("org_unit")
                if unit and self.org_unit.findData(unit) < 0:
                    self.org_unit.addItem(str(unit), unit)  # a unit no longer in the list
                index = self.org_unit.findData(unit) if unit else 0
                self.org_unit.setCurrentIndex(max(index, 0))
            self.notes.setPlainText(str(state.get("notes") or ""))
            self.reflection.setPlainText(str(state.get("reflection") or ""))
        finally:
            self._loading = False
        self._refresh_derived()

    def build_session(self) -> Session:
        """The session on screen; raises `PeerDeskError` with what to fix."""
        state = self.state()
        if state["consent"] is None:
            raise PeerDeskError(self.tr(
                "Please answer the consent question: may this contact be counted in the "
                "program's de-identified statistics? Choose Yes or No, then save again."))
        try:
            start_time = parse_time(state["start_time"])
        except ValueError:
            raise PeerDeskError(self.tr(
                "The start time “{0}” is not a time. Use hh:mm, such as 14:30, or leave it "
                "empty.").format(state["start_time"])) from None
        day = dt.date.fromisoformat(state["date"])
        group = state["kind"] == "group"
        changes: dict[str, Any] = {
            "date": day,
            "start_time": start_time,
            "duration_minutes": int(state["duration_minutes"]),
            "kind": state["kind"],
            "group_size": int(state["group_size"]) if group else None,
            "contact": state["contact"],
            "channel": state["channel"],
            "origin": state["origin"],
            "behaviours": frozenset(state["behaviours"]),
            "persistence": state["persistence"],
            "source_relation": state["source_relation"],
            "impacts": frozenset(state["impacts"]),
            "risk_flags": frozenset(state["risk_flags"]),
            "support_given": frozenset(state["support_given"]),
            "referral_types": frozenset(state["referral_types"]),
            "referral_resource_ids": tuple(state["referral_resource_ids"]),
            "next_step": state["next_step"],
            "follow_up_date": (dt.date.fromisoformat(state["follow_up_date"])
                               if state["follow_up"] else None),
            "follow_up_done": bool(state["follow_up"] and state["follow_up_done"]),
            "consent_to_count": bool(state["consent"]),
            "conflict_of_interest": bool(state["conflict_of_interest"]),
            "peer_code": state["peer_code"].strip(),
            "org_unit": state["org_unit"],
            "notes": state["notes"],
            "reflection": state["reflection"],
        }
        if self.original is not None:
            return dataclasses.replace(self.original, **changes)
        return Session(**changes)

    # -- opening --------------------------------------------------------------------------------

    @property
    def session_id(self) -> int | None:
        return self.original.id if self.original else None

    @property
    def draft_key(self) -> str:
        return draft_key(self.session_id)

    def is_dirty(self) -> bool:
        return self.state() != self._baseline

    def new_session(self, today: dt.date | None = None) -> None:
        self.original = None
        self._open(self._default_state(today))

    def open_session(self, session: Session) -> None:
        self.original = session
        self._open(self._state_of(session))

    def restore_draft(self, payload: Mapping[str, Any], original: Session | None) -> None:
        """Open a draft on top of its session (or a new one); the editor starts out changed."""
        self.original = original
        baseline = self._state_of(original) if original else self._default_state()
        self._open(baseline)
        state = payload.get("state")
        if isinstance(state, Mapping):
            merged = dict(baseline)
            merged.update({key: value for key, value in state.items() if key in baseline})
            self._apply_state(merged)
        self._last_draft = self.state()
        self.status.setText(self.tr("Restored from an unsaved draft"))

    def _open(self, state: dict[str, Any]) -> None:
        self._apply_state(state)
        self._baseline = self.state()
        self._last_draft = None
        self.message.setVisible(False)
        self._set_consent_highlight(False)
        self._update_heading()
        self.status.setText("" if self.original is None else self.tr("Saved · revision {0}")
                            .format(self.original.revision))
        self.scroll.verticalScrollBar().setValue(0)
        self._draft_timer.start()

    def focus_first_field(self) -> None:
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_heading(self) -> None:
        if self.original is None:
            self.heading.setText(self.tr("New session"))
        else:
            code = self.original.peer_code or self.tr("no peer code")
            self.heading.setText(self.tr("Session on {0} · {1}").format(
                _long_date(self.original.date), code))
        self.delete_button.setEnabled(self.original is not None)
        self.timeline_button.setEnabled(bool(self.peer_code.text().strip()))

    # -- reacting -------------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._refresh_derived()

    def _consent_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked and not self._loading:
            self._set_consent_highlight(False)
            if self.message.isVisible():
                self.message.setVisible(False)
        self._changed()

    def _refresh_derived(self) -> None:
        group = self.kind.code() == "group"
        self.group_size.setVisible(group)
        self.group_size_label.setVisible(group)
        self.escalation.setVisible(bool(self.risk_flags.codes()))
        following = self.follow_up.isChecked()
        self.follow_up_date.setEnabled(following)
        self.follow_up_done.setEnabled(following)
        self._update_peer_warning()
        self.timeline_button.setEnabled(bool(self.peer_code.text().strip()))

    def _update_peer_warning(self) -> None:
        warnings = list(identifying_warnings(self.peer_code.text()))
        self.peer_warning.setText("⚠ " + " ".join(str(w) for w in warnings) if warnings else "")
        self.peer_warning.setVisible(bool(warnings))

    def generate_code(self) -> None:
        self.peer_code.setText(generate_peer_code())
        self.peer_code.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_consent_highlight(self, on: bool) -> None:
        self.consent_box.setStyleSheet(
            f"#consentBox {{ border: 2px solid {tone('error').name()}; border-radius: 4px; }}"
            if on else "")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> Session | None:
        """Validate and store; on a problem show what to fix and return None."""
        try:
            session = self.build_session()
        except PeerDeskError as error:
            self.show_message(message_text(error))
            if self.state()["consent"] is None:
                self._set_consent_highlight(True)
                self.scroll.ensureWidgetVisible(self.consent_box)
                self.consent_yes.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        old_key = self.draft_key
        try:
            stored = (self.repository.update(session) if session.id is not None
                      else self.repository.add(session))
        except PeerDeskError as error:
            show_error(self, self.tr("Not saved"), message_text(error))
            return None
        if self.drafts is not None:
            self.drafts.discard(old_key)
            self.drafts.discard(draft_key(stored.id))
        self.original = stored
        self._baseline = self._state_of(stored)
        self._apply_state(self._baseline)
        self._baseline = self.state()
        self._last_draft = None
        self.message.setVisible(False)
        self._update_heading()
        self.status.setText(self.tr("Saved at {0} · revision {1}").format(
            dt.datetime.now().strftime("%H:%M"), stored.revision))
        self.saved.emit(stored)
        return stored

    # -- drafts ---------------------------------------------------------------------------------

    def save_draft(self) -> bool:
        """Keep the editor's changes in the vault; only when something changed since last time."""
        if self.drafts is None or not self.is_dirty():
            return False
        state = self.state()
        if state == self._last_draft:
            return False
        payload: dict[str, object] = {
            "state": state,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "title": self.heading.text(),
        }
        try:
            self.drafts.save(self.draft_key, payload)
        except VaultLockedError:
            self._draft_timer.stop()  # the journal closed under us; nothing can be kept now
            return False
        except (VaultCheckPendingError, VaultDamagedError):
            return False  # read-only until the journal is proven whole; the text stays here
        self._last_draft = state
        self.status.setText(self.tr("Draft kept at {0}").format(
            dt.datetime.now().strftime("%H:%M:%S")))
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._draft_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # Nothing changes while hidden: keep what is there now and rest until shown again.
        self.save_draft()
        self._draft_timer.stop()
        super().hideEvent(event)

    def discard_draft(self) -> None:
        if self.drafts is not None:
            self.drafts.discard(self.draft_key)
        self._last_draft = None

    def stop(self) -> None:
        """Before lock: keep a draft if needed, then stop the timer."""
        self.save_draft()
        self._draft_timer.stop()

    # -- closing --------------------------------------------------------------------------------

    def request_close(self, then: Callable[[], None] | None = None) -> bool:
        """Leave the editor. With unsaved changes ask Save / Discard / Cancel (non-blocking);
        `then` runs once the editor may be left. Returns True when it could leave at once."""
        if not self.is_dirty():
            self.discard_draft()
            self._leave(then)
            return True
        self._after_close = then
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("This session has changes that are not saved yet."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("unsavedChangesPrompt")
        box.setInformativeText(self.tr("Save them before leaving the session?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _result, b=box: self._close_answered(b))
        self.close_prompt = box
        box.open()
        return False

    def _close_answered(self, box: QMessageBox) -> None:
        button = box.clickedButton()
        choice = box.standardButton(button) if button is not None else \
            QMessageBox.StandardButton.Cancel
        self.close_prompt = None
        box.deleteLater()
        then, self._after_close = self._after_close, None
        self.resolve_close(choice, then)

    def resolve_close(self, choice: QMessageBox.StandardButton,
                      then: Callable[[], None] | None = None) -> None:
        if choice == QMessageBox.StandardButton.Save:
            if self.save() is None:
                return  # the message says what to fix; stay
            self._leave(then)
        elif choice == QMessageBox.StandardButton.Discard:
            self.discard_draft()
            self._baseline = self.state()
            self._leave(then)

    def _leave(self, then: Callable[[], None] | None) -> None:
        self._draft_timer.stop()
        if then is not None:
            then()
        else:
            self.close_requested.emit()

    def request_timeline(self) -> None:
        code = self.peer_code.text().strip()
        if code:
            self.timeline_requested.emit(code)

    def _request_delete(self) -> None:
        if self.original is not None and self.original.id is not None:
            self.delete_requested.emit(self.original.id)
