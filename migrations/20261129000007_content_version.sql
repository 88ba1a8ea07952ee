-- What readers see changes only through these tables. Every committed change to them bumps one
-- number, `content_version`, which each server compares (at most every 250 ms) to know that its
-- page cache is stale, whichever process wrote: the server itself, `claimtrack import`, `user`.
-- Sessions, desk notes and the desk's log are left out: they change no reader's page, and a
-- sign-in must not empty the cache.
--
-- The increase also bounds how many claims' search documents may have changed since a version:
-- one per row changed, except for a speaker's name, an alias or a source's title, which are in
-- the documents of all their claims and count as a billion. A search's per-status counts that
-- were far enough above the cap stay true across smaller changes (db::kept).
CREATE TABLE content_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 0);

CREATE TRIGGER claims_insert_changes_content AFTER INSERT ON claims
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER claims_update_changes_content AFTER UPDATE ON claims
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER claims_delete_changes_content AFTER DELETE ON claims
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER appearances_insert_changes_content AFTER INSERT ON appearances
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER appearances_update_changes_content AFTER UPDATE ON appearances
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER appearances_delete_changes_content AFTER DELETE ON appearances
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER sources_insert_changes_content AFTER INSERT ON sources
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER sources_update_changes_content AFTER UPDATE ON sources
BEGIN UPDATE content_version SET version = version + 1000000000; END;
CREATE TRIGGER sources_delete_changes_content AFTER DELETE ON sources
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER speakers_insert_changes_content AFTER INSERT ON speakers
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER speakers_update_changes_content AFTER UPDATE ON speakers
BEGIN UPDATE content_version SET version = version + 1000000000; END;
CREATE TRIGGER speakers_delete_changes_content AFTER DELETE ON speakers
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER speaker_aliases_insert_changes_content AFTER INSERT ON speaker_aliases
BEGIN UPDATE content_version SET version = version + 1000000000; END;
CREATE TRIGGER speaker_aliases_update_changes_content AFTER UPDATE ON speaker_aliases
BEGIN UPDATE content_version SET version = version + 1000000000; END;
CREATE TRIGGER speaker_aliases_delete_changes_content AFTER DELETE ON speaker_aliases
BEGIN UPDATE content_version SET version = version + 1000000000; END;
CREATE TRIGGER rulings_insert_changes_content AFTER INSERT ON rulings
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER rulings_update_changes_content AFTER UPDATE ON rulings
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER rulings_delete_changes_content AFTER DELETE ON rulings
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER ruling_evidence_insert_changes_content AFTER INSERT ON ruling_evidence
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER ruling_evidence_update_changes_content AFTER UPDATE ON ruling_evidence
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER ruling_evidence_delete_changes_content AFTER DELETE ON ruling_evidence
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER ruling_reviews_insert_changes_content AFTER INSERT ON ruling_reviews
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER ruling_reviews_update_changes_content AFTER UPDATE ON ruling_reviews
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER ruling_reviews_delete_changes_content AFTER DELETE ON ruling_reviews
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER retractions_insert_changes_content AFTER INSERT ON retractions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER retractions_update_changes_content AFTER UPDATE ON retractions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER retractions_delete_changes_content AFTER DELETE ON retractions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER users_insert_changes_content AFTER INSERT ON users
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER users_update_changes_content AFTER UPDATE ON users
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER users_delete_changes_content AFTER DELETE ON users
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER claim_revisions_insert_changes_content AFTER INSERT ON claim_revisions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER claim_revisions_update_changes_content AFTER UPDATE ON claim_revisions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER claim_revisions_delete_changes_content AFTER DELETE ON claim_revisions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER source_revisions_insert_changes_content AFTER INSERT ON source_revisions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER source_revisions_update_changes_content AFTER UPDATE ON source_revisions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER source_revisions_delete_changes_content AFTER DELETE ON source_revisions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER speaker_revisions_insert_changes_content AFTER INSERT ON speaker_revisions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER speaker_revisions_update_changes_content AFTER UPDATE ON speaker_revisions
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER speaker_revisions_delete_changes_content AFTER DELETE ON speaker_revisions
BEGIN UPDATE content_version SET version = version + 1; END;

-- `/readyz` proves the database can take a write by writing this row (at most once a second).
CREATE TABLE readiness_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at TEXT NOT NULL
);
