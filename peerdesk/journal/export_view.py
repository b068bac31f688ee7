"""The export view: what a summary export reads of the journal (coded fields of consented
sessions, never notes or reflections) and the counts its dialog shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from peerdesk.journal.journal_access import BATCH, JournalAccess, codes, date_or_none
from peerdesk.journal.session_store import period_where


@dataclass(frozen=True)
class CodedSession:
    """What export reads of a saved session: its codes, date, ids and the two values export
    generalises (peer code, org unit). Never its notes or reflection."""

    id: int
    summary_id: str
    revision: int
    date: dt.date
    duration_minutes: int
    kind: str
    group_size: int | None
    contact: str
    channel: str
    origin: str | None
    behaviours: frozenset[str]
    persistence: str | None
    source_relation: str | None
    impacts: frozenset[str]
    risk_flags: frozenset[str]
    support_given: frozenset[str]
    referral_types: frozenset[str]
    referral_resource_ids: tuple[str, ...]
    next_step: str | None
    follow_up_date: dt.date | None
    consent_to_count: bool
    peer_code: str
    org_unit: str | None


_CODED_COLUMNS = (
    "s.id, s.summary_id, s.revision, s.date, s.duration_minutes, s.kind, s.group_size, "
    "s.contact, s.channel, s.origin, s.behaviours, s.persistence, s.source_relation, "
    "s.impacts, s.risk_flags, s.support_given, s.referral_types, s.next_step, "
    "s.follow_up_date, s.consent_to_count, s.peer_code, s.org_unit"
)


@dataclass(frozen=True)
class PeriodCounts:
    """Sessions dated in a period: how many, how many without consent, first and last day."""

    sessions: int
    without_consent: int
    first_day: dt.date | None
    last_day: dt.date | None


class ExportView(JournalAccess):
    """Export's read path."""

    def period_counts(self, since: dt.date | None, until: dt.date | None) -> PeriodCounts:
        """How many sessions are dated `since`..`until` (inclusive, either open), how many of
        them lack consent, and their first and last day."""
        where, params = period_where(since, until)
        row = self._db.execute(
            "SELECT count(*), coalesce(sum(s.consent_to_count = 0), 0), min(s.date), "
            f"max(s.date) FROM session s{where}", params
        ).fetchone()
        return PeriodCounts(int(row[0]), int(row[1]), date_or_none(row[2]),
                            date_or_none(row[3]))

    def consented_sessions_between(self, since: dt.date | None, until: dt.date | None
                                   ) -> Iterator[CodedSession]:
        """The coded part of the sessions dated `since`..`until` whose peer agreed to be
        counted, by date ascending: export's read path (sessions without consent are
        skipped in SQL; notes and reflections are not read at all)."""
        where, params = period_where(since, until, "s.consent_to_count = 1")
        cursor = self._db.execute(
            f"SELECT {_CODED_COLUMNS} FROM session s{where} ORDER BY s.date, s.start_time, s.id",
            params,
        )
        date_of = dt.date.fromisoformat
        try:
            while rows := cursor.fetchmany(BATCH):
                referrals = self._referrals_for([int(row[0]) for row in rows])
                for (session_id, summary_id, revision, date, duration, kind, group_size,
                     contact, channel, origin, behaviours, persistence, source_relation,
                     impacts, risk_flags, support_given, referral_types, next_step,
                     follow_up_date, consent, peer_code, org_unit) in rows:
                    yield CodedSession(
                        id=int(session_id),
                        summary_id=str(summary_id),
                        revision=int(revision),
                        date=date_of(date),
                        duration_minutes=int(duration),
                        kind=str(kind),
                        group_size=None if group_size is None else int(group_size),
                        contact=str(contact),
                        channel=str(channel),
                        origin=origin,
                        behaviours=codes(behaviours),
                        persistence=persistence,
                        source_relation=source_relation,
                        impacts=codes(impacts),
                        risk_flags=codes(risk_flags),
                        support_given=codes(support_given),
                        referral_types=codes(referral_types),
                        referral_resource_ids=referrals.get(int(session_id), ()),
                        next_step=next_step,
                        follow_up_date=date_of(follow_up_date) if follow_up_date else None,
                        consent_to_count=bool(consent),
                        peer_code=str(peer_code),
                        org_unit=org_unit,
                    )
        finally:
            cursor.close()

