"""Benchmark data, built once and cached under benchmarks/.work/ (keyed by generator version).

- journals of 10,000 and 100,000 synthetic sessions (`peerdesk.journal.demo`), and one of
  300,000 made from the 100,000 one with bulk SQL (three copies, each 18 months older than the
  next, so ids still follow dates);
- signed summary files (`peerdesk.summary` v2) of several fake supporters, counted and signed
  by the real document code (`peerdesk.program.demo.summary_document`), 100,000 contacts in all;
- a coordinator's year (issue #17): signed v2 files of 500 supporters, 12 months each.

The cache key hashes the sources that decide what gets built (demo generators, migrations,
format and export), so a change there rebuilds and a rerun without one is quick.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import peerdesk
from peerdesk.vault import Vault

PASSPHRASE = "benchmark passphrase, not a secret"  # synthetic data only
TODAY = dt.date(2026, 10, 31)       # fixed, so the data is the same on every run
JOURNAL_SIZES = (10_000, 100_000)
LARGE_JOURNAL = 300_000             # built from the 100,000 one (`_build_large_journal`)
SUPPORTERS = 10
RECORDS_PER_SUPPORTER = 10_000
YEAR_SUPPORTERS = 500               # a year of figures from a large program (issue #17)
YEAR_CONTACTS = 240                 # per supporter: about 20 a month
DATA_VERSION = "2"                   # bump to force a rebuild

ROOT = Path(__file__).resolve().parent
WORK = ROOT / ".work"
PACKAGE = Path(peerdesk.__file__).resolve().parent


def _digest(*paths: Path) -> str:
    h = hashlib.sha256(DATA_VERSION.encode())
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file() and file.suffix in (".py", ".sql", ".toml", ".json"):
                h.update(file.name.encode())
                h.update(file.read_bytes())
    return h.hexdigest()[:12]


def journal_key() -> str:
    return _digest(PACKAGE / "journal" / "demo.py", PACKAGE / "vault" / "migrations")


def summaries_key() -> str:
    return _digest(PACKAGE / "program" / "demo.py", PACKAGE / "exchange" / "format.py",
                   PACKAGE / "exchange" / "export.py")


def journal_path(sessions: int) -> Path:
    return WORK / f"journal-{sessions}-{journal_key()}.peerdesk"


def journal_folder_path() -> Path:
    """The 300,000-session journal as the app keeps it: a journal folder (database under a
    random data key, key file with a passphrase slot). The GUI rows open this one, so they
    measure a usual unlock, not the one-off move of a single file into its folder."""
    return WORK / f"journal-folder-{LARGE_JOURNAL}-{journal_key()}"


def summaries_dir() -> Path:
    return WORK / f"summaries-{SUPPORTERS}x{RECORDS_PER_SUPPORTER}-{summaries_key()}"


def summary_files() -> list[Path]:
    return sorted(summaries_dir().glob("supporter-*.json"))


def year_summaries_dir() -> Path:
    return WORK / f"summaries-{YEAR_SUPPORTERS}x12m-{summaries_key()}"


def year_summary_files() -> list[Path]:
    return sorted(year_summaries_dir().glob("supporter-*.json"))


def scratch_dir(name: str) -> Path:
    """An empty folder under .work/ for one benchmark's throwaway files."""
    folder = WORK / "scratch" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, mode=0o700)
    return folder


# -- building -----------------------------------------------------------------------------------

def _build_journal(sessions: int) -> str:
    from peerdesk.journal.demo import create_demo_journal

    target = journal_path(sessions)
    partial = target.with_name(f".{target.name}.partial")
    for leftover in WORK.glob(f"{partial.name}*"):
        leftover.unlink()
    # Single files, keyed with the passphrase as raw SQLCipher is: the rows then compare the
    # same work. A journal folder's extra cost (Argon2id, unwrapping the data key) has its own
    # rows (benchmarks/kdf_rows.py), as issue #19 asks.
    create_demo_journal(partial, PASSPHRASE, count=sessions, seed=sessions, today=TODAY,
                        folder=False)
    os.replace(partial, target)
    return f"journal of {sessions:,} sessions"


def _build_large_journal() -> str:
    """LARGE_JOURNAL sessions by bulk SQL from the 100,000 journal: copy k (0 = newest) is
    shifted k × SPAN_DAYS back with ids below the newer copies', summary ids made unique by
    their first hex digit. The FTS index is filled by the journal's own triggers."""
    from peerdesk.journal.demo import SPAN_DAYS
    from peerdesk.vault.passphrase import key_pragma_literal

    source = journal_path(100_000)
    copies = LARGE_JOURNAL // 100_000
    target = journal_path(LARGE_JOURNAL)
    partial = target.with_name(f".{target.name}.partial")
    for leftover in WORK.glob(f"{partial.name}*"):
        leftover.unlink()
    with Vault.create(partial, PASSPHRASE, folder=False) as vault:
        conn = vault.connection
        conn.execute(f"ATTACH DATABASE ? AS src KEY {key_pragma_literal(PASSPHRASE)}",
                     (str(source),))
        session_columns = [row[1] for row in conn.execute("PRAGMA src.table_info(session)")]
        text_columns = [row[1] for row in conn.execute("PRAGMA src.table_info(session_text)")]
        shifted = {
            "id": "id + :offset",
            "summary_id": "printf('%x', :copy) || substr(summary_id, 2)",
            "date": "date(date, :days)",
            "follow_up_date": "date(follow_up_date, :days)",
        }
        with vault.transaction() as tx:
            tx.execute("INSERT INTO main.meta SELECT * FROM src.meta WHERE key NOT IN "
                       "(SELECT key FROM main.meta)")
            for copy in range(copies - 1, -1, -1):
                args = {"offset": (copies - 1 - copy) * 100_000, "copy": copy,
                        "days": f"-{copy * (SPAN_DAYS + 1)} days"}
                select = ", ".join(shifted.get(c, c) for c in session_columns)
                tx.execute(f"INSERT INTO main.session ({', '.join(session_columns)}) "
                           f"SELECT {select} FROM src.session ORDER BY id", args)
                select = ", ".join("id + :offset" if c == "id" else c for c in text_columns)
                tx.execute(f"INSERT INTO main.session_text ({', '.join(text_columns)}) "
                           f"SELECT {select} FROM src.session_text ORDER BY id", args)
                tx.execute("INSERT INTO main.session_behaviour SELECT session_id + :offset, code "
                           "FROM src.session_behaviour", args)
                tx.execute("INSERT INTO main.session_referral SELECT session_id + :offset, "
                           "resource_id FROM src.session_referral", args)
        conn.execute("DETACH DATABASE src")
    os.replace(partial, target)
    return f"journal of {LARGE_JOURNAL:,} sessions (bulk SQL from the 100,000 one)"


def _build_large_journal_folder() -> str:
    """The 300,000 journal moved into a folder by the app's own upgrade step (Argon2id
    calibrated on this machine, as the app does), without the old file it keeps inside."""
    from peerdesk.paths import legacy_copy_path
    from peerdesk.vault.journal_folder import migrate_legacy_journal

    target = journal_folder_path()
    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copyfile(journal_path(LARGE_JOURNAL), partial)
    migrate_legacy_journal(partial, PASSPHRASE)
    legacy_copy_path(partial).unlink()
    os.replace(partial, target)
    return f"journal folder of {LARGE_JOURNAL:,} sessions (moved by the app's upgrade step)"


def _write_summaries(target: Path, supporters: int, *, seed: int, label: str, contacts: int,
                     months: list[str], alias: Callable[[int], str], name: str) -> None:
    """`supporters` signed files in `target` (made whole, then moved in place), supporter
    `number` with its own random generator (`seed + number`), id, key and alias."""
    import random

    from peerdesk.program.demo import demo_key, summary_document, supporter_contacts, write_summary

    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True, mode=0o700)
    for number in range(1, supporters + 1):
        rng = random.Random(seed + number)
        supporter_id = hashlib.sha256(f"{label} {number}".encode()).hexdigest()[:32]
        document = summary_document(
            supporter_contacts(rng, contacts, months), supporter_id=supporter_id,
            key=demo_key(rng), alias=alias(number))
        write_summary(partial / name.format(number), document)
    os.replace(partial, target)


def _build_summaries() -> str:
    months = [f"{year}-{month:02d}" for year in (2025, 2026) for month in range(1, 13)]
    _write_summaries(summaries_dir(), SUPPORTERS, seed=1000, label="supporter",
                     contacts=RECORDS_PER_SUPPORTER, months=months[:22],
                     alias=lambda number: f"team-{number}", name="supporter-{:02d}.json")
    return f"{SUPPORTERS} summary files of {RECORDS_PER_SUPPORTER:,} contacts"


def _build_year_summaries() -> str:
    """YEAR_SUPPORTERS signed files, each the twelve months up to TODAY's (as a coordinator
    collects them at the year's end), every supporter with their own id and key."""
    from peerdesk.program.demo import ALIASES, months, months_ending

    year = months(*months_ending(TODAY + dt.timedelta(days=1), 12), 12)
    _write_summaries(year_summaries_dir(), YEAR_SUPPORTERS, seed=50_000, label="year supporter",
                     contacts=YEAR_CONTACTS, months=year,
                     alias=lambda number: f"{ALIASES[number % len(ALIASES)]}-{number}",
                     name="supporter-{:03d}.json")
    return f"{YEAR_SUPPORTERS} summary files of 12 months ({year[0]} to {year[-1]})"


def ensure_data(log: Callable[[str], None] = print) -> None:
    """Build whatever is missing, in parallel; drop stale builds of older keys."""
    WORK.mkdir(parents=True, exist_ok=True)
    keep = ({journal_path(n).name for n in (*JOURNAL_SIZES, LARGE_JOURNAL)}
            | {journal_folder_path().name, summaries_dir().name, year_summaries_dir().name,
               "scratch"})
    for entry in WORK.iterdir():
        if entry.name not in keep and not entry.name.startswith("."):
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink()
    jobs = [(_build_journal, n) for n in sorted(JOURNAL_SIZES, reverse=True)
            if not journal_path(n).exists()]
    if not summaries_dir().is_dir():
        jobs.append((_build_summaries, None))
    if not year_summaries_dir().is_dir():
        jobs.append((_build_year_summaries, None))
    if jobs:
        _build_in_parallel(jobs, log)
    if not journal_path(LARGE_JOURNAL).exists():
        log(f"  building the {LARGE_JOURNAL:,}-session journal…")
        log(f"  built {_build_large_journal()}")
    if not journal_folder_path().exists():
        log(f"  moving a copy of the {LARGE_JOURNAL:,}-session journal into a folder…")
        log(f"  built {_build_large_journal_folder()}")


def _build_in_parallel(jobs: list[tuple[Callable[..., str], int | None]],
                       log: Callable[[str], None]) -> None:
    log("Building benchmark data (cached in benchmarks/.work/ for later runs)…")
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(fn) if n is None else pool.submit(fn, n) for fn, n in jobs]
        for future in futures:
            log(f"  built {future.result()}")
