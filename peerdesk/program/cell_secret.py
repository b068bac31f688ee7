"""The cell-key secret: random bytes kept only in the coordinator's encrypted journal.

Report readers never see it, so they cannot tell which way a figure was rounded. It is made
once, before the first summary is imported, and stays (the same figures then round the same way
in every later report). It travels with the journal and its backups.
"""

from __future__ import annotations

import secrets
from typing import Final, Protocol

from peerdesk.program.disclosure import SECRET_BYTES, DisclosureError
from peerdesk.translation import msg

SETTING_KEY: Final = "program_cell_key"


class SettingsStore(Protocol):
    def read_setting(self, key: str) -> object | None: ...

    def write_setting(self, key: str, value: object) -> None: ...


def cell_key_secret(vault: SettingsStore, *, figures_held: bool = True) -> bytes:
    """The journal's cell-key secret, made and stored on first use.

    Imports make it before anything is counted. A journal that holds no figures yet gets a
    one-off secret that is not stored: every figure is zero, so nothing can round either way,
    and a report then never has to write to the journal (it may be read-only)."""
    stored = vault.read_setting(SETTING_KEY)
    if stored is None:
        secret = secrets.token_bytes(SECRET_BYTES)
        if figures_held:
            vault.write_setting(SETTING_KEY, secret.hex())
        return secret
    try:
        secret = bytes.fromhex(stored) if isinstance(stored, str) else b""
    except ValueError:
        secret = b""
    if len(secret) < SECRET_BYTES:
        raise DisclosureError(msg(
            "The journal's rounding key is damaged. Restore the journal from a backup."))
    return secret
