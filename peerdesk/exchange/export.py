"""Export: plan which sessions become summary records, then write the summary file.

`plan_export` reads the journal and says exactly what will be written and what is left out
and why; `write_export` turns a plan into the file, checked against the schema before a byte
is written, atomically and with mode 0600. `export_from_vault` does both for the CLI.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import secrets
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from peerdesk import __version__
from peerdesk.exchange.deidentify import (
    ExportableSession,
    ExportError,
    ExportSettings,
    deidentify,
    period_code,
)
from peerdesk.exchange.format import (
    FORMAT,
    MAX_ALIAS_LENGTH,
    MAX_RECORDS,
    VERSION,
    encode_summary,
    records_checksum,
)
from peerdesk.exchange.validate import schema_problem
from peerdesk.fileio import write_atomic
from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.repository import PeriodCounts, SessionRepository
from peerdesk.referrals.repository import ResourceRepository
from peerdesk.settings import Settings
from peerdesk.taxonomy import Taxonomy, default_taxonomy
from peerdesk.translation import msg
from peerdesk.vault import Vault
from peerdesk.vault.vault import Connection

# Remembered in the journal's settings table (not declared settings: export state).
LAST_UNTIL_KEY = "export.last_until"
LAST_EXPORTED_AT_KEY = "export.last_exported_at"
ALIAS_KEY = "export.alias"
DEFAULT_DAYS = 30

ProgressCallback = Callable[[int, int], None]


class SessionSource(Protocol):
    """What export needs from `peerdesk.journal.repository.SessionRepository`: the counts of
    a period, and only its consented sessions, without their notes or reflection."""

    def period_counts(self, since: dt.date | None, until: dt.date | None) -> PeriodCounts: ...

    def consented_sessions_between(self, since: dt.date | None, until: dt.date | None
                                   ) -> Iterator[ExportableSession]: ...

    def count(self) -> int: ...


class DraftSource(Protocol):
    """What export needs from `peerdesk.journal.drafts.DraftStore`."""

    def keys(self) -> list[str]: ...


class ExportBugError(RuntimeError):
    """The summary PeerDesk built does not match its own schema: a bug, nothing written."""


@dataclass(frozen=True)
class LeftOut:
    no_consent: int = 0        # in the period, but the peer did not agree to be counted
    outside_period: int = 0    # saved sessions before `since` or after `until`
    unsaved_drafts: int = 0    # entries still being written: not sessions yet

    @property
    def total(self) -> int:
        return self.no_consent + self.outside_period + self.unsaved_drafts


@dataclass(frozen=True)
class ExportPlan:
    """Exactly what an export will write. `records` are sorted by id; treat them as read-only."""

    since: dt.date | None
    until: dt.date | None
    settings: ExportSettings
    supporter_id: str
    taxonomy_version: str
    records: tuple[dict[str, Any], ...]
    left_out: LeftOut
    # False when the referral directory could not be read: no resource ids are exported.
    resource_ids_available: bool = True
    period_from: str = ""
    period_to: str = ""

    @property
    def record_count(self) -> int:
        return len(self.records)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    export_id: str
    record_count: int
    left_out: LeftOut
    records_sha256: str
    envelope: Mapping[str, Any] = field(repr=False, default_factory=dict)


@contextlib.contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while an export builds ~100,000 small containers that
    all stay alive until it ends (records, then the file read back): they set off one or two
    full collections of the whole heap per 10,000 sessions (60-180 ms) that find nothing.
    The pause is process-wide but short (well under a second, also when a worker exports);
    reference counting still frees everything that is not in a cycle meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def default_period(last_until: dt.date | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """Since the day after the last export (never later than today), else the last 30 days."""
    if last_until is not None:
        return min(last_until + dt.timedelta(days=1), today), today
    return today - dt.timedelta(days=DEFAULT_DAYS - 1), today


def remembered_last_until(vault: Vault) -> dt.date | None:
    stored = vault.read_setting(LAST_UNTIL_KEY)
    if not isinstance(stored, str):
        return None
    try:
        return dt.date.fromisoformat(stored)
    except ValueError:
        return None


def remembered_alias(vault: Vault) -> str:
    stored = vault.read_setting(ALIAS_KEY)
    return stored if isinstance(stored, str) else ""


def remember_export(vault: Vault, plan: ExportPlan, alias: str | None,
                    now: dt.datetime | None = None) -> None:
    """After a successful write: the next export starts after this one's end (an export of
    an older period never moves that point back)."""
    previous = remembered_last_until(vault)
    if plan.until is not None and (previous is None or plan.until > previous):
        vault.write_setting(LAST_UNTIL_KEY, plan.until.isoformat())
    moment = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    vault.write_setting(LAST_EXPORTED_AT_KEY, moment)
    vault.write_setting(ALIAS_KEY, clean_alias(alias) or "")


def clean_alias(alias: str | None) -> str | None:
    """The supporter alias as written: trimmed, one line, or None; too long is an error."""
    if alias is None:
        return None
    cleaned = " ".join(alias.split())
    if not cleaned:
        return None
    if len(cleaned) > MAX_ALIAS_LENGTH:
        raise ExportError(msg("The supporter alias is longer than {limit} characters. Shorten "
                              "it and export again.", limit=MAX_ALIAS_LENGTH))
    return cleaned


def pack_resource_ids(vault: Vault, connection: Connection | None = None) -> frozenset[str]:
    """Ids of referral-directory entries that came from a resource pack (not "own")."""
    resources = ResourceRepository(vault, connection=connection).all()
    return frozenset(r.id for r in resources if not r.is_own)


def plan_export(
    repo: SessionSource,
    drafts: DraftSource | None,
    settings: ExportSettings,
    secret: bytes,
    since: dt.date | None,
    until: dt.date | None,
    *,
    supporter_id: str,
    pack_resource_ids: Collection[str] | None = frozenset(),
    taxonomy: Taxonomy | None = None,
    progress: ProgressCallback | None = None,
) -> ExportPlan:
    """Read the sessions dated `since`…`until` (inclusive; None: unbounded) and build the
    records that will be written, plus what is left out and why. Writes nothing."""
    if since is not None and until is not None and since > until:
        raise ExportError(msg("The period starts ({since}) after it ends ({until}). Choose a "
                              "start on or before the end.",
                              since=since.isoformat(), until=until.isoformat()))
    taxonomy = taxonomy or default_taxonomy()
    total = repo.count()
    counts = repo.period_counts(since, until)
    in_period, no_consent = counts.sessions, counts.without_consent
    known_ids = frozenset(pack_resource_ids) if pack_resource_ids is not None else frozenset()
    records: list[dict[str, Any]] = []
    done = no_consent  # sessions without consent are skipped before they are read
    with _cycle_collection_paused():
        for session in repo.consented_sessions_between(since, until):
            # deidentify refuses a session without consent too (ValueError: a bug)
            records.append(deidentify(session, settings, secret, known_ids, taxonomy))
            done += 1
            if progress is not None and done % 50 == 0:
                progress(done, total)
    if len(records) > MAX_RECORDS:
        raise ExportError(msg("{count} sessions is more than one summary file holds ({limit}). "
                              "Export a shorter period at a time.",
                              count=len(records), limit=MAX_RECORDS))
    records.sort(key=lambda record: str(record["id"]))
    if progress is not None:
        progress(in_period, total)

    start = since or counts.first_day or until or counts.last_day or dt.date.today()
    end = until or counts.last_day or start
    return ExportPlan(
        since=since,
        until=until,
        settings=settings,
        supporter_id=supporter_id,
        taxonomy_version=taxonomy.version,
        records=tuple(records),
        left_out=LeftOut(
            no_consent=no_consent,
            outside_period=max(total - in_period, 0),
            unsaved_drafts=len(drafts.keys()) if drafts is not None else 0,
        ),
        resource_ids_available=pack_resource_ids is not None,
        period_from=period_code(start, settings.period),
        period_to=period_code(end, settings.period),
    )


def build_envelope(
    plan: ExportPlan,
    *,
    alias: str | None = None,
    export_id: str | None = None,
    created_at: dt.datetime | None = None,
) -> dict[str, Any]:
    """The whole summary as a dict in file order. `export_id` / `created_at` are the test
    seam: left out, they are random and now (UTC, whole seconds)."""
    moment = created_at or dt.datetime.now(dt.UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    records = list(plan.records)
    return {
        "format": FORMAT,
        "version": VERSION,
        "export_id": export_id or secrets.token_hex(16),
        "created_at": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "app_version": __version__,
        "taxonomy_version": plan.taxonomy_version,
        "supporter": {"id": plan.supporter_id, "alias": clean_alias(alias)},
        "period": {
            "granularity": plan.settings.period,
            "from": plan.period_from,
            "to": plan.period_to,
        },
        "generalisation": {
            "period": plan.settings.period,
            "peer_key": plan.settings.include_peer_key,
            "org_unit": plan.settings.exports_org_unit,
        },
        "record_count": len(records),
        "records_sha256": records_checksum(records),
        "records": records,
    }


def check_envelope(envelope: Mapping[str, Any]) -> bytes:
    """Encode `envelope` and prove the bytes match the schema and the checksum; else a bug."""
    data = encode_summary(envelope)
    reread = json.loads(data)
    # The fast path reaches jsonschema's verdict (full validation costs ~1 ms a record).
    problem = schema_problem(reread)
    if problem is not None:
        raise ExportBugError(f"The summary does not match its schema: {problem}. "
                             "Nothing was written.")
    if reread["record_count"] != len(reread["records"]) or (
        records_checksum(reread["records"]) != reread["records_sha256"]
    ):
        raise ExportBugError("The summary's count or checksum does not match its records. "
                             "Nothing was written.")
    return data


def write_export(
    plan: ExportPlan,
    path: Path,
    *,
    alias: str | None = None,
    export_id: str | None = None,
    created_at: dt.datetime | None = None,
) -> ExportResult:
    """Validate, then write the summary atomically (temp file, fsync, rename; mode 0600)."""
    with _cycle_collection_paused():
        envelope = build_envelope(plan, alias=alias, export_id=export_id,
                                  created_at=created_at)
        data = check_envelope(envelope)
    write_atomic(Path(path), data)
    return ExportResult(
        path=Path(path),
        export_id=str(envelope["export_id"]),
        record_count=plan.record_count,
        left_out=plan.left_out,
        records_sha256=str(envelope["records_sha256"]),
        envelope=envelope,
    )


@dataclass(frozen=True)
class VaultExportInputs:
    """What must be read from the journal on the thread that owns its main connection."""

    settings: ExportSettings
    secret: bytes = field(repr=False)
    supporter_id: str = ""
    draft_keys: tuple[str, ...] = ()

    def keys(self) -> list[str]:  # a `DraftSource` frozen at the moment the inputs were read
        return list(self.draft_keys)


def read_export_inputs(vault: Vault) -> VaultExportInputs:
    secret = vault.meta("peer_key_secret")
    return VaultExportInputs(
        settings=ExportSettings.from_settings(Settings(vault)),
        secret=secret.encode("utf-8") if isinstance(secret, str) else bytes(secret),
        supporter_id=vault.journal_id,
        draft_keys=tuple(DraftStore(vault).keys()),
    )


def plan_from_vault(
    vault: Vault,
    since: dt.date | None,
    until: dt.date | None,
    *,
    inputs: VaultExportInputs | None = None,
    connection: Connection | None = None,
    progress: ProgressCallback | None = None,
) -> ExportPlan:
    """`plan_export` over the journal's repositories. A worker thread passes `inputs` read on
    the GUI thread and its own `connection` (from `vault.connect_another()`)."""
    inputs = inputs or read_export_inputs(vault)
    return plan_export(
        SessionRepository(vault, connection=connection),
        inputs,
        inputs.settings,
        inputs.secret,
        since,
        until,
        supporter_id=inputs.supporter_id,
        pack_resource_ids=pack_resource_ids(vault, connection),
        progress=progress,
    )
