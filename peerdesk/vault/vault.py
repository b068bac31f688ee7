"""The encrypted journal file: create, unlock, migrate, lock.

Rules (see DESIGN.md "The encrypted file"): the NFC passphrase goes to `PRAGMA key` with
SQLCipher 4's defaults; any failure to key or read aborts before another statement runs; a
failed open never modifies, recreates or replaces the file; a new file is checked to be
encrypted before anything is written into it; migrations run one per transaction after an
encrypted copy is taken; a file from a newer PeerDesk is refused untouched.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import PRIVATE_FILE_MODE, ensure_private_dir, fsync_dir
from peerdesk.translation import msg
from peerdesk.vault.errors import (
    VaultAccessError,
    VaultCheckPendingError,
    VaultDamagedError,
    VaultDiskFullError,
    VaultError,
    VaultExistsError,
    VaultFolderMissingError,
    VaultInUseError,
    VaultLockedError,
    VaultNotFoundError,
    VaultOpenError,
    VaultReadOnlyError,
    VaultTooNewError,
    VaultWriteError,
)
from peerdesk.vault.faults import (
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_IOERR,
    SQLITE_NOTADB,
    classify,
    classify_sqlite_error,
    sqlite_code,
)
from peerdesk.vault.integrity import Integrity, IntegrityGate, quick_open_problems
from peerdesk.vault.migrations import Migration, shipped_migrations
from peerdesk.vault.passphrase import key_pragma_literal, normalize_passphrase

PLAINTEXT_HEADER = b"SQLite format 3\x00"

Connection = Any  # sqlcipher3.Connection: the extension module ships no type information
_STORAGE_ERRORS = ("disk is full", "readonly", "read-only", "disk i/o error")

__all__ = [  # the errors live in peerdesk.vault.errors; importing them from here still works
    "Vault",
    "VaultAccessError",
    "VaultCheckPendingError",
    "VaultDamagedError",
    "VaultDiskFullError",
    "VaultError",
    "VaultExistsError",
    "VaultFolderMissingError",
    "VaultInUseError",
    "VaultLockedError",
    "VaultNotFoundError",
    "VaultOpenError",
    "VaultReadOnlyError",
    "VaultTooNewError",
    "VaultWriteError",
    "connect_keyed",
    "write_transaction",
]


class GatedConnection(sqlcipher3.Connection):  # type: ignore[misc]
    """A connection that knows its vault's `IntegrityGate`, so every write path can ask it."""

    gate: IntegrityGate | None = None


@contextlib.contextmanager
def write_transaction(conn: Connection, path: Path | None = None,
                      gate: IntegrityGate | None = None) -> Iterator[Connection]:
    """`BEGIN IMMEDIATE` … `COMMIT` on `conn`, rolled back on any exception. The journal must
    have passed its integrity gate first (a damaged journal is never written to); a full disk,
    a read-only file or folder, or another writer becomes the vault error that names it."""
    if path is None:
        path = Path(conn.execute("PRAGMA database_list").fetchone()[2])
    gate = gate if gate is not None else getattr(conn, "gate", None)
    if gate is not None:
        gate.before_write(conn)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlcipher3.Error as exc:
        fault = classify_sqlite_error(exc, path)
        if fault is None:
            raise
        raise fault from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:  # SQLite may already have rolled back (disk full)
            with contextlib.suppress(sqlcipher3.Error):
                conn.execute("ROLLBACK")
        if isinstance(exc, sqlcipher3.OperationalError | sqlcipher3.DatabaseError):
            fault = classify_sqlite_error(exc, path)
            if fault is not None:
                raise fault from exc
            if _is_storage_error(exc):
                raise VaultWriteError(path, str(exc)) from exc
        raise


def _is_storage_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(marker in text for marker in _STORAGE_ERRORS)


def _connect(path: Path, gate: IntegrityGate | None = None) -> Connection:
    # Autocommit at the driver level: transactions are explicit (Vault.transaction).
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                              factory=GatedConnection)
    conn.gate = gate
    # SQLCipher otherwise prints decryption failures to stderr; we report them ourselves.
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def _apply_key(conn: Connection, passphrase: str) -> None:
    """Key the connection and prove the key by reading the schema; raise on any failure."""
    conn.execute(f"PRAGMA key = {key_pragma_literal(passphrase)}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def _configure(conn: Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise VaultError(msg("The journal could not switch to write-ahead logging (got "
                             "{mode}).", mode=mode))
    conn.execute("PRAGMA synchronous = FULL")


def _starts_plaintext(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER


def _copy_private(source: Path, target: Path) -> None:
    """Copy an (already encrypted) file to `target` atomically with mode 0600."""
    tmp = target.with_name(f".{target.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    try:
        with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
            fd = -1
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        os.chmod(tmp, PRIVATE_FILE_MODE)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    finally:
        if fd != -1:
            os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def connect_keyed(path: Path, passphrase: str) -> Connection:
    """A bare keyed connection (no journal mode change): for checking or copying files."""
    conn = _connect(path)
    try:
        _apply_key(conn, passphrase)
    except BaseException:
        conn.close()
        raise
    return conn


def pre_migration_copy_path(path: Path, from_version: int) -> Path:
    return path.with_name(f"{path.name}.schema{from_version}.bak")


class Vault:
    """An unlocked journal. Build with `Vault.create` or `Vault.open`; `close()` locks it."""

    def __init__(self, path: Path, conn: Connection, passphrase: str,
                 gate: IntegrityGate | None = None) -> None:
        self.path = path
        self._conn: Connection | None = conn
        self._passphrase: str | None = passphrase
        self._tx_lock = threading.RLock()
        self._gate = gate if gate is not None else IntegrityGate()
        with contextlib.suppress(AttributeError):  # a plain sqlcipher3 connection (tests)
            conn.gate = self._gate

    # -- life cycle ---------------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, migrations: tuple[Migration, ...] | None = None
    ) -> Vault:
        path = Path(path)
        key_pragma_literal(passphrase)  # refuse an unusable passphrase before touching disk
        if path.exists() or path.is_symlink():
            raise VaultExistsError(path)
        ensure_private_dir(path.parent)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        except FileExistsError as exc:
            raise VaultExistsError(path) from exc
        except OSError as exc:
            fault = classify(exc, path)
            raise (fault or VaultAccessError(path, exc.strerror or str(exc))) from exc
        os.close(fd)
        conn = None
        try:
            os.chmod(path, PRIVATE_FILE_MODE)
            gate = IntegrityGate(intact=True)  # written by us from nothing: whole by making
            conn = _connect(path, gate)
            _apply_key(conn, passphrase)
            _configure(conn)  # first write: page 1 now exists on disk
            if _starts_plaintext(path):
                raise VaultError(msg(
                    "SQLCipher did not encrypt the new journal, so PeerDesk refused to use it. "
                    "Reinstall PeerDesk; nothing was written."
                ))
            vault = cls(path, conn, passphrase, gate)
            vault._migrate(migrations if migrations is not None else shipped_migrations())
            return vault
        except BaseException as exc:
            if conn is not None:
                conn.close()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
            fault = None if isinstance(exc, PeerDeskError) else classify(exc, path)
            if fault is not None:
                raise fault from exc
            raise

    @classmethod
    def open(
        cls, path: Path, passphrase: str, migrations: tuple[Migration, ...] | None = None
    ) -> Vault:
        """Unlock the journal at `path`. Nothing is written on the way in, so a failure leaves
        the file as it was; the returned vault writes only after its pages are proven
        authentic (`IntegrityGate`). Each failure is named for what happened: missing folder
        or file, wrong passphrase, damaged file, newer version, full disk, read-only file or
        folder, another writer."""
        path = Path(path)
        key_pragma_literal(passphrase)
        if not path.parent.is_dir():
            raise VaultFolderMissingError(path.parent)
        if not path.exists():
            raise VaultNotFoundError(path)
        if not path.is_file():
            raise VaultAccessError(path, msg("it is not a file"))
        try:
            if path.stat().st_size == 0 or _starts_plaintext(path):
                raise VaultOpenError()
        except OSError as exc:
            raise VaultAccessError(path, exc.strerror or str(exc)) from exc
        chain = migrations if migrations is not None else shipped_migrations()
        known = chain[-1].version if chain else 0
        gate = IntegrityGate()
        try:
            conn = _connect(path, gate)
        except sqlcipher3.Error as exc:
            raise _open_fault(exc, path) from exc
        try:
            try:
                _apply_key(conn, passphrase)
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            except sqlcipher3.DatabaseError as exc:
                raise _open_fault(exc, path) from exc
            if version > known:
                raise VaultTooNewError(version, known)
            if version == 0:
                raise VaultOpenError()  # keyed fine but holds no PeerDesk schema: not a journal
            try:
                problems = quick_open_problems(conn, path)
            except sqlcipher3.DatabaseError as exc:
                problems = [str(exc)]
            if problems:
                raise VaultDamagedError(problems[0])
            try:
                _configure(conn)
            except sqlcipher3.DatabaseError as exc:
                raise _open_fault(exc, path) from exc
        except BaseException:
            conn.close()
            raise
        vault = cls(path, conn, passphrase, gate)
        try:
            vault._migrate(chain)
        except BaseException:
            vault.close()
            raise
        return vault

    # -- integrity gate -----------------------------------------------------------------------

    @property
    def integrity(self) -> Integrity:
        """UNCHECKED until the page check ran, then INTACT or DAMAGED."""
        return self._gate.state

    @property
    def writable(self) -> bool:
        """True once the journal is proven whole; the app shows itself read-only until then."""
        return self._gate.writable

    @property
    def integrity_problems(self) -> tuple[str, ...]:
        return self._gate.problems

    def require_intact(self) -> None:
        """Run the full page check now (unless it already ran); raise `VaultDamagedError` if a
        page fails. The command line calls this before a command does anything."""
        self._gate.check_now(self.connection)

    def require_writable(self, connection: Connection | None = None) -> None:
        """What every write asks first (`transaction` does it itself): the page check has passed,
        or runs now on `connection` — unless the app deferred it (then `VaultCheckPendingError`)."""
        self._gate.before_write(connection if connection is not None else self.connection)

    def defer_integrity_check(self) -> None:
        """The app: until `record_integrity` brings the result of the check it runs on a worker
        connection, writes from the GUI thread are refused (`VaultCheckPendingError`) and
        writes from worker threads wait for it."""
        self._gate.defer()

    def record_integrity(self, problems: list[str] | tuple[str, ...]) -> None:
        self._gate.record(problems)

    def close(self) -> None:
        """Lock: drop the connection and the passphrase. Safe to call twice."""
        self._gate.close()
        conn, self._conn, self._passphrase = self._conn, None, None
        if conn is not None:
            with contextlib.suppress(sqlcipher3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()

    def check_passphrase(self, passphrase: str) -> bool:
        """True when `passphrase` is the one this vault was unlocked with (constant time)."""
        if self._passphrase is None:
            raise VaultLockedError()
        try:
            given = normalize_passphrase(passphrase).encode("utf-8")
        except PeerDeskError:
            return False
        return hmac.compare_digest(given, normalize_passphrase(self._passphrase).encode("utf-8"))

    def detach(self) -> None:
        """Close the connection but keep the passphrase, so `reopen` can follow (rekey, restore).

        The WAL is checkpointed and, as this is the last connection, SQLite removes it: the
        main file alone then holds the whole journal and may be replaced.
        """
        if self._passphrase is None:
            raise VaultLockedError()
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(sqlcipher3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()

    def reopen(self, passphrase: str | None = None, *, intact: bool = False) -> None:
        """Open the file again (after `detach`), with a new passphrase if it was changed.

        `intact`: a new file is in place and was proven whole while detached (a checked backup,
        a verified re-encrypted copy of an intact journal); otherwise it is the same file and
        keeps the integrity verdict it had."""
        if self._conn is not None:
            self.detach()
        if passphrase is None:
            passphrase = self._passphrase
        if passphrase is None:
            raise VaultLockedError()
        fresh = Vault.open(self.path, passphrase)
        if intact:
            self._gate = IntegrityGate(intact=True)
        conn = fresh.connection
        with contextlib.suppress(AttributeError):
            conn.gate = self._gate
        self._conn, self._passphrase = conn, passphrase
        fresh._conn = fresh._passphrase = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- access -------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def connection(self) -> Connection:
        if self._conn is None:
            raise VaultLockedError()
        return self._conn

    @contextlib.contextmanager
    def transaction(self, connection: Connection | None = None) -> Iterator[Connection]:
        """`BEGIN IMMEDIATE` … `COMMIT`, rolled back on any exception, on this vault's
        connection or on `connection` (a worker's, from `connect_another`)."""
        if connection is not None:
            with write_transaction(connection, self.path, self._gate) as conn:
                yield conn
            return
        with self._tx_lock, write_transaction(self.connection, self.path, self._gate) as conn:
            yield conn

    def connect_keyed(self, path: Path, passphrase: str | None = None) -> Connection:
        """A keyed connection to another file (a backup), with this vault's passphrase unless
        another is given. The caller closes it."""
        passphrase = passphrase if passphrase is not None else self._passphrase
        if passphrase is None:
            raise VaultLockedError()
        return connect_keyed(path, passphrase)

    def connect_another(self) -> Connection:
        """A second keyed connection to the same file, for a worker thread (WAL allows it).
        It shares this vault's integrity gate: it writes only once the journal is proven
        whole."""
        if self._passphrase is None:
            raise VaultLockedError()
        conn = _connect(self.path, self._gate)
        try:
            _apply_key(conn, self._passphrase)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA busy_timeout = 10000")
        except BaseException:
            conn.close()
            raise
        return conn

    @property
    def schema_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    def meta(self, key: str) -> Any:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return row[0]

    @property
    def journal_id(self) -> str:
        return str(self.meta("journal_id"))

    def read_setting(self, key: str) -> Any | None:
        row = self.connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def write_setting(self, key: str, value: Any) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, sort_keys=True)),
            )

    # -- migrations ---------------------------------------------------------------------------

    def _migrate(self, chain: tuple[Migration, ...]) -> None:
        conn = self.connection
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        pending = [m for m in chain if m.version > current]
        if not pending:
            return
        if current > 0:
            self.require_intact()  # a migration is a write: never into a damaged file
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try:
                _copy_private(self.path, pre_migration_copy_path(self.path, current))
            except OSError as exc:
                fault = classify(exc, pre_migration_copy_path(self.path, current))
                if fault is None:
                    raise
                raise fault from exc
        for migration in pending:
            script = (
                "BEGIN IMMEDIATE;\n"
                f"{migration.sql}\n;"
                f"PRAGMA user_version = {int(migration.version)};\n"
                "COMMIT;"
            )
            try:
                conn.executescript(script)
            except BaseException as exc:
                if conn.in_transaction:
                    with contextlib.suppress(sqlcipher3.Error):
                        conn.execute("ROLLBACK")
                fault = classify_sqlite_error(exc, self.path)
                if fault is None:
                    raise
                raise fault from exc


def _open_fault(exc: BaseException, path: Path) -> PeerDeskError:
    """Name an error met while opening and keying: a wrong key (or a damaged first page) and a
    damaged file come from SQLCipher's codes, the rest from looking at the folder."""
    code = sqlite_code(exc)
    if code == SQLITE_CORRUPT:
        # SQLITE_CORRUPT comes only after page 1 authenticated with this key; a wrong key
        # fails earlier with SQLITE_NOTADB ("file is not a database").
        return VaultDamagedError(msg("its pages do not fit together; it may be cut short"))
    if code == SQLITE_NOTADB:
        return VaultOpenError()
    fault = classify_sqlite_error(exc, path)
    if fault is not None:
        return fault
    if code in (SQLITE_CANTOPEN, SQLITE_IOERR):
        return VaultAccessError(path, msg("the file or folder is not accessible"))
    return VaultOpenError()
