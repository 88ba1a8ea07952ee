-- claimtrack's initial schema.
--
-- Conventions:
--  * Internal ids are INTEGER PRIMARY KEY AUTOINCREMENT. AUTOINCREMENT (unlike a plain rowid) never
--    hands out an id twice, even after a row is removed by hand, and public ids are derived from
--    these integers (model::public_id) — so a permalink is never reused.
--  * Timestamps are UTC RFC 3339 text with milliseconds ('2022-12-30T12:00:00.000Z'); dates are
--    ISO 8601 'YYYY-MM-DD'. The CHECKs make SQLite reject anything else.
--  * Enumerations are TEXT with CHECK constraints, mirrored by the Rust enums in app/src/model.
--  * Nothing is deleted by the application: verifications and revisions are append-only (enforced
--    by triggers below) and claims are retracted, not deleted.

-- Accounts for editors and admins. Readers need none.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE COLLATE NOCASE
                          CHECK (length(username) BETWEEN 1 AND 64),
    display_name  TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    role          TEXT    NOT NULL CHECK (role IN ('editor', 'admin')),
    -- argon2id PHC string; NULL means the account cannot sign in (e.g. the demo desk).
    password_hash TEXT,
    disabled_at   TEXT,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Documents in which claims appear.
CREATE TABLE sources (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    url          TEXT    NOT NULL UNIQUE
                         CHECK (length(url) BETWEEN 8 AND 2048
                                AND (url LIKE 'http://%' OR url LIKE 'https://%')),
    title        TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    outlet       TEXT    NOT NULL CHECK (length(outlet) BETWEEN 1 AND 200),
    author       TEXT    CHECK (author IS NULL OR length(author) BETWEEN 1 AND 200),
    published_on TEXT    CHECK (published_on IS NULL OR date(published_on) IS published_on),
    -- The document's text, when kept, so that claims can be highlighted where they stand.
    body         TEXT    CHECK (body IS NULL OR length(body) <= 1000000),
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- People and organisations who make claims.
CREATE TABLE speakers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The speaker's URL segment: lowercase ASCII letters, digits and single hyphens.
    slug        TEXT    NOT NULL UNIQUE
                        CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*'),
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 300),
    kind        TEXT    NOT NULL CHECK (kind IN ('person', 'organization')),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Other names a speaker goes by ("Putin", "Russian President Vladimir Putin"). Searched too.
CREATE TABLE speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers (id),
    alias      TEXT    NOT NULL CHECK (length(alias) BETWEEN 1 AND 200),
    PRIMARY KEY (speaker_id, alias)
) WITHOUT ROWID;
-- Matching a name found in an article to a known speaker.
CREATE INDEX speaker_aliases_by_alias ON speaker_aliases (alias COLLATE NOCASE);

-- A quote or a numeric claim, said by one speaker on one day.
CREATE TABLE claims (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    kind               TEXT    NOT NULL CHECK (kind IN ('quote', 'numeric')),
    text               TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
    speaker_id         INTEGER NOT NULL REFERENCES speakers (id),
    said_on            TEXT    NOT NULL CHECK (date(said_on) IS said_on),
    -- The quantity of a numeric claim: "54 of 69 cruise missiles", "increase by 25 percent".
    quantity_value     REAL,
    quantity_unit      TEXT    CHECK (quantity_unit IS NULL OR length(quantity_unit) BETWEEN 1 AND 60),
    quantity_of        REAL    CHECK (quantity_of IS NULL OR quantity_of > 0),
    quantity_change    TEXT    CHECK (quantity_change IN ('increase', 'decrease')),
    quantity_qualifier TEXT    CHECK (quantity_qualifier IN
                                      ('about', 'over', 'under', 'at_least', 'at_most', 'nearly')),
    -- Current verification state. A cache of the newest row in `verifications` for this claim,
    -- written only by the trigger `verifications_set_current` below, kept here so that the status
    -- filter is an index lookup rather than a search for each claim's newest verification.
    status             TEXT    NOT NULL DEFAULT 'unverified'
                               CHECK (status IN ('unverified', 'in_review', 'true', 'mostly_true',
                                                 'misleading', 'false', 'unverifiable')),
    verdict            TEXT,
    status_changed_at  TEXT,
    -- Optimistic concurrency: every edit bumps it; a save made on an older version is refused.
    version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    retracted_at       TEXT,
    retraction_reason  TEXT,
    created_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- A numeric claim has a value and a unit; a quote has no quantity at all.
    CHECK ((kind = 'numeric' AND quantity_value IS NOT NULL AND quantity_unit IS NOT NULL)
        OR (kind = 'quote' AND quantity_value IS NULL AND quantity_unit IS NULL
            AND quantity_of IS NULL AND quantity_change IS NULL AND quantity_qualifier IS NULL)),
    -- A retraction always carries its reason.
    CHECK ((retracted_at IS NULL) = (retraction_reason IS NULL))
);
-- The list is ordered newest first by (said_on, id); one index per filter keeps every filtered
-- page a range scan in that order, so keyset pagination never sorts.
CREATE INDEX claims_by_date         ON claims (said_on DESC, id DESC);
CREATE INDEX claims_by_status       ON claims (status, said_on DESC, id DESC);
CREATE INDEX claims_by_kind         ON claims (kind, said_on DESC, id DESC);
CREATE INDEX claims_by_speaker      ON claims (speaker_id, said_on DESC, id DESC);

-- Where a claim appears: a source, and optionally the byte range of the claim in its text.
CREATE TABLE appearances (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    source_id   INTEGER NOT NULL REFERENCES sources (id),
    start_byte  INTEGER,
    end_byte    INTEGER,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((start_byte IS NULL AND end_byte IS NULL)
        OR (start_byte >= 0 AND end_byte > start_byte)),
    UNIQUE (claim_id, source_id)
);
-- The source filter and the source page: claims appearing in a source.
CREATE INDEX appearances_by_source ON appearances (source_id, claim_id);

-- One entry per status change. Append-only: the newest is the claim's current status.
CREATE TABLE verifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    status      TEXT    NOT NULL
                        CHECK (status IN ('unverified', 'in_review', 'true', 'mostly_true',
                                          'misleading', 'false', 'unverifiable')),
    verdict     TEXT    NOT NULL CHECK (length(verdict) BETWEEN 1 AND 200),
    rationale   TEXT    NOT NULL DEFAULT '' CHECK (length(rationale) <= 20000),
    editor_id   INTEGER NOT NULL REFERENCES users (id),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX verifications_by_claim ON verifications (claim_id, id);
-- Feeds of verdicts, newest first.
CREATE INDEX verifications_by_time ON verifications (created_at DESC, id DESC);

-- The links an editor cites for a verification, in the order given.
CREATE TABLE evidence_links (
    verification_id INTEGER NOT NULL REFERENCES verifications (id),
    position        INTEGER NOT NULL CHECK (position >= 0),
    url             TEXT    NOT NULL
                            CHECK (length(url) BETWEEN 8 AND 2048
                                   AND (url LIKE 'http://%' OR url LIKE 'https://%')),
    title           TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    PRIMARY KEY (verification_id, position)
) WITHOUT ROWID;

-- Every edit of a claim: which version it produced, who made it, and what changed (a JSON object
-- of field -> [before, after]). Append-only.
CREATE TABLE claim_revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id   INTEGER NOT NULL REFERENCES claims (id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    editor_id  INTEGER NOT NULL REFERENCES users (id),
    changes    TEXT    NOT NULL CHECK (json_valid(changes)),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (claim_id, version)
);

-- The newest verification becomes the claim's current status.
CREATE TRIGGER verifications_set_current AFTER INSERT ON verifications
BEGIN
    UPDATE claims
       SET status = NEW.status, verdict = NEW.verdict, status_changed_at = NEW.created_at
     WHERE id = NEW.claim_id;
END;

-- Append-only tables: history that can be rewritten is not history.
CREATE TRIGGER verifications_no_update BEFORE UPDATE ON verifications
BEGIN SELECT RAISE(ABORT, 'verifications are append-only'); END;
CREATE TRIGGER verifications_no_delete BEFORE DELETE ON verifications
BEGIN SELECT RAISE(ABORT, 'verifications are append-only'); END;
CREATE TRIGGER evidence_links_no_update BEFORE UPDATE ON evidence_links
BEGIN SELECT RAISE(ABORT, 'evidence links are append-only'); END;
CREATE TRIGGER evidence_links_no_delete BEFORE DELETE ON evidence_links
BEGIN SELECT RAISE(ABORT, 'evidence links are append-only'); END;
CREATE TRIGGER claim_revisions_no_update BEFORE UPDATE ON claim_revisions
BEGIN SELECT RAISE(ABORT, 'claim revisions are append-only'); END;
CREATE TRIGGER claim_revisions_no_delete BEFORE DELETE ON claim_revisions
BEGIN SELECT RAISE(ABORT, 'claim revisions are append-only'); END;
CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
BEGIN SELECT RAISE(ABORT, 'claims are retracted, never deleted'); END;

---------------------------------------------------------------------------------------------------
-- Full-text search.
--
-- One FTS5 row per claim (rowid = claims.id) holding the claim's text, its speaker's name and
-- aliases, and the titles of the sources it appears in. Contentless (content=''): the text already
-- lives in the tables above, so the index does not store a second copy; contentless_delete lets the
-- triggers replace a row. Matched words are highlighted in Rust, not with FTS5's highlight().
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, speaker, sources,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What gets indexed for a claim, in one place for all the triggers below.
CREATE VIEW claim_search_documents AS
SELECT c.id AS claim_id,
       c.text AS text,
       s.name || coalesce(' ' || (SELECT group_concat(a.alias, ' ')
                                    FROM speaker_aliases a WHERE a.speaker_id = s.id), '')
           AS speaker,
       coalesce((SELECT group_concat(src.title, ' ')
                   FROM appearances ap JOIN sources src ON src.id = ap.source_id
                  WHERE ap.claim_id = c.id), '') AS sources
  FROM claims c JOIN speakers s ON s.id = c.speaker_id;

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO claims_fts (rowid, text, speaker, sources)
    SELECT claim_id, text, speaker, sources FROM claim_search_documents WHERE claim_id = NEW.id;
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, speaker_id ON claims
BEGIN
    DELETE FROM claims_fts WHERE rowid = NEW.id;
    INSERT INTO claims_fts (rowid, text, speaker, sources)
    SELECT claim_id, text, speaker, sources FROM claim_search_documents WHERE claim_id = NEW.id;
END;

CREATE TRIGGER claims_fts_speaker_renamed AFTER UPDATE OF name ON speakers
BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id = NEW.id);
    INSERT INTO claims_fts (rowid, text, speaker, sources)
    SELECT d.claim_id, d.text, d.speaker, d.sources
      FROM claims c JOIN claim_search_documents d ON d.claim_id = c.id
     WHERE c.speaker_id = NEW.id;
END;

CREATE TRIGGER claims_fts_alias_added AFTER INSERT ON speaker_aliases
BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id = NEW.speaker_id);
    INSERT INTO claims_fts (rowid, text, speaker, sources)
    SELECT d.claim_id, d.text, d.speaker, d.sources
      FROM claims c JOIN claim_search_documents d ON d.claim_id = c.id
     WHERE c.speaker_id = NEW.speaker_id;
END;

CREATE TRIGGER claims_fts_alias_removed AFTER DELETE ON speaker_aliases
BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id = OLD.speaker_id);
    INSERT INTO claims_fts (rowid, text, speaker, sources)
    SELECT d.claim_id, d.text, d.speaker, d.sources
      FROM claims c JOIN claim_search_documents d ON d.claim_id = c.id
     WHERE c.speaker_id = OLD.speaker_id;
END;

CREATE TRIGGER claims_fts_appearance_added AFTER INSERT ON appearances
BEGIN
    DELETE FROM claims_fts WHERE rowid = NEW.claim_id;
    INSERT INTO claims_fts (rowid, text, speaker, sources)
    SELECT claim_id, text, speaker, sources FROM claim_search_documents WHERE claim_id = NEW.claim_id;
END;

CREATE TRIGGER claims_fts_appearance_removed AFTER DELETE ON appearances
BEGIN
    DELETE FROM claims_fts WHERE rowid = OLD.claim_id;
    INSERT INTO claims_fts (rowid, text, speaker, sources)
    SELECT claim_id, text, speaker, sources FROM claim_search_documents WHERE claim_id = OLD.claim_id;
END;

CREATE TRIGGER claims_fts_source_retitled AFTER UPDATE OF title ON sources
BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT claim_id FROM appearances WHERE source_id = NEW.id);
    INSERT INTO claims_fts (rowid, text, speaker, sources)
    SELECT d.claim_id, d.text, d.speaker, d.sources
      FROM appearances ap JOIN claim_search_documents d ON d.claim_id = ap.claim_id
     WHERE ap.source_id = NEW.id;
END;
