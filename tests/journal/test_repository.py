"""SessionRepository: saving, revisions, filters, sorting, paging, follow-ups, timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.journal.model import Session
from peerdesk.journal.repository import (
    SORT_KEYS,
    PeriodCounts,
    SessionAlreadySaved,
    SessionFilter,
    SessionNotFound,
    SessionRepository,
)
from peerdesk.journal.validation import SessionInvalid
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import localize
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def repo(plain_vault: Vault) -> SessionRepository:
    return SessionRepository(plain_vault, today=lambda: TODAY)


def full_session(**changes: object) -> Session:
    base = Session(
        date=dt.date(2026, 3, 2),
        start_time=dt.time(14, 30),
        duration_minutes=45,
        kind="group",
        group_size=4,
        contact="follow_up",
        channel="video",
        origin="manager_hr_referred",
        behaviours=frozenset({"work_related", "online"}),
        persistence="over_six_months",
        source_relation="manager",
        impacts=frozenset({"sleep_health"}),
        risk_flags=frozenset({"health_crisis"}),
        support_given=frozenset({"listened", "referral"}),
        referral_types=frozenset({"eap"}),
        referral_resource_ids=("pack:eap-line", "own:42"),
        next_step="informal_resolution",
        follow_up_date=dt.date(2026, 3, 16),
        follow_up_done=False,
        consent_to_count=True,
        conflict_of_interest=True,
        peer_code="amber-heron-27",
        org_unit="north",
        notes="Talked about being left off the rota again.",
        reflection="Felt tired afterwards.",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_add_returns_saved_copy_and_get_round_trips(repo: SessionRepository) -> None:
    draft = full_session()
    saved = repo.add(draft)
    assert saved.id is not None
    assert saved.revision == 1
    assert saved.summary_id == draft.summary_id
    assert saved.created_at is not None
    assert saved.created_at == saved.updated_at
    assert repo.get(saved.id) == saved


def test_update_grows_revision_and_keeps_summary_id(repo: SessionRepository) -> None:
    saved = repo.add(full_session())
    changed = repo.update(dataclasses.replace(saved, notes="Second thoughts.",
                                              summary_id="f" * 32, revision=99))
    assert changed.revision == 2
    assert changed.summary_id == saved.summary_id
    assert changed.created_at == saved.created_at
    again = repo.update(dataclasses.replace(changed, behaviours=frozenset({"retaliation"}),
                                            referral_resource_ids=("x",)))
    assert again.revision == 3
    stored = repo.get(saved.id or 0)
    assert stored == again
    assert stored.behaviours == frozenset({"retaliation"})
    assert stored.referral_resource_ids == ("x",)
    assert repo.count(SessionFilter(behaviour="online")) == 0


def test_add_twice_is_refused(repo: SessionRepository) -> None:
    saved = repo.add(full_session())
    with pytest.raises(SessionAlreadySaved):
        repo.add(saved)
    assert repo.count() == 1


def test_missing_sessions_raise_not_found(repo: SessionRepository) -> None:
    with pytest.raises(SessionNotFound):
        repo.get(404)
    with pytest.raises(SessionNotFound):
        repo.delete(404)
    with pytest.raises(SessionNotFound):
        repo.update(full_session(id=404))
    with pytest.raises(SessionNotFound):
        repo.set_follow_up_done(404)


def test_delete_removes_session_and_children(repo: SessionRepository,
                                             plain_vault: Vault) -> None:
    saved = repo.add(full_session())
    repo.delete(saved.id or 0)
    assert repo.count() == 0
    conn = plain_vault.connection
    assert conn.execute("SELECT count(*) FROM session_referral").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM session_behaviour").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("changes", "names"),
    [
        ({"channel": "fax"}, ("channel", "fax")),
        ({"kind": "crowd"}, ("kind", "crowd")),
        ({"origin": "nope"}, ("origin", "nope")),
        ({"behaviours": frozenset({"work_related", "shouting"})}, ("behaviours", "shouting")),
        ({"risk_flags": frozenset({"danger"})}, ("risk_flags", "danger")),
        ({"next_step": "quit"}, ("next_step", "quit")),
    ],
)
def test_unknown_codes_are_refused_naming_field_and_code(
    repo: SessionRepository, changes: dict[str, object], names: tuple[str, str]
) -> None:
    with pytest.raises(SessionInvalid) as caught:
        repo.add(full_session(**changes))
    for name in names:
        assert name in str(caught.value)
    assert repo.count() == 0


@pytest.mark.parametrize("changes", [{"duration_minutes": -5}, {"duration_minutes": 2000},
                                     {"group_size": 1}])
def test_impossible_numbers_are_refused(repo: SessionRepository,
                                        changes: dict[str, object]) -> None:
    with pytest.raises(SessionInvalid):
        repo.add(full_session(**changes))


def test_a_refused_session_is_explained_in_spanish_too(repo: SessionRepository) -> None:
    with pytest.raises(SessionInvalid) as caught:
        repo.add(full_session(duration_minutes=-5))
    assert str(caught.value) == ("The duration (-5 minutes) must be a whole number of minutes "
                                 "from 0 to 1440. Nothing was saved.")
    assert localize(caught.value, "es") == (
        "La duración (-5 minutos) debe ser un número entero de minutos entre 0 y 1440. "
        "No se ha guardado nada.")


def test_update_validates_too(repo: SessionRepository) -> None:
    saved = repo.add(full_session())
    with pytest.raises(SessionInvalid):
        repo.update(dataclasses.replace(saved, contact="second"))
    assert repo.get(saved.id or 0) == saved


def test_add_many_is_all_or_nothing(repo: SessionRepository) -> None:
    good = [full_session(), full_session()]
    assert repo.add_many(good) == 2
    with pytest.raises(SessionInvalid):
        repo.add_many([full_session(), full_session(channel="fax")])
    twin = full_session()
    with pytest.raises(SessionAlreadySaved):
        repo.add_many([full_session(), twin, twin])
    assert repo.count() == 2
    many = [full_session(referral_resource_ids=(f"r{i}",)) for i in range(1203)]
    assert repo.add_many(many) == 1203
    stored = list(repo.sessions_between(None, None))
    assert len(stored) == 1205
    assert {s.summary_id for s in stored} >= {s.summary_id for s in many}
    assert all(s.revision == 1 for s in stored)
    last = max(stored, key=lambda s: s.id or 0)
    assert last.referral_resource_ids == ("r1202",)
    assert repo.add(full_session()).id == (last.id or 0) + 1


@pytest.fixture(scope="module")
def seeded(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SessionRepository, dict[str, int]]]:
    """One read-only journal with four sessions, shared by the filter and sort tests."""
    with Vault.create(tmp_path_factory.mktemp("seeded") / "j.peerdesk", PASSPHRASE) as vault:
        repo = SessionRepository(vault, today=lambda: TODAY)
        yield repo, _seed(repo)


def _seed(repo: SessionRepository) -> dict[str, int]:
    ids = {}
    specs = {
        "a": full_session(date=dt.date(2026, 1, 5), channel="phone", peer_code="Blue-Fox-1",
                          behaviours=frozenset({"online"}), consent_to_count=False,
                          follow_up_date=dt.date(2026, 3, 1), duration_minutes=10,
                          contact="first"),
        "b": full_session(date=dt.date(2026, 2, 5), channel="in_person", peer_code="amber-heron-27",
                          behaviours=frozenset({"work_related"}), consent_to_count=True,
                          follow_up_date=dt.date(2026, 3, 10), duration_minutes=60,
                          contact="follow_up"),
        "c": full_session(date=dt.date(2026, 3, 5), channel="video", peer_code="cedar-owl-3",
                          behaviours=frozenset({"work_related", "online"}), consent_to_count=True,
                          follow_up_date=dt.date(2026, 4, 1), duration_minutes=30,
                          contact="first"),
        "d": full_session(date=dt.date(2026, 3, 5), start_time=None, channel="chat",
                          peer_code="", behaviours=frozenset(), consent_to_count=False,
                          follow_up_date=None, duration_minutes=20, contact="first"),
    }
    for name, session in specs.items():
        ids[name] = repo.add(session).id or 0
    return ids


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (SessionFilter(), "abcd"),
        (SessionFilter(date_from=dt.date(2026, 2, 5)), "bcd"),
        (SessionFilter(date_to=dt.date(2026, 2, 5)), "ab"),
        (SessionFilter(date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 2, 28)), "b"),
        (SessionFilter(behaviour="online"), "ac"),
        (SessionFilter(behaviour="retaliation"), ""),
        (SessionFilter(channel="video"), "c"),
        (SessionFilter(consent=True), "bc"),
        (SessionFilter(consent=False), "ad"),
        (SessionFilter(follow_up_due=True), "ab"),
        (SessionFilter(peer_code="AMBER-HERON-27"), "b"),
        (SessionFilter(behaviour="online", consent=True), "c"),
    ],
)
def test_filters(seeded: tuple[SessionRepository, dict[str, int]], flt: SessionFilter,
                 expected: str) -> None:
    repo, ids = seeded
    names = {v: k for k, v in ids.items()}
    rows = repo.page(flt, sort="date", descending=False)
    assert "".join(sorted(names[row.id] for row in rows)) == expected
    assert repo.count(flt) == len(expected)


def test_follow_up_due_filter_ignores_done(repo: SessionRepository) -> None:
    ids = _seed(repo)
    repo.set_follow_up_done(ids["a"])
    assert [r.id for r in repo.page(SessionFilter(follow_up_due=True))] == [ids["b"]]
    repo.set_follow_up_done(ids["a"], done=False)
    assert repo.count(SessionFilter(follow_up_due=True)) == 2


@pytest.mark.parametrize(
    ("sort", "expected_ascending"),
    [
        ("date", "abdc"),  # same date: no start time sorts before 14:30
        ("peer_code", "dbac"),  # case-insensitive: '', amber, Blue, cedar
        ("contact", "adcb"),  # first (by date), then follow_up
        ("channel", "dbac"),  # chat, in_person, phone, video
        ("duration", "adcb"),
        ("follow_up_date", "dabc"),  # none first
        ("consent", "adbc"),
    ],
)
def test_sorting_each_key(seeded: tuple[SessionRepository, dict[str, int]], sort: str,
                          expected_ascending: str) -> None:
    repo, ids = seeded
    names = {v: k for k, v in ids.items()}
    ascending = "".join(names[r.id] for r in repo.page(SessionFilter(), sort, descending=False))
    descending = "".join(names[r.id] for r in repo.page(SessionFilter(), sort, descending=True))
    assert ascending == expected_ascending
    assert descending == expected_ascending[::-1]


def test_sort_keys_are_the_contract() -> None:
    assert SORT_KEYS == ("date", "peer_code", "contact", "channel", "duration",
                         "follow_up_date", "consent")


def test_unknown_sort_key_is_a_bug(repo: SessionRepository) -> None:
    with pytest.raises(ValueError, match="sort key"):
        repo.page(SessionFilter(), sort="notes")


def test_paging_is_stable_and_complete(repo: SessionRepository) -> None:
    repo.add_many(full_session(date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 7),
                               start_time=None) for i in range(53))
    seen: list[int] = []
    for offset in range(0, 60, 10):
        seen += [r.id for r in repo.page(SessionFilter(), offset=offset, limit=10)]
    assert len(seen) == 53
    assert len(set(seen)) == 53
    assert repo.page(SessionFilter(), offset=60) == []
    assert repo.count() == 53


def test_row_carries_list_columns(repo: SessionRepository) -> None:
    saved = repo.add(full_session())
    (row,) = repo.page(SessionFilter())
    assert row.id == saved.id
    assert row.date == saved.date
    assert row.start_time == dt.time(14, 30)
    assert row.duration_minutes == 45
    assert (row.kind, row.contact, row.channel) == ("group", "follow_up", "video")
    assert row.peer_code == "amber-heron-27"
    assert row.behaviours == frozenset({"work_related", "online"})
    assert row.risk_flags == frozenset({"health_crisis"})
    assert row.consent_to_count is True
    assert row.follow_up_date == dt.date(2026, 3, 16)
    assert row.follow_up_done is False
    assert row.snippet is None


def test_follow_up_buckets(repo: SessionRepository) -> None:
    made = {}
    for name, due, done in [("old", dt.date(2026, 2, 1), False), ("late", TODAY - dt.timedelta(1),
                            False), ("today", TODAY, False), ("soon", TODAY + dt.timedelta(1),
                            False), ("later", TODAY + dt.timedelta(30), False),
                            ("finished", TODAY - dt.timedelta(3), True), ("none", None, False)]:
        made[name] = repo.add(full_session(follow_up_date=due, follow_up_done=done)).id
    buckets = repo.follow_ups(TODAY)
    assert [r.id for r in buckets.overdue] == [made["old"], made["late"]]
    assert [r.id for r in buckets.due_today] == [made["today"]]
    assert [r.id for r in buckets.upcoming] == [made["soon"], made["later"]]
    assert buckets.due_count == 3
    assert repo.follow_ups_due(TODAY) == 3
    assert repo.follow_ups_due(TODAY - dt.timedelta(1)) == 2
    repo.set_follow_up_done(made["today"] or 0)
    assert repo.follow_ups(TODAY).due_today == []
    assert repo.follow_ups_due(TODAY) == 2
    assert repo.get(made["today"] or 0).revision == 2


def test_follow_up_lists_can_be_capped(repo: SessionRepository) -> None:
    day = dt.timedelta(days=1)
    repo.add_many(full_session(follow_up_date=TODAY - (n + 1) * day) for n in range(5))
    repo.add_many(full_session(follow_up_date=TODAY + (n + 1) * day) for n in range(4))
    repo.add(full_session(follow_up_date=TODAY))
    whole = repo.follow_ups(TODAY)
    capped = repo.follow_ups(TODAY, limit=3)
    assert capped.overdue == whole.overdue[:3]
    assert capped.upcoming == whole.upcoming[:3]
    assert (capped.overdue_count, capped.upcoming_count, capped.due_count) == (5, 4, 6)
    assert (whole.overdue_count, whole.upcoming_count, whole.due_count) == (5, 4, 6)
    roomy = repo.follow_ups(TODAY, limit=10)
    assert roomy == whole  # nothing cut: no totals needed


def test_peer_timeline_oldest_first_and_peer_codes(repo: SessionRepository) -> None:
    third = repo.add(full_session(date=dt.date(2026, 3, 1), peer_code="amber-heron-27"))
    first = repo.add(full_session(date=dt.date(2026, 1, 1), peer_code="amber-heron-27"))
    second = repo.add(full_session(date=dt.date(2026, 2, 1), peer_code="Amber-Heron-27"))
    repo.add(full_session(date=dt.date(2026, 2, 1), peer_code="cedar-owl-3"))
    repo.add(full_session(peer_code=""))
    assert repo.peer_timeline(" amber-heron-27 ") == [first, second, third]
    assert repo.peer_timeline("") == []
    assert [c.casefold() for c in repo.peer_codes()] == ["amber-heron-27", "cedar-owl-3"]


def test_sessions_between_by_date(repo: SessionRepository) -> None:
    made = [repo.add(full_session(date=dt.date(2026, 1, 1) + dt.timedelta(days=d)))
            for d in (5, 1, 3, 9)]
    everything = list(repo.sessions_between(None, None))
    assert [s.date.day for s in everything] == [2, 4, 6, 10]
    window = list(repo.sessions_between(dt.date(2026, 1, 4), dt.date(2026, 1, 6)))
    assert {s.id for s in window} == {made[0].id, made[2].id}
    assert window == sorted(window, key=lambda s: s.date)


def test_export_reads_only_consented_coded_sessions(repo: SessionRepository) -> None:
    first = dt.date(2026, 1, 1)
    made = [repo.add(full_session(date=first + dt.timedelta(days=d), consent_to_count=consent))
            for d, consent in ((5, True), (1, False), (3, True), (9, True))]
    coded = list(repo.consented_sessions_between(first + dt.timedelta(days=2), None))
    assert [c.id for c in coded] == [made[2].id, made[0].id, made[3].id]  # by date
    full = {s.id: s for s in repo.sessions_between(None, None)}
    for item in coded:
        assert not hasattr(item, "notes")
        assert not hasattr(item, "reflection")
        whole = full[item.id]
        for field in dataclasses.fields(item):
            assert getattr(item, field.name) == getattr(whole, field.name), field.name
    counts = repo.period_counts(first, first + dt.timedelta(days=5))
    assert counts == PeriodCounts(3, 1, first + dt.timedelta(days=1), first + dt.timedelta(days=5))
    assert repo.period_counts(None, None).sessions == 4
    assert repo.period_counts(first + dt.timedelta(days=20), None) == PeriodCounts(0, 0, None, None)


def test_retention(repo: SessionRepository) -> None:
    for day in (1, 2, 3, 4):
        repo.add(full_session(date=dt.date(2026, 1, day)))
    cutoff = dt.date(2026, 1, 3)
    assert repo.count_older_than(cutoff) == 2
    assert repo.delete_older_than(cutoff) == 2
    assert repo.count_older_than(cutoff) == 0
    assert repo.count() == 2
    assert repo.delete_older_than(cutoff) == 0


def test_worker_connection(vault: Vault) -> None:
    conn = vault.connect_another()
    try:
        worker = SessionRepository(vault, connection=conn)
        saved = worker.add(full_session())
        assert SessionRepository(vault).get(saved.id or 0) == saved
    finally:
        conn.close()


# -- property: any valid session round-trips ----------------------------------------------------

_TAX = default_taxonomy()


def _one(key: str) -> st.SearchStrategy[str]:
    return st.sampled_from(_TAX.field(key).codes())


def _optional(key: str) -> st.SearchStrategy[str | None]:
    return st.none() | _one(key)


def _many(key: str) -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(_one(key))


_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
                max_size=60)

valid_sessions = st.builds(
    Session,
    date=st.dates(dt.date(1970, 1, 1), dt.date.today() + dt.timedelta(days=365)),
    duration_minutes=st.integers(0, 1440),
    start_time=st.none() | st.times(),
    kind=_one("kind"),
    group_size=st.none() | st.integers(2, 1000),
    contact=_one("contact"),
    channel=_one("channel"),
    origin=_optional("origin"),
    behaviours=_many("behaviour"),
    persistence=_optional("persistence"),
    source_relation=_optional("source_relation"),
    impacts=_many("impact"),
    risk_flags=_many("risk_flag"),
    support_given=_many("support_given"),
    referral_types=_many("referral_type"),
    referral_resource_ids=st.lists(st.text("abcxyz:-0123", min_size=1, max_size=8),
                                   max_size=4).map(tuple),
    next_step=_optional("next_step"),
    follow_up_date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    follow_up_done=st.booleans(),
    consent_to_count=st.booleans(),
    conflict_of_interest=st.booleans(),
    peer_code=_text,
    org_unit=st.none() | _text,
    notes=_text,
    reflection=_text,
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(session=valid_sessions)
def test_any_valid_session_round_trips(repo: SessionRepository, session: Session) -> None:
    saved = repo.add(session)
    assert repo.get(saved.id or 0) == saved
    assert dataclasses.replace(saved, id=None, revision=0, created_at=None,
                               updated_at=None) == session
