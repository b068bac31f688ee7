"""The session editor: every field of a session, fast to fill with the keyboard alone.

Defaults make a first contact quick (today, in person, first contact, 30 minutes); each
multi-valued field is one tab stop (arrows move, Space ticks). The form reflows: two columns
when there is room, one when there is not, never a sideways scroll. The editor keeps a draft in
the vault every few seconds while it has changes, and asks before throwing changes away.

What the form means (session ↔ form state, time parsing, drafts) is plain Python in
`peerdesk.journal.session_form`; the sections are built in `editor_sections`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.journal.model import Session
from peerdesk.journal.peer_code import generate_peer_code, identifying_warnings
from peerdesk.journal.session_form import (
    DRAFT_PREFIX,
    NEW_DRAFT_KEY,
    FormState,
    PeerCodeLooksIdentifying,
    blank_form,
    draft_key,
    draft_payload,
    form_of,
    merge_draft,
    parse_time,
    session_from_form,
)
from peerdesk.referrals import ResourceRepository
from peerdesk.settings import Settings
from peerdesk.taxonomy import Taxonomy
from peerdesk.ui.events import AppEvents
from peerdesk.ui.i18n import display_taxonomy, message_text
from peerdesk.ui.journal.editor_sections import DateField, EditorSections
from peerdesk.ui.journal.form_fields import FormFields
from peerdesk.ui.messages import show_error
from peerdesk.ui.shortcuts import add_shortcut
from peerdesk.ui.style import notice_css, tone, tone_css
from peerdesk.vault import VaultCheckPendingError, VaultDamagedError, VaultLockedError

__all__ = ["DRAFT_INTERVAL_MS", "DRAFT_PREFIX", "NEW_DRAFT_KEY", "DateField", "SessionEditor",
           "draft_key", "parse_time"]

DRAFT_INTERVAL_MS = 3000
BODY_MARGIN = 16
COLUMN_SPACING = 16


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


class SessionEditor(EditorSections, QWidget):
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
        events: AppEvents | None = None,
        taxonomy: Taxonomy | None = None,
        referrals: ResourceRepository | None = None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        QWidget.__init__(self, parent)
        self.settings = settings  # the crisis line and emergency number; None: not shown
        self.setObjectName("sessionEditor")
        self.referrals = referrals  # the referral directory; None: referrals by type only
        self.referral_picker = None
        self.repository = repository
        self.drafts = drafts
        self.org_units = [unit for unit in org_units if unit]
        self.events = events  # None: nothing else to reach (no guide links, no live picker)
        self.taxonomy = taxonomy or display_taxonomy()  # labels only; codes are stored
        self.original: Session | None = None
        self._baseline: FormState = {}
        self._last_draft: FormState | None = None
        self._loading = False
        self.close_prompt: QMessageBox | None = None
        self._after_close: Callable[[], object] | None = None
        self.fields = FormFields(self.fields_changed)

        self._build()
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # always, for a widget; `instance()` is typed loosely
            app.focusChanged.connect(self._focus_changed)
        self.new_session()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())

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

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("editorScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        body.setObjectName("editorBody")
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        page = QVBoxLayout(body)
        page.setContentsMargins(BODY_MARGIN, 12, BODY_MARGIN, BODY_MARGIN)
        page.setSpacing(12)
        # Two columns side by side when there is room, stacked when not (see _reflow).
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(COLUMN_SPACING)
        self.left_column = QVBoxLayout()
        self.left_column.setSpacing(12)
        self.right_column = QVBoxLayout()
        self.right_column.setSpacing(12)
        self.columns.addLayout(self.left_column, 1)
        self.columns.addLayout(self.right_column, 1)
        page.addLayout(self.columns)

        for build in (self._build_when_section, self._build_peer_section,
                      self._build_happening_section):
            self.left_column.addWidget(build())
        self.left_column.addStretch(1)
        for build in (self._build_safety_section, self._build_support_section,
                      self._build_consent_section):
            self.right_column.addWidget(build())
        self.right_column.addStretch(1)
        page.addWidget(self._build_notes_section())

        self.generate_button.clicked.connect(self.generate_code)
        self.consent_group.buttonToggled.connect(self._consent_toggled)
        self._set_tab_order()
        add_shortcut(self, "editor.save", self.save)
        add_shortcut(self, "editor.close", lambda: self.request_close())
        add_shortcut(self, "editor.timeline", self.request_timeline)

    def _build_header(self) -> QWidget:
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
        self.timeline_button = QPushButton(self.tr("Peer timeline"))
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
        return header

    def _focus_chain(self) -> list[QWidget]:
        return [*self.fields.focus_chain(), self.save_button, self.close_button,
                self.timeline_button, self.delete_button]

    def _set_tab_order(self) -> None:
        for first, second in itertools.pairwise(self._focus_chain()):
            QWidget.setTabOrder(first, second)

    # -- layout ---------------------------------------------------------------------------------

    def two_column_width(self) -> int:
        """The narrowest body that still shows both columns without squeezing either."""
        left = self.left_column.sizeHint().width()
        right = self.right_column.sizeHint().width()
        return 2 * max(left, right) + COLUMN_SPACING + 2 * BODY_MARGIN

    def is_two_columns(self) -> bool:
        return self.columns.direction() == QBoxLayout.Direction.LeftToRight

    def _reflow(self) -> None:
        room = self.scroll_area.width() - self.scroll_area.verticalScrollBar().sizeHint().width()
        wanted = (QBoxLayout.Direction.LeftToRight if room >= self.two_column_width()
                  else QBoxLayout.Direction.TopToBottom)
        if self.columns.direction() != wanted:
            self.columns.setDirection(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Mnemonics and the keyboard may land on a field below the fold: bring it into view.
        body = self.scroll_area.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new, 16, 24)

    # -- state --------------------------------------------------------------------------------

    def state(self) -> FormState:
        """Everything on screen as JSON-ready values (the draft payload and the dirty check)."""
        return {"id": self.original.id if self.original else None, **self.fields.read()}

    def _apply_state(self, state: Mapping[str, Any]) -> None:
        self._loading = True
        try:
            self.fields.write(state)
        finally:
            self._loading = False
        self._refresh_derived()

    def build_session(self) -> Session:
        """The session on screen; raises `PeerDeskError` with what to fix."""
        return session_from_form(self.state(), self.original)

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
        self._open(blank_form(today))

    def open_session(self, session: Session) -> None:
        self.original = session
        self._open(form_of(session))

    def restore_draft(self, payload: Mapping[str, Any], original: Session | None) -> None:
        """Open a draft on top of its session (or a new one); the editor starts out changed."""
        self.original = original
        baseline = form_of(original) if original else blank_form()
        self._open(baseline)
        state = payload.get("state")
        if isinstance(state, Mapping):
            self._apply_state(merge_draft(baseline, state))
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
        self.scroll_area.verticalScrollBar().setValue(0)
        self.scroll_area.horizontalScrollBar().setValue(0)
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

    def fields_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._refresh_derived()

    def _consent_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked and not self._loading:
            self._set_consent_highlight(False)
            if self.message.isVisible():
                self.message.setVisible(False)
        self.fields_changed()

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
        warnings = list(identifying_warnings(self.peer_code.text().strip()))
        self.peer_warning.setText("⚠ " + " ".join(str(w) for w in warnings) if warnings else "")
        self.peer_warning.setVisible(bool(warnings))
        self.peer_confirm.setVisible(bool(warnings))
        if not warnings and self.peer_confirm.isChecked():
            self.peer_confirm.setChecked(False)  # a new flagged code is confirmed afresh

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
            if isinstance(error, PeerCodeLooksIdentifying):
                self.peer_code.setFocus(Qt.FocusReason.OtherFocusReason)
            elif self.state()["consent"] is None:
                self._set_consent_highlight(True)
                self.scroll_area.ensureWidgetVisible(self.consent_box)
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
        self._baseline = form_of(stored)
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
        payload = draft_payload(state, self.heading.text(), dt.datetime.now())
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

    def request_close(self, then: Callable[[], object] | None = None) -> bool:
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
                      then: Callable[[], object] | None = None) -> None:
        if choice == QMessageBox.StandardButton.Save:
            if self.save() is None:
                return  # the message says what to fix; stay
            self._leave(then)
        elif choice == QMessageBox.StandardButton.Discard:
            self.discard_draft()
            self._baseline = self.state()
            self._leave(then)

    def _leave(self, then: Callable[[], object] | None) -> None:
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
