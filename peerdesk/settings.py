"""Every user setting, declared once as data; the settings dialog is built from this list.

Values live inside the encrypted journal (`settings` table), because some reveal something
(org units, say). Window geometry is not a setting: it lives in `paths.ui_state_file()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from peerdesk.errors import PeerDeskError
from peerdesk.translation import Message, msg


class SettingsBackend(Protocol):
    def read_setting(self, key: str) -> Any | None: ...
    def write_setting(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: Any
    type: type  # bool, int, str or list (a list of strings)
    label: str
    group: str
    help: str = ""
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()  # shown instead of the codes in `choices`


SETTINGS: tuple[SettingDef, ...] = (
    SettingDef("auto_lock_minutes", 5, int, "Lock after idle minutes", "Security",
               "Lock the journal after this many minutes without input (0 turns it off).", 0, 240),
    SettingDef("lock_on_minimise", False, bool, "Lock when minimised", "Security"),
    SettingDef("clipboard_clear_seconds", 30, int, "Clear copied text after seconds", "Security",
               "Text copied from a session is cleared from the clipboard after this long "
               "(0 keeps it).", 0, 600),
    SettingDef("crisis_line", "", str, "Crisis line", "Safety",
               "The crisis or support line the escalation steps show when someone may be at "
               "risk, e.g. a national helpline. Leave empty if there is none."),
    SettingDef("emergency_number", "", str, "Local emergency number", "Safety",
               "The number for immediate danger where you work, e.g. 112, 999 or 911."),
    SettingDef("org_units", [], list, "Organisation units", "Export",
               "Units the coordinator supplies; a summary names yours only when it is on this "
               "list. Empty: no unit is exported."),
    SettingDef("disclosure_threshold", 5, int, "Smallest count shown", "Reports",
               "Program figures are rounded to multiples of this; counts from 1 to this minus "
               "one are shown as '<k'.", 4, 50),
    SettingDef("backups_keep", 7, int, "Automatic backups to keep", "Backups",
               "Daily encrypted backups kept in the data folder (0 turns them off).", 0, 90),
    SettingDef("retention_months", 0, int, "Delete sessions older than months", "Retention",
               "Off when 0. You are shown how many sessions will go before anything is deleted.",
               0, 240),
    SettingDef("stale_resource_months", 12, int, "Warn on resources unverified for months",
               "Resources", minimum=1, maximum=120),
    SettingDef("language", "system", str, "Language", "Appearance",
               choices=("system", "en", "es"),
               choice_labels=("As the system", "English", "Español")),
    SettingDef("default_workspace", "journal", str, "Open at start", "Appearance",
               choices=("journal", "follow_ups", "resources", "guides", "program"),
               choice_labels=("Journal", "Follow-ups", "Resources", "Guides", "Program")),
)

MAX_TEXT_SETTING = 80
# Not a setting the dialog shows: whether the supporter was asked for the safety numbers once.
SAFETY_NUMBERS_ASKED = "safety_numbers_asked"
PEER_CODE_REVIEW_DONE = "peer_code_review_done"

_BY_KEY = {definition.key: definition for definition in SETTINGS}


def setting_def(key: str) -> SettingDef:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown setting {key!r}") from None


def label_message(definition: SettingDef) -> Message:
    """The setting's label as a part of a message. A label is data, not a `msg()` literal, so
    `peerdesk.ui.i18n.declared_strings` declares every label in the messages context too."""
    return Message(definition.label, {})


def validate_setting(key: str, value: Any) -> Any:
    """Return `value` if it fits the declaration, else raise a clear `PeerDeskError`."""
    definition = setting_def(key)
    setting = label_message(definition)
    if definition.type is list:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PeerDeskError(msg("'{setting}' must be a list of names.", setting=setting))
        return [v.strip() for v in value if v.strip()]
    if definition.type is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise PeerDeskError(msg("'{setting}' must be a whole number.", setting=setting))
    if not isinstance(value, definition.type):
        raise PeerDeskError(msg("'{setting}' has the wrong kind of value.", setting=setting))
    if isinstance(value, str) and not definition.choices:
        value = value.strip()
        if len(value) > MAX_TEXT_SETTING:
            raise PeerDeskError(msg("'{setting}' must be at most {maximum} characters.",
                                    setting=setting, maximum=MAX_TEXT_SETTING))
    if isinstance(value, int) and definition.minimum is not None and value < definition.minimum:
        raise PeerDeskError(msg("'{setting}' must be at least {minimum}.", setting=setting,
                                minimum=definition.minimum))
    if isinstance(value, int) and definition.maximum is not None and value > definition.maximum:
        raise PeerDeskError(msg("'{setting}' must be at most {maximum}.", setting=setting,
                                maximum=definition.maximum))
    if definition.choices and value not in definition.choices:
        raise PeerDeskError(msg("'{setting}' must be one of: {choices}.", setting=setting,
                                choices=", ".join(definition.choices)))
    return value


class Settings:
    """Typed access to the declared settings of one open journal."""

    def __init__(self, backend: SettingsBackend) -> None:
        self._backend = backend

    def get(self, key: str) -> Any:
        definition = setting_def(key)
        stored = self._backend.read_setting(key)
        if stored is None:
            return definition.default
        try:
            return validate_setting(key, stored)
        except PeerDeskError:
            return definition.default

    def set(self, key: str, value: Any) -> None:
        self._backend.write_setting(key, validate_setting(key, value))

    def marked(self, marker: str) -> bool:
        """Whether a one-time step (a question asked, a review done) happened in this journal.
        Markers are not settings: the dialog never shows them."""
        if marker in _BY_KEY:
            raise KeyError(f"{marker!r} is a setting, not a marker")
        return bool(self._backend.read_setting(marker))

    def mark(self, marker: str) -> None:
        if marker in _BY_KEY:
            raise KeyError(f"{marker!r} is a setting, not a marker")
        self._backend.write_setting(marker, True)
