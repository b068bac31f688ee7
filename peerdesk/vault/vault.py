"""The encrypted journal: create, unlock, migrate, lock.

A journal is a folder (`journal.peerdesk/`) holding the database (`journal.db`, keyed with a
random data key) and its key file (`keys.json`, the data key wrapped under the passphrase and,
optionally, the recovery code): docs/key-hierarchy.md. A single-file journal from before key
slots is opened with its passphrase as before and moved into a folder on that unlock, after
its pages are proven whole (`journal_folder.migrate_legacy_journal`).

Rules (see DESIGN.md "The encrypted file"): any failure to key or read aborts before another
statement runs; a
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
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, ensure_private_dir, fsync_dir
from peerdesk.paths import JOURNAL_DB_NAME, KEY_FILE_NAME, journal_db_path, key_file_path
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
from peerdesk.vault.journal_folder import (
    Layout,
    ProgressFn,
    finish_interrupted_migration,
    layout_of,
    migrate_legacy_journal,
    sweep_key_file_leftovers,
)
from peerdesk.vault.keyed import (
    Connection,
    GatedConnection,
    Secret,
    apply_key,
    connect,
    connect_keyed,
)
from peerdesk.vault.keyslots import (
    MINIMUM_ARGON2,
    Argon2Params,
    DataKey,
    KeySlotError,
    WrongPassphraseError,
    calibrate_argon2,
    new_keyring,
    passphrase_slot_needs_upgrade,
    read_keyring,
    stronger_of,
    unlock_with_passphrase,
    upgrade_target,
    with_passphrase,
    write_keyring,
)
from peerdesk.vault.leftovers import finish_interrupted_restore
from peerdesk.vault.migrations import Migration, shipped_migrations
from peerdesk.vault.passphrase import key_pragma_literal, normalize_passphrase

PLAINTEXT_HEADER = b"SQLite format 3\x00"

# Tests set this so that new passphrase slots take the floor parameters instead of calibrating
# (about 3 s each time): tests/conftest.py. It never lowers anything below the floor, which
# every slot must meet, and the app itself never sets it.
MINIMUM_ARGON2_ENV = "PEERDESK_TESTING_MINIMUM_ARGON2"
_STORAGE_ERRORS = ("disk is full", "readonly", "read-only", "disk i/o error")

__all__ = [  # the errors live in peerdesk.vault.errors; importing them from here still works
    "Connection",
    "GatedConnection",
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


def chosen_argon2() -> Argon2Params:
    """Argon2id parameters for a new journal's passphrase slot: calibrated on this machine to
    about 0.5–1 s (docs/key-hierarchy.md §8), or the floor itself under the test switch."""
    if os.environ.get(MINIMUM_ARGON2_ENV) == "1":
        return MINIMUM_ARGON2
    return calibrate_argon2()


def journal_folder_of(path: Path) -> Path:
    """`--journal …/journal.peerdesk/journal.db` is read as the folder (a common slip)."""
    if path.name == JOURNAL_DB_NAME and (path.parent / KEY_FILE_NAME).is_file():
        return path.parent
    return path


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




def _configure(conn: Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise VaultError(msg("The journal could not switch to write-ahead logging (got "
                             "{mode}).", mode=mode))
    conn.execute("PRAGMA synchronous = FULL")


def _start_encrypted(conn: Connection, db_path: Path, secret: Secret) -> None:
    """Key a new database, write its first page, and prove that page is encrypted."""
    apply_key(conn, secret)
    _configure(conn)  # first write: page 1 now exists on disk
    if _starts_plaintext(db_path):
        raise VaultError(msg(
            "SQLCipher did not encrypt the new journal, so PeerDesk refused to use it. "
            "Reinstall PeerDesk; nothing was written."
        ))


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



def pre_migration_copy_path(path: Path, from_version: int) -> Path:
    return path.with_name(f"{path.name}.schema{from_version}.bak")


class Vault:
    """An unlocked journal. Build with `Vault.create` or `Vault.open`; `close()` locks it.

    `path` is the journal as the user names it (a folder, or an old single file); `db_path`
    the SQLCipher database inside it. While unlocked the vault holds the data key (a folder)
    or the passphrase (an old single file), never both, and drops it on lock."""

    def __init__(self, path: Path, conn: Connection, secret: Secret,
                 gate: IntegrityGate | None = None, *, db_path: Path | None = None) -> None:
        self.path = path
        self.db_path = db_path if db_path is not None else path
        self._conn: Connection | None = conn
        self._secret: Secret | None = secret
        self._tx_lock = threading.RLock()
        self._gate = gate if gate is not None else IntegrityGate()
        self.moved_into_folder = False  # this unlock moved an old single file into a folder
        self.offer_recovery_kit = False  # the app offers the kit once (new or moved journal)
        with contextlib.suppress(AttributeError):  # a plain sqlcipher3 connection (tests)
            conn.gate = self._gate

    @property
    def key_file(self) -> Path | None:
        """The journal folder's key file; None for an old single-file journal."""
        return key_file_path(self.path) if self.db_path != self.path else None

    # -- life cycle ---------------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, migrations: tuple[Migration, ...] | None = None,
        *, folder: bool = True, argon2: Argon2Params | None = None,
    ) -> Vault:
        """A new journal at `path`.

        `folder=True`: a journal folder — a fresh data key, `journal.db` keyed with it and
        `keys.json` holding it under `passphrase` (Argon2id with `argon2`, calibrated here
        unless given). Otherwise a single file keyed with the passphrase, as before key slots
        (the default until the app and its tests move over; docs/key-hierarchy.md §9).
        Anything made is removed again if a step fails."""
        path = Path(path)
        key_pragma_literal(passphrase)  # refuse an unusable passphrase before touching disk
        if path.exists() or path.is_symlink():
            raise VaultExistsError(path)
        ensure_private_dir(path.parent)
        if not folder:
            return cls._create_single_file(path, passphrase, migrations)
        try:
            path.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError as exc:
            raise VaultExistsError(path) from exc
        except OSError as exc:
            fault = classify(exc, path)
            raise (fault or VaultAccessError(path, exc.strerror or str(exc))) from exc
        db_path = journal_db_path(path)
        conn = None
        try:
            os.chmod(path, PRIVATE_DIR_MODE)
            keyring, key = new_keyring(passphrase, argon2 or chosen_argon2())
            os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
            os.chmod(db_path, PRIVATE_FILE_MODE)
            gate = IntegrityGate(intact=True)  # written by us from nothing: whole by making
            conn = connect(db_path, gate)
            _start_encrypted(conn, db_path, key)
            vault = cls(path, conn, key, gate, db_path=db_path)
            vault._migrate(migrations if migrations is not None else shipped_migrations())
            write_keyring(key_file_path(path), keyring)
            fsync_dir(path)
            fsync_dir(path.parent)
            return vault
        except BaseException as exc:
            if conn is not None:
                conn.close()
            shutil.rmtree(path, ignore_errors=True)
            fault = None if isinstance(exc, PeerDeskError) else classify(exc, path)
            if fault is not None:
                raise fault from exc
            raise

    @classmethod
    def _create_single_file(cls, path: Path, passphrase: str,
                            migrations: tuple[Migration, ...] | None) -> Vault:
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
            conn = connect(path, gate)
            _start_encrypted(conn, path, passphrase)
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
        cls, path: Path, passphrase: str, migrations: tuple[Migration, ...] | None = None,
        *, move_into_folder: bool = False, argon2: Argon2Params | None = None,
        progress: ProgressFn | None = None,
    ) -> Vault:
        """Unlock the journal at `path`. Steps:

        1. a folder restore killed between its renames is finished, an interrupted move into
           a folder is finished or cleared (file system only), and a
           killed key-file write's temp file swept — the caller holds the instance lock;
        2. a folder: its key file is read strictly and the passphrase slot opened (the
           deliberate Argon2id time), then `journal.db` keyed with the data key; a slot
           whose parameters are below `argon2` (default: the floor, or a fresh calibration
           when this unlock ran in under half the target time) is then re-wrapped with the
           stronger ones (`upgrade_passphrase_slot`: one more derivation, once);
        3. a single file: opened with the passphrase as before; with `move_into_folder`, its
           pages are proven whole (#16's full check; a damaged one is returned unmoved, its
           integrity DAMAGED, so it stays read-only), then it is moved into a folder
           (`argon2` for its new slot, calibrated unless given; `progress` reports the steps)
           and that folder opened;
        4. the database is checked quickly, migrated if its schema is older.

        Nothing is written on the way in but step 3's move, so a failure leaves the journal as
        it was; the returned vault writes only after its pages are proven authentic
        (`IntegrityGate`). Each failure is named for what happened: missing folder or file,
        wrong passphrase, damaged file or key file, newer version, full disk, read-only file
        or folder, another writer."""
        path = journal_folder_of(Path(path))
        key_pragma_literal(passphrase)
        if not path.parent.is_dir():
            raise VaultFolderMissingError(path.parent)
        finish_interrupted_restore(path)
        finish_interrupted_migration(path)
        layout = layout_of(path)
        if layout is Layout.FOLDER:
            sweep_key_file_leftovers(path)
            started = time.process_time()
            key = unlock_folder(path, passphrase)
            unlock_seconds = time.process_time() - started
            vault = cls._open_keyed(path, journal_db_path(path), key, migrations)
            upgrade_passphrase_slot(path, key, passphrase, argon2, unlock_seconds)
            return vault
        if layout is Layout.MISSING:
            raise VaultNotFoundError(path)
        legacy = cls._open_keyed(path, path, passphrase, migrations)
        if not move_into_folder:
            return legacy
        try:
            legacy.require_intact()
        except VaultDamagedError:
            # A damaged journal is never moved: it stays as it is, read-only, and the app
            # offers the newest good backup (#16).
            return legacy
        except BaseException:
            legacy.close()
            raise
        legacy.close()
        key = migrate_legacy_journal(path, passphrase, argon2=argon2 or chosen_argon2(),
                                     progress=progress or _no_progress)
        vault = cls._open_keyed(path, journal_db_path(path), key, migrations, intact=True)
        vault.moved_into_folder = vault.offer_recovery_kit = True
        return vault

    @classmethod
    def open_with_secret(cls, path: Path, secret: Secret) -> Vault:
        """Open with what the vault's own backups use (`backup.vault_passphrase`): a passphrase
        (a single file, or any journal through its passphrase slot) or a folder's data key,
        which skips the deliberate key derivation (a restore reopening the same journal)."""
        if isinstance(secret, str):
            return cls.open(path, secret)
        path = journal_folder_of(Path(path))
        if layout_of(path) is not Layout.FOLDER:
            raise VaultNotFoundError(path)
        return cls._open_keyed(path, journal_db_path(path), secret)

    @classmethod
    def _open_keyed(cls, path: Path, db_path: Path, secret: Secret,
                    migrations: tuple[Migration, ...] | None = None, *,
                    intact: bool = False) -> Vault:
        """Open `db_path` with `secret` (data key or passphrase): checks, then migrations."""
        if not db_path.exists():
            raise VaultNotFoundError(db_path)
        if not db_path.is_file():
            raise VaultAccessError(db_path, msg("it is not a file"))
        try:
            if db_path.stat().st_size == 0 or _starts_plaintext(db_path):
                raise VaultOpenError()
        except OSError as exc:
            raise VaultAccessError(db_path, exc.strerror or str(exc)) from exc
        chain = migrations if migrations is not None else shipped_migrations()
        known = chain[-1].version if chain else 0
        gate = IntegrityGate(intact=intact)
        try:
            conn = connect(db_path, gate)
        except sqlcipher3.Error as exc:
            raise _open_fault(exc, db_path) from exc
        try:
            try:
                apply_key(conn, secret)
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            except sqlcipher3.DatabaseError as exc:
                raise _open_fault(exc, db_path) from exc
            if version > known:
                raise VaultTooNewError(version, known)
            if version == 0:
                raise VaultOpenError()  # keyed fine but holds no PeerDesk schema: not a journal
            try:
                problems = quick_open_problems(conn, db_path)
            except sqlcipher3.DatabaseError as exc:
                problems = [str(exc)]
            if problems:
                raise VaultDamagedError(problems[0])
            try:
                _configure(conn)
            except sqlcipher3.DatabaseError as exc:
                raise _open_fault(exc, db_path) from exc
        except BaseException:
            conn.close()
            raise
        vault = cls(path, conn, secret, gate, db_path=db_path)
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
        """Lock: drop the connection and the key (or passphrase). Safe to call twice."""
        self._gate.close()
        conn, self._conn, self._secret = self._conn, None, None
        if conn is not None:
            with contextlib.suppress(sqlcipher3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()

    def check_passphrase(self, passphrase: str) -> bool:
        """True when `passphrase` opens this journal now (for a folder: it opens the passphrase
        slot — the deliberate Argon2id time — and the slot holds this journal's key)."""
        secret = self._secret
        if secret is None:
            raise VaultLockedError()
        try:
            given = normalize_passphrase(passphrase)
        except PeerDeskError:
            return False
        if isinstance(secret, DataKey):
            assert self.key_file is not None
            try:
                return unlock_with_passphrase(read_keyring(self.key_file), given) == secret
            except WrongPassphraseError:
                return False
        return hmac.compare_digest(given.encode("utf-8"),
                                   normalize_passphrase(secret).encode("utf-8"))

    def detach(self) -> None:
        """Close the connection but keep the key, so `reopen` can follow (restore).

        The WAL is checkpointed and, as this is the last connection, SQLite removes it: the
        main file alone then holds the whole journal and may be replaced.
        """
        if self._secret is None:
            raise VaultLockedError()
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(sqlcipher3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()

    def reopen(self, secret: Secret | None = None, *, intact: bool = False) -> None:
        """Open the journal again (after `detach`), with another key or passphrase if it was
        changed (a restored backup). No move into a folder happens here: a single file put
        back by a restore moves on the next unlock.

        `intact`: a new file is in place and was proven whole while detached (a checked backup,
        a verified re-encrypted copy of an intact journal); otherwise it is the same file and
        keeps the integrity verdict it had."""
        if self._conn is not None:
            self.detach()
        if secret is None:
            secret = self._secret
        if secret is None:
            raise VaultLockedError()
        db_path = journal_db_path(self.path) if self.path.is_dir() else self.path
        fresh = Vault._open_keyed(self.path, db_path, secret)
        if intact:
            self._gate = IntegrityGate(intact=True)
        conn = fresh.connection
        with contextlib.suppress(AttributeError):
            conn.gate = self._gate
        self._conn, self._secret, self.db_path = conn, secret, db_path
        fresh._conn = fresh._secret = None

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
            with write_transaction(connection, self.db_path, self._gate) as conn:
                yield conn
            return
        with self._tx_lock, write_transaction(self.connection, self.db_path, self._gate) as conn:
            yield conn

    def connect_keyed(self, path: Path, secret: Secret | None = None) -> Connection:
        """A keyed connection to another file (a backup's database), with this vault's key
        unless another key or passphrase is given. The caller closes it."""
        secret = secret if secret is not None else self._secret
        if secret is None:
            raise VaultLockedError()
        return connect_keyed(path, secret)

    def connect_another(self) -> Connection:
        """A second keyed connection to the same file, for a worker thread (WAL allows it).
        It shares this vault's integrity gate: it writes only once the journal is proven
        whole."""
        secret = self._secret  # once: the GUI thread may lock (and drop it) meanwhile
        if secret is None:
            raise VaultLockedError()
        conn = connect(self.db_path, self._gate)
        if self._secret is None:
            conn.close()
            raise VaultLockedError()
        try:
            apply_key(conn, secret)
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

    def read_setting(self, key: str, *, connection: Connection | None = None) -> Any | None:
        """A setting's stored value, or None; on this vault's connection or `connection` (a
        worker's, from `connect_another`)."""
        conn = connection if connection is not None else self.connection
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def write_setting(self, key: str, value: Any, *,
                      connection: Connection | None = None) -> None:
        with self.transaction(connection) as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, sort_keys=True)),
            )

    def settings_on(self, connection: Connection) -> WorkerSettings:
        """The settings backend of a worker's connection: `Settings(vault.settings_on(conn))`."""
        return WorkerSettings(self, connection)

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
                _copy_private(self.db_path, pre_migration_copy_path(self.db_path, current))
            except OSError as exc:
                fault = classify(exc, pre_migration_copy_path(self.db_path, current))
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
                fault = classify_sqlite_error(exc, self.db_path)
                if fault is None:
                    raise
                raise fault from exc


def _no_progress(done: int, total: int, text: str) -> None:
    """Default progress sink."""


def unlock_folder(path: Path, passphrase: str) -> DataKey:
    """The data key of the journal folder at `path`, from its passphrase slot. A wrong
    passphrase (or an altered passphrase slot) is `VaultOpenError`, as for any journal; a
    damaged or altered key file names itself."""
    try:
        return unlock_with_passphrase(read_keyring(key_file_path(path)), passphrase)
    except WrongPassphraseError as exc:
        raise VaultOpenError() from exc


def upgrade_passphrase_slot(path: Path, key: DataKey, passphrase: str,
                            wanted: Argon2Params | None, unlock_seconds: float) -> bool:
    """After an unlock: re-wrap the passphrase slot with stronger Argon2id parameters when its
    own are below `wanted` (default: the floor, or a new calibration when the unlock ran much
    faster than the target — docs/key-hierarchy.md §8). One atomic key-file write, so a crash
    leaves the old slot or the new one, both opened by the same passphrase. A folder that
    cannot be written keeps the old slot; the next unlock tries again. True when upgraded."""
    key_file = key_file_path(path)
    try:
        keyring = read_keyring(key_file)
        current = keyring.passphrase_slot.argon2
        assert current is not None  # every passphrase slot has them (parsing guarantees it)
        if wanted is None:
            wanted = MINIMUM_ARGON2 if os.environ.get(MINIMUM_ARGON2_ENV) == "1" \
                else upgrade_target(current, unlock_seconds)
        if not passphrase_slot_needs_upgrade(keyring, wanted):
            return False
        write_keyring(key_file, with_passphrase(keyring, key, passphrase,
                                                stronger_of(current, wanted)))
    except (OSError, KeySlotError):
        return False
    return True


def vault_secret(vault: Vault) -> Secret:
    """The key (or, for an old single file, the passphrase) an unlocked vault holds: backups
    are keyed with it. Private to the vault package."""
    secret = vault._secret
    if secret is None:
        raise VaultLockedError()
    return secret


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


class WorkerSettings:
    """Settings read and written through a worker's own connection (a write there waits for
    the journal's write lock on the worker, never on the GUI thread)."""

    def __init__(self, vault: Vault, connection: Connection) -> None:
        self._vault = vault
        self._connection = connection

    def read_setting(self, key: str) -> Any | None:
        return self._vault.read_setting(key, connection=self._connection)

    def write_setting(self, key: str, value: Any) -> None:
        self._vault.write_setting(key, value, connection=self._connection)
