"""Export: work out which months changed since the last export, then write the signed file.

`plan_export` compares the journal's figures now with what earlier exports sent and says
exactly which months (and people periods) leave, and why: new, changed, now empty, or sent
again with a month of their period. `write_export` signs the file, writes it atomically
(mode 0600) and only then remembers what was sent. `plan_from_vault` reads the journal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peerdesk import __version__
from peerdesk.errors import PeerDeskError
from peerdesk.exchange.alias import AliasRefused
from peerdesk.exchange.alias import clean_alias as checked_alias
from peerdesk.exchange.format import (
    FORMAT,
    MAX_ORG_UNIT_LENGTH,
    MAX_SUMMARY_BYTES,
    REASON_CHANGED,
    REASON_NEW,
    REASON_NOW_EMPTY,
    REASON_RESENT,
    VERSION,
    canonical_bytes,
    encode_file,
    is_month,
    month_range,
    period_months,
    periods_of_month,
    signed_content,
)
from peerdesk.exchange.keys import SigningKey, SigningKeyStore
from peerdesk.exchange.sent_periods import SentPeriod, SentPeriodStore
from peerdesk.fileio import write_atomic
from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.monthly_figures import (
    MonthCounts,
    MonthlyFiguresRepository,
    OutsideCounts,
    PeopleCounts,
)
from peerdesk.program.figures import MULTI_VALUED_FIELDS, SINGLE_VALUED_FIELDS
from peerdesk.taxonomy import Taxonomy, default_taxonomy
from peerdesk.translation import msg
from peerdesk.vault import Vault
from peerdesk.vault.vault import Connection

# Remembered in the journal's settings table (export state, not declared settings).
ALIAS_KEY = "export.alias"
ORG_UNIT_KEY = "export.org_unit"
LAST_EXPORTED_AT_KEY = "export.last_exported_at"
STARTED_AT_KEY = "export.started_at"


class ExportError(PeerDeskError):
    """Something keeps the export from being written; nothing was written."""


@dataclass(frozen=True)
class SentMonth:
    month: str
    reason: str
    figures: MonthCounts          # zeros when the month is now empty


@dataclass(frozen=True)
class SentPeople:
    period: str
    reason: str
    figures: PeopleCounts


@dataclass(frozen=True)
class LeftOut:
    no_consent: int = 0           # in the months considered, but not agreed to be counted
    outside_months: int = 0       # dated outside the months considered
    unsaved_drafts: int = 0       # entries still being written: not sessions yet

    @property
    def total(self) -> int:
        return self.no_consent + self.outside_months + self.unsaved_drafts


@dataclass(frozen=True)
class ExportPlan:
    """Exactly what an export will send. Nothing is written until `write_export`."""

    supporter_id: str
    first_month: str              # the months considered, inclusive
    last_month: str
    months: tuple[SentMonth, ...]
    people: tuple[SentPeople, ...]
    unchanged_months: int         # months with figures that need not be sent again
    left_out: LeftOut
    sequence: int
    taxonomy_version: str
    hashes: Mapping[str, str] = field(repr=False, default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.months and not self.people


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    months: tuple[SentMonth, ...]
    fingerprint: str
    document: Mapping[str, Any] = field(repr=False, default_factory=dict)


# -- alias and unit ---------------------------------------------------------------------------


def clean_alias(alias: str | None) -> str | None:
    """The alias as written, or `ExportError` saying what to change (see `exchange.alias`)."""
    try:
        return checked_alias(alias)
    except AliasRefused as exc:
        raise ExportError(exc.message) from None


def clean_org_unit(unit: str | None, org_units: tuple[str, ...]) -> str | None:
    """The coordinator's spelling of `unit` if it is on their list, else None."""
    if not unit:
        return None
    wanted = " ".join(unit.split()).casefold()
    for known in org_units:
        if " ".join(known.split()).casefold() == wanted and len(known) <= MAX_ORG_UNIT_LENGTH:
            return known
    return None


# -- planning ---------------------------------------------------------------------------------


def _zero_month(month: str) -> MonthCounts:
    return MonthCounts(month, 0, 0, 0, 0,
                       {name: {} for name in (*SINGLE_VALUED_FIELDS, *MULTI_VALUED_FIELDS)})


def month_document(figures: MonthCounts, reason: str) -> dict[str, Any]:
    return {
        "month": figures.month,
        "reason": reason,
        "contacts": figures.contacts,
        "follow_up_planned": figures.follow_up_planned,
        "with_referral": figures.with_referral,
        "with_risk": figures.with_risk,
        "counts": {name: dict(sorted(figures.counts.get(name, {}).items()))
                   for name in (*SINGLE_VALUED_FIELDS, *MULTI_VALUED_FIELDS)},
    }


def people_document(figures: PeopleCounts, reason: str) -> dict[str, Any]:
    return {"period": figures.period, "reason": reason, "people": figures.people,
            "people_repeat": figures.people_repeat, "people_formal": figures.people_formal}


def _digest(document: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes({k: v for k, v in document.items()
                                           if k != "reason"})).hexdigest()


def next_sequence(last: int, now: float | None = None) -> int:
    """Grows with every export, and with the clock: a journal restored from an older backup
    still sends figures newer than those it sent before."""
    return max(last + 1, int(time.time() if now is None else now))


def _reason(previous: SentPeriod | None) -> str:
    return REASON_NEW if previous is None or previous.contacts == 0 else REASON_CHANGED


def plan_export(
    figures: MonthlyFiguresRepository,
    sent: SentPeriodStore,
    *,
    supporter_id: str,
    today: dt.date | None = None,
    since: str | None = None,
    until: str | None = None,
    unsaved_drafts: int = 0,
    taxonomy: Taxonomy | None = None,
    now: float | None = None,
) -> ExportPlan:
    """What the next file sends: every month from `since` to `until` ("YYYY-MM"; default:
    every month a summary may hold) whose figures differ from what was last sent."""
    taxonomy = taxonomy or default_taxonomy()
    lowest, highest = month_range(today or dt.date.today())
    first, last = max(since or lowest, lowest), min(until or highest, highest)
    if since is not None and until is not None and since > until:
        raise ExportError(msg("The period starts ({since}) after it ends ({until}). Choose a "
                              "start on or before the end.", since=since, until=until))
    if first > last:
        raise ExportError(msg("Summaries hold months from {lowest} to {highest}; choose "
                              "months in that range.", lowest=lowest, highest=highest))
    current = figures.months(first, last) if first <= last else {}
    for month, counts in current.items():
        if counts.unknown_code_fields:
            raise ExportError(msg("A session in {month} has a code PeerDesk does not know for "
                                  "'{field}'. Open it in the journal, correct it, and export "
                                  "again.", month=month, field=counts.unknown_code_fields[0]))
    before = sent.all()
    hashes: dict[str, str] = {}
    months: list[SentMonth] = []
    unchanged = 0
    for month in sorted(set(current) | {p for p in before if is_month(p)}):
        if not first <= month <= last:
            continue
        previous = before.get(month)
        if month in current:
            document = month_document(current[month], "")
            hashes[month] = _digest(document)
            if previous is not None and previous.contacts and (
                    previous.figures_sha256 == hashes[month]):
                unchanged += 1
                continue
            months.append(SentMonth(month, _reason(previous), current[month]))
        elif previous is not None and previous.contacts:
            months.append(SentMonth(month, REASON_NOW_EMPTY, _zero_month(month)))
            hashes[month] = _digest(month_document(_zero_month(month), ""))

    # People: whole quarters and years, so they are read over whole years.
    people_now = figures.people(max(f"{first[:4]}-01", lowest), min(f"{last[:4]}-12", highest))
    touched = {period for m in months for period in periods_of_month(m.month)}
    candidates = (set(people_now) | touched
                  | {p.removeprefix("people:") for p in before if p.startswith("people:")})
    people: list[SentPeople] = []
    for period in sorted(candidates):
        start, end = period_months(period)
        if end < first or start > last:
            continue
        now_figures = people_now.get(period, PeopleCounts(period, 0, 0, 0))
        key = f"people:{period}"
        previous = before.get(key)
        hashes[key] = _digest(people_document(now_figures, ""))
        if previous is not None and previous.figures_sha256 == hashes[key]:
            if period in touched:
                people.append(SentPeople(period, REASON_RESENT, now_figures))
            continue
        if previous is None and now_figures.people == 0 and period not in touched:
            continue
        if now_figures.people == 0 and previous is not None and previous.contacts:
            reason = REASON_NOW_EMPTY
        else:
            reason = _reason(previous)
        people.append(SentPeople(period, reason, now_figures))

    outside: OutsideCounts = figures.outside(first, last)
    return ExportPlan(
        supporter_id=supporter_id, first_month=first, last_month=last, months=tuple(months),
        people=tuple(people), unchanged_months=unchanged,
        left_out=LeftOut(outside.without_consent, outside.outside_months, unsaved_drafts),
        sequence=next_sequence(sent.last_sequence(), now), taxonomy_version=taxonomy.version,
        hashes=hashes,
    )


# -- writing ----------------------------------------------------------------------------------


def build_document(plan: ExportPlan, key: SigningKey, *, alias: str | None = None,
                   org_unit: str | None = None,
                   created_at: dt.datetime | None = None) -> dict[str, Any]:
    """The signed document in file order (`created_at` is the test seam: now, UTC)."""
    moment = (created_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "app_version": __version__,
        "taxonomy_version": plan.taxonomy_version,
        "supporter": {"id": plan.supporter_id, "alias": clean_alias(alias),
                      "org_unit": org_unit, "public_key": key.public_hex},
        "sequence": plan.sequence,
        "months": [month_document(m.figures, m.reason) for m in plan.months],
        "people": [people_document(p.figures, p.reason) for p in plan.people],
    }
    document["signature"] = key.sign(signed_content(document))
    return document


def write_file(plan: ExportPlan, path: Path, key: SigningKey, *, alias: str | None = None,
               org_unit: str | None = None,
               created_at: dt.datetime | None = None) -> ExportResult:
    """Sign and write the file atomically (temp file, fsync, rename; mode 0600). Touches no
    database, so a worker thread may call it; then call `remember_sent`."""
    if plan.is_empty:
        raise ExportError(msg("Nothing changed since the last export: no month needs to be "
                              "sent, so no file was written."))
    document = build_document(plan, key, alias=alias, org_unit=org_unit, created_at=created_at)
    data = encode_file(document)
    if len(data) > MAX_SUMMARY_BYTES:  # pragma: no cover - ~330 months are far below the cap
        raise ExportError(msg("The summary would be larger than the coordinator accepts. "
                              "Export fewer months at a time."))
    write_atomic(Path(path), data)
    return ExportResult(Path(path), plan.sequence, plan.months, key.fingerprint, document)


def remember_sent(plan: ExportPlan, sent: SentPeriodStore) -> None:
    """After the file was written: the next export sends only what changes after this one."""
    remembered = [SentPeriod(m.month, plan.hashes[m.month], plan.sequence, m.figures.contacts)
                  for m in plan.months]
    remembered += [SentPeriod(f"people:{p.period}", plan.hashes[f"people:{p.period}"],
                              plan.sequence, p.figures.people) for p in plan.people]
    sent.remember(remembered)


def write_export(plan: ExportPlan, path: Path, key: SigningKey, sent: SentPeriodStore, *,
                 alias: str | None = None, org_unit: str | None = None,
                 created_at: dt.datetime | None = None) -> ExportResult:
    """`write_file`, then `remember_sent`."""
    result = write_file(plan, path, key, alias=alias, org_unit=org_unit, created_at=created_at)
    remember_sent(plan, sent)
    return result


# -- from the journal -------------------------------------------------------------------------


def remembered_alias(vault: Vault) -> str:
    stored = vault.read_setting(ALIAS_KEY)
    return stored if isinstance(stored, str) else ""


def remembered_org_unit(vault: Vault) -> str:
    stored = vault.read_setting(ORG_UNIT_KEY)
    return stored if isinstance(stored, str) else ""


def coordinator_org_units(vault: Vault) -> tuple[str, ...]:
    units = vault.read_setting("org_units")
    return tuple(str(u).strip() for u in units if str(u).strip()) if isinstance(units,
                                                                                list) else ()


def prove_journal_writable(vault: Vault, now: dt.datetime | None = None) -> None:
    """Write one small setting before the summary file is written: a journal that cannot take
    the record of what was sent (read-only, full, damaged, still being checked) then fails here,
    and no file leaves for months the journal would not remember sending."""
    moment = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    vault.write_setting(STARTED_AT_KEY, moment)


def remember_export(vault: Vault, alias: str | None, org_unit: str | None = None,
                    now: dt.datetime | None = None) -> None:
    moment = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    vault.write_setting(LAST_EXPORTED_AT_KEY, moment)
    vault.write_setting(ALIAS_KEY, clean_alias(alias) or "")
    vault.write_setting(ORG_UNIT_KEY, org_unit or "")


def plan_from_vault(vault: Vault, *, since: str | None = None, until: str | None = None,
                    connection: Connection | None = None, unsaved_drafts: int | None = None,
                    today: dt.date | None = None) -> ExportPlan:
    """`plan_export` over the journal. A worker thread passes its own `connection` (from
    `vault.connect_another()`) and the draft count read on the GUI thread."""
    source: Vault | Connection = connection if connection is not None else vault
    drafts = unsaved_drafts if unsaved_drafts is not None else len(DraftStore(vault).keys())
    return plan_export(MonthlyFiguresRepository(source), SentPeriodStore(source),
                       supporter_id=vault.journal_id, since=since, until=until,
                       unsaved_drafts=drafts, today=today)


def export_from_vault(vault: Vault, path: Path, *, since: str | None = None,
                      until: str | None = None, alias: str | None = None,
                      org_unit: str | None = None, plan: ExportPlan | None = None
                      ) -> ExportResult:
    """Plan (unless `plan` is given), sign and write; the CLI's whole export."""
    alias = clean_alias(alias)
    unit = clean_org_unit(org_unit, coordinator_org_units(vault))
    if org_unit and unit is None:
        raise ExportError(msg("The organisation unit {unit} is not on the coordinator's list "
                              "(Settings, Export). Choose one from the list or leave it out.",
                              unit=repr(org_unit)))
    plan = plan or plan_from_vault(vault, since=since, until=until)
    prove_journal_writable(vault)
    result = write_export(plan, path, SigningKeyStore(vault).key(), SentPeriodStore(vault),
                          alias=alias, org_unit=unit)
    remember_export(vault, alias, unit)
    return result
