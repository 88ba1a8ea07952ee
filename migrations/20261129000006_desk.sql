-- The fact-check desk: claims come in privately, are taken by an editor, researched with private
-- notes, ruled on, signed off by another editor and only then published.
--
-- A claim's life (claims.stage):
--   intake     private: added or imported, seen by editors only;
--   discarded  private: kept, with who discarded it and why;
--   published  public: either "being checked" (no ruling yet) or a fact-check with a ruling.
-- Readers meet published claims only. claims.status is the public status of a published claim
-- (NULL otherwise): 'being_checked' or the rating of its published ruling. Everything public is
-- keyed by claims.list_seq, the claim's place in public lists (newest fact-checks first), which
-- is set when a claim is published and moved to the top when its first ruling is published.
--
-- A ruling (rulings) is proposed by the claim's assignee and published once enough other editors
-- approve it (ruling_reviews). Rulings are never edited: an amendment is a new ruling. After
-- publication a new ruling with another rating or attribution is a *correction* (with a note,
-- listed publicly), one with the same rating and attribution a *clarification*.
--
-- Carried over from the status history (`verifications`, dropped here): every verdict (true,
-- mostly true, misleading, false, unverifiable) becomes a published ruling with its evidence
-- (the newest one current, earlier ones superseded; a change of rating a correction); an
-- "in review" or "unverified" entry becomes a private research note. Claims with a verdict, or
-- under review, or retracted stay public; claims never reviewed become intake.

---------------------------------------------------------------------------------------------------
-- New tables.

CREATE TABLE rulings (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id     INTEGER NOT NULL REFERENCES claims (id),
    author_id    INTEGER NOT NULL REFERENCES users (id),
    -- Is what they said accurate? ('opinion': a statement that claims no fact, not rated.)
    rating       TEXT    NOT NULL CHECK (rating IN ('true', 'mostly_true', 'misleading', 'false',
                                                    'unverifiable', 'opinion')),
    -- Did they say it? Asked of quotes; NULL when not assessed.
    attribution  TEXT    CHECK (attribution IS NULL OR attribution IN
                                ('verified', 'misattributed', 'altered', 'out_of_context', 'unverified')),
    verdict      TEXT    NOT NULL CHECK (length(verdict) BETWEEN 1 AND 200),
    -- The ruling text, in the small Markdown of model::markdown.
    body         TEXT    NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
    -- What publishing it does to the public record: the claim's first ruling, a correction
    -- (another rating or attribution than the published ruling), or a clarification.
    kind         TEXT    NOT NULL CHECK (kind IN ('ruling', 'correction', 'clarification')),
    -- A correction's note for readers.
    note         TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 1000),
    -- The published ruling this one replaces, when there is one: publishing is refused if
    -- another ruling was published meanwhile.
    amends       INTEGER REFERENCES rulings (id),
    state        TEXT    NOT NULL DEFAULT 'proposed'
                         CHECK (state IN ('proposed', 'sent_back', 'withdrawn', 'published', 'superseded')),
    created_at   TEXT    NOT NULL,
    published_at TEXT,
    CHECK (kind <> 'correction' OR note IS NOT NULL),
    CHECK ((published_at IS NULL) = (state IN ('proposed', 'sent_back', 'withdrawn')))
);
CREATE INDEX rulings_by_claim ON rulings (claim_id, id);
-- The desk's open proposals; the feeds' and the desk's newest publications.
CREATE INDEX rulings_open ON rulings (state, claim_id) WHERE state IN ('proposed', 'sent_back');
CREATE INDEX rulings_by_publication ON rulings (published_at DESC, id DESC) WHERE published_at IS NOT NULL;

-- The links a ruling cites, in the order given.
CREATE TABLE ruling_evidence (
    ruling_id INTEGER NOT NULL REFERENCES rulings (id),
    position  INTEGER NOT NULL CHECK (position >= 0),
    url       TEXT    NOT NULL CHECK (length(url) BETWEEN 8 AND 2048
                                      AND (url LIKE 'http://%' OR url LIKE 'https://%')),
    title     TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    note      TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 500),
    PRIMARY KEY (ruling_id, position)
) WITHOUT ROWID;

-- Sign-offs: another editor approves a proposed ruling or sends it back with a note.
CREATE TABLE ruling_reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ruling_id   INTEGER NOT NULL REFERENCES rulings (id),
    reviewer_id INTEGER NOT NULL REFERENCES users (id),
    decision    TEXT    NOT NULL CHECK (decision IN ('approve', 'send_back')),
    note        TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
    created_at  TEXT    NOT NULL,
    CHECK (decision <> 'send_back' OR note IS NOT NULL),
    UNIQUE (ruling_id, reviewer_id)
);

-- Private research notes beside a claim. Append-only.
CREATE TABLE claim_notes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id   INTEGER NOT NULL REFERENCES claims (id),
    author_id  INTEGER NOT NULL REFERENCES users (id),
    -- Notes typed in the form are at most 20,000 characters; carried-over history may be longer.
    body       TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
    created_at TEXT    NOT NULL
);
CREATE INDEX claim_notes_by_claim ON claim_notes (claim_id, id);

-- The desk's private log of a claim: who assigned, discarded, restored or published it.
CREATE TABLE desk_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id   INTEGER NOT NULL REFERENCES claims (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    action     TEXT    NOT NULL CHECK (action IN ('assigned', 'unassigned', 'discarded', 'restored',
                                                  'published_being_checked')),
    detail     TEXT    CHECK (detail IS NULL OR length(detail) <= 1000),
    created_at TEXT    NOT NULL
);
CREATE INDEX desk_events_by_claim ON desk_events (claim_id, id);

-- Retractions and their reversals, listed on /corrections. claims.retracted_at and
-- retraction_reason stay as the current state. Append-only.
CREATE TABLE retractions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id   INTEGER NOT NULL REFERENCES claims (id),
    action     TEXT    NOT NULL CHECK (action IN ('retracted', 'reinstated')),
    reason     TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT    NOT NULL
);
CREATE INDEX retractions_by_claim ON retractions (claim_id, id);
CREATE INDEX retractions_by_time ON retractions (created_at DESC, id DESC);

---------------------------------------------------------------------------------------------------
-- The status history becomes rulings and notes.

CREATE TEMP TABLE rated AS
SELECT v.id, v.claim_id, v.status, v.verdict, v.rationale, v.editor_id, v.created_at,
       lag(v.id) OVER w AS previous_id, lag(v.status) OVER w AS previous_status
  FROM verifications v
 WHERE v.status IN ('true', 'mostly_true', 'misleading', 'false', 'unverifiable')
WINDOW w AS (PARTITION BY v.claim_id ORDER BY v.id);

-- Keyed, so that the lookups below are not a scan each.
CREATE TEMP TABLE newest_verification (claim_id INTEGER PRIMARY KEY, id INTEGER NOT NULL);
INSERT INTO newest_verification (claim_id, id)
SELECT claim_id, max(id) FROM verifications GROUP BY claim_id;

-- A ruling keeps its verification's id.
INSERT INTO rulings (id, claim_id, author_id, rating, attribution, verdict, body, kind, note, amends,
                     state, created_at, published_at)
SELECT r.id, r.claim_id, r.editor_id, r.status, NULL, r.verdict, r.rationale,
       CASE WHEN r.previous_id IS NULL THEN 'ruling'
            WHEN r.previous_status = r.status THEN 'clarification'
            ELSE 'correction' END,
       CASE WHEN r.previous_id IS NOT NULL AND r.previous_status <> r.status
            THEN 'The rating changed from “' || replace(r.previous_status, '_', ' ') || '” to “'
                 || replace(r.status, '_', ' ') || '”.' END,
       r.previous_id,
       CASE WHEN r.id = (SELECT n.id FROM newest_verification n WHERE n.claim_id = r.claim_id)
            THEN 'published' ELSE 'superseded' END,
       r.created_at, r.created_at
  FROM rated r
 ORDER BY r.id;

INSERT INTO ruling_evidence (ruling_id, position, url, title)
SELECT e.verification_id, e.position, e.url, e.title
  FROM evidence_links e JOIN rated r ON r.id = e.verification_id;

INSERT INTO claim_notes (claim_id, author_id, body, created_at)
SELECT v.claim_id, v.editor_id,
       'Status set to “' || CASE v.status WHEN 'in_review' THEN 'In review' ELSE 'Unverified' END
           || '”: ' || v.verdict
           || CASE WHEN v.rationale <> '' THEN char(10) || char(10) || v.rationale ELSE '' END
           || coalesce((SELECT char(10) || char(10)
                               || group_concat('- [' || e.title || '](' || e.url || ')', char(10))
                          FROM evidence_links e WHERE e.verification_id = v.id), ''),
       v.created_at
  FROM verifications v
 WHERE v.status IN ('unverified', 'in_review')
 ORDER BY v.id;

-- Which claims stay public, and how.
CREATE TEMP TABLE claim_state AS
SELECT c.id,
       (SELECT r.id FROM rulings r WHERE r.claim_id = c.id AND r.state = 'published') AS ruling_id,
       (SELECT min(r.published_at) FROM rulings r WHERE r.claim_id = c.id) AS first_ruled_at,
       (SELECT v.status FROM verifications v WHERE v.id = n.id) AS newest_status,
       c.retracted_at,
       c.created_at
  FROM claims c LEFT JOIN newest_verification n ON n.claim_id = c.id;

-- Public lists run newest fact-check first: by when a claim's first ruling was published, or
-- when it was added for claims without one.
CREATE TEMP TABLE listing AS
SELECT id, ruling_id, row_number() OVER (ORDER BY coalesce(first_ruled_at, created_at), id) AS seq
  FROM claim_state
 WHERE ruling_id IS NOT NULL OR newest_status = 'in_review' OR retracted_at IS NOT NULL;

---------------------------------------------------------------------------------------------------
-- What depends on the old status columns goes, then the columns.

DROP TRIGGER verifications_set_current;
DROP TRIGGER verifications_no_update;
DROP TRIGGER verifications_no_delete;
DROP TRIGGER evidence_links_no_update;
DROP TRIGGER evidence_links_no_delete;
DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_update;
DROP TRIGGER claims_fts_speaker_renamed;
DROP TRIGGER claims_fts_alias_added;
DROP TRIGGER claims_fts_alias_removed;
DROP TRIGGER claims_fts_appearance_added;
DROP TRIGGER claims_fts_appearance_removed;
DROP TRIGGER claims_fts_source_retitled;
DROP TRIGGER claim_counts_insert;
DROP TRIGGER claim_counts_update;
DROP TRIGGER speaker_claim_counts_insert;
DROP TRIGGER speaker_claim_counts_update;
DROP VIEW claim_search_documents;
DROP TABLE claims_fts_instances;
DROP TABLE claims_fts;
DROP INDEX claims_by_date;
DROP INDEX claims_by_status;
DROP INDEX claims_by_kind;
DROP INDEX claims_by_speaker;
DROP TABLE evidence_links;
DROP TABLE verifications;

ALTER TABLE claims DROP COLUMN status;
ALTER TABLE claims DROP COLUMN verdict;
ALTER TABLE claims DROP COLUMN status_changed_at;

ALTER TABLE claims ADD COLUMN stage TEXT NOT NULL DEFAULT 'intake'
    CHECK (stage IN ('intake', 'discarded', 'published'));
-- The public status: set exactly when the claim is published.
ALTER TABLE claims ADD COLUMN status TEXT
    CHECK ((status IS NULL) = (stage <> 'published')
           AND (status IS NULL OR status IN ('being_checked', 'true', 'mostly_true', 'misleading',
                                             'false', 'unverifiable', 'opinion')));
-- The published ruling's verdict and attribution, and the ruling itself.
ALTER TABLE claims ADD COLUMN verdict TEXT;
ALTER TABLE claims ADD COLUMN attribution TEXT
    CHECK (attribution IS NULL OR attribution IN
           ('verified', 'misattributed', 'altered', 'out_of_context', 'unverified'));
ALTER TABLE claims ADD COLUMN ruling_id INTEGER REFERENCES rulings (id);
-- The place in public lists (larger is newer), set exactly when published.
ALTER TABLE claims ADD COLUMN list_seq INTEGER CHECK ((list_seq IS NULL) = (stage <> 'published'));
-- When the claim was first published, and when its current ruling was.
ALTER TABLE claims ADD COLUMN published_at TEXT;
ALTER TABLE claims ADD COLUMN ruled_at TEXT;
-- The editor working on it.
ALTER TABLE claims ADD COLUMN assignee_id INTEGER REFERENCES users (id);
ALTER TABLE claims ADD COLUMN discarded_at TEXT CHECK ((discarded_at IS NULL) = (stage <> 'discarded'));
ALTER TABLE claims ADD COLUMN discarded_by INTEGER REFERENCES users (id);
ALTER TABLE claims ADD COLUMN discard_reason TEXT
    CHECK ((discard_reason IS NULL) = (stage <> 'discarded')
           AND (discard_reason IS NULL OR length(discard_reason) BETWEEN 1 AND 500));
-- How sure the extractor was of an imported claim (0 to 1); NULL for claims typed in.
ALTER TABLE claims ADD COLUMN confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1));

UPDATE claims
   SET stage = 'published',
       status = coalesce((SELECT r.rating FROM rulings r WHERE r.id = l.ruling_id), 'being_checked'),
       verdict = (SELECT r.verdict FROM rulings r WHERE r.id = l.ruling_id),
       ruling_id = l.ruling_id,
       ruled_at = (SELECT r.published_at FROM rulings r WHERE r.id = l.ruling_id),
       published_at = claims.created_at,
       list_seq = l.seq
  FROM listing l
 WHERE claims.id = l.id;

INSERT INTO retractions (claim_id, action, reason, user_id, created_at)
SELECT c.id, 'retracted', c.retraction_reason,
       coalesce((SELECT r.editor_id FROM claim_revisions r
                  WHERE r.claim_id = c.id AND json_extract(r.changes, '$.retracted') IS NOT NULL
                  ORDER BY r.id DESC LIMIT 1),
                (SELECT r.editor_id FROM claim_revisions r WHERE r.claim_id = c.id ORDER BY r.id LIMIT 1),
                (SELECT min(id) FROM users)),
       c.retracted_at
  FROM claims c
 WHERE c.retracted_at IS NOT NULL;

DROP TABLE temp.rated;
DROP TABLE temp.newest_verification;
DROP TABLE temp.claim_state;
DROP TABLE temp.listing;

---------------------------------------------------------------------------------------------------
-- Indexes. Public lists read published claims only, in list order; the partial indexes hold
-- nothing else.

CREATE UNIQUE INDEX claims_by_list_seq ON claims (list_seq);
CREATE INDEX claims_by_status  ON claims (status, list_seq) WHERE list_seq IS NOT NULL;
CREATE INDEX claims_by_kind    ON claims (kind, list_seq, status) WHERE list_seq IS NOT NULL;
CREATE INDEX claims_by_speaker ON claims (speaker_id, list_seq, status) WHERE list_seq IS NOT NULL;
-- The desk: intake newest first, and each editor's claims.
CREATE INDEX claims_by_stage    ON claims (stage, id);
CREATE INDEX claims_by_assignee ON claims (assignee_id, id) WHERE assignee_id IS NOT NULL;

---------------------------------------------------------------------------------------------------
-- Append-only, and rulings change only their state, along the workflow.

CREATE TRIGGER rulings_no_delete BEFORE DELETE ON rulings
BEGIN SELECT RAISE(ABORT, 'rulings are never deleted'); END;
CREATE TRIGGER rulings_content_fixed
BEFORE UPDATE OF claim_id, author_id, rating, attribution, verdict, body, kind, note, amends, created_at ON rulings
BEGIN SELECT RAISE(ABORT, 'a ruling is never edited: propose a new one'); END;
CREATE TRIGGER rulings_state_moves_forward BEFORE UPDATE OF state ON rulings
WHEN NOT ((OLD.state = 'proposed' AND NEW.state IN ('sent_back', 'withdrawn', 'published'))
       OR (OLD.state = 'sent_back' AND NEW.state = 'withdrawn')
       OR (OLD.state = 'published' AND NEW.state = 'superseded'))
BEGIN SELECT RAISE(ABORT, 'a ruling cannot go back to an earlier state'); END;
CREATE TRIGGER ruling_evidence_no_update BEFORE UPDATE ON ruling_evidence
BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
CREATE TRIGGER ruling_evidence_no_delete BEFORE DELETE ON ruling_evidence
BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
CREATE TRIGGER ruling_reviews_no_update BEFORE UPDATE ON ruling_reviews
BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END;
CREATE TRIGGER ruling_reviews_no_delete BEFORE DELETE ON ruling_reviews
BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END;
-- Nobody signs off their own ruling, whatever the code above does.
CREATE TRIGGER ruling_reviews_not_by_author BEFORE INSERT ON ruling_reviews
WHEN NEW.reviewer_id = (SELECT author_id FROM rulings WHERE id = NEW.ruling_id)
BEGIN SELECT RAISE(ABORT, 'a ruling is signed off by another editor than its author'); END;
CREATE TRIGGER claim_notes_no_update BEFORE UPDATE ON claim_notes
BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;
CREATE TRIGGER claim_notes_no_delete BEFORE DELETE ON claim_notes
BEGIN SELECT RAISE(ABORT, 'notes are append-only'); END;
CREATE TRIGGER desk_events_no_update BEFORE UPDATE ON desk_events
BEGIN SELECT RAISE(ABORT, 'the desk log is append-only'); END;
CREATE TRIGGER desk_events_no_delete BEFORE DELETE ON desk_events
BEGIN SELECT RAISE(ABORT, 'the desk log is append-only'); END;
CREATE TRIGGER retractions_no_update BEFORE UPDATE ON retractions
BEGIN SELECT RAISE(ABORT, 'retractions are append-only'); END;
CREATE TRIGGER retractions_no_delete BEFORE DELETE ON retractions
BEGIN SELECT RAISE(ABORT, 'retractions are append-only'); END;

---------------------------------------------------------------------------------------------------
-- Search: published claims only, keyed by their place in the list (rowid = list_seq), so FTS5
-- returns matches newest first. `facets` holds the status as one word (`mostlytrue`,
-- `beingchecked`), `factcheck` for every claim with a ruling, the kind, `speaker<id>` and
-- `source<id>` per appearance.

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, speaker, sources, facets,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIEW claim_search_documents AS
SELECT c.id AS claim_id,
       c.list_seq AS list_key,
       c.speaker_id AS speaker_id,
       c.text AS text,
       s.name || coalesce(' ' || (SELECT group_concat(a.alias, ' ')
                                    FROM speaker_aliases a WHERE a.speaker_id = s.id), '')
           AS speaker,
       coalesce((SELECT group_concat(src.title, ' ')
                   FROM appearances ap JOIN sources src ON src.id = ap.source_id
                  WHERE ap.claim_id = c.id), '') AS sources,
       replace(c.status, '_', '') || CASE WHEN c.status <> 'being_checked' THEN ' factcheck' ELSE '' END
           || ' ' || c.kind || ' speaker' || c.speaker_id
           || coalesce((SELECT ' ' || group_concat('source' || ap.source_id, ' ')
                          FROM appearances ap WHERE ap.claim_id = c.id), '') AS facets
  FROM claims c JOIN speakers s ON s.id = c.speaker_id
 WHERE c.list_seq IS NOT NULL;

INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
SELECT list_key, text, speaker, sources, facets FROM claim_search_documents;

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims WHEN NEW.list_seq IS NOT NULL
BEGIN
    INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
    SELECT list_key, text, speaker, sources, facets FROM claim_search_documents WHERE claim_id = NEW.id;
END;

-- Publishing sets list_seq, a ruling moves status and list_seq, an edit the rest.
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, speaker_id, status, kind, list_seq ON claims
BEGIN
    DELETE FROM claims_fts WHERE rowid = OLD.list_seq;
    INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
    SELECT list_key, text, speaker, sources, facets FROM claim_search_documents WHERE claim_id = NEW.id;
END;

CREATE TRIGGER claims_fts_speaker_renamed AFTER UPDATE OF name ON speakers
BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT list_key FROM claim_search_documents WHERE speaker_id = NEW.id);
    INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
    SELECT list_key, text, speaker, sources, facets FROM claim_search_documents WHERE speaker_id = NEW.id;
END;

CREATE TRIGGER claims_fts_alias_added AFTER INSERT ON speaker_aliases
BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT list_key FROM claim_search_documents WHERE speaker_id = NEW.speaker_id);
    INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
    SELECT list_key, text, speaker, sources, facets FROM claim_search_documents WHERE speaker_id = NEW.speaker_id;
END;

CREATE TRIGGER claims_fts_alias_removed AFTER DELETE ON speaker_aliases
BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT list_key FROM claim_search_documents WHERE speaker_id = OLD.speaker_id);
    INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
    SELECT list_key, text, speaker, sources, facets FROM claim_search_documents WHERE speaker_id = OLD.speaker_id;
END;

CREATE TRIGGER claims_fts_appearance_added AFTER INSERT ON appearances
BEGIN
    DELETE FROM claims_fts WHERE rowid = (SELECT list_key FROM claim_search_documents WHERE claim_id = NEW.claim_id);
    INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
    SELECT list_key, text, speaker, sources, facets FROM claim_search_documents WHERE claim_id = NEW.claim_id;
END;

CREATE TRIGGER claims_fts_appearance_removed AFTER DELETE ON appearances
BEGIN
    DELETE FROM claims_fts WHERE rowid = (SELECT list_key FROM claim_search_documents WHERE claim_id = OLD.claim_id);
    INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
    SELECT list_key, text, speaker, sources, facets FROM claim_search_documents WHERE claim_id = OLD.claim_id;
END;

CREATE TRIGGER claims_fts_source_retitled AFTER UPDATE OF title ON sources
BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT d.list_key FROM appearances ap
                                             JOIN claim_search_documents d ON d.claim_id = ap.claim_id
                                            WHERE ap.source_id = NEW.id);
    INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
    SELECT d.list_key, d.text, d.speaker, d.sources, d.facets
      FROM appearances ap JOIN claim_search_documents d ON d.claim_id = ap.claim_id
     WHERE ap.source_id = NEW.id;
END;

CREATE VIRTUAL TABLE claims_fts_instances USING fts5vocab (claims_fts, instance);

---------------------------------------------------------------------------------------------------
-- Kept counts (0003, 0005) count published claims only, by public status.

DELETE FROM claim_counts;
INSERT INTO claim_counts (kind, status, n)
SELECT kind, status, count(*) FROM claims WHERE status IS NOT NULL GROUP BY kind, status;

CREATE TRIGGER claim_counts_insert AFTER INSERT ON claims WHEN NEW.status IS NOT NULL
BEGIN
    INSERT INTO claim_counts (kind, status, n) VALUES (NEW.kind, NEW.status, 1)
        ON CONFLICT (kind, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER claim_counts_update AFTER UPDATE OF kind, status ON claims
WHEN OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status
BEGIN
    UPDATE claim_counts SET n = n - 1 WHERE kind = OLD.kind AND status = OLD.status;
    INSERT INTO claim_counts (kind, status, n) SELECT NEW.kind, NEW.status, 1 WHERE NEW.status IS NOT NULL
        ON CONFLICT (kind, status) DO UPDATE SET n = n + 1;
END;

DELETE FROM speaker_claim_counts;
INSERT INTO speaker_claim_counts (speaker_id, status, n)
SELECT speaker_id, status, count(*) FROM claims WHERE status IS NOT NULL GROUP BY speaker_id, status;

CREATE TRIGGER speaker_claim_counts_insert AFTER INSERT ON claims WHEN NEW.status IS NOT NULL
BEGIN
    INSERT INTO speaker_claim_counts (speaker_id, status, n) VALUES (NEW.speaker_id, NEW.status, 1)
        ON CONFLICT (speaker_id, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER speaker_claim_counts_update AFTER UPDATE OF speaker_id, status ON claims
WHEN OLD.speaker_id IS NOT NEW.speaker_id OR OLD.status IS NOT NEW.status
BEGIN
    UPDATE speaker_claim_counts SET n = n - 1 WHERE speaker_id = OLD.speaker_id AND status = OLD.status;
    INSERT INTO speaker_claim_counts (speaker_id, status, n)
    SELECT NEW.speaker_id, NEW.status, 1 WHERE NEW.status IS NOT NULL
        ON CONFLICT (speaker_id, status) DO UPDATE SET n = n + 1;
END;
