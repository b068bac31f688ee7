"""Settings declared once as data: defaults, validation with clear messages, values kept in
the encrypted journal, and one-time markers kept apart from settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from peerdesk.errors import PeerDeskError
from peerdesk.settings import (
    MAX_TEXT_SETTING,
    PEER_CODE_REVIEW_DONE,
    SETTINGS,
    Settings,
    setting_def,
    validate_setting,
)
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


def test_every_declared_default_fits_its_own_declaration() -> None:
    for definition in SETTINGS:
        assert validate_setting(definition.key, definition.default) == definition.default
        assert len(definition.choice_labels) == len(definition.choices), definition.key
    assert len({definition.key for definition in SETTINGS}) == len(SETTINGS)


def test_an_empty_journal_reads_every_default(vault: Vault) -> None:
    settings = Settings(vault)
    for definition in SETTINGS:
        assert settings.get(definition.key) == definition.default


def test_a_set_value_is_kept_in_the_journal(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE) as vault:
        Settings(vault).set("auto_lock_minutes", 15)
        Settings(vault).set("org_units", ["  North ", "", "South"])
        Settings(vault).set("crisis_line", "  0800 123 456 ")
    with Vault.open(journal_path, PASSPHRASE) as vault:
        settings = Settings(vault)
        assert settings.get("auto_lock_minutes") == 15
        assert settings.get("org_units") == ["North", "South"]
        assert settings.get("crisis_line") == "0800 123 456"


@pytest.mark.parametrize(("key", "value", "says"), [
    ("auto_lock_minutes", True, "'Lock after idle minutes' must be a whole number."),
    ("auto_lock_minutes", "5", "'Lock after idle minutes' must be a whole number."),
    ("auto_lock_minutes", 241, "'Lock after idle minutes' must be at most 240."),
    ("disclosure_threshold", 3, "'Smallest count shown' must be at least 4."),
    ("lock_on_minimise", 1, "'Lock when minimised' has the wrong kind of value."),
    ("org_units", ["North", 7], "'Organisation units' must be a list of names."),
    ("crisis_line", "9" * (MAX_TEXT_SETTING + 1),
     f"'Crisis line' must be at most {MAX_TEXT_SETTING} characters."),
    ("language", "fr", "'Language' must be one of: system, en, es."),
])
def test_a_bad_value_is_refused_by_name_and_nothing_is_written(
        vault: Vault, key: str, value: Any, says: str) -> None:
    settings = Settings(vault)
    with pytest.raises(PeerDeskError) as refused:
        settings.set(key, value)
    assert str(refused.value) == says
    assert vault.read_setting(key) is None
    assert settings.get(key) == setting_def(key).default


def test_a_stored_value_that_no_longer_fits_reads_as_the_default(vault: Vault) -> None:
    vault.write_setting("auto_lock_minutes", 10_000)  # e.g. written by a version with no maximum
    vault.write_setting("language", "fr")
    settings = Settings(vault)
    assert settings.get("auto_lock_minutes") == 5
    assert settings.get("language") == "system"


def test_an_unknown_setting_is_a_key_error(vault: Vault) -> None:
    with pytest.raises(KeyError, match="unknown setting 'auto_lock'"):
        Settings(vault).get("auto_lock")
    with pytest.raises(KeyError, match="unknown setting 'auto_lock'"):
        Settings(vault).set("auto_lock", 5)


def test_markers_are_one_time_steps_kept_apart_from_settings(vault: Vault) -> None:
    settings = Settings(vault)
    assert not settings.marked(PEER_CODE_REVIEW_DONE)
    settings.mark(PEER_CODE_REVIEW_DONE)
    assert Settings(vault).marked(PEER_CODE_REVIEW_DONE)
    with pytest.raises(KeyError, match="is a setting, not a marker"):
        settings.mark("language")
    with pytest.raises(KeyError, match="is a setting, not a marker"):
        settings.marked("language")
