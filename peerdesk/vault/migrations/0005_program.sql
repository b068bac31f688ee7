-- Coordinator side: records imported from supporters' de-identified summary files.
-- One row per summary record id; a re-import keeps the highest revision (see program/store.py).
-- Multi-valued codes are stored as space-separated taxonomy codes (codes never contain spaces).
CREATE TABLE program_record (
    id                 TEXT PRIMARY KEY,          -- the record's random summary id
    revision           INTEGER NOT NULL,
    supporter_id       TEXT NOT NULL,             -- random journal id of the exporting supporter
    export_id          TEXT NOT NULL,             -- the export the current revision came from
    period             TEXT NOT NULL,             -- as exported: 'YYYY-Www' or 'YYYY-MM'
    month              TEXT NOT NULL,             -- 'YYYY-MM' (a week counts in its Thursday's month)
    duration_band      TEXT NOT NULL,
    kind               TEXT NOT NULL,
    group_size_band    TEXT,
    contact            TEXT NOT NULL,
    channel            TEXT NOT NULL,
    origin             TEXT,
    behaviours         TEXT NOT NULL,
    persistence        TEXT,
    source_relation    TEXT,
    impacts            TEXT NOT NULL,
    risk_flags         TEXT NOT NULL,
    support_given      TEXT NOT NULL,
    referral_types     TEXT NOT NULL,
    referral_resources TEXT NOT NULL,
    next_step          TEXT,
    follow_up_planned  INTEGER NOT NULL,
    org_unit           TEXT,
    peer_key           TEXT
) WITHOUT ROWID;

CREATE INDEX program_record_month ON program_record (month);
CREATE INDEX program_record_supporter ON program_record (supporter_id);

-- Supporters seen in imports, numbered in the order they first arrived ("Supporter 1..n").
CREATE TABLE program_supporter (
    id         TEXT PRIMARY KEY,
    alias      TEXT,
    first_seen TEXT NOT NULL,
    position   INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

-- One row per imported file, including re-imports that changed nothing.
CREATE TABLE import_log (
    id              INTEGER PRIMARY KEY,
    file_name       TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    export_id       TEXT NOT NULL,
    supporter_id    TEXT NOT NULL,
    supporter_alias TEXT,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    imported_at     TEXT NOT NULL,                -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
    record_count    INTEGER NOT NULL,
    new_count       INTEGER NOT NULL,
    updated_count   INTEGER NOT NULL,
    unchanged_count INTEGER NOT NULL
);

CREATE INDEX import_log_sha256 ON import_log (sha256);
