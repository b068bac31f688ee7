-- Journal identity and encrypted settings.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;

-- journal_id: random, names this journal in exports (never derived from a person).
-- peer_key_secret: keys the hash of peer codes in exports; never leaves the journal.
INSERT INTO meta (key, value) VALUES ('journal_id', lower(hex(randomblob(16))));
INSERT INTO meta (key, value) VALUES ('peer_key_secret', randomblob(32));
INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- Settings that may reveal anything live here, JSON-encoded, inside the encrypted file.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
