-- The referral directory: where a supporter can send someone.
-- Owned by peerdesk/referrals/repository.py (the only place that writes SQL for it).
CREATE TABLE referral_resource (
    id                  TEXT PRIMARY KEY,          -- stable; pack entries keep the pack's id
    name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    type                TEXT NOT NULL,             -- taxonomy referral_type code
    offers              TEXT NOT NULL DEFAULT '',
    when_to_refer       TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    web                 TEXT NOT NULL DEFAULT '',
    place               TEXT NOT NULL DEFAULT '',
    hours               TEXT NOT NULL DEFAULT '',
    languages           TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    region              TEXT NOT NULL DEFAULT '',
    confidential        INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    last_verified       TEXT,                      -- ISO date or NULL
    needs_local_details INTEGER NOT NULL DEFAULT 0 CHECK (needs_local_details IN (0, 1)),
    origin              TEXT NOT NULL DEFAULT 'own', -- 'own' or the name of the pack it came from
    edited_locally      INTEGER NOT NULL DEFAULT 0 CHECK (edited_locally IN (0, 1)),
    pack_hash           TEXT,                      -- content hash of the pack entry last accepted
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE INDEX referral_resource_type ON referral_resource (type);
CREATE INDEX referral_resource_region ON referral_resource (region);
