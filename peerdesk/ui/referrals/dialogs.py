"""Dialogs of the referral directory: edit an entry, review an import, export a pack.

All are opened with `open()` (window-modal, non-blocking); the workspace reacts to
`accepted`. Each dialog only gathers choices; the workspace does the work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.referrals import Conflict, ImportResult, Resolution, Resource
from peerdesk.referrals.model import content_dict, validated
from peerdesk.ui.i18n import display_taxonomy, message_text
from peerdesk.ui.marked_strings import QT_TRANSLATE_NOOP
from peerdesk.ui.style import tone_css


def _grid(rows: Sequence[tuple[str, QWidget]]) -> QGridLayout:
    grid = QGridLayout()
    grid.setColumnStretch(1, 1)
    for row, (text, field) in enumerate(rows):
        label = QLabel(text)
        label.setBuddy(field)
        tall = isinstance(field, QPlainTextEdit) or isinstance(field.layout(), QVBoxLayout)
        grid.addWidget(label, row, 0,
                       Qt.AlignmentFlag.AlignTop if tall else Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(field, row, 1)
    return grid


class ResourceEditDialog(QDialog):
    """Add or edit one directory entry. `resource()` gives the validated result."""

    def __init__(self, resource: Resource | None, regions: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resourceEditDialog")
        self._original = resource
        self._result: Resource | None = None
        self.setWindowTitle(self.tr("Edit directory entry") if resource
                            else self.tr("Add directory entry"))
        self.setMinimumWidth(560)

        self.name = self._line("name", self.tr("Name"))
        self.type = QComboBox()
        self.type.setAccessibleName(self.tr("Type of resource"))
        for option in display_taxonomy().field("referral_type").options:
            self.type.addItem(option.label, option.code)
        self.offers = self._text("offers", self.tr("What they offer"))
        self.when_to_refer = self._text("whenToRefer", self.tr("When to refer"))
        self.phone = self._line("phone", self.tr("Phone"))
        self.email = self._line("email", self.tr("E-mail"))
        self.web = self._line("web", self.tr("Web address"))
        self.place = self._line("place", self.tr("Place"))
        self.hours = self._line("hours", self.tr("Hours"))
        self.languages = self._line("languages", self.tr("Languages"))
        self.languages.setPlaceholderText(self.tr("Separate with commas, e.g. English, Polish"))
        self.region = QComboBox()
        self.region.setObjectName("region")
        self.region.setEditable(True)
        self.region.setAccessibleName(self.tr("Region or site"))
        self.region.addItem("")
        self.region.addItems(list(regions))

        self.confidential = QRadioButton(self.tr("&Confidential"))
        self.confidential.setObjectName("confidential")
        self.may_act = QRadioButton(self.tr("&May be obliged to act on what they hear"))
        self.may_act.setObjectName("mayAct")
        confidentiality = QButtonGroup(self)
        confidentiality.addButton(self.confidential)
        confidentiality.addButton(self.may_act)
        confidentiality_box = QWidget()
        confidentiality_layout = QVBoxLayout(confidentiality_box)
        confidentiality_layout.setContentsMargins(0, 0, 0, 0)
        confidentiality_layout.addWidget(self.confidential)
        confidentiality_layout.addWidget(self.may_act)

        self.verified = QCheckBox(self.tr("&Verified on"))
        self.verified.setObjectName("verified")
        self.verified_date = QDateEdit()
        self.verified_date.setObjectName("verifiedDate")
        self.verified_date.setAccessibleName(self.tr("Date last verified"))
        self.verified_date.setCalendarPopup(True)
        self.verified_date.setDisplayFormat("yyyy-MM-dd")
        self.verified_date.setMaximumDate(QDate.currentDate())
        today = QPushButton(self.tr("&Today"))
        today.setAccessibleName(self.tr("Verified today"))
        today.clicked.connect(self._verified_today)
        self.verified.toggled.connect(self.verified_date.setEnabled)
        verified_row = QWidget()
        verified_layout = QHBoxLayout(verified_row)
        verified_layout.setContentsMargins(0, 0, 0, 0)
        verified_layout.addWidget(self.verified)
        verified_layout.addWidget(self.verified_date)
        verified_layout.addWidget(today)
        verified_layout.addStretch(1)

        self.needs_details = QCheckBox(self.tr("Still needs local &details"))
        self.needs_details.setObjectName("needsDetails")

        self.error = QLabel()
        self.error.setObjectName("editError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(tone_css("error"))
        self.error.setVisible(False)

        form = QWidget()
        grid = _grid([
            (self.tr("&Name:"), self.name), (self.tr("T&ype:"), self.type),
            (self.tr("What they &offer:"), self.offers),
            (self.tr("When to &refer:"), self.when_to_refer),
            (self.tr("&Phone:"), self.phone), (self.tr("&E-mail:"), self.email),
            (self.tr("&Web:"), self.web), (self.tr("P&lace:"), self.place),
            (self.tr("&Hours:"), self.hours), (self.tr("Lan&guages:"), self.languages),
            (self.tr("Region / &site:"), self.region),
            (self.tr("Confidentiality:"), confidentiality_box),
            (self.tr("Last verified:"), verified_row),
            ("", self.needs_details),
        ])
        grid.setRowStretch(grid.rowCount(), 1)  # spare height below the fields, not between
        form.setLayout(grid)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Entry fields"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._load(resource)
        self.resize(620, 640)

    def _line(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        return field

    def _text(self, name: str, accessible: str) -> QPlainTextEdit:
        field = QPlainTextEdit()
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        field.setTabChangesFocus(True)
        field.setFixedHeight(84)
        return field

    def _verified_today(self) -> None:
        self.verified.setChecked(True)
        self.verified_date.setDate(QDate.currentDate())

    def _load(self, resource: Resource | None) -> None:
        if resource is None:
            self.may_act.setChecked(True)  # the safe assumption until someone checks
            self.verified.setChecked(False)
            self.verified_date.setDate(QDate.currentDate())
            self.verified_date.setEnabled(False)
            return
        self.name.setText(resource.name)
        self.type.setCurrentIndex(max(self.type.findData(resource.type), 0))
        self.offers.setPlainText(resource.offers)
        self.when_to_refer.setPlainText(resource.when_to_refer)
        for field, value in ((self.phone, resource.phone), (self.email, resource.email),
                             (self.web, resource.web), (self.place, resource.place),
                             (self.hours, resource.hours)):
            field.setText(value)
        self.languages.setText(", ".join(resource.languages))
        self.region.setCurrentText(resource.region)
        (self.confidential if resource.confidential else self.may_act).setChecked(True)
        self.verified.setChecked(resource.last_verified is not None)
        self.verified_date.setEnabled(resource.last_verified is not None)
        verified = resource.last_verified or dt.date.today()
        self.verified_date.setDate(QDate(verified.year, verified.month, verified.day))
        self.needs_details.setChecked(resource.needs_local_details)

    def _gather(self) -> Resource:
        base = self._original
        verified: dt.date | None = None
        if self.verified.isChecked():
            qdate = self.verified_date.date()
            verified = dt.date(qdate.year(), qdate.month(), qdate.day())
        return validated(Resource(
            id=base.id if base else "new",  # the repository gives new entries their real id
            name=self.name.text(), type=str(self.type.currentData()),
            offers=self.offers.toPlainText(), when_to_refer=self.when_to_refer.toPlainText(),
            phone=self.phone.text(), email=self.email.text(), web=self.web.text(),
            place=self.place.text(), hours=self.hours.text(),
            languages=tuple(self.languages.text().split(",")),
            region=self.region.currentText(), confidential=self.confidential.isChecked(),
            last_verified=verified, needs_local_details=self.needs_details.isChecked(),
            origin=base.origin if base else "own",
            edited_locally=base.edited_locally if base else False,
        ))

    def accept(self) -> None:
        try:
            result = self._gather()
        except PeerDeskError as exc:
            self.error.setText(message_text(exc))
            self.error.setVisible(True)
            return
        self._result = result if self._original else replace(result, id="")
        super().accept()

    def resource(self) -> Resource | None:
        """The entry as entered (new entries have an empty id), after the dialog was accepted."""
        return self._result


_FIELD_LABELS = {  # translated in ConflictChoice
    "name": QT_TRANSLATE_NOOP("ConflictChoice", "Name"),
    "type": QT_TRANSLATE_NOOP("ConflictChoice", "Type"),
    "offers": QT_TRANSLATE_NOOP("ConflictChoice", "What they offer"),
    "when_to_refer": QT_TRANSLATE_NOOP("ConflictChoice", "When to refer"),
    "phone": QT_TRANSLATE_NOOP("ConflictChoice", "Phone"),
    "email": QT_TRANSLATE_NOOP("ConflictChoice", "E-mail"),
    "web": QT_TRANSLATE_NOOP("ConflictChoice", "Web"),
    "place": QT_TRANSLATE_NOOP("ConflictChoice", "Place"),
    "hours": QT_TRANSLATE_NOOP("ConflictChoice", "Hours"),
    "languages": QT_TRANSLATE_NOOP("ConflictChoice", "Languages"),
    "region": QT_TRANSLATE_NOOP("ConflictChoice", "Region / site"),
    "confidential": QT_TRANSLATE_NOOP("ConflictChoice", "Confidentiality"),
    "last_verified": QT_TRANSLATE_NOOP("ConflictChoice", "Last verified"),
    "needs_local_details": QT_TRANSLATE_NOOP("ConflictChoice", "Needs local details"),
}


class ConflictChoice(QGroupBox):
    """One conflicting entry: the fields that differ side by side, and the choice."""

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(conflict.local.name, parent)
        self.conflict = conflict
        self.setObjectName(f"conflict:{conflict.local.id}")
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for column, text in enumerate(("", self.tr("Yours (edited here)"),
                                       self.tr("In the pack"))):
            heading = QLabel(f"<b>{text}</b>")
            grid.addWidget(heading, 0, column)
        local, incoming = content_dict(conflict.local), content_dict(conflict.incoming)
        row = 1
        for key, label in _FIELD_LABELS.items():
            if local[key] == incoming[key]:
                continue
            grid.addWidget(QLabel(self.tr(label)), row, 0, Qt.AlignmentFlag.AlignTop)
            for column, value in ((1, local[key]), (2, incoming[key])):
                shown = QLabel(self._show(key, value))
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                shown.setObjectName(f"{key}:{'mine' if column == 1 else 'pack'}")
                grid.addWidget(shown, row, column, Qt.AlignmentFlag.AlignTop)
            row += 1
        self.keep = QRadioButton(self.tr("Keep mine"))
        self.keep.setAccessibleName(self.tr("Keep my version of {0}").format(conflict.local.name))
        self.take = QRadioButton(self.tr("Take the pack's"))
        self.take.setAccessibleName(
            self.tr("Take the pack's version of {0}").format(conflict.local.name))
        self.keep.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep)
        group.addButton(self.take)
        choice = QHBoxLayout()
        choice.addWidget(self.keep)
        choice.addWidget(self.take)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(choice)

    def _show(self, key: str, value: object) -> str:
        if key == "type" and isinstance(value, str):
            return display_taxonomy().field("referral_type").label_for(value)
        if key == "confidential":
            return self.tr("Confidential") if value else self.tr("May be obliged to act")
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "—"
        return str(value) if value not in (None, "") else "—"

    def resolution(self) -> Resolution:
        return Resolution.TAKE if self.take.isChecked() else Resolution.KEEP


class ImportReviewDialog(QDialog):
    """What an import will do; for each conflict, keep mine or take the pack's."""

    def __init__(self, plan: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReviewDialog")
        self.setWindowTitle(self.tr("Import resource pack"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Import “{0}”").format(plan.pack_name))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.summary = QLabel(self.tr(
            "{0} new, {1} to update, {2} unchanged.").format(
                len(plan.new), len(plan.updated), len(plan.unchanged)))
        self.summary.setObjectName("importSummary")
        layout.addWidget(self.summary)
        self.choices: list[ConflictChoice] = []
        if plan.conflicts:
            intro = QLabel(self.tr(
                "You edited {0} that the pack also changes. Choose, for each, which version "
                "to keep. Your version stays unless you choose the pack's.").format(
                    self.tr("1 entry") if len(plan.conflicts) == 1
                    else self.tr("{0} entries").format(len(plan.conflicts))))
            intro.setWordWrap(True)
            layout.addWidget(intro)
            inner = QWidget()
            inner_layout = QVBoxLayout(inner)
            for conflict in plan.conflicts:
                choice = ConflictChoice(conflict)
                self.choices.append(choice)
                inner_layout.addWidget(choice)
            inner_layout.addStretch(1)
            scroll = QScrollArea()
            scroll.setAccessibleName(self.tr("Entries you edited that the pack changes"))
            scroll.setWidgetResizable(True)
            scroll.setWidget(inner)
            layout.addWidget(scroll, 1)
            all_row = QHBoxLayout()
            keep_all = QPushButton(self.tr("Keep all mine"))
            keep_all.clicked.connect(lambda: self._choose_all(keep=True))
            take_all = QPushButton(self.tr("Take all from pack"))
            take_all.clicked.connect(lambda: self._choose_all(keep=False))
            all_row.addWidget(keep_all)
            all_row.addWidget(take_all)
            all_row.addStretch(1)
            layout.addLayout(all_row)
            self.resize(760, min(640, 250 + 190 * len(plan.conflicts)))
        else:
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("&Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def resolutions(self) -> dict[str, Resolution]:
        return {choice.conflict.local.id: choice.resolution() for choice in self.choices}

    def _choose_all(self, *, keep: bool) -> None:
        for choice in self.choices:
            (choice.keep if keep else choice.take).setChecked(True)


class ExportDialog(QDialog):
    """Pack name, which entries, and where to write."""

    def __init__(self, total: int, selected: int, default_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export resource pack"))
        self.setMinimumWidth(520)
        self.name = QLineEdit(default_name)
        self.name.setObjectName("packName")
        self.name.setAccessibleName(self.tr("Pack name"))
        self.all_entries = QRadioButton(self.tr("&All entries ({0})").format(total))
        self.selected_entries = QRadioButton(
            self.tr("&Selected entries ({0})").format(selected))
        self.selected_entries.setEnabled(selected > 0)
        (self.selected_entries if selected > 1 else self.all_entries).setChecked(True)
        scope = QWidget()
        scope_layout = QVBoxLayout(scope)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        scope_layout.addWidget(self.all_entries)
        scope_layout.addWidget(self.selected_entries)
        self.path = QLineEdit()
        self.path.setObjectName("packPath")
        self.path.setAccessibleName(self.tr("File to write"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path, 1)
        path_layout.addWidget(browse)
        note = QLabel(self.tr("Supporters who import the pack see its name as the origin of "
                              "each entry. Packs hold directory entries only, never sessions."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("&Export"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(self._update)
        self.name.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(_grid([(self.tr("Pack &name:"), self.name),
                                (self.tr("Include:"), scope),
                                (self.tr("&File:"), path_row)]))
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._update()

    def _browse(self) -> None:
        chooser = QFileDialog(self, self.tr("Export resource pack"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setNameFilter(self.tr("Resource packs (*.json)"))
        chooser.setDefaultSuffix("json")
        chooser.fileSelected.connect(self.path.setText)
        chooser.open()

    def _update(self) -> None:
        self.export_button.setEnabled(bool(self.path.text().strip() and self.name.text().strip()))

    def only_selected(self) -> bool:
        return self.selected_entries.isChecked()
