"""Every expected vault failure, each named for what really happened (issue #16).

`peerdesk.vault.faults` decides which one fits an `OSError` or SQLite error; the messages say
what happened and what to do, and every one of them promises what is true: nothing changed.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk.errors import PeerDeskError
from peerdesk.translation import msg


class VaultError(PeerDeskError):
    """Base of every expected vault failure."""


class VaultOpenError(VaultError):
    """Wrong passphrase or damaged first page: one neutral message for both, on purpose
    (SQLCipher cannot tell them apart: either way the first page does not authenticate)."""

    def __init__(self) -> None:
        super().__init__(msg(
            "The journal could not be opened: the passphrase is wrong or the file is damaged. "
            "Check the passphrase and try again. The file has not been changed."
        ))


class VaultDamagedError(VaultOpenError):
    """The passphrase is right (the key verified), but pages of the file fail their checks."""

    def __init__(self, detail: str) -> None:
        VaultError.__init__(self, msg(
            "The journal file is damaged ({detail}). Your passphrase is right; the file has not "
            "been changed. Restore your newest backup: the unlock screen offers the newest "
            "automatic one, and the damaged file is kept aside, never overwritten.",
            detail=detail,
        ))
        self.detail = detail


class VaultWriteError(VaultError):
    """A write failed for a storage reason: the change was rolled back, nothing half-written."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(msg(
            "PeerDesk could not save to {path} ({detail}). Nothing was half-written: the "
            "journal is as it was before. Free some disk space or check the folder is "
            "writable, then try again.", path=path, detail=detail,
        ))
        self.path = path


class VaultDiskFullError(VaultWriteError):
    def __init__(self, path: Path) -> None:
        VaultError.__init__(self, msg(
            "The disk that holds {path} is full, so PeerDesk could not write to it. Nothing was "
            "half-written: every file is as it was before. Free some space on that disk, then "
            "try again.", path=path,
        ))
        self.path = path


class VaultReadOnlyError(VaultWriteError):
    """The file itself, or the folder (or the whole drive) it is in, cannot be written."""

    def __init__(self, path: Path, *, folder: bool) -> None:
        if folder:
            text = msg(
                "The folder {folder} is read-only (or on a read-only drive), so PeerDesk cannot "
                "write there; it keeps its working files beside the journal. Nothing was "
                "changed. Make the folder writable, or copy the file to a folder you can write "
                "to and use it from there.", folder=path,
            )
        else:
            text = msg(
                "The file {path} is read-only, so PeerDesk cannot change it. Nothing was "
                "changed. Make the file writable (or copy it to a folder you can write to and "
                "use the copy), then try again.", path=path,
            )
        VaultError.__init__(self, text)
        self.path = path
        self.folder = folder


class VaultInUseError(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(msg(
            "The journal {path} is open in another PeerDesk window or command. Nothing was "
            "changed. Close it there (or let the command finish), then try again.", path=path,
        ))
        self.path = path


class VaultCheckPendingError(VaultError):
    """The app opened the journal and is still proving it whole: writes wait for that."""

    def __init__(self) -> None:
        super().__init__(msg(
            "PeerDesk is still checking that the journal is undamaged (it does this once after "
            "unlocking, in the background); until it has finished nothing can be saved. Nothing "
            "was lost: try again in a moment."
        ))


class VaultNotFoundError(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(msg(
            "There is no journal at {path}. Create one with 'peerdesk init' or choose another "
            "file with --journal.", path=path,
        ))


class VaultFolderMissingError(VaultNotFoundError):
    """The folder that should hold the file is not there: for the journal, the same as no
    journal, but the message says why and what to check."""

    def __init__(self, folder: Path) -> None:
        VaultError.__init__(self, msg(
            "The folder {folder} does not exist (a drive that is not connected, or a folder that "
            "was moved or renamed?). Nothing was created or changed. Connect the drive or give "
            "the right path, then try again.", folder=folder,
        ))
        self.folder = folder


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


# Faults of the journal itself rather than of what was being saved into it: a batch (an import
# of several files) stops at the first one instead of blaming each file in turn.
JOURNAL_FAULTS: tuple[type[VaultError], ...] = (
    VaultWriteError, VaultInUseError, VaultDamagedError, VaultCheckPendingError, VaultLockedError,
)
