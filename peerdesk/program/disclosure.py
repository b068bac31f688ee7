"""Disclosure control: the one step every count passes before a person sees it.

The method (docs/disclosure.md says why, and what it follows):

- Every figure is built from *atoms*: one count (a taxonomy code, a flag or people supported)
  for one calendar month (for people: one calendar year, quarter or month) over the selected
  supporters. An atom is the only thing that is ever rounded.
- An atom's true count v is randomly rounded to a multiple of k (unbiased: up with probability
  (v mod k) / k, as Statistics Canada rounds to base 5). The random draw is a cell key: an
  HMAC, under a secret only the coordinator's journal holds, of what the atom counts and the
  set of (supporter, month) contributions in it (the ABS cell-key idea). The same atom rounds
  the same way in every report, so repeating or shifting queries cannot average it out, and a
  report reader cannot predict the direction.
- A figure made of one atom shows "0", "<k" (v from 1 to k−1) or its rounded value. A figure
  made of several atoms (a period, a total) is the sum of their rounded values, so every total
  is computed from published values and no figure tells more than its atoms; a sum of 0 over
  atoms that hold something shows "<k".

Why differencing cannot pin a count: what a reader can learn about an atom is an interval
(0; 1..k−1; or within k−1 of its rounded value and at least k), and every figure is a sum of
rounded atoms, so two figures can only be subtracted atom by atom. `tests/program/
test_attacker.py` plays that reader with integer programming.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from peerdesk.errors import PeerDeskError
from peerdesk.translation import msg

MIN_K: Final = 4           # with 3, two rounded figures can pin a count (docs/disclosure.md)
DEFAULT_K: Final = 5
NOT_SHOWN: Final = "—"         # a rate that would need a hidden count
SECRET_BYTES: Final = 32
_DRAW_BITS: Final = 64


class DisclosureError(PeerDeskError):
    """The smallest-count setting or the cell-key secret is unusable."""


def check_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or k < MIN_K:
        raise DisclosureError(msg(
            "The smallest count shown must be at least {minimum} (got {k}); smaller values "
            "would let readers single out people. Choose {minimum} or more.",
            minimum=MIN_K, k=k))
    return k


def small(k: int) -> str:
    """How a count from 1 to k−1 is shown."""
    return f"<{k}"


def shown_number(text: str) -> int | None:
    """The number a shown figure states, or None for "<k" and "—"."""
    return int(text) if text.isdigit() else None


class CellKey:
    """The keyed random draw that decides which way an atom rounds."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < SECRET_BYTES:
            raise DisclosureError(msg(
                "The journal's rounding key is damaged. Restore the journal from a backup."))
        self._secret = secret

    def draw(self, cell: str, contributions: Iterable[tuple[str, str]]) -> int:
        """A number in [0, 2**64) fixed by the cell and its (supporter, month) contributions."""
        # HMAC-SHA256 from the standard library: a keyed hash, not home-made cryptography
        mac = hmac.new(self._secret, cell.encode("utf-8"), hashlib.sha256)
        for supporter_id, month in sorted(contributions):
            mac.update(b"\x00" + supporter_id.encode("utf-8") + b"\x01" + month.encode("ascii"))
        return int.from_bytes(mac.digest()[:_DRAW_BITS // 8], "big")


def rounded(value: int, k: int, draw: int) -> int:
    """`value` rounded to a multiple of k: up with probability (value mod k) / k."""
    base, rest = divmod(value, k)
    return (base + (1 if draw * k < rest * 2**_DRAW_BITS else 0)) * k


@dataclass(frozen=True)
class Atom:
    """One count for one month (or people block) over the selected supporters."""

    value: int       # the true count: never shown
    rounded: int     # its published value (a multiple of k; 0 when value is 0)


ZERO: Final = Atom(0, 0)


class Rounder:
    """Makes atoms for one report: threshold k and the journal's cell key."""

    def __init__(self, k: int, key: CellKey) -> None:
        self.k = check_k(k)
        self.key = key

    def atom(self, cell: str, contributions: Mapping[tuple[str, str], int]) -> Atom:
        """The atom for `cell` from each (supporter, month or period) contribution."""
        present = [pair for pair, n in contributions.items() if n > 0]
        value = sum(contributions[pair] for pair in present)
        if value == 0:
            return ZERO
        return Atom(value, rounded(value, self.k, self.key.draw(cell, present)))

    def shown(self, atoms: Sequence[Atom]) -> str:
        """The figure a person sees for the sum of `atoms`."""
        holding = [atom for atom in atoms if atom.value]
        if not holding:
            return "0"
        if len(holding) == 1 and holding[0].value < self.k:
            return small(self.k)
        total = sum(atom.rounded for atom in holding)
        return str(total) if total else small(self.k)


def percent(count: str, total: str) -> str:
    """A rate from two shown figures ("—" when either is hidden or the base is 0)."""
    value, base = shown_number(count), shown_number(total)
    if value is None or not base:
        return NOT_SHOWN
    return f"{min(100, round(100 * value / base))}%"
