-- The editorial side: sessions, edits of sources and speakers kept as revisions, speaker merges.

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- the database does not let anyone sign in as its users.
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY CHECK (length(token_hash) = 64),
    user_id      INTEGER NOT NULL REFERENCES users (id),
    -- Forms of this session carry this token; a request without it is refused (CSRF).
    csrf_token   TEXT    NOT NULL CHECK (length(csrf_token) >= 32),
    created_at   TEXT    NOT NULL,
    last_seen_at TEXT    NOT NULL,
    -- Absolute expiry; idle expiry is last_seen_at plus the idle timeout, checked on use.
    expires_at   TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Optimistic concurrency for sources and speakers, as claims have.
ALTER TABLE sources ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE speakers ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- A speaker merged into another keeps its row (and its URL, which redirects); its claims and
-- names move to the speaker it was merged into.
ALTER TABLE speakers ADD COLUMN merged_into INTEGER REFERENCES speakers (id);

-- Every edit of a source or a speaker: the version it produced, who, and what changed
-- (a JSON object of field -> [before, after]). Append-only, like claim_revisions.
CREATE TABLE source_revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id  INTEGER NOT NULL REFERENCES sources (id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    editor_id  INTEGER NOT NULL REFERENCES users (id),
    changes    TEXT    NOT NULL CHECK (json_valid(changes)),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (source_id, version)
);
CREATE TABLE speaker_revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    speaker_id INTEGER NOT NULL REFERENCES speakers (id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    editor_id  INTEGER NOT NULL REFERENCES users (id),
    changes    TEXT    NOT NULL CHECK (json_valid(changes)),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (speaker_id, version)
);
CREATE TRIGGER source_revisions_no_update BEFORE UPDATE ON source_revisions
BEGIN SELECT RAISE(ABORT, 'source revisions are append-only'); END;
CREATE TRIGGER source_revisions_no_delete BEFORE DELETE ON source_revisions
BEGIN SELECT RAISE(ABORT, 'source revisions are append-only'); END;
CREATE TRIGGER speaker_revisions_no_update BEFORE UPDATE ON speaker_revisions
BEGIN SELECT RAISE(ABORT, 'speaker revisions are append-only'); END;
CREATE TRIGGER speaker_revisions_no_delete BEFORE DELETE ON speaker_revisions
BEGIN SELECT RAISE(ABORT, 'speaker revisions are append-only'); END;

-- Revisions and verifications of a claim, for the permalink's combined history.
CREATE INDEX claim_revisions_by_claim ON claim_revisions (claim_id, id);
