"""The session editor's sections: each builds its group box and binds its fields in the form
table (`FormFields`). Mixed into `SessionEditor`, which owns the widgets they create."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.journal.model import Session
from peerdesk.journal.session_form import DEFAULT_GROUP_SIZE
from peerdesk.ui.events import AppEvents
from peerdesk.ui.journal.escalation import EscalationChecklist
from peerdesk.ui.journal.form_fields import FormFields
from peerdesk.ui.journal.widgets import CheckList, CodeCombo
from peerdesk.ui.referrals.picker import ReferralPicker
from peerdesk.ui.style import tone_css


class DateField(QDateEdit):
    """A date edit that Tab leaves at once (typing moves through year, month and day)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


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


def _date_field(name: str, accessible: str) -> DateField:
    edit = DateField()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _grow(*widgets: QWidget) -> None:
    for widget in widgets:
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class EditorSections:
    """Section builders for `SessionEditor` (which provides `tr`, `taxonomy`, `events`…)."""

    fields: FormFields
    taxonomy: Any
    events: AppEvents | None
    settings: Any
    referrals: Any
    org_units: list[str]
    referral_picker: ReferralPicker | None
    original: Session | None

    if TYPE_CHECKING:
        def tr(self, sourceText: str, /, disambiguation: str | None = None,  # QWidget's
               n: int = -1) -> str: ...
        def fields_changed(self, *args: object) -> None: ...

    def _build_when_section(self) -> QGroupBox:
        tax = self.taxonomy
        box, grid = _section(self.tr("When and how"))
        self.date_edit = _date_field("dateEdit", self.tr("Date"))
        self.date_edit.setMinimumDate(QDate(1970, 1, 1))  # journal/validation.py bounds
        self.date_edit.setMaximumDate(QDate.currentDate().addYears(1))
        self.time_edit = QLineEdit()
        self.time_edit.setObjectName("timeEdit")
        self.time_edit.setAccessibleName(self.tr("Start time (optional)"))
        self.time_edit.setPlaceholderText(self.tr("hh:mm"))
        self.time_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^\s*\d{0,2}\s*[:.h]?\s*\d{0,2}\s*$"), self.time_edit))
        self.time_edit.setMinimumWidth(70)
        self.duration = QSpinBox()
        self.duration.setObjectName("durationSpin")
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.duration.setRange(1, 600)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.kind = CodeCombo(tax.field("kind"), optional=False)
        self.group_size = QSpinBox()
        self.group_size.setObjectName("groupSizeSpin")
        self.group_size.setAccessibleName(self.tr("Number present"))
        self.group_size.setRange(2, 500)
        self.contact = CodeCombo(tax.field("contact"), optional=False)
        self.channel = CodeCombo(tax.field("channel"), optional=False)
        self.origin = CodeCombo(tax.field("origin"), optional=True,
                                none_text=self.tr("— not recorded —"))
        _grow(self.date_edit, self.time_edit, self.duration, self.kind, self.group_size,
              self.contact, self.channel, self.origin)

        when = QHBoxLayout()
        when.setSpacing(8)
        when.addWidget(self.date_edit, 3)
        self.time_label = _label(self.tr("T&ime:"), self.time_edit)
        when.addWidget(self.time_label)
        when.addWidget(self.time_edit, 2)
        grid.addWidget(_label(self.tr("&Date:"), self.date_edit), 0, 0)
        grid.addLayout(when, 0, 1)
        self.duration_label = _label(self.tr("&Length:"), self.duration)
        grid.addWidget(self.duration_label, 1, 0)
        grid.addWidget(self.duration, 1, 1)
        kind_row = QHBoxLayout()
        kind_row.setSpacing(8)
        kind_row.addWidget(self.kind, 3)
        self.group_size_label = _label(self.tr("Number present:"), self.group_size)
        kind_row.addWidget(self.group_size_label)
        kind_row.addWidget(self.group_size, 1)
        grid.addWidget(_label(self.tr("&Kind:"), self.kind), 2, 0)
        grid.addLayout(kind_row, 2, 1)
        grid.addWidget(_label(self.tr("C&ontact:"), self.contact), 3, 0)
        grid.addWidget(self.contact, 3, 1)
        grid.addWidget(_label(self.tr("&How you talked:"), self.channel), 4, 0)
        grid.addWidget(self.channel, 4, 1)
        grid.addWidget(_label(self.tr("How it &came about:"), self.origin), 5, 0)
        grid.addWidget(self.origin, 5, 1)

        form = self.fields
        form.date("date", self.date_edit)
        form.line("start_time", self.time_edit, strip=True)
        form.spin("duration_minutes", self.duration, 30)
        form.combo("kind", self.kind)
        form.spin("group_size", self.group_size, DEFAULT_GROUP_SIZE)
        form.combo("contact", self.contact)
        form.combo("channel", self.channel)
        form.combo("origin", self.origin)
        return box

    def _build_peer_section(self) -> QGroupBox:
        box, grid = _section(self.tr("Peer"))
        self.peer_code = QLineEdit()
        self.peer_code.setObjectName("peerCodeEdit")
        self.peer_code.setAccessibleName(self.tr("Peer code"))
        self.peer_code.setPlaceholderText(self.tr("a pseudonym, never a name"))
        self.peer_code.setAccessibleDescription(self.tr("a pseudonym, never a name"))
        self.peer_code.setMaxLength(60)
        self.generate_button = QPushButton(self.tr("Gen&erate"))
        self.generate_button.setObjectName("generatePeerCode")
        self.generate_button.setAccessibleName(self.tr("Generate a peer code"))
        self.peer_warning = QLabel()
        self.peer_warning.setObjectName("peerCodeWarning")
        self.peer_warning.setWordWrap(True)
        self.peer_warning.setStyleSheet(tone_css("error"))
        self.peer_warning.setVisible(False)
        self.peer_confirm = QCheckBox(self.tr("It is not a name: keep this code"))
        self.peer_confirm.setObjectName("peerCodeConfirm")
        self.peer_confirm.setAccessibleName(self.tr(
            "Keep this peer code: it identifies no one"))
        self.peer_confirm.setVisible(False)
        code_row = QHBoxLayout()
        code_row.addWidget(self.peer_code, 1)
        code_row.addWidget(self.generate_button)
        grid.addWidget(_label(self.tr("Pee&r code:"), self.peer_code), 0, 0)
        grid.addLayout(code_row, 0, 1)
        grid.addWidget(self.peer_warning, 1, 1)
        grid.addWidget(self.peer_confirm, 2, 1)

        form = self.fields
        form.bind("peer_code", self.peer_code.text,
                  lambda value: self.peer_code.setText(str(value or "")),
                  [self.peer_code, self.generate_button], [self.peer_code.textChanged])
        form.check("peer_code_confirmed", self.peer_confirm)
        return box

    def _build_happening_section(self) -> QGroupBox:
        tax = self.taxonomy
        box, grid = _section(self.tr("What is happening"))
        self.behaviours = CheckList(tax.field("behaviour"))
        self.persistence = CodeCombo(tax.field("persistence"), optional=True,
                                     none_text=self.tr("— not said —"))
        self.source_relation = CodeCombo(tax.field("source_relation"), optional=True,
                                         none_text=self.tr("— not recorded —"))
        self.impacts = CheckList(tax.field("impact"))
        _grow(self.persistence, self.source_relation)
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(_label(self.tr("&Behaviour:"), self.behaviours), 0, 0, top)
        grid.addWidget(self.behaviours, 0, 1)
        grid.addWidget(_label(self.tr("How long:"), self.persistence), 1, 0)
        grid.addWidget(self.persistence, 1, 1)
        grid.addWidget(_label(self.tr("&Who it comes from:"), self.source_relation), 2, 0)
        grid.addWidget(self.source_relation, 2, 1)
        grid.addWidget(_label(self.tr("I&mpact:"), self.impacts), 3, 0, top)
        grid.addWidget(self.impacts, 3, 1)

        form = self.fields
        form.check_list("behaviours", self.behaviours)
        form.combo("persistence", self.persistence)
        form.combo("source_relation", self.source_relation)
        form.check_list("impacts", self.impacts)
        return box

    def _build_safety_section(self) -> QGroupBox:
        box, grid = _section(self.tr("Safety"))
        self.risk_flags = CheckList(self.taxonomy.field("risk_flag"))
        self.escalation = EscalationChecklist(self.events, self.settings)
        self.escalation.setVisible(False)
        grid.addWidget(_label(self.tr("S&afety concerns:"), self.risk_flags), 0, 0,
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.risk_flags, 0, 1)
        grid.addWidget(self.escalation, 1, 0, 1, 2)
        self.fields.bind("risk_flags", lambda: sorted(self.risk_flags.codes()),
                         lambda value: self.risk_flags.set_codes(value or ()),
                         [self.risk_flags, *self.escalation.focus_widgets()],
                         [self.risk_flags.changed])
        return box

    def _build_support_section(self) -> QGroupBox:
        tax = self.taxonomy
        box, grid = _section(self.tr("Support and next steps"))
        top = Qt.AlignmentFlag.AlignTop
        self.support_given = CheckList(tax.field("support_given"))
        grid.addWidget(_label(self.tr("Support gi&ven:"), self.support_given), 0, 0, top)
        grid.addWidget(self.support_given, 0, 1)
        self.fields.check_list("support_given", self.support_given)
        self.referrals_section = self._build_referrals()
        self.referrals_label = _label(self.tr("Re&ferred to:"), self.referrals_section)
        grid.addWidget(self.referrals_label, 1, 0, top)
        grid.addWidget(self.referrals_section, 1, 1)
        self.next_step = CodeCombo(tax.field("next_step"), optional=True,
                                   none_text=self.tr("— not recorded —"))
        _grow(self.next_step)
        grid.addWidget(_label(self.tr("Ne&xt step:"), self.next_step), 2, 0)
        grid.addWidget(self.next_step, 2, 1)
        self.fields.combo("next_step", self.next_step)

        self.follow_up = QCheckBox(self.tr("Follow &up on"))
        self.follow_up.setObjectName("followUpCheck")
        self.follow_up.setAccessibleName(self.tr("Plan a follow-up"))
        self.follow_up_date = _date_field("followUpDate", self.tr("Follow-up date"))
        self.follow_up_done = QCheckBox(self.tr("Done"))
        self.follow_up_done.setObjectName("followUpDone")
        self.follow_up_done.setAccessibleName(self.tr("Follow-up done"))
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up)
        follow_row.addWidget(self.follow_up_date, 1)
        follow_row.addWidget(self.follow_up_done)
        grid.addWidget(QLabel(self.tr("Follow-up:")), 3, 0)
        grid.addLayout(follow_row, 3, 1)
        self.fields.check("follow_up", self.follow_up)
        self.fields.date("follow_up_date", self.follow_up_date)
        self.fields.check("follow_up_done", self.follow_up_done)
        return box

    def _build_referrals(self) -> QWidget:
        """Referrals picked from the directory, plus by-type ticks for ones not in it.

        Saved types = the picked entries' types + the types ticked below the picker.
        """
        section = QWidget()
        section.setObjectName("referralsSection")
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        self.referral_types = CheckList(self.taxonomy.field("referral_type"))
        picker: ReferralPicker | None = None
        if self.referrals is not None:
            picker = ReferralPicker(self.referrals)
            picker.tree.setMaximumHeight(220)
            picker.changed.connect(self.fields_changed)
            if self.events is not None:
                self.events.directory_changed.connect(picker.reload)
            layout.addWidget(picker)
            other = QLabel(self.tr("Not in the directory, by type:"))
            other.setWordWrap(True)
            other.setBuddy(self.referral_types)
            layout.addWidget(other)
        self.referral_picker = picker
        layout.addWidget(self.referral_types)
        section.setFocusProxy(picker.search if picker else self.referral_types)

        def read_ids() -> list[str]:
            if picker is None:  # no directory: keep what the session already has
                original = self.original
                return list(original.referral_resource_ids) if original else []
            return list(picker.selected_ids())

        def write_ids(ids: Any) -> None:
            if picker is not None:
                picker.reload()  # the directory may have changed since last time
                picker.set_selected(list(ids or ()))

        def read_types() -> list[str]:
            picked = picker.selected_types() if picker else frozenset()
            return sorted(self.referral_types.codes() | picked)

        def write_types(types: Any) -> None:
            wanted = set(types or ())
            if picker is not None:
                wanted -= picker.selected_types()  # shown as picked entries instead
            self.referral_types.set_codes(wanted)

        focus = [picker.search, picker.tree] if picker else []
        self.fields.bind("referral_resource_ids", read_ids, write_ids, focus)
        self.fields.bind("referral_types", read_types, write_types, [self.referral_types],
                         [self.referral_types.changed])
        return section

    def _build_consent_section(self) -> QGroupBox:
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
        self.consent_no = QRadioButton(self.tr("&No, don't count it"))
        self.consent_no.setObjectName("consentNo")
        self.consent_no.setAccessibleName(self.tr("Consent to be counted: no"))
        for button in (self.consent_yes, self.consent_no):
            button.setAccessibleDescription(question.text())
        self.consent_group = QButtonGroup(box)
        self.consent_group.addButton(self.consent_yes)
        self.consent_group.addButton(self.consent_no)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_yes)
        consent_row.addWidget(self.consent_no)
        consent_row.addStretch(1)
        self.conflict = QCheckBox(self.tr("I know the people involved (conflict of interest)"))
        self.conflict.setObjectName("conflictCheck")
        self.conflict.setAccessibleName(self.tr("Conflict of interest"))
        grid.addWidget(question, 0, 0, 1, 2)
        grid.addLayout(consent_row, 1, 0, 1, 2)
        grid.addWidget(self.conflict, 2, 0, 1, 2)

        def read_consent() -> bool | None:
            if self.consent_yes.isChecked():
                return True
            return False if self.consent_no.isChecked() else None

        def write_consent(value: Any) -> None:
            self.consent_group.setExclusive(False)  # lets both be unticked (not answered)
            self.consent_yes.setChecked(value is True)
            self.consent_no.setChecked(value is False)
            self.consent_group.setExclusive(True)

        self.fields.bind("consent", read_consent, write_consent,
                         [self.consent_yes, self.consent_no])
        self.fields.check("conflict_of_interest", self.conflict)

        self.org_unit: QComboBox | None = None
        if self.org_units:
            combo = QComboBox()
            combo.setObjectName("orgUnitCombo")
            combo.setAccessibleName(self.tr("Organisation unit"))
            combo.addItem(self.tr("— not recorded —"), None)
            for unit in self.org_units:
                combo.addItem(unit, unit)
            grid.addWidget(_label(self.tr("Or&ganisation unit:"), combo), 3, 0)
            grid.addWidget(combo, 3, 1)
            self.org_unit = combo

        def read_unit() -> str | None:
            if self.org_unit is not None:
                unit = self.org_unit.currentData()
                return str(unit) if unit is not None else None
            original = self.original
            return original.org_unit if original is not None else None

        def write_unit(unit: Any) -> None:
            if self.org_unit is None:
                return
            if unit and self.org_unit.findData(unit) < 0:
                self.org_unit.addItem(str(unit), unit)  # a unit no longer in the list
            index = self.org_unit.findData(unit) if unit else 0
            self.org_unit.setCurrentIndex(max(index, 0))

        self.fields.bind("org_unit", read_unit, write_unit,
                         [self.org_unit] if self.org_unit is not None else [],
                         [self.org_unit.currentIndexChanged] if self.org_unit else [])
        return box

    def _build_notes_section(self) -> QGroupBox:
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
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(_label(self.tr("No&tes:"), self.notes), 0, 0, top)
        grid.addWidget(self.notes, 0, 1)
        grid.addWidget(_label(self.tr("Reflection:"), self.reflection), 1, 0, top)
        grid.addWidget(self.reflection, 1, 1)
        self.fields.text("notes", self.notes)
        self.fields.text("reflection", self.reflection)
        return box
