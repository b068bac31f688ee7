"""Training progress: completed guides and scenarios, and private scenario answers.

With a journal open, progress lives in the encrypted journal (`TrainingProgressRepository`).
Without one (reading from the start screen), `FileProgressStore` keeps which guides and
scenarios were completed in the config folder, and the answers in memory only: answers are
private and are kept only inside a journal. `move_progress` brings both into a new journal.
All offer the same `ProgressStore` interface to the browser.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Protocol

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import ensure_private_dir, write_text_atomic
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


class FileProgressStore:
    """Completions in a small JSON file (they reveal nothing about anyone); answers in memory,
    forgotten when the reader closes. `persistent` is False: answers are not kept."""

    persistent = False
    keeps_completions = True

    def __init__(self, path: Path) -> None:
        self.path = path
        self._answers: dict[str, str] = {}

    def _read(self) -> dict[str, tuple[str, datetime]]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            entries = data["completed"]
            return {str(item_id): (str(entry["kind"]), datetime.fromisoformat(entry["at"]))
                    for item_id, entry in entries.items() if entry["kind"] in (GUIDE, SCENARIO)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}  # no file yet, or one this version cannot read: start afresh

    def _write(self, entries: dict[str, tuple[str, datetime]]) -> None:
        payload = {"format": "peerdesk.training-progress", "version": 1, "completed": {
            item_id: {"kind": kind, "at": when.isoformat()}
            for item_id, (kind, when) in sorted(entries.items())}}
        with contextlib.suppress(PeerDeskError):  # progress is not worth an error dialog
            ensure_private_dir(self.path.parent)
            write_text_atomic(self.path, json.dumps(payload, indent=1))

    def completed(self) -> dict[str, datetime]:
        return {item_id: when for item_id, (_kind, when) in self._read().items()}

    def completed_items(self) -> dict[str, tuple[str, datetime]]:
        """item id → (kind, when completed)."""
        return self._read()

    def set_completed(self, item_id: str, kind: str, done: bool,
                      when: datetime | None = None) -> None:
        _check_kind(kind)
        entries = self._read()
        if done:
            entries.setdefault(item_id, (kind, when or _now()))
        else:
            entries.pop(item_id, None)
        self._write(entries)

    def answer(self, scenario_id: str) -> str:
        return self._answers.get(scenario_id, "")

    def save_answer(self, scenario_id: str, text: str) -> None:
        self._answers[scenario_id] = text

    def answers(self) -> dict[str, str]:
        return {key: text for key, text in self._answers.items() if text.strip()}

    def forget_answers(self) -> None:
        self._answers.clear()

    def discard(self) -> None:
        """Forget everything: the file goes, the answers too."""
        self._answers.clear()
        self.path.unlink(missing_ok=True)


def move_progress(source: FileProgressStore, target: ProgressStore) -> int:
    """Bring completions (with their dates) and answers into `target` — the new journal — and
    remove them from `source`. Returns how many items moved."""
    items = source.completed_items()
    for item_id, (kind, when) in items.items():
        target.set_completed(item_id, kind, True, when)
    answers = source.answers()
    for scenario_id, text in answers.items():
        target.save_answer(scenario_id, text)
    source.discard()
    return len(items) + len(set(answers) - set(items))


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
