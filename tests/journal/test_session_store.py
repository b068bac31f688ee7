"""Writing and reading whole sessions: saving, revisions, validation, timeline, retention."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.journal.model import Session
from peerdesk.journal.repository import (
    SessionAlreadySaved,
    SessionFilter,
    SessionNotFound,
    SessionRepository,
)
from peerdesk.journal.validation import SessionInvalid
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import localize
from peerdesk.vault import Vault
from tests.journal.factories import TODAY, full_session


@pytest.fixture
def repo(plain_vault: Vault) -> SessionRepository:
    return SessionRepository(plain_vault, today=lambda: TODAY)


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


def test_retention(repo: SessionRepository) -> None:
    for day in (1, 2, 3, 4):
        repo.add(full_session(date=dt.date(2026, 1, day)))
    cutoff = dt.date(2026, 1, 3)
    assert repo.count_older_than(cutoff) == 2
    assert repo.delete_older_than(cutoff) == 2
    assert repo.count_older_than(cutoff) == 0
    assert repo.count() == 2
    assert repo.delete_older_than(cutoff) == 0


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


def test_peer_codes_in_use_once_each_sorted_ignoring_case(repo: SessionRepository) -> None:
    for code in ("swift-wren-40", "Amber-owl-11", "amber-owl-11", "", "calm-otter-3",
                 "swift-wren-40", 'quote "and" comma, codes'):
        repo.add(dataclasses.replace(full_session(), peer_code=code))
    codes = repo.peer_codes()
    assert [c.lower() for c in codes] == ["amber-owl-11", "calm-otter-3",
                                          'quote "and" comma, codes', "swift-wren-40"]
    assert SessionRepository(repo.vault).peer_codes() == codes


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", max_size=30)
       .filter(lambda code: sum(c.isdigit() for c in code) < 7))
def test_a_code_left_out_of_the_review_can_never_look_identifying(code: str) -> None:
    """What `peer_codes(only_unusual=True)` leaves out (lowercase letters, digits, hyphens,
    under seven digits), `identifying_warnings` never warns about."""
    from peerdesk.journal.peer_code import identifying_warnings

    assert identifying_warnings(code) == []


def test_the_review_reads_only_codes_that_could_identify(repo: SessionRepository) -> None:
    codes = ("amber-owl-11", "calm-otter-3", "Maria Lopez", "jo@example.org", "07700900123",
             "p-1234567", "zoë-12", "quiet-fox")
    for code in codes:
        repo.add(dataclasses.replace(full_session(), peer_code=code))
    unusual = repo.peer_codes(only_unusual=True)
    assert sorted(unusual) == sorted(["Maria Lopez", "jo@example.org", "07700900123",
                                      "p-1234567", "zoë-12"])
