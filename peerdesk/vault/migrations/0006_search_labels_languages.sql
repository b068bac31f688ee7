-- The full-text index now holds the labels of coded fields in every shipped language, and
-- notices when a taxonomy or translation change leaves them out of date (see
-- peerdesk/journal/search_labels.py). Journals that already have sessions were indexed with
-- English labels only: mark them out of date, so the app rewrites their labels once.
INSERT INTO meta (key, value)
SELECT 'search_labels_signature', 'before-0006' WHERE EXISTS (SELECT 1 FROM session);
