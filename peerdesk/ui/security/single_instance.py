"""One window per journal: the file lock decides, a local socket brings the first forward.

The first instance holds `InstanceLock` and listens on a QLocalServer named by a hash of the
journal path (the name reveals nothing). A second instance fails to take the lock, says so,
and sends "raise" to that socket; the first raises and activates its window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.errors import PeerDeskError
from peerdesk.ui.i18n import message_text
from peerdesk.vault.instance import AlreadyOpenError, InstanceLock, instance_key

RAISE = b"raise\n"


class InstanceServer(QObject):
    """Held by the first instance: owns the lock, raises `window` when asked."""

    def __init__(self, lock: InstanceLock, window: QWidget) -> None:
        super().__init__(window)
        self.lock = lock
        self.window = window
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = instance_key(lock.journal)
        QLocalServer.removeServer(name)  # a stale socket of a crashed instance (we hold the lock)
        self.server.listen(name)
        self.server.newConnection.connect(self._connection)
        self.raised_count = 0

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.bring_to_front()
        socket.disconnectFromServer()

    def bring_to_front(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        self.raised_count += 1

    def close(self) -> None:
        self.server.close()
        self.lock.release()


def ask_first_instance_to_raise(journal: Path, timeout_ms: int = 1000) -> bool:
    """Second instance: ask the first to come forward. True if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(instance_key(journal))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.waitForDisconnected(timeout_ms)
    return True


def claim_journal(journal: Path) -> InstanceLock | None:
    """At start-up: the lock, or None after telling the user the journal is already open
    (and asking that window to come forward)."""
    lock = InstanceLock(journal)
    try:
        lock.acquire()
    except AlreadyOpenError as exc:
        ask_first_instance_to_raise(journal)
        box = QMessageBox(QMessageBox.Icon.Information, "PeerDesk", message_text(exc))
        box.setObjectName("alreadyOpen")
        box.exec()  # start-up only, before any window exists
        return None
    except PeerDeskError:
        return lock_free_start(journal)
    return lock


def lock_free_start(journal: Path) -> InstanceLock | None:
    """The folder is not writable (a read-only medium): run without the lock, as before."""
    return InstanceLock(journal)
