"""Training progress in the journal (encrypted) and in memory (no journal)."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from peerdesk.guides import (
    GUIDE,
    SCENARIO,
    FileProgressStore,
    MemoryProgressStore,
    TrainingProgressRepository,
    load_library,
    move_progress,
    summarise,
)
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE

WHEN = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)


def test_completion_and_answers_survive_lock_and_unlock(vault: Vault, journal_path: Path) -> None:
    repo = TrainingProgressRepository(vault)
    assert repo.persistent
    repo.set_completed("active-listening-oars", GUIDE, True, WHEN)
    repo.save_answer("cant-go-on", "I would ask about suicide directly.")
    vault.close()
    with Vault.open(journal_path, PASSPHRASE) as reopened:
        again = TrainingProgressRepository(reopened)
        assert again.completed() == {"active-listening-oars": WHEN}
        assert again.answer("cant-go-on") == "I would ask about suicide directly."
        assert again.answer("one-bad-meeting") == ""


def test_marking_twice_keeps_the_first_date_and_unmarking_keeps_the_answer(vault: Vault) -> None:
    repo = TrainingProgressRepository(vault)
    repo.save_answer("cant-go-on", "draft")
    repo.set_completed("cant-go-on", SCENARIO, True, WHEN)
    repo.set_completed("cant-go-on", SCENARIO, True, datetime(2027, 1, 1, tzinfo=UTC))
    assert repo.completed()["cant-go-on"] == WHEN
    repo.set_completed("cant-go-on", SCENARIO, False)
    assert repo.completed() == {}
    assert repo.answer("cant-go-on") == "draft"


def test_empty_rows_are_removed(vault: Vault) -> None:
    repo = TrainingProgressRepository(vault)
    repo.save_answer("cant-go-on", "something")
    repo.save_answer("cant-go-on", "")
    repo.set_completed("role-and-limits", GUIDE, True)
    repo.set_completed("role-and-limits", GUIDE, False)
    count = vault.connection.execute("SELECT count(*) FROM training_progress").fetchone()[0]
    assert count == 0


def test_unknown_kind_is_refused(vault: Vault) -> None:
    with pytest.raises(ValueError, match="kind"):
        TrainingProgressRepository(vault).set_completed("x", "video", True)
    with pytest.raises(ValueError, match="kind"):
        MemoryProgressStore().set_completed("x", "video", True)


def test_memory_store_forgets_on_clear() -> None:
    store = MemoryProgressStore()
    assert not store.persistent
    store.set_completed("role-and-limits", GUIDE, True, WHEN)
    store.save_answer("cant-go-on", "mine")
    assert store.completed() == {"role-and-limits": WHEN}
    assert store.answer("cant-go-on") == "mine"
    store.clear()
    assert store.completed() == {}
    assert store.answer("cant-go-on") == ""


def test_summary_percentages() -> None:
    library = load_library()
    trainee = library.trainee_path
    done = {g.id: WHEN for g in trainee[:3]}
    done[library.track("coordinator")[0].id] = WHEN
    done[library.scenarios[0].id] = WHEN
    done["a-guide-that-was-removed"] = WHEN
    summary = summarise(library, done)
    assert summary.trainee_done == 3
    assert summary.trainee_total == len(trainee)
    assert summary.trainee_percent == round(300 / len(trainee))
    assert summary.scenarios_percent == round(100 / len(library.scenarios))
    assert [c.item_id for c in summary.completed] == [
        *[g.id for g in trainee[:3]], library.track("coordinator")[0].id, library.scenarios[0].id]
    assert summary.completed[0].completed_on.isoformat() == "2026-11-03"
    assert summarise(library, {}).trainee_percent == 0


def test_progress_without_a_journal_is_kept_but_answers_are_not(tmp_path: Path) -> None:
    path = tmp_path / "config" / "training-progress.json"
    store = FileProgressStore(path)
    store.set_completed("what-is-workplace-bullying", GUIDE, True)
    store.set_completed("a-bad-meeting", SCENARIO, True)
    store.save_answer("a-bad-meeting", "I would ask how they are.")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "I would ask" not in path.read_text("utf-8")  # answers never leave memory
    again = FileProgressStore(path)  # the guides closed and opened again
    assert set(again.completed()) == {"what-is-workplace-bullying", "a-bad-meeting"}
    assert again.answer("a-bad-meeting") == ""
    again.set_completed("a-bad-meeting", SCENARIO, False)
    assert set(FileProgressStore(path).completed()) == {"what-is-workplace-bullying"}


def test_an_unreadable_progress_file_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "training-progress.json"
    path.write_text("{not json")
    store = FileProgressStore(path)
    assert store.completed() == {}
    store.set_completed("g", GUIDE, True)
    assert set(FileProgressStore(path).completed()) == {"g"}


def test_progress_moves_into_a_new_journal(tmp_path: Path, vault: Vault) -> None:
    path = tmp_path / "training-progress.json"
    store = FileProgressStore(path)
    when = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    store.set_completed("what-is-workplace-bullying", GUIDE, True, when)
    store.save_answer("a-bad-meeting", "Ask, then listen.")
    journal = TrainingProgressRepository(vault)
    assert move_progress(store, journal) == 2
    assert journal.completed() == {"what-is-workplace-bullying": when}
    assert journal.answer("a-bad-meeting") == "Ask, then listen."
    assert not path.exists()
    assert store.answer("a-bad-meeting") == ""
