"""Crashes and full disks: kill -9 during a save and an import, and writes that fail."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import Vault, VaultWriteError
from tests.conftest import PASSPHRASE

# Runs in its own one-threaded interpreter, so forking is safe. Each round forks a child
# that saves sessions (mode "save") or imports a CSV of ROWS sessions in one transaction
# (mode "import"), kills it with SIGKILL at a random moment, and reports what the journal holds.
HARNESS = textwrap.dedent("""
    import datetime as dt, json, os, random, signal, sys, time
    from peerdesk.vault import Vault
    from peerdesk.journal.model import Session
    from peerdesk.journal.repository import SessionRepository
    from peerdesk.journal.csv_import import import_sessions, parse_csv
    from peerdesk.taxonomy import default_taxonomy

    path, phrase, mode, csv_path = sys.argv[1:5]
    rounds, seed = int(sys.argv[5]), int(sys.argv[6])
    rng = random.Random(seed)
    parsed = parse_csv(__import__("pathlib").Path(csv_path), default_taxonomy()) \\
        if mode == "import" else None

    def state():
        vault = Vault.open(path, phrase)
        try:
            repo = SessionRepository(vault)
            notes = [s.notes for s in repo.sessions_between(None, None)]
            ok = [r[0] for r in vault.connection.execute("PRAGMA integrity_check")] == ["ok"]
        finally:
            vault.close()
        return notes, ok

    for round_no in range(rounds):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            try:
                vault = Vault.open(path, phrase)
                repo = SessionRepository(vault)
                os.write(write_end, b"r")
                if mode == "import":
                    import_sessions(repo, parsed.sessions)
                    os.write(write_end, b"i")
                    time.sleep(60)
                n = 0
                while True:
                    n += 1
                    body = f"SAVE-{round_no}-{n}-" + "x" * 2000 + "-END"
                    repo.add(Session(date=dt.date(2026, 1, 1), notes=body, peer_code="P"))
                    os.write(write_end, f"{n},".encode())
            finally:
                os._exit(1)
        os.close(write_end)
        os.read(read_end, 1)
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        acked = b""
        while True:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            acked += chunk
        os.close(read_end)
        notes, ok = state()
        print(json.dumps({"round": round_no, "acked": acked.decode(), "notes": notes,
                          "integrity_ok": ok}), flush=True)
""")


def run_harness(journal: Path, tmp_path: Path, mode: str, rounds: int,
                csv_path: Path | None = None) -> list[dict[str, object]]:
    script = tmp_path / "harness.py"
    script.write_text(HARNESS)
    done = subprocess.run(
        [sys.executable, str(script), str(journal), PASSPHRASE, mode,
         str(csv_path or "-"), str(rounds), "11"],
        capture_output=True, text=True, timeout=90, check=False,
    )
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(results) == rounds, done.stderr
    return results


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL/fork harness needs POSIX")
def test_kill_9_during_saves_keeps_every_acknowledged_session(journal_path: Path,
                                                             tmp_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE).close()
    results = run_harness(journal_path, tmp_path, "save", rounds=5)
    for result in results:
        assert result["integrity_ok"], result["round"]
        notes = result["notes"]
        assert isinstance(notes, list)
        for body in notes:  # no half-written record
            assert body.startswith("SAVE-")
            assert body.endswith("-END")
            assert len(body) == len(body.split("-x")[0]) + 1 + 2000 + 4
        acked = [int(n) for n in str(result["acked"]).split(",") if n]
        if acked:  # the last session the app reported saved is there
            prefix = f"SAVE-{result['round']}-{acked[-1]}-"
            assert any(body.startswith(prefix) for body in notes), result["round"]
    assert any(str(r["acked"]) for r in results), "no round got as far as saving"


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL/fork harness needs POSIX")
def test_kill_9_during_an_import_is_all_or_nothing(journal_path: Path, tmp_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE).close()
    rows = 1500
    csv_path = tmp_path / "log.csv"
    lines = ["date,consent,peer_code,notes"]
    lines += [f"2026-01-{1 + i % 28:02d},yes,IMP{i},IMPORTED-{i}-END" for i in range(rows)]
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = run_harness(journal_path, tmp_path, "import", rounds=4, csv_path=csv_path)
    before = 0
    for result in results:
        assert result["integrity_ok"]
        notes = result["notes"]
        assert isinstance(notes, list)
        assert len(notes) in (before, before + rows), result["round"]
        assert all(body.startswith("IMPORTED-") and body.endswith("-END") for body in notes)
        before = len(notes)


# -- full disks and read-only folders -----------------------------------------------------


def test_full_disk_during_save_is_rolled_back_with_a_clear_message(vault: Vault) -> None:
    repo = SessionRepository(vault)
    saved = repo.add(Session(date=dt.date(2026, 1, 1), notes="first"))
    pages = vault.connection.execute("PRAGMA page_count").fetchone()[0]
    vault.connection.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL

    def fill_the_disk() -> None:
        for _ in range(50):
            repo.add(Session(date=dt.date(2026, 1, 2), notes="y" * 4000))

    with pytest.raises(VaultWriteError, match="Nothing was half-written"):
        fill_the_disk()
    vault.connection.execute("PRAGMA max_page_count = 1073741823")
    assert repo.get(saved.id or 0).notes == "first"
    assert all(s.notes in ("first", "y" * 4000) for s in repo.sessions_between(None, None))
    assert vault.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _fill_journal(journal: Path) -> None:
    with Vault.create(journal, PASSPHRASE) as created:
        repo = SessionRepository(created)
        for day in range(1, 8):
            repo.add(Session(date=dt.date(2026, 10, day), consent_to_count=True,
                             behaviours=frozenset({"work_related"}), peer_code=f"P{day}"))


def _digest(path: Path) -> str:
    if path.is_dir():  # a backup of a journal folder: its database and key file
        return "".join(_digest(p) for p in sorted(path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("failing", ["write"])
def test_full_disk_during_export_backup_and_report_leaves_originals(
        journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], failing: str) -> None:
    _fill_journal(journal_path)
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    coordinator = tmp_path / "coordinator.peerdesk"
    Vault.create(coordinator, PASSPHRASE).close()
    out = tmp_path / "out"
    out.mkdir()
    summary, backup, pdf, csv = (out / "summary.json", out / "backup.peerdesk",
                                 out / "report.pdf", out / "report.csv")
    commands = {
        "export": ["export", "--out", str(summary), "--journal", str(journal_path)],
        "backup": ["backup", "--out", str(backup), "--journal", str(journal_path)],
    }
    for argv in commands.values():
        assert main(argv) == 0, capsys.readouterr().err
    assert main(["import", str(summary), "--accept-new-keys", "--journal", str(coordinator)]) == 0
    commands["report"] = ["report", "--out", str(pdf), "--csv", str(csv),
                          "--journal", str(coordinator)]
    assert main(commands["report"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    originals = {path: _digest(path) for path in (summary, backup, pdf, csv)}
    with Vault.open(journal_path, PASSPHRASE) as opened:  # so the export has a month to send
        SessionRepository(opened).add(Session(date=dt.date(2026, 10, 9), consent_to_count=True))

    real_write, real_replace = os.write, os.replace

    def full_write(fd: int, data: object) -> int:
        if fd > 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)  # type: ignore[arg-type]

    def full_replace(src: object, dst: object) -> None:
        if str(dst).startswith(str(out)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(src, dst)  # type: ignore[arg-type]

    for name, argv in commands.items():
        with monkeypatch.context() as patch:
            if failing == "write":
                patch.setattr(os, "write", full_write)
            patch.setattr(os, "replace", full_replace)
            assert main(argv) == 1, name
        err = capsys.readouterr().err
        assert err.count("\n") == 1, (name, err)
        assert "space" in err or "writable" in err, (name, err)
        assert "Traceback" not in err
    for path, digest in originals.items():
        assert _digest(path) == digest, path
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in originals)


def test_small_tmpfs_full_disk(tmp_path: Path, vault: Vault) -> None:
    """The real thing where we may mount (root on Linux); the fault-injection test above
    covers every platform."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    tried = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                           capture_output=True, check=False)
    if tried.returncode != 0:
        pytest.skip("tmpfs mount not permitted here")
    try:
        from peerdesk.vault import VaultDiskFullError
        from peerdesk.vault.backup import back_up_to

        with vault.transaction() as conn:
            conn.execute("CREATE TABLE filler (x)")
            conn.executemany("INSERT INTO filler VALUES (?)", [(os.urandom(1000),)] * 300)
        (mount / "keep.txt").write_bytes(b"precious")
        with pytest.raises(VaultDiskFullError, match="is full"):
            back_up_to(vault, mount / "b.peerdesk")
        assert sorted(p.name for p in mount.iterdir()) == ["keep.txt"]
    finally:
        subprocess.run(["umount", str(mount)], check=False)
