"""Support sessions: model, repository, search, follow-ups, drafts, CSV import, demo data."""
