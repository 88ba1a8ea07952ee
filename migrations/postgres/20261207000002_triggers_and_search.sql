-- What SQLite's triggers do, on PostgreSQL: the append-only rules, the kept counts, the search
-- documents and the content version. Each rule is one function; the tables share them through
-- trigger arguments (TG_ARGV) instead of repeating a body per table as SQLite must.

-- 1. Records that are never changed or deleted. The message says which rule a write broke.
CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER claim_revisions_no_update BEFORE UPDATE ON claim_revisions
    FOR EACH ROW EXECUTE FUNCTION refuse('claim revisions are append-only');
CREATE TRIGGER claim_revisions_no_delete BEFORE DELETE ON claim_revisions
    FOR EACH ROW EXECUTE FUNCTION refuse('claim revisions are append-only');
CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
    FOR EACH ROW EXECUTE FUNCTION refuse('claims are retracted, never deleted');
CREATE TRIGGER source_revisions_no_update BEFORE UPDATE ON source_revisions
    FOR EACH ROW EXECUTE FUNCTION refuse('source revisions are append-only');
CREATE TRIGGER source_revisions_no_delete BEFORE DELETE ON source_revisions
    FOR EACH ROW EXECUTE FUNCTION refuse('source revisions are append-only');
CREATE TRIGGER speaker_revisions_no_update BEFORE UPDATE ON speaker_revisions
    FOR EACH ROW EXECUTE FUNCTION refuse('speaker revisions are append-only');
CREATE TRIGGER speaker_revisions_no_delete BEFORE DELETE ON speaker_revisions
    FOR EACH ROW EXECUTE FUNCTION refuse('speaker revisions are append-only');
CREATE TRIGGER rulings_no_delete BEFORE DELETE ON rulings
    FOR EACH ROW EXECUTE FUNCTION refuse('rulings are never deleted');
CREATE TRIGGER rulings_content_fixed
    BEFORE UPDATE OF claim_id, author_id, rating, attribution, verdict, body, kind, note, amends, created_at ON rulings
    FOR EACH ROW EXECUTE FUNCTION refuse('a ruling is never edited: propose a new one');
CREATE TRIGGER rulings_state_moves_forward BEFORE UPDATE OF state ON rulings
    FOR EACH ROW
    WHEN (NOT ((OLD.state = 'proposed' AND NEW.state IN ('sent_back', 'withdrawn', 'published'))
            OR (OLD.state = 'sent_back' AND NEW.state = 'withdrawn')
            OR (OLD.state = 'published' AND NEW.state = 'superseded')))
    EXECUTE FUNCTION refuse('a ruling cannot go back to an earlier state');
CREATE TRIGGER ruling_evidence_no_update BEFORE UPDATE ON ruling_evidence
    FOR EACH ROW EXECUTE FUNCTION refuse('evidence is append-only');
CREATE TRIGGER ruling_evidence_no_delete BEFORE DELETE ON ruling_evidence
    FOR EACH ROW EXECUTE FUNCTION refuse('evidence is append-only');
CREATE TRIGGER ruling_reviews_no_update BEFORE UPDATE ON ruling_reviews
    FOR EACH ROW EXECUTE FUNCTION refuse('sign-offs are append-only');
CREATE TRIGGER ruling_reviews_no_delete BEFORE DELETE ON ruling_reviews
    FOR EACH ROW EXECUTE FUNCTION refuse('sign-offs are append-only');
CREATE TRIGGER claim_notes_no_update BEFORE UPDATE ON claim_notes
    FOR EACH ROW EXECUTE FUNCTION refuse('notes are append-only');
CREATE TRIGGER claim_notes_no_delete BEFORE DELETE ON claim_notes
    FOR EACH ROW EXECUTE FUNCTION refuse('notes are append-only');
CREATE TRIGGER desk_events_no_update BEFORE UPDATE ON desk_events
    FOR EACH ROW EXECUTE FUNCTION refuse('the desk log is append-only');
CREATE TRIGGER desk_events_no_delete BEFORE DELETE ON desk_events
    FOR EACH ROW EXECUTE FUNCTION refuse('the desk log is append-only');
CREATE TRIGGER retractions_no_update BEFORE UPDATE ON retractions
    FOR EACH ROW EXECUTE FUNCTION refuse('retractions are append-only');
CREATE TRIGGER retractions_no_delete BEFORE DELETE ON retractions
    FOR EACH ROW EXECUTE FUNCTION refuse('retractions are append-only');
CREATE TRIGGER recorded_figures_no_delete BEFORE DELETE ON recorded_figures
    FOR EACH ROW EXECUTE FUNCTION refuse('recorded figures are withdrawn, not deleted');
CREATE TRIGGER source_snapshots_no_update BEFORE UPDATE ON source_snapshots
    FOR EACH ROW EXECUTE FUNCTION refuse('source snapshots are append-only');
CREATE TRIGGER source_snapshots_no_delete BEFORE DELETE ON source_snapshots
    FOR EACH ROW EXECUTE FUNCTION refuse('source snapshots are append-only');

CREATE FUNCTION refuse_own_sign_off() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.reviewer_id = (SELECT author_id FROM rulings WHERE id = NEW.ruling_id) THEN
        RAISE EXCEPTION 'a ruling is signed off by another editor than its author' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ruling_reviews_not_by_author BEFORE INSERT ON ruling_reviews
    FOR EACH ROW EXECUTE FUNCTION refuse_own_sign_off();

-- 2. The kept counts of published claims, by kind and status and by speaker and status.
CREATE FUNCTION count_claim(kind text, status text, speaker bigint, step bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF step > 0 THEN
        INSERT INTO claim_counts AS c (kind, status, n) VALUES (kind, status, step)
            ON CONFLICT ON CONSTRAINT claim_counts_pkey DO UPDATE SET n = c.n + step;
        INSERT INTO speaker_claim_counts AS c (speaker_id, status, n) VALUES (speaker, status, step)
            ON CONFLICT ON CONSTRAINT speaker_claim_counts_pkey DO UPDATE SET n = c.n + step;
    ELSE
        UPDATE claim_counts c SET n = c.n + step WHERE c.kind = count_claim.kind AND c.status = count_claim.status;
        UPDATE speaker_claim_counts c SET n = c.n + step
         WHERE c.speaker_id = count_claim.speaker AND c.status = count_claim.status;
    END IF;
END $$;

CREATE FUNCTION claim_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT NULL
       AND (OLD.kind, OLD.status, OLD.speaker_id) IS DISTINCT FROM (NEW.kind, NEW.status, NEW.speaker_id) THEN
        PERFORM count_claim(OLD.kind, OLD.status, OLD.speaker_id, -1);
    END IF;
    IF NEW.status IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.status IS NULL
       OR (OLD.kind, OLD.status, OLD.speaker_id) IS DISTINCT FROM (NEW.kind, NEW.status, NEW.speaker_id)) THEN
        PERFORM count_claim(NEW.kind, NEW.status, NEW.speaker_id, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER claim_counts_follow AFTER INSERT OR UPDATE OF kind, status, speaker_id ON claims
    FOR EACH ROW EXECUTE FUNCTION claim_counts_follow();

-- 3. Search. A listed claim's document: its text, its speaker's name and aliases, the titles of
-- the sources it appears in, and facets that let a search filter inside the index (status,
-- kind, speaker, source — words no reader types, as on SQLite). Accents are folded away.
CREATE TABLE claim_search (
    list_key bigint   PRIMARY KEY,
    claim_id bigint   NOT NULL UNIQUE REFERENCES claims (id),
    document tsvector NOT NULL
);
CREATE INDEX claim_search_document ON claim_search USING gin (document);

-- A text's words as the index keeps them: accents folded, then every run of letters and digits
-- one word, everything else a separator — as SQLite's unicode61 tokenizer and as
-- model::search::terms reads what a reader types ("1.5" is two words, "lópez-ruiz" is "lopez"
-- and "ruiz"), rather than PostgreSQL's parser, which keeps "1.5" and "example.org" whole.
CREATE FUNCTION search_words(value text) RETURNS tsvector STABLE LANGUAGE sql AS
$$ SELECT to_tsvector('simple', regexp_replace(unaccent(coalesce(value, '')) COLLATE "default", '[^[:alnum:]]+', ' ', 'g')) $$;

-- The tsquery of a search: every one of `words` (a reader's, already reduced to letters and
-- digits by model::search::terms) in the text, speaker or sources (weights A–C), matching every
-- indexed word it begins when it has 3+ letters; and one token of each of `facet_groups` (the
-- code's own tokens, alternatives separated by '|') among the facets (weight D). Each word is
-- quoted as one lexeme and cast, never parsed: nothing a reader types is query syntax.
CREATE FUNCTION claim_search_query(words text[], facet_groups text[]) RETURNS tsquery STABLE LANGUAGE sql AS $$
    SELECT concat_ws(' & ',
        (SELECT string_agg(quote_literal(lower(unaccent(w) COLLATE "default"))
                           || CASE WHEN char_length(w) >= 3 THEN ':*ABC' ELSE ':ABC' END, ' & ')
           FROM unnest(words) AS w),
        (SELECT string_agg('(' || (SELECT string_agg(quote_literal(f) || ':D', ' | ')
                                     FROM unnest(string_to_array(g, '|')) AS f) || ')', ' & ')
           FROM unnest(facet_groups) AS g))::tsquery
$$;

CREATE VIEW claim_search_documents AS
SELECT c.id AS claim_id,
       c.list_seq AS list_key,
       c.speaker_id AS speaker_id,
       c.text AS text,
       s.name || coalesce(' ' || (SELECT string_agg(a.alias, ' ') FROM speaker_aliases a WHERE a.speaker_id = s.id), '')
           AS speaker,
       coalesce((SELECT string_agg(src.title, ' ')
                   FROM appearances ap JOIN sources src ON src.id = ap.source_id
                  WHERE ap.claim_id = c.id), '') AS sources,
       replace(c.status, '_', '') || CASE WHEN c.status <> 'being_checked' THEN ' factcheck' ELSE '' END
           || ' ' || c.kind || ' speaker' || c.speaker_id
           || coalesce((SELECT ' ' || string_agg('source' || ap.source_id, ' ')
                          FROM appearances ap WHERE ap.claim_id = c.id), '') AS facets
  FROM claims c JOIN speakers s ON s.id = c.speaker_id
 WHERE c.list_seq IS NOT NULL;

-- Writes the search documents of the claims `ids` afresh (removing those no longer listed).
CREATE FUNCTION refresh_claim_search(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM claim_search WHERE claim_id = ANY (ids);
    INSERT INTO claim_search (list_key, claim_id, document)
    SELECT d.list_key, d.claim_id,
           setweight(search_words(d.text), 'A') || setweight(search_words(d.speaker), 'B')
           || setweight(search_words(d.sources), 'C') || setweight(to_tsvector('simple', d.facets), 'D')
      FROM claim_search_documents d
     WHERE d.claim_id = ANY (ids);
$$;

CREATE FUNCTION claim_search_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CASE TG_TABLE_NAME
    WHEN 'claims' THEN
        PERFORM refresh_claim_search(ARRAY[NEW.id]);
    WHEN 'speakers' THEN
        PERFORM refresh_claim_search(ARRAY(SELECT id FROM claims WHERE speaker_id = NEW.id AND list_seq IS NOT NULL));
    WHEN 'speaker_aliases' THEN
        PERFORM refresh_claim_search(ARRAY(SELECT id FROM claims
                                            WHERE speaker_id = coalesce(NEW.speaker_id, OLD.speaker_id)
                                              AND list_seq IS NOT NULL));
    WHEN 'appearances' THEN
        PERFORM refresh_claim_search(ARRAY[coalesce(NEW.claim_id, OLD.claim_id)]);
    WHEN 'sources' THEN
        PERFORM refresh_claim_search(ARRAY(SELECT claim_id FROM appearances WHERE source_id = NEW.id));
    END CASE;
    RETURN NULL;
END $$;
CREATE TRIGGER claim_search_claim AFTER INSERT OR UPDATE OF text, speaker_id, status, kind, list_seq ON claims
    FOR EACH ROW EXECUTE FUNCTION claim_search_follow();
CREATE TRIGGER claim_search_speaker_renamed AFTER UPDATE OF name ON speakers
    FOR EACH ROW EXECUTE FUNCTION claim_search_follow();
CREATE TRIGGER claim_search_alias AFTER INSERT OR DELETE ON speaker_aliases
    FOR EACH ROW EXECUTE FUNCTION claim_search_follow();
CREATE TRIGGER claim_search_appearance AFTER INSERT OR DELETE ON appearances
    FOR EACH ROW EXECUTE FUNCTION claim_search_follow();
CREATE TRIGGER claim_search_source_retitled AFTER UPDATE OF title ON sources
    FOR EACH ROW EXECUTE FUNCTION claim_search_follow();

-- 4. The content version, bumped by every row changed in a table readers see. By rows, not by
-- statements, as on SQLite: the kept search counts (db::kept) read the version's growth as a
-- bound on how many claims can have changed. Renaming a speaker or source (or their aliases)
-- changes many claims at once, so it jumps by a billion, which no kept count survives.
CREATE FUNCTION bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE content_version SET version = version + TG_ARGV[0]::bigint WHERE id = 1;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['claims', 'appearances', 'rulings', 'ruling_evidence', 'ruling_reviews', 'retractions',
                             'users', 'claim_revisions', 'source_revisions', 'speaker_revisions'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION bump_content_version(1)', t || '_changes_content', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['sources', 'speakers'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION bump_content_version(1)', t || '_added_changes_content', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION bump_content_version(1000000000)', t || '_edited_changes_content', t);
    END LOOP;
END $$;
CREATE TRIGGER speaker_aliases_changes_content AFTER INSERT OR UPDATE OR DELETE ON speaker_aliases
    FOR EACH ROW EXECUTE FUNCTION bump_content_version(1000000000);
-- Recorded figures: added and edited (withdrawn) only; deleting one is refused above.
CREATE TRIGGER recorded_figures_changes_content AFTER INSERT OR UPDATE ON recorded_figures
    FOR EACH ROW EXECUTE FUNCTION bump_content_version(1);
