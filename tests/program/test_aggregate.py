"""Program figures: headline counts and count tables from imported figures."""

from __future__ import annotations

import secrets
from pathlib import Path

from peerdesk.program.aggregate import ProgramFilter, month_label, months_between, summarise
from peerdesk.program.importer import import_files
from peerdesk.program.store import ProgramStore
from peerdesk.vault import Vault
from tests.program.summaries import ACCEPT, contact, signed, write_summary


def test_headlines_and_tables(vault: Vault, tmp_path: Path) -> None:
    s1, s2 = secrets.token_hex(16), secrets.token_hex(16)
    one = [contact("2026-09", peer=1, contact="first", channel="phone"),
           contact("2026-10", peer=1, contact="follow_up", next_step="no_action",
                   referral_type=(), support_given=("listened",), risk_flag=("self_harm",),
                   follow_up_planned=False),
           contact("2026-10", peer=2, kind="group", group_size_band="2_to_4",
                   source_relation=None, next_step=None, behaviour=("online",))]
    two = [contact("2026-11", peer=1, next_step="will_report_formally")]
    import_files(vault, [
        write_summary(tmp_path / "1.json", signed(one, supporter_id=s1, alias="ana-1")),
        write_summary(tmp_path / "2.json", signed(two, supporter_id=s2, alias=None))],
        enrolment=ACCEPT)
    summary = summarise(ProgramStore(vault), ProgramFilter())
    values = {h.key: (h.value, h.denominator) for h in summary.headlines}
    # stopgap aggregation: people are added up per supporter and month
    assert values == {
        "contacts": (4, None), "unique_peers": (4, None), "first_contacts": (3, None),
        "follow_up_contacts": (1, None), "active_supporters": (2, None),
        "follow_up_planned": (3, 4), "referral_rate": (3, 4), "risk_escalations": (1, None),
        "formal_report_share": (2, 4),
    }
    monthly = summary.table("contacts_by_month")
    assert monthly.rows == ("Sep 2026", "Oct 2026", "Nov 2026")
    assert monthly.cells[0][monthly.columns.index("Phone")] == 1
    assert sum(map(sum, monthly.cells)) == 4
    sessions = summary.table("sessions_per_supporter")
    assert sessions.rows == ("ana-1", "Supporter 2")
    assert sessions.cells == ((3,), (1,))
    sources = summary.table("source_relation")
    assert sources.rows[-1] == "Not recorded"
    assert sources.cells[-1] == (1,)
    assert summary.table("behaviours").multi_valued

    only_ana = summarise(ProgramStore(vault), ProgramFilter(supporter_id=s1, since="2026-10"))
    assert only_ana.headline("contacts").value == 2
    assert only_ana.table("contacts_by_month").rows == ("Oct 2026",)


def test_empty_program(vault: Vault) -> None:
    summary = summarise(ProgramStore(vault), ProgramFilter())
    assert summary.headline("contacts").value == 0
    assert summary.table("contacts_by_month").rows == ()


def test_month_helpers() -> None:
    assert months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert month_label("2026-03") == "Mar 2026"
