-- Training progress: which guides and scenarios are completed, and the trainee's own
-- private answer to each scenario (kept only here, inside the encrypted journal).
CREATE TABLE training_progress (
    item_id      TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('guide', 'scenario')),
    completed_at TEXT,                      -- UTC ISO 8601, NULL while not completed
    answer       TEXT NOT NULL DEFAULT '',  -- scenarios only
    updated_at   TEXT NOT NULL
) WITHOUT ROWID;
