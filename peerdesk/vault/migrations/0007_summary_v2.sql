-- Summary format v2 (issue #14): signed per-month figures replace per-session records.

-- Supporter side. The journal's Ed25519 signing key (a 32-byte private seed). It is made by
-- PeerDesk on first use (peerdesk/exchange/keys.py) with the `cryptography` package, lives
-- only inside this encrypted file and travels with its encrypted backups.
CREATE TABLE exchange_signing_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    private_key BLOB NOT NULL CHECK (length(private_key) = 32),
    created_at  TEXT NOT NULL
);

-- What the last exports sent, per period ('YYYY-MM', 'YYYY-Qn' or 'YYYY'): the next export
-- re-sends every period whose figures differ (peerdesk/exchange/sent_periods.py).
CREATE TABLE exchange_sent_period (
    period         TEXT PRIMARY KEY,
    figures_sha256 TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    contacts       INTEGER NOT NULL             -- 0: sent as "now empty"
) WITHOUT ROWID;

-- Coordinator side. Version 1 records were never released: their tables go.
DROP TABLE program_record;
DROP TABLE import_log;
DELETE FROM program_supporter;

-- The key each supporter is enrolled with (compared by fingerprint, or accepted explicitly).
ALTER TABLE program_supporter ADD COLUMN public_key TEXT;      -- hex, 32 bytes
ALTER TABLE program_supporter ADD COLUMN org_unit TEXT;
ALTER TABLE program_supporter ADD COLUMN enrolled_at TEXT;
CREATE UNIQUE INDEX program_supporter_key ON program_supporter (public_key);

-- The latest figures of each (supporter, month); `sequence` says which file they came from.
CREATE TABLE program_month (
    supporter_id      TEXT NOT NULL,
    month             TEXT NOT NULL,              -- 'YYYY-MM'
    sequence          INTEGER NOT NULL,
    contacts          INTEGER NOT NULL,
    follow_up_planned INTEGER NOT NULL,
    with_referral     INTEGER NOT NULL,
    with_risk         INTEGER NOT NULL,
    counts            TEXT NOT NULL,              -- JSON: field -> code -> contacts
    PRIMARY KEY (supporter_id, month)
) WITHOUT ROWID;
CREATE INDEX program_month_by_month ON program_month (month);

-- Distinct people per (supporter, period), computed in the supporter's journal.
CREATE TABLE program_people (
    supporter_id  TEXT NOT NULL,
    period        TEXT NOT NULL,                  -- 'YYYY-MM', 'YYYY-Qn' or 'YYYY'
    sequence      INTEGER NOT NULL,
    people        INTEGER NOT NULL,
    people_repeat INTEGER NOT NULL,
    people_formal INTEGER NOT NULL,
    PRIMARY KEY (supporter_id, period)
) WITHOUT ROWID;

-- One row per imported file (refused files leave no trace).
CREATE TABLE import_log (
    id              INTEGER PRIMARY KEY,
    file_name       TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    supporter_id    TEXT NOT NULL,
    supporter_alias TEXT,
    sequence        INTEGER NOT NULL,
    imported_at     TEXT NOT NULL,                -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
    months_replaced TEXT NOT NULL,                -- 'YYYY-MM' joined by spaces
    months_kept     TEXT NOT NULL                 -- already held from a newer file
);
CREATE INDEX import_log_sha256 ON import_log (sha256);
