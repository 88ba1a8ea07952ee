-- Search that stays fast when a word is in a third of a million claims.
--
-- 1. The search index is keyed in list order. A claim's FTS5 rowid is its *list key*,
--    julianday(said_on) * 2^40 + id (ids are below 2^40: see model::public_id), so FTS5 hands out
--    matches newest first by itself: the first page of a search for a frequent word reads the
--    first 21 matches of the index instead of fetching, looking up and sorting every match.
--    Keyset paging becomes a rowid range on the index. The claim id is `rowid & (2^40 - 1)`.
-- 2. The index also holds what the list filters on (column `facets`: the status as one word, e.g.
--    `mostlytrue`, the kind, `speaker<id>` and `source<id>` for each appearance), so a search with
--    any filters, and its per-status counts, are answered by the index alone; typed words are
--    confined to the other columns (see ssr::db::search).
-- 3. Per-speaker status counts are kept like claim_counts (0003): a speaker's page reads seven
--    rows instead of counting a long career's claims on every miss.

DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_update;
DROP TRIGGER claims_fts_speaker_renamed;
DROP TRIGGER claims_fts_alias_added;
DROP TRIGGER claims_fts_alias_removed;
DROP TRIGGER claims_fts_appearance_added;
DROP TRIGGER claims_fts_appearance_removed;
DROP TRIGGER claims_fts_source_retitled;
DROP VIEW claim_search_documents;
DROP TABLE claims_fts;

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, speaker, sources, facets,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What gets indexed for a claim, and under which key, in one place for all the triggers below.
CREATE VIEW claim_search_documents AS
SELECT c.id AS claim_id,
       CAST(julianday(c.said_on) AS INTEGER) * 1099511627776 + c.id AS list_key,
       c.speaker_id AS speaker_id,
       c.text AS text,
       s.name || coalesce(' ' || (SELECT group_concat(a.alias, ' ')
                                    FROM speaker_aliases a WHERE a.speaker_id = s.id), '')
           AS speaker,
       coalesce((SELECT group_concat(src.title, ' ')
                   FROM appearances ap JOIN sources src ON src.id = ap.source_id
                  WHERE ap.claim_id = c.id), '') AS sources,
       replace(c.status, '_', '') || ' ' || c.kind || ' speaker' || c.speaker_id
           || coalesce((SELECT ' ' || group_concat('source' || ap.source_id, ' ')
                          FROM appearances ap WHERE ap.claim_id = c.id), '') AS facets
  FROM claims c JOIN speakers s ON s.id = c.speaker_id;

INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
SELECT list_key, text, speaker, sources, facets FROM claim_search_documents;

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO claims_fts (rowid, text, speaker, sources, facets)
    SELECT list_key, text, speaker, sources, facets FROM claim_search_documents WHERE claim_id = NEW.id;
END;

-- A new verdict changes `status` (through the verifications trigger), an edit the rest.
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, speaker_id, said_on, status, kind ON claims
BEGIN
    DELETE FROM claims_fts WHERE rowid = CAST(julianday(OLD.said_on) AS INTEGER) * 1099511627776 + OLD.id;
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

CREATE TABLE speaker_claim_counts (
    speaker_id INTEGER NOT NULL REFERENCES speakers (id),
    status     TEXT    NOT NULL,
    n          INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (speaker_id, status)
) WITHOUT ROWID;

INSERT INTO speaker_claim_counts (speaker_id, status, n)
SELECT speaker_id, status, count(*) FROM claims GROUP BY speaker_id, status;

CREATE TRIGGER speaker_claim_counts_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO speaker_claim_counts (speaker_id, status, n) VALUES (NEW.speaker_id, NEW.status, 1)
        ON CONFLICT (speaker_id, status) DO UPDATE SET n = n + 1;
END;

-- Merging speakers moves claims (speaker_id); a verdict moves status.
CREATE TRIGGER speaker_claim_counts_update AFTER UPDATE OF speaker_id, status ON claims
WHEN OLD.speaker_id IS NOT NEW.speaker_id OR OLD.status IS NOT NEW.status
BEGIN
    UPDATE speaker_claim_counts SET n = n - 1 WHERE speaker_id = OLD.speaker_id AND status = OLD.status;
    INSERT INTO speaker_claim_counts (speaker_id, status, n) VALUES (NEW.speaker_id, NEW.status, 1)
        ON CONFLICT (speaker_id, status) DO UPDATE SET n = n + 1;
END;

-- The index's words, read one instance at a time: a search term is matched as the words it
-- begins (see ssr::db::search::prepare).
CREATE VIRTUAL TABLE claims_fts_instances USING fts5vocab (claims_fts, instance);
