"""The cell-key secret lives in the journal: made once, kept, refused when damaged."""

from __future__ import annotations

import pytest

from peerdesk.program.cell_secret import SETTING_KEY, cell_key_secret
from peerdesk.program.disclosure import DisclosureError
from peerdesk.vault import Vault


def test_made_once_and_kept(vault: Vault) -> None:
    assert vault.read_setting(SETTING_KEY) is None
    first = cell_key_secret(vault)
    assert len(first) == 32
    assert cell_key_secret(vault) == first
    assert vault.read_setting(SETTING_KEY) == first.hex()


def test_a_damaged_secret_is_refused(vault: Vault) -> None:
    vault.write_setting(SETTING_KEY, "not hex")
    with pytest.raises(DisclosureError, match="rounding key is damaged"):
        cell_key_secret(vault)
