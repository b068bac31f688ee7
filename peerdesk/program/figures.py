"""What the coordinator holds from each supporter: figures per supporter and period.

This is the contract between the importer side (summary format v2: `exchange/` and
`program/store.py` write these) and the reporting side (`program/aggregate.py`,
`program/disclosure.py` and the labelling step read them). Everything here is a RAW count:
nothing may reach a person without passing disclosure control.

Periods are strings: a month "YYYY-MM", a calendar quarter "YYYY-Qn" or a calendar year "YYYY".
Counts are keyed by taxonomy field and code; for a single-valued field the key "" counts the
contacts where it was not recorded. Multi-valued fields (behaviour, impact, risk_flag,
support_given, referral_type) count mentions: one contact can count under several codes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Final, Protocol

NOT_RECORDED: Final = ""

# Every taxonomy field a month's figures count (the report and dashboard choose among them).
SINGLE_VALUED_FIELDS: Final = (
    "kind", "contact", "channel", "origin", "persistence", "source_relation", "next_step",
    "duration_band", "group_size_band",
)
MULTI_VALUED_FIELDS: Final = (
    "behaviour", "impact", "risk_flag", "support_given", "referral_type",
)
COUNTED_FIELDS: Final = SINGLE_VALUED_FIELDS + MULTI_VALUED_FIELDS


@dataclass(frozen=True)
class MonthFigures:
    """One supporter's consented contacts in one calendar month (the latest figures received)."""

    supporter_id: str
    month: str                                   # "YYYY-MM"
    contacts: int
    counts: Mapping[str, Mapping[str, int]]      # field -> code -> contacts (zeros may be absent)
    follow_up_planned: int                       # contacts with a follow-up date
    with_referral: int                           # contacts with a referral (type or support)
    with_risk: int                               # contacts with at least one risk flag


@dataclass(frozen=True)
class PeopleFigures:
    """Distinct people one supporter saw in one period, computed inside their journal.

    People are never linked across supporters or across periods outside the journal, so the
    coordinator can only add these up (a person seen by two supporters counts twice)."""

    supporter_id: str
    period: str                                  # "YYYY-MM", "YYYY-Qn" or "YYYY"
    people: int                                  # people supported
    people_repeat: int                           # of those, with two or more contacts
    people_formal: int                           # of those, considering or making a formal report


@dataclass(frozen=True)
class SupporterInfo:
    supporter_id: str
    alias: str | None                            # checked short label, never a name
    org_unit: str | None
    fingerprint: str                             # of the enrolled signing key, for reading aloud
    months: int                                  # months with figures held
    last_import: str | None                      # UTC "YYYY-MM-DDTHH:MM:SSZ"


class FigureSource(Protocol):
    """What the reporting side reads; `program.store.ProgramStore` provides it."""

    def month_figures(self, *, since: str | None = None, until: str | None = None,
                      supporter_ids: Collection[str] | None = None) -> list[MonthFigures]: ...

    def people_figures(self, periods: Collection[str], *,
                       supporter_ids: Collection[str] | None = None) -> list[PeopleFigures]: ...

    def supporters(self) -> list[SupporterInfo]: ...

    def months_with_data(self) -> list[str]: ...
