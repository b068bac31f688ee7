"""Security features of the app window: auto-lock, clipboard guard, passphrase change,
backups and restore, retention, the damaged-file offer and one instance per journal."""

from peerdesk.ui.security.clipboard import clear_sensitive, copy_sensitive
from peerdesk.ui.security.guard import SecurityGuard, install_security, journal_menu_actions

__all__ = [
    "SecurityGuard",
    "clear_sensitive",
    "copy_sensitive",
    "install_security",
    "journal_menu_actions",
]
