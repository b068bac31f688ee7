"""Journal rows: unlock to a usable list, the list's first page, full-text search, export.

Each row runs the app's own code (the functions the GUI and the CLI call) beside a raw
sqlcipher3 baseline doing the least work that gives the same answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from benchmarks.fixtures import PASSPHRASE, TODAY, journal_path, scratch_dir
from benchmarks.harness import Results, Row, Timing, measure, ms, summary
from peerdesk.vault import Vault
from peerdesk.vault.passphrase import key_pragma_literal

# What a person might type: common and rare words, a phrase, a prefix still being typed.
SEARCHES = ("rota", "manager", "meetings", "shouted", "coping strategies", "formal report",
            "deadl", "chat", "faith", "relieved", "appearance", "worse shift")

# The list's first page, exactly as SessionRepository.page asks for it (sort: date, newest).
_ROW_COLUMNS = ("s.id, s.date, s.start_time, s.duration_minutes, s.kind, s.contact, s.channel, "
                "s.peer_code, s.behaviours, s.risk_flags, s.consent_to_count, "
                "s.follow_up_date, s.follow_up_done")
_FIRST_PAGE_SQL = (f"SELECT {_ROW_COLUMNS} FROM session s "
                   "ORDER BY s.date DESC, s.start_time DESC, s.id DESC LIMIT 200")


def raw_connect(path: Path) -> Any:
    """Plain sqlcipher3: connect and key, nothing else."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA key = {key_pragma_literal(PASSPHRASE)}")
    return conn


def _app() -> Any:
    from peerdesk.ui.app import create_application

    return create_application(["peerdesk-bench"])


def _touch_visible(model: Any, rows: int = 30) -> None:
    """Ask for what a view paints first: the display text of the visible rows."""
    for row in range(min(rows, model.rowCount())):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))


def unlock_row(results: Results, repeat: int) -> None:
    from peerdesk.journal.repository import SessionRepository
    from peerdesk.ui.journal.list_model import SessionListModel

    _app()
    path = journal_path(100_000)
    opened: list[Any] = []

    def app_unlock() -> None:
        vault = Vault.open(path, PASSPHRASE)
        model = SessionListModel(SessionRepository(vault))
        _touch_visible(model)
        opened.append(vault)

    def raw_unlock() -> None:
        conn = raw_connect(path)
        conn.execute(_FIRST_PAGE_SQL).fetchall()
        opened.append(conn)

    def close() -> None:
        while opened:
            opened.pop().close()

    app = measure(app_unlock, repeat, teardown=close)
    raw = measure(raw_unlock, repeat, teardown=close)
    ratio = app.median_ms / raw.median_ms
    results.add(Row(
        "unlock a 100k-session journal to a usable list",
        "≤ 1.3 × raw open+key+first query",
        summary(app),
        f"median {ms(raw.median_ms)}",
        ratio, ratio <= 1.3,
        {"app": app.__dict__, "raw": raw.__dict__,
         "app_path": "Vault.open (key, quick check, WAL, migrations check) + SessionListModel "
                     "(count + first page of 200) + display text of 30 rows",
         "raw_path": "sqlcipher3.connect + PRAGMA key + the same first-page SELECT"},
    ))


def first_page_row(results: Results, repeat: int) -> None:
    from peerdesk.journal.repository import SessionRepository
    from peerdesk.ui.journal.list_model import SessionListModel

    _app()
    path = journal_path(100_000)
    vault = Vault.open(path, PASSPHRASE)
    conn = raw_connect(path)
    try:
        def app_page() -> None:
            model = SessionListModel(SessionRepository(vault))
            _touch_visible(model)

        app = measure(app_page, repeat)
        raw = measure(lambda: conn.execute(_FIRST_PAGE_SQL).fetchall(), repeat)
    finally:
        conn.close()
        vault.close()
    results.add(Row(
        "first page of the journal list, 100k sessions",
        "≤ 100 ms",
        summary(app),
        f"median {ms(raw.median_ms)}",
        app.median_ms / raw.median_ms, app.p95_ms <= 100,
        {"app": app.__dict__, "raw": raw.__dict__,
         "app_path": "SessionListModel(SessionRepository(vault)): count + page(limit 200), "
                     "then display text of 30 rows × 11 columns",
         "raw_path": "the same SELECT … ORDER BY date DESC LIMIT 200 on an open connection"},
    ))


def search_row(results: Results, repeat: int) -> None:
    from peerdesk.journal.repository import SessionFilter, SessionRepository
    from peerdesk.journal.search import fts_query
    from peerdesk.ui.journal.list_model import SessionListModel

    _app()
    path = journal_path(100_000)
    vault = Vault.open(path, PASSPHRASE)
    conn = raw_connect(path)
    matches: dict[str, int] = {}
    try:
        model = SessionListModel(SessionRepository(vault))

        def app_searches() -> list[Timing]:
            samples = []
            for text in SEARCHES:
                samples.append(measure(lambda text=text: (
                    model.set_filter(SessionFilter(text=text)), _touch_visible(model)),
                    1, warm_up=False))
                matches[text] = model.total
            return samples

        # The bare FTS5 query: the newest 200 matching sessions (the demo journal's ids
        # follow its dates, so id order is the list's order).
        raw_sql = ("SELECT rowid FROM session_fts WHERE session_fts MATCH ? "
                   "ORDER BY rowid DESC LIMIT 200")
        queries = [fts_query(text) for text in SEARCHES]

        def raw_searches() -> list[Timing]:
            return [measure(lambda query=query: conn.execute(raw_sql, (query,)).fetchall(),
                            1, warm_up=False) for query in queries]

        app_searches()  # warm-up
        raw_searches()
        app_samples: list[Timing] = []
        raw_samples: list[Timing] = []
        for _ in range(repeat):
            app_samples += app_searches()
            raw_samples += raw_searches()
    finally:
        conn.close()
        vault.close()
    app = Timing.of([t.median_ms / 1000 for t in app_samples],
                    [(t.cpu_median_ms or 0) / 1000 for t in app_samples])
    raw = Timing.of([t.median_ms / 1000 for t in raw_samples],
                    [(t.cpu_median_ms or 0) / 1000 for t in raw_samples])
    slowest = {text: round(max(t.median_ms for t in app_samples[i::len(SEARCHES)]), 1)
               for i, text in enumerate(SEARCHES)}
    ratio = app.p95_ms / raw.p95_ms
    results.add(Row(
        "full-text search, 100k sessions, p95",
        "p95 ≤ 30 ms and ≤ 5 × raw FTS5 query",
        summary(app, "p95"),
        f"p95 {ms(raw.p95_ms)}",
        ratio, app.p95_ms <= 30 and ratio <= 5,
        {"app": app.__dict__, "raw": raw.__dict__, "searches": list(SEARCHES),
         "matches": matches, "slowest_ms_per_search": slowest,
         "app_path": "SessionListModel.set_filter(SessionFilter(text=…)): count + first page "
                     "with snippets, then display text of 30 rows",
         "raw_path": "SELECT rowid FROM session_fts WHERE session_fts MATCH ? "
                     "ORDER BY rowid DESC LIMIT 200 (the same sessions; no count, no columns, "
                     "no snippets)"},
    ))


def export_row(results: Results, repeat: int) -> None:
    from peerdesk.exchange.export import plan_from_vault, write_file
    from peerdesk.exchange.keys import SigningKeyStore

    path = journal_path(100_000)
    out_dir = scratch_dir("export")
    vault = Vault.open(path, PASSPHRASE)
    conn = raw_connect(path)
    months: list[int] = []
    try:
        key = SigningKeyStore(vault).key()

        def app_export() -> None:
            # nothing is remembered, so every run counts and sends every month
            plan = plan_from_vault(vault, today=TODAY, unsaved_drafts=0)
            write_file(plan, out_dir / "summary.json", key)
            months.append(len(plan.months))

        raw_sql = ("SELECT substr(date, 1, 7), channel, count(*) FROM session "
                   "WHERE consent_to_count = 1 GROUP BY 1, 2")

        def raw_export() -> None:
            rows = conn.execute(raw_sql).fetchall()
            (out_dir / "raw.json").write_text(json.dumps(rows), encoding="utf-8")

        app = measure(app_export, repeat)
        raw = measure(raw_export, repeat)
    finally:
        conn.close()
        vault.close()
    results.add(Row(
        "export 100k sessions",
        "≤ 3 s",
        summary(app),
        f"median {ms(raw.median_ms)}",
        app.median_ms / raw.median_ms, app.p95_ms <= 3000,
        {"app": app.__dict__, "raw": raw.__dict__, "months_sent": months[-1],
         "app_path": "plan_from_vault + write_file (what `peerdesk export` and the export "
                     "dialog run): every month's counts and people in SQL, compare with what "
                     "was sent, sign, atomic write",
         "raw_path": "one GROUP BY month, channel over the consented sessions, json.dumps, "
                     "write"},
    ))


JOURNAL_ROWS: tuple[tuple[str, Callable[[Results, int], None], int], ...] = (
    ("unlock", unlock_row, 5),
    ("first_page", first_page_row, 20),
    ("search", search_row, 4),
    ("export", export_row, 3),
)
