"""Full-text search (FTS5 inside the vault) and proof that deleted text leaves the file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionFilter, SessionRepository, SessionRow
from peerdesk.journal.search import fts_query
from peerdesk.vault import Vault
from peerdesk.vault.vault import _configure
from tests.conftest import PASSPHRASE, journal_files


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("rota", '"rota"*'),
        ("left off  rota", '"left" "off" "rota"*'),
        ('say "hi" AND (x OR y) NEAR/2', '"say" """hi""" "AND" "(x" "OR" "y)" "NEAR/2"*'),
        ("!!! ... -- ", None),
        ("", None),
        ("amber-heron", '"amber-heron"*'),
    ],
)
def test_fts_query_quotes_words_and_prefixes_last(typed: str, query: str | None) -> None:
    assert fts_query(typed) == query


@pytest.fixture
def repo(plain_vault: Vault) -> SessionRepository:
    return SessionRepository(plain_vault)


def _session(**changes: object) -> Session:
    base = Session(date=dt.date(2026, 2, 1), channel="in_person", peer_code="cedar-owl-3",
                   notes="We talked about the meeting.", source_relation="peer")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_search_notes_with_snippet(repo: SessionRepository) -> None:
    hit = repo.add(_session(notes="Long story. Talked about being left off the rota again; "
                                  "explored options with the union."))
    repo.add(_session(notes="Nothing about shifts here."))
    rows = repo.page(SessionFilter(text="rota"))
    assert [r.id for r in rows] == [hit.id]
    assert rows[0].snippet is not None
    assert "«rota»" in rows[0].snippet
    assert repo.count(SessionFilter(text="rota")) == 1


def test_search_while_typing_matches_prefix_and_accents(repo: SessionRepository) -> None:
    hit = repo.add(_session(notes="Met at the café after the rotation meeting."))
    assert [r.id for r in repo.page(SessionFilter(text="rotat"))] == [hit.id]
    assert [r.id for r in repo.page(SessionFilter(text="cafe"))] == [hit.id]
    assert repo.page(SessionFilter(text="rotat meeting x")) == []


def test_search_finds_labels_of_coded_fields(repo: SessionRepository) -> None:
    phone = repo.add(_session(channel="phone"))
    manager = repo.add(_session(source_relation="manager"))
    assert [r.id for r in repo.page(SessionFilter(text="phone"))] == [phone.id]
    rows = repo.page(SessionFilter(text="Manager"))
    assert [r.id for r in rows] == [manager.id]
    assert "«Manager»" in (rows[0].snippet or "")


def test_search_finds_peer_code(repo: SessionRepository) -> None:
    hit = repo.add(_session(peer_code="amber-heron-27"))
    repo.add(_session(peer_code="amber-fox-1"))
    assert [r.id for r in repo.page(SessionFilter(text="amber-heron"))] == [hit.id]
    assert repo.count(SessionFilter(text="amber")) == 2


def test_notes_snippet_preferred_when_notes_match(repo: SessionRepository) -> None:
    repo.add(_session(channel="phone", notes="They prefer the phone to meetings."))
    (row,) = repo.page(SessionFilter(text="phone"))
    assert row.snippet == "They prefer the «phone» to meetings."


@pytest.mark.parametrize("typed", ["!!!", '"', "(", "*", "AND", "NEAR(", "-", "' OR 1=1 --"])
def test_odd_input_never_raises(repo: SessionRepository, typed: str) -> None:
    repo.add(_session())
    assert repo.count(SessionFilter(text=typed)) == len(repo.page(SessionFilter(text=typed)))


def test_punctuation_only_finds_nothing(repo: SessionRepository) -> None:
    repo.add(_session())
    assert repo.page(SessionFilter(text="?!…")) == []
    assert repo.count(SessionFilter(text="?!…")) == 0


def test_search_combines_with_filters(repo: SessionRepository) -> None:
    repo.add(_session(notes="rota", consent_to_count=False))
    hit = repo.add(_session(notes="rota", consent_to_count=True))
    assert [r.id for r in repo.page(SessionFilter(text="rota", consent=True))] == [hit.id]


def test_edited_text_is_searched_and_old_text_is_not(repo: SessionRepository) -> None:
    saved = repo.add(_session(notes="first version about parking"))
    repo.update(dataclasses.replace(saved, notes="second version about lunch"))
    assert repo.count(SessionFilter(text="parking")) == 0
    assert repo.count(SessionFilter(text="lunch")) == 1


def _match_statements(repo: SessionRepository, action: Callable[[], object]) -> list[str]:
    statements: list[str] = []
    connection = repo._db
    connection.set_trace_callback(statements.append)
    try:
        action()
    finally:
        connection.set_trace_callback(None)
    return [s for s in statements if "MATCH" in s]


def test_a_search_pages_from_the_match_set_without_a_table_of_every_match(
        repo: SessionRepository) -> None:
    repo.add_many(_session(notes=f"rota note {n}") for n in range(30))
    flt = SessionFilter(text="rota")

    def list_it() -> None:
        assert repo.count(flt) == 30
        pages = [repo.page(flt, offset=offset, limit=10) for offset in (0, 10, 20)]
        assert [r.id for page in pages for r in page] == list(range(30, 0, -1))
        assert all(r.snippet and "«rota»" in r.snippet for page in pages for r in page)

    matching = _match_statements(repo, list_it)
    assert matching
    assert not any("INSERT INTO temp." in s for s in matching)
    # snippets only for the rows asked for, and none for rows that do not match
    found = repo.snippets("rota", [1, 2, 999])
    assert sorted(found) == [1, 2]
    assert all("«rota»" in s for s in found.values())


@pytest.mark.parametrize("same_day", [False, True])
def test_the_first_rows_snippets_come_in_the_same_pass_over_the_index(
        repo: SessionRepository, same_day: bool) -> None:
    """A search's first page with its first rows' snippets reads the index once (a second
    pass repeats its whole work, most of the cost of "shouted at work"); rows logged out of
    time order on a busy day still get theirs."""
    rng = random.Random(3)
    repo.add_many(_session(
        date=dt.date(2026, 1, 1) + dt.timedelta(days=0 if same_day else n),
        start_time=dt.time(rng.randrange(8, 18), rng.choice((0, 30))) if same_day else None,
        notes=f"shouted at work, note {n}") for n in range(300))
    flt = SessionFilter(text="shouted at wor")
    pages: list[list[SessionRow]] = []
    matching = _match_statements(repo, lambda: pages.append(
        repo.page(flt, limit=200, snippets=False, first_snippets=40)))
    rows = pages[0]
    assert [r.id for r in rows] == [r.id for r in repo.page(flt, limit=200)]  # the same page
    assert all(r.snippet and "«shouted»" in r.snippet for r in rows[:40])
    if not same_day:
        assert len(matching) == 1  # ids follow dates: one pass made every snippet wanted
    plain = repo.page(flt, limit=200, snippets=False)
    assert all(r.snippet is None for r in plain)


def test_a_search_with_no_match_reads_nothing_else(repo: SessionRepository) -> None:
    repo.add_many(_session(notes=f"rota note {n}") for n in range(30))
    statements: list[str] = []
    repo._db.set_trace_callback(statements.append)
    try:
        assert repo.page(SessionFilter(text="zzqx")) == []
        assert repo.count(SessionFilter(text="zzqx")) == 0
    finally:
        repo._db.set_trace_callback(None)
    ours = [s for s in statements if not s.startswith("--")]  # not FTS5's own statements
    assert len(ours) == 2
    assert all("session_fts MATCH" in s for s in ours)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_newest_matches_first_whatever_order_sessions_were_logged_in(
        repo: SessionRepository, seed: int) -> None:
    """Sessions logged late, forward-dated or on the same day: the page equals sorting every
    match by date, time and id, newest first."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    sessions = [
        _session(date=start + dt.timedelta(days=rng.randrange(400) if rng.random() < 0.3
                                           else n // 3),
                 start_time=rng.choice([None, dt.time(9, 0), dt.time(14, 30)]),
                 notes="rota change" if rng.random() < 0.6 else "parking")
        for n in range(900)
    ]
    repo.add_many(sessions)
    expected = _newest_first_with(sessions, "rota")
    flt = SessionFilter(text="rot")
    got = [r.id for offset in (0, 200, 400) for r in repo.page(flt, offset=offset, limit=200)]
    assert got == expected[:600]
    assert repo.count(flt) == len(expected)


def _newest_first_with(sessions: list[Session], word: str) -> list[int]:
    """The ids (1, 2, … in the order added) of the sessions whose notes hold `word`, sorted as
    the list sorts them: date, time (none first), id, newest first."""
    return [number for *_, number in sorted(
        ((s.date, s.start_time.isoformat() if s.start_time else "", number)
         for number, s in enumerate(sessions, start=1) if word in s.notes),
        reverse=True)]


@pytest.mark.parametrize("limits", [None, (5, 10_000), (2000, 300)])
def test_newest_matches_first_on_busy_days_logged_in_any_time_order(
        repo: SessionRepository, monkeypatch: pytest.MonkeyPatch,
        limits: tuple[int, int] | None) -> None:
    """Many sessions a day, logged in date order but not in time order (as the benchmark's
    journals): the page still equals sorting every match; so it does when the candidates or
    the ids to read below the first page are over their limits (the plan over every match)."""
    from peerdesk.journal import listing

    if limits is not None:
        monkeypatch.setattr(listing, "_NEWEST_MATCHES_UP_TO", limits[0])
        monkeypatch.setattr(listing, "_NEWEST_MATCHES_READ_UP_TO", limits[1])
    rng = random.Random(7)
    sessions = [
        _session(date=dt.date(2025, 1, 1) + dt.timedelta(days=n // 150),
                 start_time=dt.time(rng.randrange(8, 18), rng.choice((0, 15, 30, 45))),
                 notes="rota change" if rng.random() < 0.7 else "parking")
        for n in range(900)
    ]
    repo.add_many(sessions)
    flt = SessionFilter(text="rota")
    got = [r.id for offset in (0, 200) for r in repo.page(flt, offset=offset, limit=200)]
    assert got == _newest_first_with(sessions, "rota")[:400]


def test_one_and_two_letter_prefixes_use_the_prefix_index(repo: SessionRepository) -> None:
    repo.add(_session(notes="Talked about the manager"))
    repo.add(_session(notes="Tea break chat"))
    assert repo.count(SessionFilter(text="m")) == 1
    assert repo.count(SessionFilter(text="ma")) == 1
    assert repo.count(SessionFilter(text="t")) == 2
    sql = repo._db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'session_fts'").fetchone()[0]
    assert "prefix = '1 2'" in sql


def test_search_results_follow_every_change(repo: SessionRepository, plain_vault: Vault) -> None:
    first = repo.add(_session(notes="about the rota"))
    flt = SessionFilter(text="rota")
    assert repo.count(flt) == 1
    second = repo.add(_session(notes="rota again"))
    assert repo.count(flt) == 2
    assert [r.id for r in repo.page(flt)] == [second.id, first.id]
    repo.update(dataclasses.replace(first, notes="nothing now"))
    assert [r.id for r in repo.page(flt)] == [second.id]
    # another repository on the same connection, and another connection (a worker's)
    SessionRepository(plain_vault).add(_session(notes="rota three"))
    assert repo.count(flt) == 2
    other = sqlcipher3.connect(str(plain_vault.path), isolation_level=None)
    try:
        _configure(other)
        SessionRepository(plain_vault, connection=other).delete(second.id or 0)
    finally:
        other.close()
    assert repo.count(flt) == 1
    assert [r.notes for r in (repo.get(r.id) for r in repo.page(flt))] == ["rota three"]
    # a different search on the same connection does not leak into this one
    assert SessionRepository(plain_vault).count(SessionFilter(text="nothing")) == 1
    assert repo.count(flt) == 1


# -- deleted text leaves the file ---------------------------------------------------------------

MARKER = "zqvmarkerjk"


def _fill_and_remove(vault: Vault) -> None:
    """Write the marker in notes, reflection and peer code; delete one, edit the other."""
    repo = SessionRepository(vault)
    repo.add_many(_session(notes=f"ordinary note {n} about the rota", peer_code=f"oak-{n}")
                  for n in range(40))
    doomed = repo.add(_session(notes=f"before {MARKER}notes after",
                               reflection=f"{MARKER}reflection", peer_code=f"{MARKER}peer"))
    edited = repo.add(_session(notes=f"keep this but not {MARKER}edit", peer_code="keep"))
    assert repo.count(SessionFilter(text=MARKER)) == 2
    repo.delete(doomed.id or 0)
    repo.update(dataclasses.replace(edited, notes="keep this"))
    assert repo.count(SessionFilter(text=MARKER)) == 0
    assert repo.count(SessionFilter(text="keep")) == 1


def test_deleted_and_edited_text_leaves_every_file(plain_vault: Vault) -> None:
    # Encryption hides the marker anyway; the plaintext twin proves SQLite itself
    # (secure_delete) and FTS5 ('secure-delete') really remove the text, free space included.
    plaintext_vault = plain_vault
    path = plaintext_vault.path
    _fill_and_remove(plaintext_vault)
    files = journal_files(path)
    assert any(p.name.endswith("-wal") for p in files)  # checked while still open, too
    for file in files:
        assert MARKER.encode() not in file.read_bytes(), file.name
    plaintext_vault.close()
    files = journal_files(path)
    assert path in files
    for file in files:
        data = file.read_bytes()
        assert MARKER.encode() not in data, file.name
        assert MARKER.encode("utf-16-le") not in data, file.name
    # and the rest is still there, readable as plain SQLite
    assert b"ordinary note 7 about the rota" in path.read_bytes()


def test_encrypted_journal_holds_no_marker_after_delete(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE) as vault:
        _fill_and_remove(vault)
    for file in [f for f in journal_files(journal_path) if f.is_file()]:
        assert MARKER.encode() not in file.read_bytes(), file.name
    with Vault.open(journal_path, PASSPHRASE) as vault:
        assert SessionRepository(vault).count() == 41


def test_fts_secure_delete_is_on(vault: Vault) -> None:
    value = vault.connection.execute(
        "SELECT v FROM session_fts_config WHERE k = 'secure-delete'").fetchone()
    assert value is not None
    assert int(value[0]) == 1
