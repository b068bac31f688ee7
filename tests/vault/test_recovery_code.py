"""The recovery code: enough randomness, readable groups, and typos caught before any key work."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.vault.recovery_code import (
    ALPHABET,
    CODE_LENGTH,
    GROUP_LENGTH,
    GROUPS,
    RANDOM_BITS,
    RANDOM_VALUES,
    RecoveryCode,
    RecoveryCodeError,
    generate_recovery_code,
    groups_to_confirm,
    mistyped_groups,
    parse_recovery_code,
    recovery_code_from_values,
)

codes = st.builds(recovery_code_from_values,
                  st.lists(st.integers(0, 31), min_size=RANDOM_VALUES, max_size=RANDOM_VALUES))


def test_a_code_carries_at_least_128_random_bits_in_groups_for_reading_aloud() -> None:
    assert RANDOM_BITS >= 128
    code = generate_recovery_code()
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{5}-){6}[0-9A-HJKMNP-TV-Z]{5}", str(code))
    assert len(code.groups) == GROUPS


def test_codes_are_never_repeated() -> None:
    assert len({generate_recovery_code().canonical for _ in range(200)}) == 200


def test_the_secret_stays_out_of_repr() -> None:
    code = generate_recovery_code()
    assert code.groups[0] not in repr(code)


@given(codes, st.sampled_from(["lower", "spaces", "none", "mixed"]))
def test_case_spaces_and_dashes_do_not_matter(code: RecoveryCode, style: str) -> None:
    text = {
        "lower": str(code).lower(),
        "spaces": " ".join(code.groups),
        "none": code.canonical,
        "mixed": "  " + " - ".join(g.lower() for g in code.groups) + "\n",
    }[style]
    assert parse_recovery_code(text) == code


def test_letters_that_look_like_digits_are_read_as_digits() -> None:
    code = generate_recovery_code()
    looks_alike = code.canonical.replace("0", "O").replace("1", "l")
    assert parse_recovery_code(looks_alike) == code


@given(codes, st.integers(0, CODE_LENGTH - 1), st.sampled_from(ALPHABET))
def test_every_single_character_typo_is_caught_and_its_group_named(
        code: RecoveryCode, position: int, replacement: str) -> None:
    original = code.canonical
    if original[position] == replacement:
        return
    typed = original[:position] + replacement + original[position + 1:]
    with pytest.raises(RecoveryCodeError, match=rf"^Group {position // GROUP_LENGTH + 1} "):
        parse_recovery_code(typed)


def test_no_single_typo_or_neighbour_swap_turns_one_code_into_another() -> None:
    """Exhaustively, for a few codes: every substitution at every position, every swap."""
    for _ in range(5):
        original = generate_recovery_code().canonical
        variants = {original[:i] + c + original[i + 1:]
                    for i in range(CODE_LENGTH) for c in ALPHABET}
        variants |= {original[:i] + original[i + 1] + original[i] + original[i + 2:]
                     for i in range(CODE_LENGTH - 1)}
        variants.discard(original)
        for typed in variants:
            with pytest.raises(RecoveryCodeError):
                parse_recovery_code(typed)


@given(codes, st.integers(0, CODE_LENGTH - 2))
def test_every_swap_of_neighbours_is_caught(code: RecoveryCode, position: int) -> None:
    original = code.canonical
    if original[position] == original[position + 1]:
        return  # swapping equal characters changes nothing
    typed = (original[:position] + original[position + 1] + original[position]
             + original[position + 2:])
    with pytest.raises(RecoveryCodeError, match="mistyped"):
        parse_recovery_code(typed)


@given(codes, st.integers(0, GROUPS - 1), st.integers(0, GROUP_LENGTH - 1),
       st.integers(0, GROUP_LENGTH - 1))
def test_any_swap_inside_a_group_is_caught(code: RecoveryCode, group: int, first: int,
                                           second: int) -> None:
    letters = list(code.groups[group])
    if letters[first] == letters[second]:
        return
    letters[first], letters[second] = letters[second], letters[first]
    groups = list(code.groups)
    groups[group] = "".join(letters)
    with pytest.raises(RecoveryCodeError, match=rf"^Group {group + 1} "):
        parse_recovery_code("-".join(groups))


@given(codes, st.integers(0, GROUPS - 1), st.integers(0, GROUPS - 1))
def test_groups_typed_in_the_wrong_order_are_caught(code: RecoveryCode, first: int,
                                                   second: int) -> None:
    if code.groups[first] == code.groups[second]:
        return
    groups = list(code.groups)
    groups[first], groups[second] = groups[second], groups[first]
    with pytest.raises(RecoveryCodeError, match="mistyped"):
        parse_recovery_code("-".join(groups))


def test_a_swap_across_groups_names_both_groups() -> None:
    code = next(c for c in (generate_recovery_code() for _ in range(100))
                if c.groups[0][-1] != c.groups[1][0])
    text = code.canonical
    swapped = text[:4] + text[5] + text[4] + text[6:]
    with pytest.raises(RecoveryCodeError, match=r"^Groups 1, 2 look mistyped"):
        parse_recovery_code(swapped)


def test_a_missing_character_names_the_short_group_when_groups_are_typed() -> None:
    groups = list(generate_recovery_code().groups)
    groups[3] = groups[3][:-1]
    with pytest.raises(RecoveryCodeError, match="check group 4 against"):
        parse_recovery_code(" ".join(groups))


def test_a_code_of_the_wrong_length_says_how_long_a_code_is() -> None:
    with pytest.raises(RecoveryCodeError, match=r"has 35 characters .* this one has 34"):
        parse_recovery_code(generate_recovery_code().canonical[:-1])


@pytest.mark.parametrize(("typed", "expected"), [
    ("", "Type the recovery code"),
    ("   - -", "Type the recovery code"),
    ("U" * CODE_LENGTH, "never contain the letter U"),
    ("ABCDE-FGHJK-#MNPQ", "contains “#”"),
])
def test_text_that_is_not_a_code_gets_a_clear_message(typed: str, expected: str) -> None:
    with pytest.raises(RecoveryCodeError, match=expected):
        parse_recovery_code(typed)


# -- typing part of the code back before it replaces the old one ---------------------------------

def test_two_different_groups_are_asked_for_and_the_choice_varies() -> None:
    choices = {groups_to_confirm() for _ in range(100)}
    assert len(choices) > 5
    for choice in choices:
        assert len(choice) == 2
        assert choice[0] < choice[1]
        assert all(1 <= number <= GROUPS for number in choice)


def test_groups_typed_back_confirm_the_code_however_they_are_typed() -> None:
    code = generate_recovery_code()
    first, second = groups_to_confirm(random.Random(3))
    typed = {first: code.groups[first - 1].lower(),
             second: " " + "-".join(code.groups[second - 1]) + " "}
    assert mistyped_groups(code, typed) == []


def test_a_group_typed_back_wrong_is_named() -> None:
    code = generate_recovery_code()
    other = generate_recovery_code()
    wrong_group = next(n for n in range(2, GROUPS + 1)
                       if code.groups[n - 1] != other.groups[n - 1])
    typed = {1: code.groups[0], wrong_group: other.groups[wrong_group - 1]}
    assert mistyped_groups(code, typed) == [wrong_group]
    assert mistyped_groups(code, {3: ""}) == [3]
