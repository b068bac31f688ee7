"""Import contact log (CSV): choose a file → dry run (count, first rows, every problem) →
import, all or nothing → result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from peerdesk.errors import PeerDeskError
from peerdesk.journal.csv_import import (
    COLUMNS,
    REQUIRED_COLUMNS,
    CsvParseResult,
    import_sessions,
    parse_csv,
)
from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.taxonomy import Taxonomy, default_taxonomy
from peerdesk.ui.i18n import message_text
from peerdesk.ui.journal.timeline import notes_excerpt
from peerdesk.ui.style import tone_css
from peerdesk.ui.tasks import Progress, run_in_background
from peerdesk.vault import Vault

PREVIEW_ROWS = 50


def _wrapped(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class ChooseFilePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose your contact log"))
        self.setSubTitle(self.tr("A CSV file with one session per row and a header row that "
                                 "names the columns."))
        intro = _wrapped(self.tr(
            "Columns are found by name, in any order. Required: {0}. Coded columns (channel, "
            "behaviours, …) accept the code or its label; separate several values with ';'. "
            "Nothing is added until you have seen a preview, and then only if every row is "
            "good. Other columns it reads: {1}.").format(
                ", ".join(REQUIRED_COLUMNS),
                ", ".join(c for c in COLUMNS if c not in REQUIRED_COLUMNS)))
        self.path = QLineEdit()
        self.path.setObjectName("csvPath")
        self.path.setAccessibleName(self.tr("CSV file"))
        self.path.setPlaceholderText(self.tr("/path/to/contact-log.csv"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("B&rowse…"))
        browse.setObjectName("csvBrowse")
        browse.setAccessibleName(self.tr("Choose the CSV file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        label = QLabel(self.tr("&File:"))
        label.setBuddy(self.path)
        row.addWidget(label)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addLayout(row)
        self.allow_identifying = QCheckBox(self.tr(
            "&Keep peer codes that look like names, e-mail addresses or phone numbers"))
        self.allow_identifying.setObjectName("csvAllowIdentifying")
        self.allow_identifying.setToolTip(self.tr(
            "Only if you are sure they identify no one. Otherwise each such row is listed as a "
            "problem so you can replace the code."))
        layout.addWidget(self.allow_identifying)
        layout.addStretch(1)
        self.dialog: QFileDialog | None = None

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a contact log"))
        dialog.setNameFilters([self.tr("CSV files (*.csv *.txt)"), self.tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.path.setText)
        self.dialog = dialog
        dialog.open()

    def selected_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def isComplete(self) -> bool:
        text = self.path.text().strip()
        return bool(text) and self.selected_path().is_file()


class PreviewPage(QWizardPage):
    """The dry run: what would be added, and every problem with its row number."""

    checked = Signal()

    def __init__(self, taxonomy: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.result: CsvParseResult | None = None
        self.running = False
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been added yet."))
        self.setCommitPage(True)
        self.summary = _wrapped("", "csvSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.rows = QTreeWidget()
        self.rows.setObjectName("csvPreviewRows")
        self.rows.setAccessibleName(self.tr("Sessions that would be added"))
        self.rows.setRootIsDecorated(False)
        self.rows.setAlternatingRowColors(True)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rows.setHeaderLabels([self.tr("Date"), self.tr("Peer code"), self.tr("How"),
                                   self.tr("What is happening"), self.tr("Counted"),
                                   self.tr("Notes")])
        header = self.rows.header()
        for column, width in ((0, 96), (1, 150), (2, 120), (3, 220), (4, 72)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.rows.setStyleSheet("QTreeWidget::item { padding: 2px; }")
        self.errors_label = _wrapped(self.tr("Problems to fix in the file (nothing will be "
                                             "added until every row is good):"))
        self.errors_label.setStyleSheet(tone_css("error"))
        self.errors = QListWidget()
        self.errors.setObjectName("csvErrors")
        self.errors.setAccessibleName(self.tr("Problems found in the file"))
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.recheck = QPushButton(self.tr("Check &again"))
        self.recheck.setObjectName("csvRecheck")
        self.recheck.setAccessibleName(self.tr("Check the file again"))
        self.recheck.clicked.connect(self.run_check)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.recheck)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.rows, 2)
        layout.addWidget(self.errors_label)
        layout.addWidget(self.errors, 1)
        layout.addLayout(bottom)

    def initializePage(self) -> None:
        self.run_check()

    def _path(self) -> Path:
        wizard = self.wizard()
        assert isinstance(wizard, CsvImportWizard)
        return wizard.choose_page.selected_path()

    def _allow_identifying(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, CsvImportWizard)
        return wizard.choose_page.allow_identifying.isChecked()

    def run_check(self) -> None:
        path = self._path()
        taxonomy = self.taxonomy
        allow_identifying = self._allow_identifying()
        self.result = None
        self.running = True
        self.rows.clear()
        self.errors.clear()
        self.errors_label.setVisible(False)
        self.errors.setVisible(False)
        self.summary.setText(self.tr("Checking {0}…").format(path.name))
        self.completeChanged.emit()

        def check(_: Progress) -> CsvParseResult:
            return parse_csv(path, taxonomy, allow_identifying_codes=allow_identifying)

        run_in_background(self, self.tr("Checking the file…"), check, self._checked,
                          self._failed, show_progress=False)

    def _checked(self, result: CsvParseResult) -> None:
        self.running = False
        self.result = result
        if result.errors:
            problems = len(result.errors)
            found = (self.tr("1 problem found.") if problems == 1 else
                     self.tr("{0} problems found.").format(problems))
            self.summary.setText(found + " " + self.tr(
                "Nothing will be added until the file is fixed: fix it in your spreadsheet, "
                "save it, then check again."))
        elif not result.sessions:
            self.summary.setText(self.tr("The file has no sessions to add."))
        else:
            count = len(result.sessions)
            text = (self.tr("1 session will be added.") if count == 1 else
                    self.tr("{0} sessions will be added.").format(count))
            if count > PREVIEW_ROWS:
                text += " " + self.tr("The first {0} are shown.").format(PREVIEW_ROWS)
            self.summary.setText(text)
        for session in result.sessions[:PREVIEW_ROWS]:
            self.rows.addTopLevelItem(self._item(session))
        self.rows.setVisible(bool(result.sessions))
        for error in result.errors:
            self.errors.addItem(message_text(error.text))
        self.errors_label.setVisible(bool(result.errors))
        self.errors.setVisible(bool(result.errors))
        self.completeChanged.emit()
        self.checked.emit()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.result = None
        if not isinstance(error, PeerDeskError):
            raise error
        self.summary.setText(message_text(error))
        self.rows.setVisible(False)
        self.completeChanged.emit()
        self.checked.emit()

    def _item(self, session: Session) -> QTreeWidgetItem:
        tax = self.taxonomy
        field = tax.field("behaviour")
        behaviours = ", ".join(field.label_for(c) for c in field.codes()
                               if c in session.behaviours)
        return QTreeWidgetItem([
            session.date.isoformat(), session.peer_code,
            tax.field("channel").label_for(session.channel), behaviours,
            self.tr("Yes") if session.consent_to_count else self.tr("No"),
            notes_excerpt(session.notes, 80),
        ])

    def isComplete(self) -> bool:
        return not self.running and self.result is not None and self.result.ok


class ResultPage(QWizardPage):
    done = Signal(int)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.added: int | None = None
        self.failed = False
        self.setTitle(self.tr("Import"))
        self.message = _wrapped("", "csvResult")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, CsvImportWizard)
        result = wizard.preview_page.result
        sessions = list(result.sessions) if result is not None else []
        vault = self.vault
        self.message.setText(self.tr("Adding 1 session…") if len(sessions) == 1 else
                             self.tr("Adding {0} sessions…").format(len(sessions)))

        def add(_: Progress) -> int:
            # A worker thread uses its own connection, never the GUI's.
            connection = vault.connect_another()
            try:
                return import_sessions(SessionRepository(vault, connection=connection),
                                       sessions)
            finally:
                connection.close()

        run_in_background(self, self.tr("Importing…"), add, self._added, self._failed,
                          show_progress=False)

    def _added(self, count: int) -> None:
        self.added = count
        self.setTitle(self.tr("Imported"))
        self.message.setText(self.tr("Added 1 session to your journal.") if count == 1 else
                             self.tr("Added {0} sessions to your journal.").format(count))
        self.completeChanged.emit()
        self.done.emit(count)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, PeerDeskError):
            raise error
        self.failed = True
        self.setTitle(self.tr("Not imported"))
        self.message.setText(self.tr("Nothing was added. {0}").format(message_text(error)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.added is not None or self.failed


class CsvImportWizard(QWizard):
    """Emits `imported(count)` once sessions were added."""

    imported = Signal(int)

    def __init__(self, vault: Vault, *, taxonomy: Taxonomy | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportWizard")
        self.setWindowTitle(self.tr("Import contact log (CSV)"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.resize(900, 600)
        self.choose_page = ChooseFilePage()
        self.preview_page = PreviewPage(taxonomy or default_taxonomy())
        self.result_page = ResultPage(vault)
        self.result_page.done.connect(self.imported)
        self.addPage(self.choose_page)
        self.addPage(self.preview_page)
        self.addPage(self.result_page)
        self.setWindowModality(Qt.WindowModality.WindowModal)
