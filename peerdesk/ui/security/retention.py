"""Journal ▸ Delete old sessions…: shows exactly how many sessions will go, then deletes them
(secure_delete: their text leaves the file). With the setting `retention_months` on, the
same confirmation is shown after unlock; nothing is ever deleted without it."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.journal.repository import SessionRepository
from peerdesk.settings import Settings
from peerdesk.ui.i18n import message_text
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.vault import Vault


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (clamped to the month's last day)."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


class RetentionDialog(QDialog):
    deleted = Signal(int)

    def __init__(self, vault: Vault, settings: Settings, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today,
                 on_unlock: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(self.tr("Delete old sessions"))
        self._vault, self._settings, self._today = vault, settings, today
        self._repository = SessionRepository(vault)
        self.task: BackgroundTask | None = None
        configured = int(settings.get("retention_months"))
        intro = QLabel(self.tr(
            "Sessions older than this are deleted for good, with their notes and reflections. "
            "Nothing leaves the journal; deleted text is wiped from the file.") if not on_unlock
            else (self.tr("Your journal is set to delete sessions older than 1 month. Confirm "
                          "to delete them now, or keep them this time.") if configured == 1
                  else self.tr("Your journal is set to delete sessions older than {0} months. "
                               "Confirm to delete them now, or keep them this time.")
                  .format(configured)))
        intro.setWordWrap(True)
        self.months = QSpinBox()
        self.months.setObjectName("retentionMonths")
        self.months.setAccessibleName(self.tr("Months to keep"))
        self.months.setRange(1, 240)
        self.months.setValue(configured or 24)
        months_row = QHBoxLayout()
        label = QLabel(self.tr("Delete sessions older than:"))
        label.setBuddy(self.months)
        months_row.addWidget(label)
        months_row.addWidget(self.months)
        months_row.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("retentionSummary")
        self.summary.setWordWrap(True)
        self.automatic = QCheckBox(self.tr("Offer this every time the journal is unlocked"))
        self.automatic.setObjectName("retentionAutomatic")
        self.automatic.setChecked(configured > 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = self.buttons.addButton(
            self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setObjectName("deleteOldButton")
        self.delete_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self._keep)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(months_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.automatic)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.months.valueChanged.connect(self._update)
        self._update()

    @property
    def cutoff(self) -> dt.date:
        return months_before(self._today(), self.months.value())

    @property
    def count(self) -> int:
        return self._repository.count_older_than(self.cutoff)

    def _update(self) -> None:
        count = self.count
        self.months.setSuffix(self.tr(" month") if self.months.value() == 1
                              else self.tr(" months"))
        if count == 1:
            self.summary.setText(self.tr(
                "<b>1 session</b> dated before {0} will be deleted. This cannot be undone "
                "(except by restoring a backup).").format(self.cutoff.isoformat()))
            self.delete_button.setText(self.tr("Delete 1 session"))
        elif count:
            self.summary.setText(self.tr(
                "<b>{0} sessions</b> dated before {1} will be deleted. This cannot be undone "
                "(except by restoring a backup).").format(count, self.cutoff.isoformat()))
            self.delete_button.setText(self.tr("Delete {0} sessions").format(count))
        else:
            self.summary.setText(self.tr("No session is dated before {0}; nothing to delete.")
                                 .format(self.cutoff.isoformat()))
            self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setEnabled(count > 0)

    def _save_setting(self) -> None:
        self._settings.set("retention_months",
                           self.months.value() if self.automatic.isChecked() else 0)

    def _keep(self) -> None:
        self.reject()

    def confirm(self) -> None:
        """The user confirmed the count shown: delete on a worker connection."""
        if self.task is not None or not self.delete_button.isEnabled():
            return
        self._save_setting()
        vault, cutoff = self._vault, self.cutoff
        self.delete_button.setEnabled(False)

        def work(_: Progress) -> int:
            conn = vault.connect_another()
            try:
                return SessionRepository(vault, connection=conn).delete_older_than(cutoff)
            finally:
                conn.close()

        self.task = run_in_background(self, self.tr("Deleting old sessions…"), work,
                                      self._done, self._failed)

    def _done(self, deleted: int) -> None:
        self.task = None
        self.deleted.emit(deleted)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.summary.setText(message_text(exc))
        self._update()
