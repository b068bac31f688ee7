"""A 100,000-session journal exports to a small signed file that the coordinator imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk.exchange.export import export_from_vault
from peerdesk.exchange.format import MAX_SUMMARY_BYTES
from peerdesk.program.importer import import_files
from peerdesk.program.store import ProgramStore
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.program.summaries import ACCEPT

SESSIONS = 100_000

# Bulk SQL: 100,000 consented sessions spread over 2020-01 … 2026-10, with varied codes and
# peer codes (the repository's one-by-one path would take minutes).
_FILL = """
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
INSERT INTO session (summary_id, revision, date, duration_minutes, kind, group_size, contact,
                     channel, origin, behaviours, impacts, risk_flags, support_given,
                     referral_types, next_step, consent_to_count, peer_code, created_at,
                     updated_at)
SELECT printf('%032x', i), 1,
       date('2020-01-01', '+' || (i % 2495) || ' days'), 5 + i % 80,
       CASE WHEN i % 17 = 0 THEN 'group' ELSE 'one_to_one' END,
       CASE WHEN i % 17 = 0 THEN 2 + i % 12 END,
       CASE WHEN i % 3 = 0 THEN 'follow_up' ELSE 'first' END,
       CASE i % 5 WHEN 0 THEN 'in_person' WHEN 1 THEN 'phone' WHEN 2 THEN 'video'
                  WHEN 3 THEN 'chat' ELSE 'email' END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE 'self_referred' END,
       CASE WHEN i % 2 = 0 THEN 'online work_related' ELSE 'person_related' END,
       'wellbeing', CASE WHEN i % 97 = 0 THEN 'self_harm' ELSE '' END,
       'listened referral', CASE WHEN i % 3 = 0 THEN 'eap' ELSE '' END,
       CASE WHEN i % 7 = 0 THEN 'will_report_formally' END,
       CASE WHEN i % 10 = 0 THEN 0 ELSE 1 END, 'peer-' || (i % 4000),
       '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00'
FROM n
"""


@pytest.mark.slow
def test_a_100000_session_journal_exports_and_imports(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "supporter.peerdesk", PASSPHRASE) as supporter:
        supporter.connection.execute("PRAGMA cache_size = -200000")  # indexes fill in memory
        with supporter.transaction() as conn:
            conn.execute(_FILL, (SESSIONS,))
        path = tmp_path / "summary.json"
        result = export_from_vault(supporter, path)
    assert path.stat().st_size < MAX_SUMMARY_BYTES / 20
    document = json.loads(path.read_bytes())
    assert sum(m["contacts"] for m in document["months"]) == SESSIONS * 9 // 10
    assert len(result.months) == 82  # 2020-01 … 2026-10
    with Vault.create(tmp_path / "coordinator.peerdesk", PASSPHRASE) as coordinator:
        [outcome] = import_files(coordinator, [path], enrolment=ACCEPT)
        assert outcome.accepted, outcome.problem
        figures = ProgramStore(coordinator).month_figures()
        assert sum(f.contacts for f in figures) == SESSIONS * 9 // 10
