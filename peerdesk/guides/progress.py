"""Training progress: completed guides and scenarios, and private scenario answers.

With a journal open, progress lives in the encrypted journal (`TrainingProgressRepository`).
Without one (reading from the start screen), `MemoryProgressStore` keeps it for the session
only. Both offer the same `ProgressStore` interface to the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from peerdesk.guides.model import GUIDE, SCENARIO, Library
from peerdesk.vault import Vault
from peerdesk.vault.vault import Connection


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class ProgressStore(Protocol):
    @property
    def persistent(self) -> bool: ...
    def completed(self) -> dict[str, datetime]: ...
    def set_completed(self, item_id: str, kind: str, done: bool,
                      when: datetime | None = None) -> None: ...
    def answer(self, scenario_id: str) -> str: ...
    def save_answer(self, scenario_id: str, text: str) -> None: ...


def _check_kind(kind: str) -> None:
    if kind not in (GUIDE, SCENARIO):
        raise ValueError(f"unknown kind {kind!r}")


class MemoryProgressStore:
    """Progress for a reader without a journal: forgotten when the browser closes."""

    persistent = False

    def __init__(self) -> None:
        self._completed: dict[str, datetime] = {}
        self._answers: dict[str, str] = {}

    def completed(self) -> dict[str, datetime]:
        return dict(self._completed)

    def set_completed(self, item_id: str, kind: str, done: bool,
                      when: datetime | None = None) -> None:
        _check_kind(kind)
        if done:
            self._completed.setdefault(item_id, when or _now())
        else:
            self._completed.pop(item_id, None)

    def answer(self, scenario_id: str) -> str:
        return self._answers.get(scenario_id, "")

    def save_answer(self, scenario_id: str, text: str) -> None:
        self._answers[scenario_id] = text

    def clear(self) -> None:
        self._completed.clear()
        self._answers.clear()


class TrainingProgressRepository:
    """Progress inside the encrypted journal (table `training_progress`, migration 0004)."""

    persistent = True

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def completed(self) -> dict[str, datetime]:
        rows = self._vault.connection.execute(
            "SELECT item_id, completed_at FROM training_progress "
            "WHERE completed_at IS NOT NULL").fetchall()
        return {str(item_id): datetime.fromisoformat(str(when)) for item_id, when in rows}

    def set_completed(self, item_id: str, kind: str, done: bool,
                      when: datetime | None = None) -> None:
        _check_kind(kind)
        stamp = _now().isoformat()
        with self._vault.transaction() as conn:
            if done:
                conn.execute(
                    "INSERT INTO training_progress (item_id, kind, completed_at, updated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT(item_id) DO UPDATE SET "
                    "completed_at = coalesce(training_progress.completed_at, "
                    "excluded.completed_at), updated_at = excluded.updated_at",
                    (item_id, kind, (when or _now()).isoformat(), stamp))
            else:
                conn.execute("UPDATE training_progress SET completed_at = NULL, updated_at = ? "
                             "WHERE item_id = ?", (stamp, item_id))
                self._drop_if_empty(conn, item_id)

    def answer(self, scenario_id: str) -> str:
        row = self._vault.connection.execute(
            "SELECT answer FROM training_progress WHERE item_id = ?", (scenario_id,)).fetchone()
        return "" if row is None else str(row[0])

    def save_answer(self, scenario_id: str, text: str) -> None:
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO training_progress (item_id, kind, answer, updated_at) "
                "VALUES (?, 'scenario', ?, ?) ON CONFLICT(item_id) DO UPDATE SET "
                "answer = excluded.answer, updated_at = excluded.updated_at",
                (scenario_id, text, _now().isoformat()))
            self._drop_if_empty(conn, scenario_id)

    @staticmethod
    def _drop_if_empty(conn: Connection, item_id: str) -> None:
        # A row with neither a completion nor an answer says nothing; don't keep it.
        conn.execute("DELETE FROM training_progress WHERE item_id = ? AND completed_at IS NULL "
                     "AND answer = ''", (item_id,))


@dataclass(frozen=True)
class CompletedItem:
    item_id: str
    kind: str
    title: str
    track: str  # "" for scenarios
    completed_on: date


@dataclass(frozen=True)
class ProgressSummary:
    trainee_done: int
    trainee_total: int
    scenarios_done: int
    scenarios_total: int
    completed: tuple[CompletedItem, ...]  # guides in library order, then scenarios

    @staticmethod
    def _percent(done: int, total: int) -> int:
        return round(100 * done / total) if total else 0

    @property
    def trainee_percent(self) -> int:
        return self._percent(self.trainee_done, self.trainee_total)

    @property
    def scenarios_percent(self) -> int:
        return self._percent(self.scenarios_done, self.scenarios_total)


def summarise(library: Library, completed: dict[str, datetime]) -> ProgressSummary:
    """Percentages and the list of completed items, ignoring ids the library no longer has."""
    items = [CompletedItem(g.id, GUIDE, g.title, g.track, completed[g.id].date())
             for g in library.guides if g.id in completed]
    items += [CompletedItem(s.id, SCENARIO, s.title, "", completed[s.id].date())
              for s in library.scenarios if s.id in completed]
    return ProgressSummary(
        trainee_done=sum(1 for g in library.trainee_path if g.id in completed),
        trainee_total=len(library.trainee_path),
        scenarios_done=sum(1 for s in library.scenarios if s.id in completed),
        scenarios_total=len(library.scenarios),
        completed=tuple(items),
    )
