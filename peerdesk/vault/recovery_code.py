"""The recovery code: 140 random bits, written as 7 groups of 5 characters for reading aloud.

Characters come from Crockford's base 32 (digits and capital letters without I, L, O and U, so
nothing looks or sounds alike). Each group is 4 random characters and 1 check character.
The check character makes every group satisfy its own equation over GF(32) with distinct
position weights and a constant per group number, so:
- every single mistyped character is caught, and the message names its group;
- swapping two characters of a group (neighbours or not) is caught; a swap across two groups
  changes one character in each, so both groups are named;
- groups typed in the wrong order are caught.
Reading is forgiving where it is safe: any case, spaces and dashes anywhere, and O, I, L
read as 0, 1, 1 (they never appear in a code).

This is error detection for typing, not cryptography: the code's secrecy comes from its
140 random bits; `peerdesk.vault.keyslots` turns it into a key.
"""

from __future__ import annotations

import hmac
import random
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from peerdesk.errors import PeerDeskError
from peerdesk.translation import msg

ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS: Final = 7
DATA_PER_GROUP: Final = 4
GROUP_LENGTH: Final = DATA_PER_GROUP + 1
CONFIRM_GROUPS: Final = 2  # groups typed back before a new code is saved
CODE_LENGTH: Final = GROUPS * GROUP_LENGTH
RANDOM_VALUES: Final = GROUPS * DATA_PER_GROUP
RANDOM_BITS: Final = RANDOM_VALUES * 5  # 140

_VALUES: Final = {char: value for value, char in enumerate(ALPHABET)}
_READ_AS: Final = {"O": "0", "I": "1", "L": "1"}
_SEPARATORS: Final = frozenset(" \t\r\n-_.\u2010\u2011\u2012\u2013\u2014\u2212")

# GF(32) with the primitive polynomial x^5 + x^2 + 1.
_FIELD_POLYNOMIAL: Final = 0b100101


def _gf_mul(a: int, b: int) -> int:
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= _FIELD_POLYNOMIAL
    return product


def _gf_inverse(a: int) -> int:
    return next(b for b in range(1, 32) if _gf_mul(a, b) == 1)


# Weights α^0 … α^4 (α = x, a generator of GF(32)*) for the five positions of a group: all
# distinct and non-zero, which is what catching substitutions and swaps needs.
_WEIGHTS: Final = (1, 2, 4, 8, 16)
_CHECK_WEIGHT_INVERSE: Final = _gf_inverse(_WEIGHTS[-1])


def _group_syndrome(values: list[int], group_index: int) -> int:
    """Zero exactly when the group's five values fit group number `group_index`."""
    total = group_index + 1  # a distinct constant per group: groups out of order are caught
    for weight, value in zip(_WEIGHTS, values, strict=True):
        total ^= _gf_mul(weight, value)
    return total


def _check_value(data: list[int], group_index: int) -> int:
    partial = _group_syndrome([*data, 0], group_index)
    return _gf_mul(_CHECK_WEIGHT_INVERSE, partial)


class RecoveryCodeError(PeerDeskError):
    """What was typed is not a well-formed recovery code (a typo, or not a code at all)."""


@dataclass(frozen=True)
class RecoveryCode:
    """A well-formed recovery code. `str()` gives it grouped for printing and reading aloud."""

    groups: tuple[str, ...]

    def __str__(self) -> str:
        return "-".join(self.groups)

    def __repr__(self) -> str:
        return "RecoveryCode(…)"  # keep the secret out of logs and tracebacks

    @property
    def canonical(self) -> str:
        """The 35 characters without separators: what the key is derived from."""
        return "".join(self.groups)


def generate_recovery_code() -> RecoveryCode:
    return recovery_code_from_values([secrets.randbelow(32) for _ in range(RANDOM_VALUES)])


def recovery_code_from_values(values: Sequence[int]) -> RecoveryCode:
    """The code for 28 random values in 0…31 (check characters added)."""
    if len(values) != RANDOM_VALUES or not all(0 <= v < 32 for v in values):
        raise ValueError(f"a recovery code needs {RANDOM_VALUES} values in 0…31")
    groups = []
    for index in range(GROUPS):
        data = list(values[index * DATA_PER_GROUP:(index + 1) * DATA_PER_GROUP])
        groups.append("".join(ALPHABET[v] for v in [*data, _check_value(data, index)]))
    return RecoveryCode(tuple(groups))


def groups_to_confirm(rng: random.Random | None = None) -> tuple[int, ...]:
    """Which groups (numbered from 1, in order) the user types back to show the code was
    written down or printed before it replaces the old one."""
    chooser = rng if rng is not None else secrets.SystemRandom()
    return tuple(sorted(chooser.sample(range(1, GROUPS + 1), CONFIRM_GROUPS)))


def mistyped_groups(code: RecoveryCode, typed: Mapping[int, str]) -> list[int]:
    """The numbers of the groups in `typed` (number → what was typed) that differ from `code`;
    empty when all match. Case, spaces, dashes and O/I/L for 0/1/1 are forgiven."""
    wrong = []
    for number, text in sorted(typed.items()):
        cleaned = "".join(_READ_AS.get(c, c) for c in unicodedata.normalize("NFKC", text).upper()
                          if c not in _SEPARATORS)
        expected = code.groups[number - 1]
        if not hmac.compare_digest(cleaned.encode("utf-8"), expected.encode("ascii")):
            wrong.append(number)
    return wrong


def _group_numbers(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def _split_typed_groups(text: str) -> list[str]:
    """The groups as typed (between separators), to name a group of the wrong length."""
    groups: list[str] = []
    current = ""
    for char in text:
        if char in _SEPARATORS:
            if current:
                groups.append(current)
            current = ""
        else:
            current += char
    if current:
        groups.append(current)
    return groups


def parse_recovery_code(text: str) -> RecoveryCode:
    """Read a typed code; raise `RecoveryCodeError` saying what is wrong and where."""
    typed = unicodedata.normalize("NFKC", text).upper()
    characters: list[str] = []
    for char in typed:
        if char in _SEPARATORS:
            continue
        char = _READ_AS.get(char, char)
        if char not in _VALUES:
            if char == "U":
                raise RecoveryCodeError(msg(
                    "Recovery codes never contain the letter U. Check that character against "
                    "your recovery kit (it may be a V)."))
            raise RecoveryCodeError(msg(
                "A recovery code has only digits and capital letters, but this one contains "
                "“{character}”. Check it against your recovery kit.",
                character=char if char.isprintable() else repr(char)))
        characters.append(char)
    if not characters:
        raise RecoveryCodeError(msg("Type the recovery code from your recovery kit."))
    if len(characters) != CODE_LENGTH:
        typed_groups = _split_typed_groups(typed)
        if len(typed_groups) == GROUPS:
            wrong = [n for n, group in enumerate(typed_groups, start=1)
                     if len(group) != GROUP_LENGTH]
            raise RecoveryCodeError(msg(
                "Each group of a recovery code has {length} characters; check group {groups} "
                "against your recovery kit.", length=GROUP_LENGTH, groups=_group_numbers(wrong)))
        raise RecoveryCodeError(msg(
            "A recovery code has {expected} characters ({groups} groups of {length}); this one "
            "has {found}. Check it against your recovery kit.",
            expected=CODE_LENGTH, groups=GROUPS, length=GROUP_LENGTH, found=len(characters)))
    groups = ["".join(characters[i:i + GROUP_LENGTH])
              for i in range(0, CODE_LENGTH, GROUP_LENGTH)]
    wrong = [index + 1 for index, group in enumerate(groups)
             if _group_syndrome([_VALUES[c] for c in group], index) != 0]
    if len(wrong) == 1:
        raise RecoveryCodeError(msg(
            "Group {group} ({text}) looks mistyped: check it against your recovery kit.",
            group=wrong[0], text=groups[wrong[0] - 1]))
    if wrong:
        raise RecoveryCodeError(msg(
            "Groups {groups} look mistyped: check them against your recovery kit.",
            groups=_group_numbers(wrong)))
    return RecoveryCode(tuple(groups))
