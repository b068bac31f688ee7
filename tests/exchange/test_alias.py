"""The supporter alias travels in every summary file, so it must never identify anyone."""

from __future__ import annotations

import pytest

from peerdesk.exchange.alias import AliasRefused, clean_alias
from peerdesk.exchange.format import MAX_ALIAS_LENGTH


def test_an_alias_is_kept_as_written_with_single_spaces() -> None:
    assert clean_alias("  finance   2 ") == "finance 2"
    assert clean_alias("cafe\u0301-3") == "café-3"  # NFC, so the same alias compares equal


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_no_alias_is_none(empty: str | None) -> None:
    assert clean_alias(empty) is None


@pytest.mark.parametrize("hidden", ["team\u202e2", "team\u200b2", "team\n2", "team\x002"])
def test_control_and_direction_characters_are_refused(hidden: str) -> None:
    with pytest.raises(AliasRefused, match="control or direction-changing characters"):
        clean_alias(hidden)


def test_a_long_alias_is_refused() -> None:
    clean_alias("x" * MAX_ALIAS_LENGTH)
    with pytest.raises(AliasRefused, match=f"longer than {MAX_ALIAS_LENGTH} characters"):
        clean_alias("x" * (MAX_ALIAS_LENGTH + 1))


@pytest.mark.parametrize("identifying", ["jane.doe@example.org", "+44 20 7946 0958"])
def test_an_alias_that_could_identify_someone_is_refused(identifying: str) -> None:
    with pytest.raises(AliasRefused) as refused:
        clean_alias(identifying)
    assert "looks like a name, an e-mail address or a phone number" in str(refused.value)
    assert "Use a label that identifies no one" in str(refused.value)
