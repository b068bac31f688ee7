"""ProgramStore: the latest figures per (supporter, month), replaced only by a newer file,
refused replays that change nothing, key (re-)enrolment and the import history."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from peerdesk.exchange.validate import ValidatedSummary
from peerdesk.program.figures import MonthFigures, PeopleFigures
from peerdesk.program.store import OlderThanHeld, ProgramStore
from peerdesk.vault import Vault
from tests.program.summaries import new_key

KEY_A, KEY_B, KEY_C = (new_key(seed).public_hex for seed in (1, 2, 3))


def summary(sequence: int, months: Mapping[str, int], people: Mapping[str, int] | None = None,
            *, supporter: str = "a" * 32, key: str = KEY_A, alias: str | None = "sam-2",
            org_unit: str | None = None) -> ValidatedSummary:
    """A checked summary holding `months` ({"YYYY-MM": contacts}) and `people` ({period: n})."""
    return ValidatedSummary(
        file_name=f"summary-{sequence}.json", sha256=f"{sequence:064x}", created_at="",
        supporter_id=supporter, alias=alias, org_unit=org_unit, public_key=key,
        sequence=sequence,
        months=tuple(MonthFigures(supporter, month, contacts, {"channel": {"phone": contacts}},
                                  follow_up_planned=0, with_referral=0, with_risk=0)
                     for month, contacts in months.items()),
        people=tuple(PeopleFigures(supporter, period, n, 0, 0)
                     for period, n in (people or {}).items()),
        reasons={})


def contacts(store: ProgramStore) -> dict[str, int]:
    return {f.month: f.contacts for f in store.month_figures()}


@pytest.fixture
def store(vault: Vault) -> ProgramStore:
    return ProgramStore(vault)


def test_a_newer_file_replaces_only_the_months_it_holds(store: ProgramStore) -> None:
    store.apply_summary(summary(1, {"2026-09": 4, "2026-10": 6}, {"2026-Q3": 3}), enrol=True)
    counts = store.apply_summary(summary(2, {"2026-10": 9, "2026-11": 2}))
    assert counts.months_replaced == ("2026-10", "2026-11")
    assert counts.months_kept == ()
    assert contacts(store) == {"2026-09": 4, "2026-10": 9, "2026-11": 2}
    assert [(p.period, p.people) for p in store.people_figures(["2026-Q3"])] == [("2026-Q3", 3)]


def test_a_late_older_file_adds_new_months_and_keeps_newer_ones(store: ProgramStore) -> None:
    store.apply_summary(summary(5, {"2026-10": 9}), enrol=True)
    counts = store.apply_summary(summary(4, {"2026-10": 1, "2026-11": 3}))
    assert counts.months_replaced == ("2026-11",)
    assert counts.months_kept == ("2026-10",)
    assert contacts(store) == {"2026-10": 9, "2026-11": 3}
    assert store.history()[0].months_kept == ("2026-10",)


def test_a_replay_is_refused_and_changes_nothing(store: ProgramStore) -> None:
    store.apply_summary(summary(3, {"2026-10": 9}, {"2026": 5}), enrol=True)
    before = store.dump()
    with pytest.raises(OlderThanHeld) as refused:
        store.apply_summary(summary(3, {"2026-10": 1}, {"2026": 1}))
    assert (refused.value.sequence, refused.value.latest) == (3, 3)
    assert "file sequence 3, latest imported 3" in str(refused.value)
    with pytest.raises(OlderThanHeld):
        store.apply_summary(summary(2, {"2026-10": 1}))
    assert store.dump() == before


def test_a_month_now_empty_leaves_the_figures(store: ProgramStore) -> None:
    """Consent withdrawn for every contact of a month: the newer file sends it with 0."""
    store.apply_summary(summary(1, {"2026-09": 4, "2026-10": 6}), enrol=True)
    store.apply_summary(summary(2, {"2026-10": 0}))
    assert contacts(store) == {"2026-09": 4}
    assert store.months_with_data() == ["2026-09"]
    assert store.period_range() == ("2026-09", "2026-09")


def test_supporters_keys_aliases_and_units_follow_the_latest_file(store: ProgramStore) -> None:
    store.apply_summary(summary(1, {"2026-10": 6}, alias=None, org_unit="North"), enrol=True)
    store.apply_summary(summary(1, {"2026-10": 2}, supporter="b" * 32, key=KEY_B,
                                alias="lee-7", org_unit="South"), enrol=True)
    assert store.supporter_labels() == {"a" * 32: "Supporter 1", "b" * 32: "lee-7"}
    assert store.supporter_with_key(KEY_B) == "b" * 32
    store.apply_summary(summary(2, {"2026-11": 1}, key=KEY_C, alias="sam-2",
                                org_unit="South"), enrol=True)  # re-enrolled on a new device
    assert store.enrolled_key("a" * 32) == KEY_C
    assert store.org_units() == ["South"]
    assert store.supporters_in_unit("South") == ["a" * 32, "b" * 32]
    first = store.supporters()[0]
    assert (first.alias, first.months) == ("sam-2", 2)
    assert store.imported_at(f"{2:064x}") is not None
    assert store.imported_at(f"{9:064x}") is None


def test_figures_are_filtered_by_months_and_supporters(store: ProgramStore) -> None:
    store.apply_summary(summary(1, {"2026-09": 1, "2026-10": 2, "2026-11": 3}), enrol=True)
    store.apply_summary(summary(1, {"2026-10": 5}, supporter="b" * 32, key=KEY_B), enrol=True)
    window = store.month_figures(since="2026-10", until="2026-10")
    assert [(f.supporter_id[0], f.contacts) for f in window] == [("a", 2), ("b", 5)]
    only_b = store.month_figures(supporter_ids=["b" * 32])
    assert [(f.month, f.contacts) for f in only_b] == [("2026-10", 5)]
    assert store.people_figures([]) == []


def _committed(vault: Vault) -> dict[str, int]:
    """What another connection sees: only committed figures."""
    other = vault.connect_another()
    try:
        return {f.month: f.contacts for f in ProgramStore(other).month_figures()}
    finally:
        other.close()


def test_a_batch_refuses_a_replay_alone_and_commits_the_rest(vault: Vault) -> None:
    store = ProgramStore(vault)
    with store.batch(max_seconds=3600) as batch:
        store.apply_summary(summary(5, {"2026-09": 4}), enrol=True)
        with pytest.raises(OlderThanHeld):
            store.apply_summary(summary(3, {"2026-09": 1}))
        store.apply_summary(summary(6, {"2026-10": 2}))
        batch.commit_if_due()  # not due: still one open transaction
        assert _committed(vault) == {}
    assert _committed(vault) == {"2026-09": 4, "2026-10": 2}
    assert [entry.sequence for entry in store.history()] == [6, 5]


def test_a_failure_in_a_batch_rolls_back_only_the_open_transaction(vault: Vault) -> None:
    store = ProgramStore(vault)

    def two_files_then_a_failure() -> None:
        with store.batch(max_seconds=0) as batch:
            store.apply_summary(summary(5, {"2026-09": 4}), enrol=True)
            batch.commit_if_due()  # due at once: committed
            store.apply_summary(summary(6, {"2026-10": 2}))
            raise RuntimeError("the process fails here")

    with pytest.raises(RuntimeError):
        two_files_then_a_failure()
    assert _committed(vault) == {"2026-09": 4}
    assert [entry.sequence for entry in store.history()] == [5]
    store.apply_summary(summary(7, {"2026-11": 1}))  # the journal takes writes again
    assert _committed(vault) == {"2026-09": 4, "2026-11": 1}
