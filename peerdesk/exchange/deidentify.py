"""From a saved session to a summary record: pure functions, no database, no Qt.

What goes in is a saved session (a `Session`, or the lean `CodedSession` export reads, which
has no notes or reflection at all); what comes out holds only taxonomy codes, a period, bands, a
random record id with its revision, and (by setting) a keyed hash of the peer code and an org
unit from the coordinator's list. Notes, reflections, peer codes, free-text org units, exact
dates and times, the conflict-of-interest flag and sessions without consent never get here.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from peerdesk.errors import PeerDeskError
from peerdesk.exchange.format import (
    GRANULARITIES,
    GRANULARITY_MONTH,
    GRANULARITY_WEEK,
    HEX32_PATTERN,
    MAX_ORG_UNIT_LENGTH,
    MAX_RESOURCE_IDS,
    MULTI_CODE_KEYS,
    RESOURCE_ID_PATTERN,
    SINGLE_CODE_KEYS,
)
from peerdesk.settings import Settings
from peerdesk.taxonomy import Taxonomy, default_taxonomy
from peerdesk.translation import msg

_HEX32 = re.compile(HEX32_PATTERN)
_RESOURCE_ID = re.compile(RESOURCE_ID_PATTERN)

# (upper bound exclusive, code); the last band has no upper bound
_DURATION_BANDS: tuple[tuple[int, str], ...] = (
    (15, "under_15"), (30, "15_to_29"), (45, "30_to_44"), (60, "45_to_59"),
)
_LONGEST_DURATION_BAND = "60_plus"
_GROUP_SIZE_BANDS: tuple[tuple[int, str], ...] = ((5, "2_to_4"), (10, "5_to_9"))
_LARGEST_GROUP_SIZE_BAND = "10_plus"
_SMALLEST_GROUP = 2


class ExportableSession(Protocol):
    """What de-identification reads of a saved session (`Session` and `CodedSession` have it)."""

    @property
    def summary_id(self) -> str: ...
    @property
    def revision(self) -> int: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def duration_minutes(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def group_size(self) -> int | None: ...
    @property
    def contact(self) -> str: ...
    @property
    def channel(self) -> str: ...
    @property
    def origin(self) -> str | None: ...
    @property
    def behaviours(self) -> frozenset[str]: ...
    @property
    def persistence(self) -> str | None: ...
    @property
    def source_relation(self) -> str | None: ...
    @property
    def impacts(self) -> frozenset[str]: ...
    @property
    def risk_flags(self) -> frozenset[str]: ...
    @property
    def support_given(self) -> frozenset[str]: ...
    @property
    def referral_types(self) -> frozenset[str]: ...
    @property
    def referral_resource_ids(self) -> tuple[str, ...]: ...
    @property
    def next_step(self) -> str | None: ...
    @property
    def follow_up_date(self) -> dt.date | None: ...
    @property
    def consent_to_count(self) -> bool: ...
    @property
    def peer_code(self) -> str: ...
    @property
    def org_unit(self) -> str | None: ...


class ExportError(PeerDeskError):
    """A session or a setting keeps the export from being written; nothing was written."""


@dataclass(frozen=True)
class ExportSettings:
    """The generalisation an export uses, read from the journal's settings."""

    period: str = GRANULARITY_WEEK            # "week" or "month"
    include_peer_key: bool = True
    org_units: tuple[str, ...] = ()           # the coordinator's list; empty: no unit exported

    def __post_init__(self) -> None:
        if self.period not in GRANULARITIES:
            raise ValueError(f"period must be one of {GRANULARITIES}, not {self.period!r}")

    @classmethod
    def from_settings(cls, settings: Settings) -> ExportSettings:
        units = settings.get("org_units")
        return cls(
            period=str(settings.get("export_period")),
            include_peer_key=bool(settings.get("export_peer_key")),
            org_units=tuple(
                unit for unit in (str(u).strip() for u in units)
                if unit and len(unit) <= MAX_ORG_UNIT_LENGTH
            ),
        )

    @property
    def exports_org_unit(self) -> bool:
        return bool(self.org_units)


@functools.lru_cache(maxsize=4096)  # pure; an export has a few hundred distinct days
def period_code(day: dt.date, granularity: str) -> str:
    """ISO week ("2026-W05", the ISO year may differ from the calendar year) or month."""
    if granularity == GRANULARITY_WEEK:
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if granularity == GRANULARITY_MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    raise ValueError(f"unknown period granularity {granularity!r}")


def duration_band(minutes: int) -> str:
    for upper, code in _DURATION_BANDS:
        if minutes < upper:
            return code
    return _LONGEST_DURATION_BAND


def group_size_band(kind: str, group_size: int | None) -> str | None:
    """The band of a group's size; None for one-to-one sessions or an unknown size."""
    if kind != "group" or group_size is None or group_size < _SMALLEST_GROUP:
        return None
    for upper, code in _GROUP_SIZE_BANDS:
        if group_size < upper:
            return code
    return _LARGEST_GROUP_SIZE_BAND


def normalise_peer_code(peer_code: str) -> str:
    """What is hashed: trimmed, case-folded, NFC — so "  AB-12 " and "ab-12" link up."""
    return unicodedata.normalize("NFC", peer_code.strip().casefold())


def peer_key(peer_code: str, secret: bytes) -> str | None:
    """HMAC-SHA256 of the normalised peer code under the journal's secret; None if no code."""
    normalised = normalise_peer_code(peer_code)
    if not normalised:
        return None
    # hmac.digest: the same HMAC-SHA256, computed in one C call
    return hmac.digest(secret, normalised.encode("utf-8"), hashlib.sha256).hex()


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()).casefold())


def org_unit_code(value: str | None, org_units: Sequence[str]) -> str | None:
    """The coordinator's spelling of `value` if it is on their list (ignoring case and
    spacing); None otherwise, so free text typed into the field never leaves the journal."""
    if value is None:
        return None
    wanted = _fold(value)
    if not wanted:
        return None
    for unit in org_units:
        if _fold(unit) == wanted:
            return unit
    return None


_CODE_SETS: dict[int, tuple[Taxonomy, dict[str, frozenset[str]]]] = {}


def _code_sets(taxonomy: Taxonomy) -> dict[str, frozenset[str]]:
    """Each field's codes as a set, built once per taxonomy (`Field.has` scans a list)."""
    cached = _CODE_SETS.get(id(taxonomy))
    if cached is None or cached[0] is not taxonomy:
        cached = (taxonomy, {key: frozenset(f.codes()) for key, f in taxonomy.fields.items()})
        _CODE_SETS[id(taxonomy)] = cached
    return cached[1]


def _code(known: Mapping[str, frozenset[str]], field_key: str, value: str | None,
          nullable: bool, period: str) -> str | None:
    if value is None:
        if nullable:
            return None
        raise ExportError(msg("A session in {period} has no value for '{field}'. Open it in the "
                              "journal, fill it in, and export again.",
                              period=period, field=field_key))
    if value not in known[field_key]:
        raise ExportError(msg("A session in {period} has the unknown code {code} for '{field}'. "
                              "Open it in the journal, correct it, and export again.",
                              period=period, code=repr(value), field=field_key))
    return value


def _codes(known: Mapping[str, frozenset[str]], field_key: str, values: Iterable[str],
           period: str) -> list[str]:
    result = sorted(set(values))
    if not known[field_key].issuperset(result):
        for value in result:
            _code(known, field_key, value, False, period)
    return result


# The coded fields in the order they are checked (and reported when one is wrong).
_SINGLE_FIELDS: tuple[tuple[str, bool], ...] = tuple(
    SINGLE_CODE_KEYS[key] for key in ("duration_band", "kind", "group_size_band", "contact",
                                      "channel", "origin", "persistence", "source_relation",
                                      "next_step"))
_MULTI_FIELDS: tuple[str, ...] = tuple(
    MULTI_CODE_KEYS[key] for key in ("behaviours", "impacts", "risk_flags", "support_given",
                                     "referral_types"))


def deidentify(
    session: ExportableSession,
    settings: ExportSettings,
    secret: bytes,
    pack_resource_ids: Collection[str] = frozenset(),
    taxonomy: Taxonomy | None = None,
) -> dict[str, Any]:
    """The summary record for one saved, consented session (keys in file order).

    `pack_resource_ids`: ids of referral-directory entries that came from a resource pack;
    the session's other referral ids (the supporter's own entries) are left out.
    Raises `ExportError` for a session that cannot be exported as it stands, and
    `ValueError` when called with a session that must never be exported (a bug).
    """
    if not session.consent_to_count:
        raise ValueError("deidentify() called with a session without consent")
    if session.revision < 1:
        raise ValueError("deidentify() called with a session that was never saved")
    known = _code_sets(taxonomy or default_taxonomy())
    period = period_code(session.date, settings.period)
    if not _HEX32.fullmatch(session.summary_id):
        raise ExportError(msg("A session in {period} has a malformed summary id. Run 'peerdesk "
                              "check' and contact support.", period=period))

    single = (
        duration_band(session.duration_minutes),
        session.kind,
        group_size_band(session.kind, session.group_size),
        session.contact,
        session.channel,
        session.origin,
        session.persistence,
        session.source_relation,
        session.next_step,
    )
    for (field_key, nullable), value in zip(_SINGLE_FIELDS, single, strict=True):
        if value is None:
            if nullable:
                continue
        elif value in known[field_key]:
            continue
        _code(known, field_key, value, nullable, period)  # raises, naming the problem
    (duration, kind, group_size, contact, channel, origin, persistence, source_relation,
     next_step) = single
    behaviours, impacts, risk_flags, support_given, referral_types = (
        _codes(known, field_key, values, period)
        for field_key, values in zip(_MULTI_FIELDS, (
            session.behaviours, session.impacts, session.risk_flags, session.support_given,
            session.referral_types), strict=True)
    )
    resources = sorted(
        {rid for rid in session.referral_resource_ids
         if rid in pack_resource_ids and _RESOURCE_ID.fullmatch(rid)}
    )[:MAX_RESOURCE_IDS]

    return {
        "id": session.summary_id,
        "revision": session.revision,
        "period": period,
        "duration_band": duration,
        "kind": kind,
        "group_size_band": group_size,
        "contact": contact,
        "channel": channel,
        "origin": origin,
        "behaviours": behaviours,
        "persistence": persistence,
        "source_relation": source_relation,
        "impacts": impacts,
        "risk_flags": risk_flags,
        "support_given": support_given,
        "referral_types": referral_types,
        "referral_resources": resources,
        "next_step": next_step,
        "follow_up_planned": session.follow_up_date is not None,
        "org_unit": (org_unit_code(session.org_unit, settings.org_units)
                     if settings.exports_org_unit else None),
        "peer_key": peer_key(session.peer_code, secret) if settings.include_peer_key else None,
    }
