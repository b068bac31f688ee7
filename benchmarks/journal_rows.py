"""Journal rows at 100,000 and 300,000 sessions: unlock to a usable list, the list's first
page, full-text search (the summary export has its own rows: export_rows.py).

Each row runs the app's own code (the functions the GUI and the CLI call) beside a raw
sqlcipher3 baseline doing the least work that gives the same answer, in interleaved rounds
(`harness.interleaved`), so a change in the machine's load falls on both sides.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from benchmarks.fixtures import LARGE_JOURNAL, PASSPHRASE, journal_path
from benchmarks.harness import Results, Row, interleaved, measure, ms, percentile, summary
from peerdesk.journal.search import SNIPPET_SQL_ARGUMENTS
from peerdesk.vault import Vault
from peerdesk.vault.passphrase import key_pragma_literal

# What a person might type: one- and two-letter prefixes (the first keys of any search),
# common and rare words, words still being typed, multi-word phrases, and a search that
# matches nothing.
SEARCHES = ("t", "m", "ma", "re", "rota", "manager", "meetings", "shouted", "deadl", "chat",
            "faith", "relieved", "appearance", "coping strategies", "formal report",
            "worse shift", "shouted at work", "zzqx")
SIZES = (100_000, LARGE_JOURNAL)

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


def unlock_row(size: int) -> Callable[[Results, int], None]:
    def run(results: Results, repeat: int) -> None:
        from peerdesk.journal.repository import SessionRepository
        from peerdesk.ui.journal.list_model import SessionListModel

        _app()
        path = journal_path(size)
        opened: list[Any] = []

        def app_unlock() -> None:
            vault = Vault.open(path, PASSPHRASE)
            opened.append(vault)
            model = SessionListModel(SessionRepository(vault))
            _touch_visible(model)

        def raw_unlock() -> None:
            conn = raw_connect(path)
            opened.append(conn)
            conn.execute(_FIRST_PAGE_SQL).fetchall()

        def close() -> None:
            while opened:
                opened.pop().close()

        app, raw = interleaved(app_unlock, raw_unlock, repeat, teardown=close)
        ratio = app.median_ms / raw.median_ms
        results.add(Row(
            f"unlock a {size // 1000}k-session journal to a usable list",
            "≤ 1.3 × raw open+key+first query",
            summary(app), f"median {ms(raw.median_ms)}", ratio, ratio <= 1.3,
            {"app": app.__dict__, "raw": raw.__dict__,
             "app_path": "Vault.open (key, quick check, WAL, migrations check) + "
                         "SessionListModel (first page of 200; the count follows on the "
                         "list's worker) + display text of 30 rows",
             "raw_path": "sqlcipher3.connect + PRAGMA key + the same first-page SELECT"},
        ))
    return run


def first_page_row(size: int) -> Callable[[Results, int], None]:
    def run(results: Results, repeat: int) -> None:
        from peerdesk.journal.repository import SessionRepository
        from peerdesk.ui.journal.list_model import SessionListModel

        _app()
        path = journal_path(size)
        vault = Vault.open(path, PASSPHRASE)
        conn = raw_connect(path)
        try:
            def app_page() -> None:
                _touch_visible(SessionListModel(SessionRepository(vault)))

            app, raw = interleaved(app_page,
                                   lambda: conn.execute(_FIRST_PAGE_SQL).fetchall(), repeat)
        finally:
            conn.close()
            vault.close()
        results.add(Row(
            f"first page of the journal list, {size // 1000}k sessions",
            "≤ 100 ms",
            summary(app), f"median {ms(raw.median_ms)}",
            app.median_ms / raw.median_ms, app.p95_ms <= 100,
            {"app": app.__dict__, "raw": raw.__dict__,
             "app_path": "SessionListModel(SessionRepository(vault)): page(limit 200), "
                         "then display text of 30 rows × 11 columns",
             "raw_path": "the same SELECT … ORDER BY date DESC LIMIT 200 on an open connection"},
        ))
    return run


# The raw side of a search: the same screen (the newest PAGE_SIZE matching sessions with the
# list's columns, and the snippets of the first SNIPPET_CHUNK) in plain SQL, written either as
# two statements or as one that makes a snippet for every row; each query is timed with the
# faster of the two. Raw orders by id: in the benchmark journals ids follow the dates (not the
# times within a day), so raw skips the work of proving the order that the app must do.
_SNIPPET_ARGS = SNIPPET_SQL_ARGUMENTS


def _raw_search_statements(page_size: int, snippet_rows: int) -> dict[str, tuple[str, ...]]:
    snippets = (f"snippet(session_fts, 0, {_SNIPPET_ARGS}), "
                f"snippet(session_fts, -1, {_SNIPPET_ARGS})")
    newest = ("SELECT rowid FROM session_fts WHERE session_fts MATCH ? "
              f"ORDER BY rowid DESC LIMIT {page_size}")
    return {
        "rows, then snippets": (
            f"SELECT {_ROW_COLUMNS} FROM session s JOIN ({newest}) m ON s.id = m.rowid "
            "ORDER BY s.id DESC",
            f"SELECT rowid, {snippets} FROM session_fts WHERE session_fts MATCH ? "
            f"ORDER BY rowid DESC LIMIT {snippet_rows}",
        ),
        "rows with snippets": (
            f"SELECT {_ROW_COLUMNS}, {snippets} FROM session_fts "
            "JOIN session s ON s.id = session_fts.rowid WHERE session_fts MATCH ? "
            f"ORDER BY session_fts.rowid DESC LIMIT {page_size}",
        ),
    }


def search_row(size: int) -> Callable[[Results, int], None]:
    def run(results: Results, repeat: int) -> None:
        from peerdesk.journal.repository import SessionFilter, SessionRepository
        from peerdesk.journal.search import fts_query
        from peerdesk.ui.journal.list_model import PAGE_SIZE, SNIPPET_CHUNK

        path = journal_path(size)
        vault = Vault.open(path, PASSPHRASE)
        worker_connection = vault.connect_another()  # the list's worker searches on its own
        repo = SessionRepository(vault, connection=worker_connection)
        conn = raw_connect(path)
        statements = _raw_search_statements(PAGE_SIZE, SNIPPET_CHUNK)
        bare_sql = ("SELECT rowid FROM session_fts WHERE session_fts MATCH ? "
                    f"ORDER BY rowid DESC LIMIT {PAGE_SIZE}")
        per_query: dict[str, dict[str, Any]] = {}
        app_samples: list[float] = []
        raw_samples: list[float] = []
        try:
            for text in SEARCHES:
                flt = SessionFilter(text=text)
                query = fts_query(text)

                def app_search(flt: SessionFilter = flt) -> None:
                    # exactly the list worker's job for a new search (list_model.first_page)
                    repo.page(flt, limit=PAGE_SIZE, snippets=False, first_snippets=SNIPPET_CHUNK)

                def raw_way(sql: tuple[str, ...], query: str | None = query
                            ) -> Callable[[], None]:
                    return lambda: [conn.execute(one, (query,)).fetchall() for one in sql]

                ways = {name: raw_way(sql) for name, sql in statements.items()}
                way = min(ways, key=lambda name: measure(ways[name], 3).median_ms)
                app, raw = interleaved(app_search, ways[way], repeat)
                bare = measure(lambda query=query: conn.execute(bare_sql, (query,)).fetchall(),
                               repeat)
                count, _ = interleaved(lambda flt=flt: repo.count(flt), lambda: None, 3)
                app_samples += app.samples_ms
                raw_samples += raw.samples_ms
                per_query[text] = {
                    "app_median_ms": round(app.median_ms, 2),
                    "raw_median_ms": round(raw.median_ms, 3),
                    "raw_way": way,
                    "ratio": round(app.median_ms / raw.median_ms, 2),
                    "app_p95_ms": round(app.p95_ms, 2),
                    "bare_ids_median_ms": round(bare.median_ms, 3),
                    "ratio_to_bare_ids": round(app.median_ms / bare.median_ms, 1),
                    "count_median_ms": round(count.median_ms, 2),
                    "matches": repo.count(flt),
                }
        finally:
            conn.close()
            worker_connection.close()
            vault.close()
        ratios = [q["ratio"] for q in per_query.values()]
        median_ratio = statistics.median(ratios)
        median_bare_ratio = statistics.median(q["ratio_to_bare_ids"] for q in per_query.values())
        app_p95, raw_p95 = percentile(app_samples, 0.95), percentile(raw_samples, 0.95)
        p95_ratio = app_p95 / raw_p95
        slowest = max(per_query, key=lambda t: per_query[t]["app_median_ms"])
        slowest_ms = per_query[slowest]["app_median_ms"]
        worst_ratio = max(per_query, key=lambda t: per_query[t]["ratio"])
        large = size >= LARGE_JOURNAL
        passed = median_ratio <= 3 and p95_ratio <= 3 and (not large or slowest_ms <= 50)
        results.add(Row(
            f"full-text search, {size // 1000}k sessions, {len(SEARCHES)} queries",
            "median per-query ratio ≤ 3 × raw FTS5, p95 ≤ 3 × raw"
            + (", no query over 50 ms" if large else ""),
            f"median per-query ratio ×{median_ratio:.1f}, p95 {ms(app_p95)} "
            f"(slowest {slowest!r} {ms(slowest_ms)}; worst ratio {worst_ratio!r} "
            f"×{per_query[worst_ratio]['ratio']:.1f}; ×{median_bare_ratio:.0f} a bare "
            "id lookup)",
            f"p95 {ms(raw_p95)}", p95_ratio, passed,
            {"per_query": per_query, "median_per_query_ratio": median_ratio,
             "median_ratio_to_bare_ids": median_bare_ratio,
             "app_p95_ms": app_p95, "raw_p95_ms": raw_p95,
             "app_path": "what the list's worker runs for a new search, on its own connection: "
                         f"SessionRepository.page(SessionFilter(text=…), limit {PAGE_SIZE}, "
                         f"first_snippets={SNIPPET_CHUNK}); the count is a "
                         "separate job after the rows show (count_median_ms)",
             "raw_path": "the same screen in plain SQL, the faster per query of: "
                         + " | ".join(f"{name}: {'; '.join(sql)}"
                                      for name, sql in statements.items()),
             "bare_ids_path": bare_sql + " (ids only: no columns, no snippets, not the same "
                              "answer; reported, not budgeted)"},
        ))
    return run


JOURNAL_ROWS: tuple[tuple[str, Callable[[Results, int], None], int], ...] = (
    *((f"unlock_{size // 1000}k", unlock_row(size), 7) for size in SIZES),
    *((f"first_page_{size // 1000}k", first_page_row(size), 20) for size in SIZES),
    *((f"search_{size // 1000}k", search_row(size), 7) for size in SIZES),
)
