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
from peerdesk.vault.integrity import quick_open_problems
from peerdesk.vault.migrations import Migration, shipped_migrations
from peerdesk.vault.passphrase import key_pragma_literal, normalize_passphrase

PLAINTEXT_HEADER = b"SQLite format 3\x00"

Connection = Any  # sqlcipher3.Connection: the extension module ships no type information


class VaultError(PeerDeskError):
    """Base of every expected vault failure."""


class VaultOpenError(VaultError):
    """Wrong passphrase or damaged file: one neutral message for both, on purpose."""

    def __init__(self) -> None:
        super().__init__(msg(
            "The journal could not be opened: the passphrase is wrong or the file is damaged. "
            "Check the passphrase and try again. The file has not been changed."
        ))


class VaultDamagedError(VaultOpenError):
    """The passphrase is right (the key verified), but the file failed the quick check."""

    def __init__(self, detail: str) -> None:
        VaultError.__init__(self, msg(
            "The journal file is damaged ({detail}). Your passphrase is right; the file has not "
            "been changed. Restore your newest backup: the unlock screen offers the newest "
            "automatic one, and the damaged file is kept aside, never overwritten.",
            detail=detail,
        ))
        self.detail = detail


class VaultWriteError(VaultError):
    """The disk is full or read-only: the change was rolled back, nothing half-written."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(msg(
            "PeerDesk could not save to {path} ({detail}). Nothing was half-written: the "
            "journal is as it was before. Free some disk space or check the folder is "
            "writable, then try again.", path=path, detail=detail,
        ))


_STORAGE_ERRORS = ("disk is full", "readonly", "read-only", "disk i/o error")


@contextlib.contextmanager
def write_transaction(conn: Connection, path: Path | None = None) -> Iterator[Connection]:
    """`BEGIN IMMEDIATE` … `COMMIT` on `conn`, rolled back on any exception; a full disk or a
    read-only file becomes a `VaultWriteError` naming `path` (default: `conn`'s own file)."""
    if path is None:
        path = Path(conn.execute("PRAGMA database_list").fetchone()[2])
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:  # SQLite may already have rolled back (disk full)
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlcipher3.OperationalError) and _is_storage_error(exc):
            raise VaultWriteError(path, str(exc)) from exc
        raise


def _is_storage_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(marker in text for marker in _STORAGE_ERRORS)


class VaultNotFoundError(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(msg(
            "There is no journal at {path}. Create one with 'peerdesk init' or choose another "
            "file with --journal.", path=path,
        ))


class VaultExistsError(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(msg(
            "A file already exists at {path}; PeerDesk never overwrites it. Choose another "
            "location or open the existing journal.", path=path,
        ))


class VaultTooNewError(VaultError):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(msg(
            "This journal was written by a newer version of PeerDesk (schema {found}; this "
            "version knows up to {known}). Update PeerDesk to open it. The file was not changed.",
            found=found, known=known,
        ))


class VaultLockedError(VaultError):
    def __init__(self) -> None:
        super().__init__(msg("The journal is locked. Unlock it and try again."))


class VaultAccessError(VaultError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(msg(
            "PeerDesk cannot use {path}: {detail}. Check that the file and its folder exist "
            "and that you are allowed to read and write them.", path=path, detail=detail,
        ))


def _connect(path: Path) -> Connection:
    # Autocommit at the driver level: transactions are explicit (Vault.transaction).
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
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

    def __init__(self, path: Path, conn: Connection, passphrase: str) -> None:
        self.path = path
        self._conn: Connection | None = conn
        self._passphrase: str | None = passphrase
        self._tx_lock = threading.RLock()

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
            raise VaultAccessError(path, exc.strerror or str(exc)) from exc
        os.close(fd)
        os.chmod(path, PRIVATE_FILE_MODE)
        conn = None
        try:
            conn = _connect(path)
            _apply_key(conn, passphrase)
            _configure(conn)  # first write: page 1 now exists on disk
            if _starts_plaintext(path):
                raise VaultError(msg(
                    "SQLCipher did not encrypt the new journal, so PeerDesk refused to use it. "
                    "Reinstall PeerDesk; nothing was written."
                ))
            vault = cls(path, conn, passphrase)
            vault._migrate(migrations if migrations is not None else shipped_migrations())
            return vault
        except BaseException:
            if conn is not None:
                conn.close()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
            raise

    @classmethod
    def open(
        cls, path: Path, passphrase: str, migrations: tuple[Migration, ...] | None = None
    ) -> Vault:
        path = Path(path)
        key_pragma_literal(passphrase)
        if not path.exists():
            raise VaultNotFoundError(path)
        if not path.is_file():
            raise VaultAccessError(path, msg("it is not a file"))
        if path.stat().st_size == 0 or _starts_plaintext(path):
            raise VaultOpenError()
        chain = migrations if migrations is not None else shipped_migrations()
        known = chain[-1].version if chain else 0
        try:
            conn = _connect(path)
        except sqlcipher3.Error as exc:
            raise VaultAccessError(path, str(exc)) from exc
        try:
            try:
                _apply_key(conn, passphrase)
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            except sqlcipher3.OperationalError as exc:
                if "unable to open" in str(exc):
                    raise VaultAccessError(
                        path, msg("the file or folder is not accessible")) from exc
                raise VaultOpenError() from exc
            except sqlcipher3.DatabaseError as exc:
                # "malformed" (SQLITE_CORRUPT) comes only after page 1 authenticated with this
                # key; a wrong key fails earlier with "file is not a database".
                if "malformed" in str(exc):
                    raise VaultDamagedError(
                        msg("its pages do not fit together; it may be cut short")) from exc
                raise VaultOpenError() from exc
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
                raise VaultOpenError() from exc
        except BaseException:
            conn.close()
            raise
        vault = cls(path, conn, passphrase)
        try:
            vault._migrate(chain)
        except BaseException:
            vault.close()
            raise
        return vault

    def close(self) -> None:
        """Lock: drop the connection and the passphrase. Safe to call twice."""
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

    def reopen(self, passphrase: str | None = None) -> None:
        """Open the file again (after `detach`), with a new passphrase if it was changed."""
        if self._conn is not None:
            self.detach()
        if passphrase is None:
            passphrase = self._passphrase
        if passphrase is None:
            raise VaultLockedError()
        fresh = Vault.open(self.path, passphrase)
        self._conn, self._passphrase = fresh._conn, passphrase
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
            with write_transaction(connection, self.path) as conn:
                yield conn
            return
        with self._tx_lock, write_transaction(self.connection, self.path) as conn:
            yield conn

    def connect_keyed(self, path: Path, passphrase: str | None = None) -> Connection:
        """A keyed connection to another file (a backup), with this vault's passphrase unless
        another is given. The caller closes it."""
        passphrase = passphrase if passphrase is not None else self._passphrase
        if passphrase is None:
            raise VaultLockedError()
        return connect_keyed(path, passphrase)

    def connect_another(self) -> Connection:
        """A second keyed connection to the same file, for a worker thread (WAL allows it)."""
        if self._passphrase is None:
            raise VaultLockedError()
        conn = _connect(self.path)
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
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            _copy_private(self.path, pre_migration_copy_path(self.path, current))
        for migration in pending:
            script = (
                "BEGIN IMMEDIATE;\n"
                f"{migration.sql}\n;"
                f"PRAGMA user_version = {int(migration.version)};\n"
                "COMMIT;"
            )
            try:
                conn.executescript(script)
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
