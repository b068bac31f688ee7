"""Moving a single-file journal into a journal folder: nothing lost, whatever kills it when.

Key slots use `MINIMUM_ARGON2` explicitly, so the tests skip calibration without weakening it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlcipher3

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.paths import journal_db_path, key_file_path, keyslots_staging_path, legacy_copy_path
from peerdesk.vault import Vault, VaultError, VaultOpenError, journal_folder
from peerdesk.vault.journal_folder import (
    MIGRATION_STEPS,
    JournalInUseError,
    Layout,
    Recovery,
    StagingLeftError,
    finish_interrupted_migration,
    layout_of,
    migrate_legacy_journal,
    sweep_key_file_leftovers,
)
from peerdesk.vault.keyslots import (
    MINIMUM_ARGON2,
    WrongPassphraseError,
    new_keyring,
    read_keyring,
    unlock_with_passphrase,
    with_passphrase,
)
from tests.conftest import PASSPHRASE

SESSIONS = 12


def _single_file_journal(path: Path) -> str:
    """A journal as PeerDesk made them before key slots; returns its journal id."""
    with Vault.create(path, PASSPHRASE, folder=False) as vault:
        repo = SessionRepository(vault)
        for day in range(1, SESSIONS + 1):
            repo.add(Session(date=dt.date(2026, 10, day), notes=f"note {day}",
                             peer_code=f"P{day}"))
        return vault.journal_id


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("template") / "journal.peerdesk"
    return path, _single_file_journal(path)


@pytest.fixture
def old_journal(tmp_path: Path, template: tuple[Path, str]) -> Path:
    path = tmp_path / "journal.peerdesk"
    shutil.copyfile(template[0], path)
    os.chmod(path, 0o600)
    return path


def _folder_contents(journal: Path) -> tuple[str, list[str]]:
    """Open a journal folder the way the wiring will: key file → passphrase → data key."""
    key = unlock_with_passphrase(read_keyring(key_file_path(journal)), PASSPHRASE)
    return _database_contents(journal_db_path(journal), key.pragma_literal())


def _database_contents(path: Path, key_literal: str) -> tuple[str, list[str]]:
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key_literal}")
        journal_id = conn.execute("SELECT value FROM meta WHERE key = 'journal_id'").fetchone()[0]
        notes = [row[0] for row in conn.execute(
            "SELECT t.notes FROM session s JOIN session_text t ON t.id = s.id "
            "ORDER BY s.date")]
    finally:
        conn.close()
    return journal_id, notes


def _old_contents(path: Path) -> tuple[str, list[str]]:
    with Vault.open(path, PASSPHRASE) as vault:
        notes = [s.notes for s in SessionRepository(vault).sessions_between(None, None)]
        return vault.journal_id, sorted(notes, key=lambda n: int(n.split()[1]))


EXPECTED_NOTES = [f"note {day}" for day in range(1, SESSIONS + 1)]


def test_a_single_file_journal_becomes_a_folder_at_the_same_path(
        old_journal: Path, template: tuple[Path, str]) -> None:
    steps: list[int] = []
    key = migrate_legacy_journal(old_journal, PASSPHRASE, argon2=MINIMUM_ARGON2,
                                 progress=lambda done, total, text: steps.append(done))
    assert steps == list(range(MIGRATION_STEPS + 1))
    assert layout_of(old_journal) is Layout.FOLDER
    assert _folder_contents(old_journal) == (template[1], EXPECTED_NOTES)
    assert _database_contents(journal_db_path(old_journal), key.pragma_literal())[0] \
        == template[1]
    # The data key is SQLCipher's raw key: the passphrase alone no longer opens the database.
    with pytest.raises(sqlcipher3.DatabaseError):
        _database_contents(journal_db_path(old_journal), "'" + PASSPHRASE + "'")
    # The old file is kept inside, untouched, and still opens with the passphrase.
    assert _old_contents(legacy_copy_path(old_journal)) == (template[1], EXPECTED_NOTES)
    assert stat.S_IMODE(old_journal.stat().st_mode) == 0o700
    for inside in old_journal.iterdir():
        assert stat.S_IMODE(inside.stat().st_mode) == 0o600, inside
    assert sorted(p.name for p in old_journal.parent.iterdir()) == ["journal.peerdesk"]
    assert finish_interrupted_migration(old_journal) is Recovery.NOTHING_TO_DO


def test_a_wrong_passphrase_moves_nothing(old_journal: Path) -> None:
    before = old_journal.read_bytes()
    with pytest.raises(VaultOpenError):
        migrate_legacy_journal(old_journal, "not the passphrase", argon2=MINIMUM_ARGON2)
    assert old_journal.read_bytes() == before
    assert not keyslots_staging_path(old_journal).exists()


def test_a_journal_open_elsewhere_is_not_moved(old_journal: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journal_folder, "BUSY_TIMEOUT_MS", 50)  # the app waits 2 s
    with Vault.open(old_journal, PASSPHRASE) as vault:
        vault.connection.execute("BEGIN")
        vault.connection.execute("SELECT count(*) FROM session").fetchone()  # holds a read lock
        with pytest.raises(JournalInUseError, match="still open elsewhere"):
            migrate_legacy_journal(old_journal, PASSPHRASE, argon2=MINIMUM_ARGON2)
        vault.connection.execute("COMMIT")
    assert layout_of(old_journal) is Layout.SINGLE_FILE
    assert not keyslots_staging_path(old_journal).exists()


def test_only_a_single_file_journal_is_moved(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a single-file journal"):
        migrate_legacy_journal(tmp_path, PASSPHRASE, argon2=MINIMUM_ARGON2)


def test_a_linked_journal_is_moved_only_where_it_really_is(old_journal: Path) -> None:
    link = old_journal.with_name("link.peerdesk")
    link.symlink_to(old_journal)
    with pytest.raises(VaultError, match=r"Open the journal where it really is"):
        migrate_legacy_journal(link, PASSPHRASE, argon2=MINIMUM_ARGON2)
    assert link.is_symlink()
    assert layout_of(old_journal) is Layout.SINGLE_FILE


def test_a_staging_folder_that_cannot_be_the_journal_is_reported_not_touched(
        tmp_path: Path) -> None:
    journal = tmp_path / "journal.peerdesk"
    staging = keyslots_staging_path(journal)
    staging.mkdir()
    (staging / "journal.db").write_bytes(b"partial")
    with pytest.raises(StagingLeftError, match="Keep that folder"):
        finish_interrupted_migration(journal)
    assert (staging / "journal.db").read_bytes() == b"partial"


# -- kill -9 ------------------------------------------------------------------------------------

# Runs in its own one-threaded interpreter, so forking is safe. Each round copies the old
# journal, forks a child that migrates it and SIGKILLs itself when the migration reports step N
# (or is killed by the parent after a random delay, for N = -1), and records how it died.
MIGRATION_HARNESS = textwrap.dedent("""
    import json, os, random, shutil, signal, sys, time
    from pathlib import Path
    from peerdesk.vault.journal_folder import migrate_legacy_journal
    from peerdesk.vault.keyslots import MINIMUM_ARGON2

    template, work, phrase = sys.argv[1:4]
    rng = random.Random(7)
    for step in [int(s) for s in sys.argv[4].split(",")]:
        folder = Path(work) / f"round{step}-{rng.random():.6f}"
        folder.mkdir()
        path = folder / "journal.peerdesk"
        shutil.copyfile(template, path)
        pid = os.fork()
        if pid == 0:
            def progress(done, total, text):
                if done == step:
                    os.kill(os.getpid(), signal.SIGKILL)
            try:
                migrate_legacy_journal(Path(path), phrase, argon2=MINIMUM_ARGON2,
                                       progress=progress)
            finally:
                os._exit(3)
        if step < 0:
            time.sleep(rng.uniform(0.05, 0.6))
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"step": step, "path": str(path),
                          "killed": os.WIFSIGNALED(status)}), flush=True)
""")


def _run(script: str, tmp_path: Path, *args: str) -> list[dict[str, object]]:
    harness = tmp_path / "harness.py"
    harness.write_text(script)
    done = subprocess.run([sys.executable, str(harness), *args], capture_output=True,
                          text=True, timeout=100, check=False)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


EXPECTED_RECOVERY = {
    0: Recovery.NOTHING_TO_DO, 1: Recovery.NOTHING_TO_DO,  # no staging folder yet
    2: Recovery.CLEARED, 3: Recovery.CLEARED, 4: Recovery.CLEARED,  # old file still in place
    5: Recovery.FINISHED,  # old file inside the staging folder: the rename is finished
    6: Recovery.NOTHING_TO_DO,
}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL/fork harness needs POSIX")
def test_kill_9_at_every_step_of_a_migration_loses_nothing(
        tmp_path: Path, template: tuple[Path, str]) -> None:
    work = tmp_path / "work"
    work.mkdir()
    steps = [*range(MIGRATION_STEPS + 1), -1]
    results = _run(MIGRATION_HARNESS, tmp_path, str(template[0]), str(work), PASSPHRASE,
                   ",".join(str(s) for s in steps))
    assert [r["step"] for r in results] == steps
    for result in results:
        step = int(str(result["step"]))
        journal = Path(str(result["path"]))
        assert result["killed"], step
        recovery = finish_interrupted_migration(journal)
        layout = layout_of(journal)
        if step >= 0:
            # Until the old file moves in (step 5) the old file is the journal; then the folder.
            assert layout is (Layout.FOLDER if step >= 5 else Layout.SINGLE_FILE), step
            assert recovery is EXPECTED_RECOVERY[step], step
        assert not keyslots_staging_path(journal).exists(), step
        assert sorted(p.name for p in journal.parent.iterdir()) == ["journal.peerdesk"]
        if layout is Layout.SINGLE_FILE:
            assert _old_contents(journal) == (template[1], EXPECTED_NOTES), step
        else:
            assert _folder_contents(journal) == (template[1], EXPECTED_NOTES), step
            assert _old_contents(legacy_copy_path(journal))[0] == template[1]


def test_after_an_interrupted_move_the_next_unlock_starts_it_again(
        old_journal: Path, template: tuple[Path, str]) -> None:
    """A complete staging folder left beside the old file (killed after step 4)."""
    first = old_journal.with_name("first")
    first.mkdir()
    shutil.copyfile(old_journal, first / "journal.peerdesk")
    migrate_legacy_journal(first / "journal.peerdesk", PASSPHRASE, argon2=MINIMUM_ARGON2)
    (first / "journal.peerdesk" / "legacy-journal.peerdesk").unlink()
    os.replace(first / "journal.peerdesk", keyslots_staging_path(old_journal))
    migrate_legacy_journal(old_journal, PASSPHRASE, argon2=MINIMUM_ARGON2)
    assert _folder_contents(old_journal) == (template[1], EXPECTED_NOTES)
    assert not keyslots_staging_path(old_journal).exists()


# A child rewrites the key file over and over (passphrase A, then B, then A …) until the parent
# kills it at a random moment; the file must then be exactly one of the two, never half.
REWRITE_HARNESS = textwrap.dedent("""
    import json, os, random, signal, sys, time
    from pathlib import Path
    from peerdesk.vault.keyslots import parse_keyring, write_keyring

    path, first, second, rounds = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    versions = [parse_keyring(Path(first).read_bytes()), parse_keyring(Path(second).read_bytes())]
    rng = random.Random(5)
    for round_no in range(rounds):
        pid = os.fork()
        if pid == 0:
            n = 0
            while True:
                write_keyring(path, versions[n % 2])
                n += 1
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        leftovers = sorted(p.name for p in path.parent.iterdir() if p.name != path.name)
        print(json.dumps({"content": path.read_text("ascii"), "leftovers": leftovers}),
              flush=True)
""")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL/fork harness needs POSIX")
def test_kill_9_during_a_slot_rewrite_leaves_the_old_or_the_new_passphrase(
        tmp_path: Path) -> None:
    folder = tmp_path / "journal.peerdesk"
    folder.mkdir()
    keyring, key = new_keyring(PASSPHRASE, MINIMUM_ARGON2)
    changed = with_passphrase(keyring, key, "the new passphrase, longer", MINIMUM_ARGON2)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_bytes(keyring.serialize())
    second.write_bytes(changed.serialize())
    key_file = key_file_path(folder)
    key_file.write_bytes(keyring.serialize())
    results = _run(REWRITE_HARNESS, tmp_path, str(key_file), str(first), str(second), "12")
    assert len(results) == 12
    contents = {str(r["content"]) for r in results}
    assert contents <= {keyring.serialize().decode(), changed.serialize().decode()}
    # Exactly one of the two passphrases opens whatever was left, and it holds the same key.
    left = read_keyring(key_file)
    opened = []
    for phrase in (PASSPHRASE, "the new passphrase, longer"):
        try:
            opened.append(unlock_with_passphrase(left, phrase))
        except WrongPassphraseError:
            continue
    assert opened == [key]
    # A killed write may leave its temp file; the next start sweeps it.
    sweep_key_file_leftovers(folder)
    assert [p.name for p in folder.iterdir()] == ["keys.json"]


def test_the_sweep_leaves_everything_but_key_file_temps_alone(tmp_path: Path) -> None:
    for name in ("keys.json", "journal.db", ".keys.json.abc123.tmp", ".journal.db.x.tmp"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in sweep_key_file_leftovers(tmp_path)] == [".keys.json.abc123.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".journal.db.x.tmp", "journal.db",
                                                          "keys.json"]
