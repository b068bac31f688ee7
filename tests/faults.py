"""Provoking real faults around a journal, for the fault tests of the CLI and the app (#16).

Where this machine lets the tests mount (root on Linux), a full disk is a small tmpfs filled to
the last byte and a read-only file or folder is a read-only bind mount. Where it does not, a
full disk is a file-size limit on this process (every write past 16 KiB fails), and a read-only
file or folder uses file modes (skipped as root, who ignores them and may not mount).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from peerdesk.journal.demo import fill_journal, mark_demo_journal
from peerdesk.program.demo import supporter_file
from peerdesk.referrals.packs import read_starter_pack, starter_pack_path
from peerdesk.referrals.repository import ResourceRepository
from peerdesk.vault import Vault
from peerdesk.vault.instance import InstanceLock
from peerdesk.vault.migrations import latest_version
from tests.conftest import PASSPHRASE

# Commands that only read the journal: a read-only journal file does not stop them.
READ_ONLY_COMMANDS = frozenset({"check", "report", "backup", "resources-export"})
WORDS = {
    "disk-full": "is full",
    "read-only-file": "is read-only, so PeerDesk cannot change it",
    "read-only-folder": "is read-only (or on a read-only drive)",
    "missing-folder": "does not exist",
    "locked": "is open in another PeerDesk window or command",
    "wrong-passphrase": "the passphrase is wrong",
    "damaged": "is damaged",
    "newer-version": "newer version of PeerDesk",
}


@dataclass(frozen=True)
class Inputs:
    journal: Path       # a small journal with sessions (never used directly: copied per test)
    damaged: Path       # the same with one flipped byte in a data page
    newer: Path         # the same from a newer PeerDesk (a higher schema version)
    csv: Path
    summary: Path
    pack: Path


def can_mount(folder: Path) -> bool:
    if os.environ.get("PEERDESK_TEST_NO_MOUNT"):  # try the fallbacks where mounting works
        return False
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    folder.mkdir(exist_ok=True)
    tried = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                           capture_output=True, check=False)
    if tried.returncode != 0:
        return False
    subprocess.run(["umount", str(folder)], check=False)
    return True


def digest(path: Path) -> str:
    """SHA-256 of a journal: the file, or every file of a journal folder (names included)."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    whole = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        whole.update(str(file.relative_to(path)).encode() + b"\0" + file.read_bytes())
    return whole.hexdigest()


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


@contextlib.contextmanager
def mounted(target: Path, *mount_args: str) -> Iterator[None]:
    mount(*mount_args, str(target))
    try:
        yield
    finally:
        subprocess.run(["umount", str(target)], check=False, capture_output=True)


def fill(folder: Path) -> None:
    """Write until the file system refuses: afterwards not one more block fits."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while os.write(fd, bytes(4096)):
                pass
    finally:
        os.close(fd)


def place_journal(inputs: Inputs, folder: Path, command: str, source: Path | None = None
                   ) -> Path:
    journal = folder / "journal.peerdesk"
    if command != "init":
        shutil.copyfile(source or inputs.journal, journal)
    return journal


def damage(journal: Path) -> None:
    data = bytearray(journal.read_bytes())
    page = len(data) // 4096 - 2  # a data page near the end: the file opens, a page fails
    data[page * 4096 + 200] ^= 0x01
    journal.write_bytes(bytes(data))


def make_newer(journal: Path) -> None:
    with Vault.open(journal, PASSPHRASE) as vault:
        vault.connection.execute(f"PRAGMA user_version = {latest_version() + 1}")


@contextlib.contextmanager
def provoke(fault: str, command: str, inputs: Inputs, tmp_path: Path, mounting: bool,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Set the fault up around a journal (copied from `inputs`) and yield its path."""
    folder = tmp_path / "place"
    folder.mkdir()
    if fault == "disk-full":
        if mounting:
            with mounted(folder, "-t", "tmpfs", "-o", "size=2m", "tmpfs"):
                journal = place_journal(inputs, folder, command)
                fill(folder)
                yield journal
            return
        journal = place_journal(inputs, folder, command)
        with no_file_may_grow():
            yield journal
    elif fault in ("read-only-file", "read-only-folder"):
        journal = place_journal(inputs, folder, command)
        target = journal if fault == "read-only-file" else folder
        if fault == "read-only-file" and command == "init":
            journal.write_bytes(b"")  # init meets an existing file: it must never overwrite
        if mounting:
            with mounted(target, "--bind", str(target)):
                mount("-o", "remount,ro,bind", str(target))
                yield journal
            return
        if os.geteuid() == 0:
            pytest.skip("root ignores file modes and mounting is not allowed here")
        mode = target.stat().st_mode
        target.chmod(0o400 if target == journal else 0o500)
        try:
            yield journal
        finally:
            target.chmod(mode)
    elif fault == "missing-folder":
        yield folder / "not-there" / "journal.peerdesk"
    elif fault == "locked":
        journal = place_journal(inputs, folder, command)
        with InstanceLock(journal):
            yield journal
    elif fault == "wrong-passphrase":
        journal = place_journal(inputs, folder, command)
        monkeypatch.setenv("PEERDESK_PASSPHRASE", "not the passphrase")
        yield journal
    elif fault == "damaged":
        yield place_journal(inputs, folder, command, inputs.damaged)
    elif fault == "newer-version":
        yield place_journal(inputs, folder, command, inputs.newer)
    else:  # pragma: no cover - a typo in the parametrisation
        raise AssertionError(fault)


@contextlib.contextmanager
def no_file_may_grow(limit: int = 16 * 1024) -> Iterator[None]:
    """The fault-injection stand-in for a full disk where mounting is not allowed: a file-size
    limit (RLIMIT_FSIZE) of 16 KiB for this process, so every write past it fails with EFBIG —
    SQLite's shared-memory file, its WAL, the storage probe and the files commands write."""
    if sys.platform == "win32":
        pytest.skip("no file-size limit on Windows and no mounting")
    import resource
    import signal

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def make_inputs(folder: Path) -> Inputs:
    journal = folder / "source.peerdesk"
    # A single-file journal (from before key slots): the command line opens it as it is.
    with Vault.create(journal, PASSPHRASE, folder=False) as vault:
        mark_demo_journal(vault)  # so `peerdesk demo` may add to it
        fill_journal(vault, 40, seed=3)
        ResourceRepository(vault).import_pack(read_starter_pack("en"))
    csv = folder / "contacts.csv"
    csv.write_text("date,consent\n2026-01-05,yes\n", encoding="utf-8")
    summary = supporter_file(folder, 0, records=12, periods=["2026-01", "2026-02"], seed=5)
    damaged = folder / "damaged.peerdesk"
    shutil.copyfile(journal, damaged)
    damage(damaged)
    newer = folder / "newer.peerdesk"
    shutil.copyfile(journal, newer)
    make_newer(newer)
    # The Spanish pack updates every entry of the English one: an import that must write.
    return Inputs(journal, damaged, newer, csv, summary, starter_pack_path("es"))




@contextlib.contextmanager
def full_target(folder: Path, mounting: bool, room: int) -> Iterator[None]:
    """`folder` has about `room` bytes left: a copy bigger than that fills its disk."""
    if mounting:
        with mounted(folder, "-t", "tmpfs", "-o", f"size={max(room, 64 * 1024)}", "tmpfs"):
            yield
        return
    with no_file_may_grow(64 * 1024):  # room for SQLite's 32 KiB shared memory, not a copy
        yield
