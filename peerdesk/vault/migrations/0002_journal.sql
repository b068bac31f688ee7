-- The session journal (owned by peerdesk/journal/repository.py).
-- Dates are ISO text (YYYY-MM-DD), times HH:MM[:SS], timestamps ISO 8601 UTC.
-- Multi-valued coded fields are the taxonomy codes sorted and joined by single spaces.
CREATE TABLE session (
    id                   INTEGER PRIMARY KEY,
    summary_id           TEXT NOT NULL UNIQUE,
    revision             INTEGER NOT NULL CHECK (revision >= 1),
    date                 TEXT NOT NULL,
    start_time           TEXT,
    duration_minutes     INTEGER NOT NULL,
    kind                 TEXT NOT NULL,
    group_size           INTEGER,
    contact              TEXT NOT NULL,
    channel              TEXT NOT NULL,
    origin               TEXT,
    behaviours           TEXT NOT NULL DEFAULT '',
    persistence          TEXT,
    source_relation      TEXT,
    impacts              TEXT NOT NULL DEFAULT '',
    risk_flags           TEXT NOT NULL DEFAULT '',
    support_given        TEXT NOT NULL DEFAULT '',
    referral_types       TEXT NOT NULL DEFAULT '',
    next_step            TEXT,
    follow_up_date       TEXT,
    follow_up_done       INTEGER NOT NULL DEFAULT 0,
    consent_to_count     INTEGER NOT NULL DEFAULT 0,
    conflict_of_interest INTEGER NOT NULL DEFAULT 0,
    peer_code            TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    org_unit             TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);

-- The free text of a session, kept apart so list queries over `session` stay small and fast.
CREATE TABLE session_text (
    id            INTEGER PRIMARY KEY REFERENCES session (id) ON DELETE CASCADE,
    notes         TEXT NOT NULL DEFAULT '',
    reflection    TEXT NOT NULL DEFAULT '',
    peer_code     TEXT NOT NULL DEFAULT '',  -- copy of session.peer_code for the search index
    -- labels of the coded fields, so a search for "phone" or "manager" finds the session
    search_labels TEXT NOT NULL DEFAULT ''
);

-- One index per sort key; each ends in date/time so ties keep a stable, useful order.
CREATE INDEX session_by_date ON session (date, start_time);
CREATE INDEX session_by_peer_code ON session (peer_code, date, start_time);
CREATE INDEX session_by_contact ON session (contact, date, start_time);
CREATE INDEX session_by_channel ON session (channel, date, start_time);
CREATE INDEX session_by_duration ON session (duration_minutes, date, start_time);
CREATE INDEX session_by_follow_up_date ON session (follow_up_date, date, start_time);
CREATE INDEX session_by_consent ON session (consent_to_count, date, start_time);
-- Open follow-ups (the follow-ups workspace and the "follow-up due" filter).
CREATE INDEX session_open_follow_up ON session (follow_up_date)
    WHERE follow_up_done = 0 AND follow_up_date IS NOT NULL;

-- Behaviour codes of each session, for the behaviour filter.
CREATE TABLE session_behaviour (
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    PRIMARY KEY (session_id, code)
) WITHOUT ROWID;
CREATE INDEX session_behaviour_by_code ON session_behaviour (code, session_id);

-- Referral-directory entries used by a session, in the order chosen (rowid order).
CREATE TABLE session_referral (
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    resource_id TEXT NOT NULL
);
CREATE INDEX session_referral_by_session ON session_referral (session_id);
CREATE INDEX session_referral_by_resource ON session_referral (resource_id);

-- Full-text index over notes, peer code and labels. External content (the text lives in
-- `session_text`); kept in step by the triggers below, which cascaded deletes fire too.
-- 'secure-delete' removes a deleted session's tokens from the index itself instead of
-- leaving them behind delete markers.
CREATE VIRTUAL TABLE session_fts USING fts5 (
    notes, peer_code, search_labels,
    content = 'session_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO session_fts (session_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER session_fts_after_insert AFTER INSERT ON session_text BEGIN
    INSERT INTO session_fts (rowid, notes, peer_code, search_labels)
    VALUES (new.id, new.notes, new.peer_code, new.search_labels);
END;

CREATE TRIGGER session_fts_after_delete AFTER DELETE ON session_text BEGIN
    INSERT INTO session_fts (session_fts, rowid, notes, peer_code, search_labels)
    VALUES ('delete', old.id, old.notes, old.peer_code, old.search_labels);
END;

CREATE TRIGGER session_fts_after_update AFTER UPDATE OF notes, peer_code, search_labels
ON session_text BEGIN
    INSERT INTO session_fts (session_fts, rowid, notes, peer_code, search_labels)
    VALUES ('delete', old.id, old.notes, old.peer_code, old.search_labels);
    INSERT INTO session_fts (rowid, notes, peer_code, search_labels)
    VALUES (new.id, new.notes, new.peer_code, new.search_labels);
END;

-- Unsaved editor contents (JSON), so a crash or an auto-lock loses nothing.
CREATE TABLE draft (
    key      TEXT PRIMARY KEY,
    payload  TEXT NOT NULL,
    saved_at TEXT NOT NULL
) WITHOUT ROWID;
