"""Importing signed v2 summaries: enrolment, replace semantics, and every hostile file refused
with one line naming it and the program data byte-identical."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from peerdesk.exchange.format import MAX_SUMMARY_BYTES, encode_file
from peerdesk.program.importer import FILES_CHECKED_AHEAD, Enrolment, import_files
from peerdesk.program.store import ProgramStore
from peerdesk.translation import localize
from peerdesk.vault import Vault
from peerdesk.vault.vault import write_transaction
from tests.conftest import PASSPHRASE
from tests.program.summaries import (
    ACCEPT,
    contact,
    demo_files,
    new_key,
    resign,
    signed,
    write_raw,
    write_summary,
)

TODAY = dt.date(2026, 11, 20)
SUPPORTER_A, SUPPORTER_B = "a" * 32, "b" * 32
KEY_A, KEY_B, KEY_M = new_key(1), new_key(2), new_key(3)   # M: the mallory's key


NOTHING_ACCEPTED = Enrolment()


def _import(vault: Vault, *paths: Path, enrolment: Enrolment = NOTHING_ACCEPTED) -> list[Any]:
    return import_files(vault, list(paths), enrolment=enrolment, today=TODAY)


def _base(sequence: int = 100, months: tuple[str, ...] = ("2026-09", "2026-10"),
          supporter: str = SUPPORTER_A, key: Any = KEY_A) -> dict[str, Any]:
    return signed([contact(m, peer=i) for m in months for i in range(3)],
                  supporter_id=supporter, key=key, sequence=sequence, alias="north-3")


def _enrol_a_and_b(vault: Vault, folder: Path) -> Vault:
    a = write_summary(folder / "a.json", _base())
    b = write_summary(folder / "b.json", _base(supporter=SUPPORTER_B, key=KEY_B))
    assert _import(vault, a, enrolment=Enrolment.of([KEY_A.fingerprint]))[0].accepted
    assert _import(vault, b, enrolment=ACCEPT)[0].accepted
    return vault


@pytest.fixture
def program(vault: Vault, tmp_path: Path) -> Vault:
    """A coordinator who enrolled A (compared fingerprint) and B (explicit accept)."""
    return _enrol_a_and_b(vault, tmp_path)


@pytest.fixture(scope="module")
def refusing_program(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """`program`, shared by the tests that only import files that must be refused (each
    checks that its file changed nothing, so the next one sees the same program)."""
    folder = tmp_path_factory.mktemp("refusing")
    vault = Vault.create(folder / "program.peerdesk", PASSPHRASE)
    yield _enrol_a_and_b(vault, folder)
    vault.close()


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return change


# (name, change to a genuine later file of A, re-sign with A's key?, words in the refusal)
HOSTILE: list[tuple[str, Callable[[dict[str, Any]], None], bool, str]] = [
    # tampered: changed after signing
    ("more-contacts", _set("months.0.contacts", 4), False, "signature does not match"),
    ("channel-moved", _set("months.0.counts.channel", {"phone": 3}), False,
     "signature does not match"),
    ("alias-changed", _set("supporter.alias", "south-1"), False, "signature does not match"),
    ("sequence-pinned", _set("sequence", 2**53 - 1), False, "signature does not match"),
    ("month-moved", _set("months.0.month", "2026-08"), False, "signature does not match"),
    ("people-changed", _set("people.0.people", 1), False, "signature does not match"),
    ("months-dropped", _set("months", []), False, "signature does not match"),
    ("signature-flipped", lambda d: d.update(signature=("0" if d["signature"][0] != "0"
                                                         else "1") + d["signature"][1:]),
     False, "signature does not match"),
    ("key-swapped", _set("supporter.public_key", KEY_M.public_hex), False,
     "signature does not match"),
    # forged: signed by someone else
    ("impersonation", lambda d: d.update(resign(d, KEY_M)), False,
     "not the one enrolled for north-3"),
    ("b-claims-a", lambda d: d.update(resign(d, KEY_B)), False,
     "signed with the key enrolled for"),
    # signed with A's key but out of range or inconsistent
    ("month-1999", _set("months.0.month", "1999-12"), True, "outside the months"),
    ("month-future", _set("months.0.month", "2027-01"), True, "outside the months"),
    ("month-9999", _set("months.0.month", "9999-12"), True, "outside the months"),
    ("month-0001", _set("months.0.month", "0001-01"), True, "outside the months"),
    ("year-0001", _set("people.0.period", "0001"), True, "outside the months"),
    ("month-13", _set("months.0.month", "2026-13"), True, "not in the expected form"),
    ("same-month-twice", lambda d: d["months"].append(copy.deepcopy(d["months"][0])), True,
     "repeats the month"),
    ("channels-do-not-add-up", _set("months.0.counts.channel", {"phone": 1}), True,
     "does not add up"),
    ("risk-above-contacts", _set("months.0.with_risk", 4), True, "more than the month's"),
    ("behaviour-above-contacts", _set("months.0.counts.behaviour", {"online": 9}), True,
     "counts more than"),
    ("repeat-above-people", _set("people.0.people_repeat", 9), True, "more people"),
    ("empty-but-counting", _set("months.0.reason", "now_empty"), True, "now_empty"),
    ("unknown-code", _set("months.0.counts.channel", {"fax": 3}), True, "unknown code"),
    ("negative", _set("months.0.with_risk", -1), True, "out of range"),
    ("float", _set("months.0.with_risk", 0.5), True, "wrong type"),
    ("bool", _set("months.0.with_risk", True), True, "wrong type"),
    ("huge-count", _set("months.0.with_risk", 10**12), True, "out of range"),
    ("sequence-zero", _set("sequence", 0), True, "out of range"),
    ("session-record", _set("months.0.records", [{"id": "x"}]), True,
     "field that summaries do not have: 'records'"),
    ("peer-key", _set("supporter.peer_key", "ab" * 32), True, "field that summaries do not"),
    ("week", _set("months.0.month", "2026-W40"), True, "not in the expected form"),
    # "$" in a schema pattern is ECMA-262's: no match before a final newline
    ("month-newline", lambda d: d["months"][0].update(month=d["months"][0]["month"] + "\n"),
     True, "not in the expected form"),
    ("period-newline", lambda d: d["people"][0].update(period=d["people"][0]["period"] + "\n"),
     True, "not in the expected form"),
    ("name-alias", _set("supporter.alias", "Dana Whitfield"), True, "alias is refused"),
    ("email-alias", _set("supporter.alias", "dana@example.org"), True, "alias is refused"),
    ("phone-alias", _set("supporter.alias", "07700 900456"), True, "alias is refused"),
    ("bidi-alias", _set("supporter.alias", "north\u202e3"), True, "alias is refused"),
    ("newline-alias", _set("supporter.alias", "north\n3"), True, "alias is refused"),
    ("long-org-unit", _set("supporter.org_unit", "x" * 101), True, "out of range"),
    ("version-1", _set("version", 1), True, "version 1"),
    ("version-3", _set("version", 3), True, "newer PeerDesk"),
    ("other-format", _set("format", "peerdesk.resource-pack"), True, "not a PeerDesk summary"),
    ("taxonomy-2", _set("taxonomy_version", "2"), True, "taxonomy version 2"),
]


# A file as the export writes it (canonical JSON) takes a shorter road through validation than
# one written any other way: both must refuse the same files with the same words.
SPELLINGS: dict[str, Callable[[dict[str, Any]], bytes]] = {
    "as-exported": encode_file,
    "re-spelled": lambda document: json.dumps(document).encode(),
}


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize(("name", "change", "resign_with_a", "words"), HOSTILE,
                         ids=[h[0] for h in HOSTILE])
def test_a_hostile_file_is_refused_and_changes_nothing(
        refusing_program: Vault, tmp_path: Path, name: str,
        change: Callable[[dict[str, Any]], None], resign_with_a: bool, words: str,
        spelling: str) -> None:
    program = refusing_program
    store = ProgramStore(program)
    before = store.dump()
    document = _base(sequence=200)
    change(document)
    if resign_with_a:
        document = resign(document, KEY_A)
    path = write_raw(tmp_path / f"{name}.json", SPELLINGS[spelling](document))
    [outcome] = _import(program, path, enrolment=ACCEPT)   # accepting new keys does not help
    assert not outcome.accepted
    assert outcome.problem.startswith(f"{name}.json was not imported: ")
    assert words in outcome.problem
    assert "\n" not in outcome.problem
    assert store.dump() == before


RAW: list[tuple[str, bytes, str]] = [
    ("empty", b"", "empty"),
    ("not-json", b"{nope}", "not valid JSON"),
    ("truncated", encode_file(_base())[:-40], "ends too early"),
    ("latin1", '{"format": "peerdesk.summary", "x": "é"}'.encode("latin-1"), "not UTF-8"),
    ("deep", b"[" * 10_000 + b"]" * 10_000, "nested more than"),
    ("duplicate-months", encode_file(_base()).replace(b'"months":', b'"months":[],"months":', 1),
     "appears twice"),
    ("nan", encode_file(_base()).replace(b'"sequence":200', b'"sequence":NaN', 1)
     .replace(b'"sequence":100', b'"sequence":NaN', 1), "NaN"),
    ("long-number", encode_file(_base()).replace(b'"sequence":100', b'"sequence":' + b"9" * 40),
     "digits"),
    ("array", b"[1, 2]", "not a PeerDesk summary"),
    ("lone-surrogate", encode_file(_base()).replace(b'"north-3"', b'"\\ud800"'), "surrogate"),
]


@pytest.mark.parametrize(("name", "data", "words"), RAW, ids=[r[0] for r in RAW])
def test_malformed_bytes_are_refused_and_change_nothing(refusing_program: Vault,
                                                        tmp_path: Path, name: str, data: bytes,
                                                        words: str) -> None:
    program = refusing_program
    store = ProgramStore(program)
    before = store.dump()
    [outcome] = _import(program, write_raw(tmp_path / f"{name}.json", data), enrolment=ACCEPT)
    assert not outcome.accepted
    assert outcome.problem.startswith(f"{name}.json was not imported: ")
    assert words in outcome.problem
    assert store.dump() == before


def test_too_large_is_refused_before_reading(program: Vault, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_SUMMARY_BYTES + 1)
    store = ProgramStore(program)
    before = store.dump()
    [outcome] = _import(program, path)
    assert "larger than" in outcome.problem
    assert store.dump() == before


def test_an_unknown_key_is_refused_naming_its_fingerprint(vault: Vault, tmp_path: Path) -> None:
    path = write_summary(tmp_path / "first.json", _base())
    [outcome] = _import(vault, path)
    assert not outcome.accepted
    assert KEY_A.fingerprint in outcome.problem
    assert outcome.pending_key is not None
    assert outcome.pending_key.fingerprint == KEY_A.fingerprint
    assert not outcome.pending_key.re_enrol
    assert ProgramStore(vault).dump() == []
    # a fingerprint read out that does not match enrols nothing
    [wrong] = _import(vault, path, enrolment=Enrolment.of([KEY_B.fingerprint]))
    assert not wrong.accepted
    [right] = _import(vault, path, enrolment=Enrolment.of([KEY_A.fingerprint.replace(" ", "")]))
    assert right.accepted
    assert right.enrolled == KEY_A.fingerprint
    [info] = ProgramStore(vault).supporters()
    assert (info.supporter_id, info.fingerprint, info.alias) == (
        SUPPORTER_A, KEY_A.fingerprint, "north-3")


def test_re_enrolment_needs_the_new_fingerprint(program: Vault, tmp_path: Path) -> None:
    moved = write_summary(tmp_path / "new-laptop.json", resign(_base(sequence=300), KEY_M))
    [refused] = _import(program, moved, enrolment=ACCEPT)
    assert not refused.accepted
    assert refused.pending_key is not None
    assert refused.pending_key.re_enrol
    assert f'--re-enrol "{KEY_M.fingerprint}"' in refused.problem
    [accepted] = _import(program, moved, enrolment=Enrolment.of(re_enrol=[KEY_M.fingerprint]))
    assert accepted.accepted
    assert ProgramStore(program).enrolled_key(SUPPORTER_A) == KEY_M.public_hex
    # the old key is no longer A's
    old = write_summary(tmp_path / "old-key.json", _base(sequence=400))
    assert not _import(program, old)[0].accepted


def test_latest_sequence_wins_per_month_in_any_order(program: Vault, tmp_path: Path) -> None:
    store = ProgramStore(program)
    newer = signed([contact("2026-10", peer=i) for i in range(5)], supporter_id=SUPPORTER_A,
                   key=KEY_A, sequence=300, alias="north-3")
    older = signed([contact("2026-10", peer=i) for i in range(4)]
                   + [contact("2026-11", peer=0)], supporter_id=SUPPORTER_A, key=KEY_A,
                   sequence=200, alias="north-3")
    [first] = _import(program, write_summary(tmp_path / "300.json", newer))
    assert first.months_replaced == ("2026-10",)
    # the older file arrives late: its 2026-11 is news, its 2026-10 is not
    [late] = _import(program, write_summary(tmp_path / "200.json", older))
    assert late.accepted
    assert (late.months_replaced, late.months_kept) == (("2026-11",), ("2026-10",))
    contacts = {(f.supporter_id, f.month): f.contacts for f in store.month_figures()}
    assert contacts[(SUPPORTER_A, "2026-10")] == 5
    assert contacts[(SUPPORTER_A, "2026-11")] == 1
    # a replay of a file whose every month is held from newer files changes nothing
    before = store.dump()
    [replay] = _import(program, write_summary(tmp_path / "replay.json", _base(sequence=50)))
    assert not replay.accepted
    assert "older than the figures already imported" in replay.problem
    assert store.dump() == before


def test_the_same_file_again_changes_nothing(program: Vault, tmp_path: Path) -> None:
    path = write_summary(tmp_path / "again.json", _base(sequence=500))
    assert _import(program, path)[0].accepted
    before = ProgramStore(program).dump()
    [again] = _import(program, path)
    assert again.accepted
    assert again.previously_imported_at is not None
    assert "already imported on" in again.summary_line
    assert ProgramStore(program).dump() == before


def test_history_keeps_hash_supporter_and_months(program: Vault, tmp_path: Path) -> None:
    path = write_summary(tmp_path / "h.json", _base(sequence=600, months=("2026-08",)))
    _import(program, path)
    latest = ProgramStore(program).history()[0]
    assert (latest.file_name, latest.supporter_id, latest.sequence,
            latest.months_replaced) == ("h.json", SUPPORTER_A, 600, ("2026-08",))
    assert len(latest.sha256) == 64


def test_rejections_are_translatable(vault: Vault, tmp_path: Path) -> None:
    doc = _base()
    doc["version"] = 1
    [outcome] = _import(vault, write_raw(tmp_path / "Año 2026.json", json.dumps(doc)))
    assert localize(outcome.problem, "es").startswith("Año 2026.json no se importó: ")


def test_a_file_that_cannot_be_saved_is_rejected(
        vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_summary(tmp_path / "ok.json", _base())

    def locked(self: ProgramStore, summary: object, enrol: bool = False) -> None:
        raise sqlcipher3.OperationalError("database is locked")

    monkeypatch.setattr(ProgramStore, "apply_summary", locked)
    [outcome] = _import(vault, path, enrolment=ACCEPT)
    assert not outcome.accepted
    assert outcome.problem == ("ok.json was not imported: it could not be saved (database is "
                               "locked). Nothing from it was written; try again.")


def test_the_write_lock_is_free_while_files_are_checked(vault: Vault, tmp_path: Path) -> None:
    # a writer that does not wait at all (the GUI thread saving a session meanwhile) gets in
    # whenever a file is being checked: the lock is held only while checked files are written
    paths = demo_files(tmp_path, supporters=FILES_CHECKED_AHEAD + 3, records_each=5)
    other = vault.connect_another()
    other.execute("PRAGMA busy_timeout = 0")
    writes: list[str] = []

    def write_meanwhile(done: int, total: int, name: str) -> None:
        with write_transaction(other):
            other.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('probe', ?)",
                          (name,))
        writes.append(name)

    try:
        outcomes = import_files(vault, paths, write_meanwhile, enrolment=ACCEPT, today=TODAY)
    finally:
        other.close()
    assert all(outcome.accepted for outcome in outcomes)
    assert writes == [*(path.name for path in paths), ""]
    assert len(ProgramStore(vault).history()) == len(paths)
