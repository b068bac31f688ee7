import pytest

from peerdesk.vault.passphrase import (
    PassphraseError,
    Strength,
    key_pragma_literal,
    normalize_passphrase,
    strength_hint,
)


def test_quotes_are_doubled_in_the_key_literal() -> None:
    assert key_pragma_literal("it's") == "'it''s'"


def test_empty_is_refused() -> None:
    with pytest.raises(PassphraseError, match="empty"):
        normalize_passphrase("")


@pytest.mark.parametrize(
    ("passphrase", "expected"),
    [
        ("short", Strength.TOO_SHORT),
        ("password12", Strength.WEAK),
        ("aaaaaaaaaaaa", Strength.WEAK),
        ("lanternriver", Strength.WEAK),
        ("Lantern-riv7", Strength.FAIR),
        ("lantern river quietly orange", Strength.STRONG),
    ],
)
def test_strength_hint_grades(passphrase: str, expected: Strength) -> None:
    assert strength_hint(passphrase).strength is expected
