"""From a saved session to a summary record: pure functions, no database, no Qt.

What goes in is a `Session`; what comes out holds only taxonomy codes, a period, bands, a
random record id with its revision, and (by setting) a keyed hash of the peer code and an org
unit from the coordinator's list. Notes, reflections, peer codes, free-text org units, exact
dates and times, the conflict-of-interest flag and sessions without consent never get here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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
from peerdesk.journal.model import Session
from peerdesk.settings import Settings
from peerdesk.taxonomy import Taxonomy, default_taxonomy

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
    return hmac.new(secret, normalised.encode("utf-8"), hashlib.sha256).hexdigest()


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


_CODE_SETS: dict[tuple[int, str], tuple[Taxonomy, frozenset[str]]] = {}


def _known_codes(taxonomy: Taxonomy, field_key: str) -> frozenset[str]:
    """The field's codes as a set, built once per taxonomy (`Field.has` scans a list)."""
    cached = _CODE_SETS.get((id(taxonomy), field_key))
    if cached is None or cached[0] is not taxonomy:
        cached = (taxonomy, frozenset(taxonomy.field(field_key).codes()))
        _CODE_SETS[(id(taxonomy), field_key)] = cached
    return cached[1]


def _code(taxonomy: Taxonomy, field_key: str, value: str | None, nullable: bool,
          where: str) -> str | None:
    if value is None:
        if nullable:
            return None
        raise ExportError(f"A session {where} has no value for '{field_key}'. "
                          "Open it in the journal, fill it in, and export again.")
    if value not in _known_codes(taxonomy, field_key):
        raise ExportError(f"A session {where} has the unknown code {value!r} for "
                          f"'{field_key}'. Open it in the journal, correct it, and export again.")
    return value


def _codes(taxonomy: Taxonomy, field_key: str, values: Iterable[str], where: str) -> list[str]:
    result = sorted(set(values))
    for value in result:
        _code(taxonomy, field_key, value, False, where)
    return result


def deidentify(
    session: Session,
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
    taxonomy = taxonomy or default_taxonomy()
    period = period_code(session.date, settings.period)
    where = f"in {period}"
    if not _HEX32.fullmatch(session.summary_id):
        raise ExportError(f"A session {where} has a malformed summary id. "
                          "Run 'peerdesk check' and contact support.")

    single: dict[str, str | None] = {
        "duration_band": duration_band(session.duration_minutes),
        "kind": session.kind,
        "group_size_band": group_size_band(session.kind, session.group_size),
        "contact": session.contact,
        "channel": session.channel,
        "origin": session.origin,
        "persistence": session.persistence,
        "source_relation": session.source_relation,
        "next_step": session.next_step,
    }
    multi: Mapping[str, frozenset[str]] = {
        "behaviours": session.behaviours,
        "impacts": session.impacts,
        "risk_flags": session.risk_flags,
        "support_given": session.support_given,
        "referral_types": session.referral_types,
    }
    coded_single = {
        key: _code(taxonomy, SINGLE_CODE_KEYS[key][0], value, SINGLE_CODE_KEYS[key][1], where)
        for key, value in single.items()
    }
    coded_multi = {
        key: _codes(taxonomy, MULTI_CODE_KEYS[key], values, where)
        for key, values in multi.items()
    }
    resources = sorted(
        {rid for rid in session.referral_resource_ids
         if rid in pack_resource_ids and _RESOURCE_ID.fullmatch(rid)}
    )[:MAX_RESOURCE_IDS]

    return {
        "id": session.summary_id,
        "revision": session.revision,
        "period": period,
        "duration_band": coded_single["duration_band"],
        "kind": coded_single["kind"],
        "group_size_band": coded_single["group_size_band"],
        "contact": coded_single["contact"],
        "channel": coded_single["channel"],
        "origin": coded_single["origin"],
        "behaviours": coded_multi["behaviours"],
        "persistence": coded_single["persistence"],
        "source_relation": coded_single["source_relation"],
        "impacts": coded_multi["impacts"],
        "risk_flags": coded_multi["risk_flags"],
        "support_given": coded_multi["support_given"],
        "referral_types": coded_multi["referral_types"],
        "referral_resources": resources,
        "next_step": coded_single["next_step"],
        "follow_up_planned": session.follow_up_date is not None,
        "org_unit": (org_unit_code(session.org_unit, settings.org_units)
                     if settings.exports_org_unit else None),
        "peer_key": peer_key(session.peer_code, secret) if settings.include_peer_key else None,
    }
