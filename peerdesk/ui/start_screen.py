"""Before unlock: "Create your journal" on first start, the unlock screen afterwards."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.ui.i18n import message_text
from peerdesk.ui.style import tone_css
from peerdesk.vault.passphrase import Strength, strength_hint


def password_field(name: str, accessible: str) -> QLineEdit:
    """A passphrase entry: hidden text, named for screen readers."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible)
    field.setMinimumWidth(320)
    return field


CARD_WIDTH = 540


def labelled_grid(rows: Sequence[tuple[str, QWidget]]) -> QGridLayout:
    """Fields beside their labels (each label the field's buddy, so its mnemonic focuses it).
    A grid, not QFormLayout: QFormLayout squeezes its rows beside word-wrapped labels."""
    grid = QGridLayout()
    grid.setColumnStretch(1, 1)
    for row, (text, field) in enumerate(rows):
        label = QLabel(text)
        label.setBuddy(field)
        grid.addWidget(label, row, 0)
        grid.addWidget(field, row, 1)
    return grid


def _centre(page: QWidget, card: QFrame) -> None:
    """Place `card` in the middle of `page`, a little above centre."""
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addStretch(2)


def _guides_button() -> QPushButton:
    button = QPushButton(QApplication.translate("StartScreen", "Read the guides"))
    button.setObjectName("readGuidesButton")
    button.setAccessibleName(QApplication.translate("StartScreen", "Read the guides"))
    button.setToolTip(QApplication.translate(
        "StartScreen", "Guides and practice scenarios; no journal or passphrase needed"))
    return button


class _Card(QFrame):
    """A fixed-width panel whose height follows its wrapped text (height-for-width)."""

    def sizeHint(self) -> QSize:
        layout = self.layout()
        height = layout.heightForWidth(CARD_WIDTH) if layout is not None else 0
        return QSize(CARD_WIDTH, max(height, 0))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hasHeightForWidth(self) -> bool:
        # The width is fixed; without this the page layout asks for the height at *its* width.
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # new text (an error, say) may need more height: ask again
        return super().event(event)


def _set_wrapped_text(label: QLabel, text: str) -> None:
    """Set a word-wrapped label's text and reserve every line of it: the card's layout would
    otherwise keep the height of the previous, shorter text and cut the message off."""
    label.setText(text)
    width = label.width() if label.width() > 0 else CARD_WIDTH - 64
    label.setMinimumHeight(label.heightForWidth(width) if text else 0)


def _card(title: str, subtitle: str) -> tuple[QFrame, QVBoxLayout]:
    card = _Card()
    card.setObjectName("startCard")
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setFixedWidth(CARD_WIDTH)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(32, 28, 32, 28)
    layout.setSpacing(12)
    heading = QLabel(title)
    heading.setObjectName("startHeading")
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    heading.setFont(font)
    layout.addWidget(heading)
    intro = QLabel(subtitle)
    intro.setWordWrap(True)
    layout.addWidget(intro)
    return card, layout


class CreateJournalPage(QWidget):
    create_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card, layout = _card(
            self.tr("Create your journal"),
            self.tr("PeerDesk keeps your support sessions in one encrypted file on this computer. "
                    "Choose a passphrase to lock it."),
        )
        self.path_label = QLabel()
        self.path_label.setObjectName("journalPath")
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.path_label)

        self.passphrase = password_field("newPassphrase", self.tr("New passphrase"))
        self.repeat = password_field("repeatPassphrase", self.tr("Repeat passphrase"))
        self.passphrase.setAccessibleDescription(
            self.tr("A few unrelated words make a strong passphrase."))
        layout.addLayout(labelled_grid([(self.tr("&Passphrase:"), self.passphrase),
                                (self.tr("&Repeat:"), self.repeat)]))

        self.strength = QLabel()
        self.strength.setObjectName("strengthHint")
        self.strength.setWordWrap(True)
        layout.addWidget(self.strength)

        warning = QLabel(self.tr(
            "<b>Write your passphrase down somewhere safe.</b> If you forget it, only the "
            "recovery kit offered next opens this journal again — nobody else can: not "
            "PeerDesk, not your coordinator, not IT."))
        warning.setObjectName("forgetWarning")
        warning.setWordWrap(True)
        layout.addWidget(warning)

        self.error = QLabel()
        self.error.setObjectName("createError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(tone_css("error"))
        layout.addWidget(self.error)

        self.create_button = QPushButton(self.tr("Create journal"))
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        self.guides_button = _guides_button()  # reading needs no journal
        buttons = QHBoxLayout()
        buttons.addWidget(self.guides_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)

        _centre(self, card)

        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.passphrase.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self._submit)
        self.create_button.clicked.connect(self._submit)
        self._update()

    def set_journal_path(self, path: Path) -> None:
        self.path_label.setText(self.tr("The journal will be saved as {0}").format(path))

    def _update(self) -> None:
        first, second = self.passphrase.text(), self.repeat.text()
        if first:
            hint = strength_hint(first)
            self.strength.setText(message_text(hint.message))
        else:
            hint = None
            self.strength.setText(self.tr("A few unrelated words make a strong passphrase."))
        if second and first != second:
            self.error.setText(self.tr("The two passphrases differ."))
        else:
            self.error.setText("")
        self.create_button.setEnabled(
            bool(first) and first == second and hint is not None
            and hint.strength is not Strength.TOO_SHORT
        )

    def _submit(self) -> None:
        if self.create_button.isEnabled():
            self.set_busy(True)
            self.create_requested.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.passphrase, self.repeat, self.create_button):
            widget.setEnabled(not busy)
        if not busy:
            self._update()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        _set_wrapped_text(self.error, message)

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.error.clear()


class UnlockPage(QWidget):
    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card, layout = _card(self.tr("Unlock your journal"),
                             self.tr("Type your passphrase to open your journal."))
        self.path_label = QLabel()
        self.path_label.setObjectName("journalPath")
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.path_label)

        self.passphrase = password_field("unlockPassphrase", self.tr("Passphrase"))
        self.passphrase.setAccessibleDescription(
            self.tr("Type your passphrase to open your journal."))
        layout.addLayout(labelled_grid([(self.tr("&Passphrase:"), self.passphrase)]))

        self.error = QLabel()
        self.error.setObjectName("unlockError")
        self.error.setStyleSheet(tone_css("error"))
        self.error.setWordWrap(True)
        layout.addWidget(self.error)

        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.extra_buttons = QHBoxLayout()  # e.g. "Read the guides", added by other features
        self.guides_button = _guides_button()
        self.extra_buttons.addWidget(self.guides_button)
        buttons = QHBoxLayout()
        buttons.addLayout(self.extra_buttons)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)

        _centre(self, card)

        self.passphrase.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)

    def set_journal_path(self, path: Path) -> None:
        self.path_label.setText(self.tr("Journal: {0}").format(path))

    def _submit(self) -> None:
        if not self.passphrase.text():
            self.error.setText(self.tr("Type your passphrase first."))
            return
        self.set_busy(True)
        self.error.setText(self.tr("Unlocking…"))
        self.unlock_requested.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.passphrase.clear()
        _set_wrapped_text(self.error, message)
        self.passphrase.setFocus()

    def clear(self) -> None:
        self.passphrase.clear()
        self.error.clear()
        self.set_busy(False)


class StartScreen(QStackedWidget):
    """Shows the create page when no journal exists yet, the unlock page otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.create_page = CreateJournalPage()
        self.unlock_page = UnlockPage()
        self.addWidget(self.create_page)
        self.addWidget(self.unlock_page)
        self.guides_window: QWidget | None = None
        self.create_page.guides_button.clicked.connect(self.open_guides)
        self.unlock_page.guides_button.clicked.connect(self.open_guides)

    def open_guides(self) -> QWidget:
        """The guides in their own window, without a journal (progress is not stored)."""
        from peerdesk.ui.guides.standalone import GuideReaderWindow

        if self.guides_window is None:
            window = GuideReaderWindow(self.window())
            window.destroyed.connect(self._guides_closed)
            self.guides_window = window
        self.guides_window.show()
        if QApplication.platformName() != "offscreen":  # offscreen (tests) can't raise windows
            self.guides_window.raise_()
        self.guides_window.activateWindow()
        return self.guides_window

    def _guides_closed(self) -> None:
        self.guides_window = None

    def show_for(self, journal_path: Path) -> None:
        self.create_page.clear()
        self.unlock_page.clear()
        if journal_path.exists():
            self.unlock_page.set_journal_path(journal_path)
            self.setCurrentWidget(self.unlock_page)
            self.unlock_page.passphrase.setFocus()
        else:
            self.create_page.set_journal_path(journal_path)
            self.setCurrentWidget(self.create_page)
            self.create_page.passphrase.setFocus()
