-- Every version of a source's text, kept for editors (readers see each published claim in its
-- sentence, never the whole text): where it came from, when, by whom, and its SHA-256. The newest
-- is the source's `body`. Append-only.
CREATE TABLE source_snapshots (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id    INTEGER NOT NULL REFERENCES sources (id),
    n            INTEGER NOT NULL CHECK (n >= 1),
    body         TEXT    NOT NULL CHECK (length(body) <= 1000000),
    -- Lowercase hex; NULL only for texts kept before snapshots existed (hashed when shown).
    sha256       TEXT    CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
    origin       TEXT    NOT NULL CHECK (origin IN ('pasted', 'fetched', 'edited', 'kept_before')),
    fetched_from TEXT    CHECK (fetched_from IS NULL OR length(fetched_from) BETWEEN 8 AND 2048),
    taken_by     INTEGER REFERENCES users (id),
    taken_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (source_id, n)
);
CREATE TRIGGER source_snapshots_no_update BEFORE UPDATE ON source_snapshots
BEGIN SELECT RAISE(ABORT, 'source snapshots are append-only'); END;
CREATE TRIGGER source_snapshots_no_delete BEFORE DELETE ON source_snapshots
BEGIN SELECT RAISE(ABORT, 'source snapshots are append-only'); END;

INSERT INTO source_snapshots (source_id, n, body, origin, taken_at)
SELECT id, 1, body, 'kept_before', created_at FROM sources WHERE body IS NOT NULL;

-- When a source's text changes, each claim's words are found again in the new text (see
-- `model::anchor`). Words no longer there leave the claim without a place in the text, and say
-- so: when it was noticed, the words, the passage as it was, and what stands near that place now
-- (a later version that has the words again gives them their place back).
ALTER TABLE appearances ADD COLUMN lost_at TEXT;
ALTER TABLE appearances ADD COLUMN lost_words TEXT CHECK (lost_words IS NULL OR length(lost_words) <= 1000000);
ALTER TABLE appearances ADD COLUMN lost_passage TEXT CHECK (lost_passage IS NULL OR length(lost_passage) <= 2000);
ALTER TABLE appearances ADD COLUMN lost_replacement TEXT CHECK (lost_replacement IS NULL OR length(lost_replacement) <= 2000);
