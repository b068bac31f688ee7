"""Peer codes: generated codes look safe; identifying text is warned about."""

from __future__ import annotations

import random

import pytest

from peerdesk.journal.peer_code import (
    EMAIL_WARNING,
    NAME_WARNING,
    PHONE_WARNING,
    generate_peer_code,
    identifying_warnings,
)


def test_generated_codes_are_memorable_and_never_warn() -> None:
    rng = random.Random(7)
    codes = [generate_peer_code(rng) for _ in range(2000)]
    for code in codes:
        adjective, noun, number = code.split("-")
        assert adjective.isalpha()
        assert adjective.islower()
        assert noun.isalpha()
        assert noun.islower()
        assert 10 <= int(number) <= 99
        assert identifying_warnings(code) == [], code
    assert len(set(codes)) > 1500


def test_generation_is_deterministic_with_a_seed_and_random_without() -> None:
    assert generate_peer_code(random.Random(1)) == generate_peer_code(random.Random(1))
    assert len({generate_peer_code() for _ in range(20)}) > 1


@pytest.mark.parametrize("text", ["maria.lopez@example.org", "contact: j_s@firm.co.uk"])
def test_email_warns(text: str) -> None:
    assert identifying_warnings(text) == [EMAIL_WARNING]


@pytest.mark.parametrize(
    "text", ["+44 20 7946 0958", "020 7946 0958", "(555) 123-4567", "07700 900123",
             "tel 555-123-4567", "+1 415 555 2671", "555 1234", "p-1234567"],
)
def test_phone_warns(text: str) -> None:
    assert identifying_warnings(text) == [PHONE_WARNING]


@pytest.mark.parametrize(
    "text", ["Maria", "John Smith", "O'Neil", "Zoë", "smith-Jones", "Anne-Marie", "the Smiths"],
)
def test_name_warns(text: str) -> None:
    assert identifying_warnings(text) == [NAME_WARNING]


@pytest.mark.parametrize(
    "text", ["", "amber-heron-27", "blue fox 3", "p-0042", "AB12", "2024-03-01", "fox 12",
             "HR", "quiet-otter", "123 456", "fox 123456"],
)
def test_safe_codes_do_not_warn(text: str) -> None:
    assert identifying_warnings(text) == []


def test_warnings_are_kind_and_say_what_to_do() -> None:
    for warning in (EMAIL_WARNING, PHONE_WARNING, NAME_WARNING):
        assert "made-up code" in warning
        assert warning.endswith(".")
