"""Summary export rows (issue #17; #14 for the 100k one): the app's whole export beside a raw
sqlcipher3 read-and-serialise that computes the same figures.

App: exactly what `peerdesk export` runs (`plan_from_vault` + `write_file`), with nothing
remembered as sent, so every month and every people period leaves every time.

Raw: one SELECT of the coded columns of the consented sessions (bands and flags worked out in
SQL, sorted by date), counted per month with `collections.Counter` over whole columns (C
loops), distinct people per month, quarter and year from the same rows, `json.dumps` and a
write. Before timing, the row checks that raw and app hold the same figures, so the baseline
can never drift into doing less than the app.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from benchmarks.fixtures import PASSPHRASE, TODAY, journal_path, scratch_dir
from benchmarks.harness import Results, Row, Timing, interleaved, ms, summary
from benchmarks.journal_rows import raw_connect
from peerdesk.vault import Vault

_SINGLE = ("kind", "contact", "channel", "origin", "persistence", "source_relation",
           "next_step", "duration_band", "group_size_band")
_MULTI = ("behaviour", "impact", "risk_flag", "support_given", "referral_type")
_RAW_SQL = (
    "SELECT substr(date, 1, 7), kind, contact, channel, coalesce(origin, ''), "
    "coalesce(persistence, ''), coalesce(source_relation, ''), coalesce(next_step, ''), "
    "CASE WHEN duration_minutes < 15 THEN 'under_15' WHEN duration_minutes < 30 THEN "
    "'15_to_29' WHEN duration_minutes < 45 THEN '30_to_44' WHEN duration_minutes < 60 THEN "
    "'45_to_59' ELSE '60_plus' END, "
    "CASE WHEN kind = 'group' AND group_size >= 2 THEN CASE WHEN group_size < 5 THEN '2_to_4' "
    "WHEN group_size < 10 THEN '5_to_9' ELSE '10_plus' END ELSE '' END, "
    "behaviours, impacts, risk_flags, support_given, referral_types, "
    "follow_up_date IS NOT NULL, "
    "referral_types != '' OR instr(' ' || support_given || ' ', ' referral ') > 0, "
    "risk_flags != '', lower(trim(peer_code)), "
    "coalesce(next_step IN ('considering_formal_report', 'will_report_formally'), 0) "
    "FROM session WHERE consent_to_count = 1 AND date >= ? AND date <= ? ORDER BY date")


def raw_figures(conn: Any, first: str, last: str) -> dict[str, Any]:
    """Every month's counts per code and the people figures, from plain SQL rows."""
    months: list[dict[str, Any]] = []
    by_period: dict[str, list[tuple[str, int]]] = {}
    rows = conn.execute(_RAW_SQL, (f"{first}-01", f"{last}-31"))
    for month, group in itertools.groupby(rows, key=lambda r: r[0]):
        columns = list(zip(*group, strict=True))
        counts = {f: dict(Counter(c)) for f, c in zip(_SINGLE, columns[1:10], strict=True)}
        counts |= {f: dict(Counter(" ".join(c).split()))
                   for f, c in zip(_MULTI, columns[10:15], strict=True)}
        months.append({"month": month, "contacts": len(columns[0]),
                       "follow_up_planned": sum(columns[15]), "with_referral": sum(columns[16]),
                       "with_risk": sum(columns[17]), "counts": counts})
        quarter = f"{month[:4]}-Q{(int(month[5:7]) + 2) // 3}"
        for period in (month, quarter, month[:4]):
            by_period.setdefault(period, []).extend(zip(columns[18], columns[19], strict=True))
    people = []
    for period, pairs in sorted(by_period.items()):
        contacts = Counter(peer for peer, _ in pairs if peer)
        people.append({"period": period, "people": len(contacts),
                       "people_repeat": sum(n >= 2 for n in contacts.values()),
                       "people_formal": len({peer for peer, formal in pairs if peer and formal})})
    return {"months": months, "people": people}


def _without_reasons(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in item.items() if k != "reason"} for item in items]


def export_row(size: int, budget: str, within: Callable[[Timing, Timing], bool]
               ) -> Callable[[Results, int], None]:
    def run(results: Results, repeat: int) -> None:
        from peerdesk.exchange.export import plan_from_vault, write_file
        from peerdesk.exchange.keys import SigningKeyStore

        out_dir: Path = scratch_dir(f"export-{size // 1000}k")
        vault = Vault.open(journal_path(size), PASSPHRASE)
        conn = raw_connect(journal_path(size))
        sent: list[dict[str, Any]] = []
        try:
            key = SigningKeyStore(vault).key()

            def app_export() -> None:
                # nothing is remembered, so every run counts and sends every month
                plan = plan_from_vault(vault, today=TODAY, unsaved_drafts=0)
                sent.append(write_file(plan, out_dir / "summary.json", key).document)

            def raw_export() -> None:
                figures = raw_figures(conn, "2000-01", "2026-11")
                (out_dir / "raw.json").write_bytes(
                    json.dumps(figures, separators=(",", ":")).encode("utf-8"))

            app_export()
            document = sent[-1]
            raw = raw_figures(conn, document["months"][0]["month"],
                              document["months"][-1]["month"])
            if (_without_reasons(document["months"]) != raw["months"]
                    or _without_reasons(document["people"]) != raw["people"]):
                raise AssertionError("the raw baseline's figures differ from the app's summary")
            app, raw_timing = interleaved(app_export, raw_export, repeat)
        finally:
            conn.close()
            vault.close()
        ratio = app.median_ms / raw_timing.median_ms
        results.add(Row(
            f"export {size // 1000}k sessions (summary v2, "
            f"{len(document['months'])} months, {len(document['people'])} people periods)",
            budget,
            summary(app),
            f"median {ms(raw_timing.median_ms)}",
            ratio, within(app, raw_timing),
            {"app": app.__dict__, "raw": raw_timing.__dict__,
             "months_sent": len(document["months"]), "people_sent": len(document["people"]),
             "app_path": "plan_from_vault + write_file (what `peerdesk export` runs; nothing "
                         "remembered, so every month is sent): counts and people in SQL, "
                         "digests, Ed25519 signature, canonical JSON, atomic write with fsync",
             "raw_path": "one SELECT of the consented sessions' coded columns, Counter per "
                         "month and column, people per month/quarter/year, json.dumps, write "
                         "(checked to hold the same figures as the app's file)"},
        ))
    return run


EXPORT_ROWS: tuple[tuple[str, Callable[[Results, int], None], int], ...] = (
    ("export", export_row(10_000, "≤ 3 × raw read-and-serialise",
                          lambda app, raw: app.median_ms <= 3 * raw.median_ms), 9),
    ("export_100k", export_row(100_000, "≤ 3 s", lambda app, raw: app.p95_ms <= 3000), 3),
)
