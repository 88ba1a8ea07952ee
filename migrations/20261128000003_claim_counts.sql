-- How many claims there are of each kind and status, kept by triggers, so that the per-status
-- counts of the unfiltered list (and of the kind and status filters) are a read of at most
-- fourteen rows instead of a count over every claim on each request. Claims are never deleted
-- (see claims_no_delete), so only inserts and changes of kind or status move a count.
CREATE TABLE claim_counts (
    kind   TEXT    NOT NULL,
    status TEXT    NOT NULL,
    n      INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (kind, status)
) WITHOUT ROWID;

INSERT INTO claim_counts (kind, status, n) SELECT kind, status, count(*) FROM claims GROUP BY kind, status;

CREATE TRIGGER claim_counts_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO claim_counts (kind, status, n) VALUES (NEW.kind, NEW.status, 1)
        ON CONFLICT (kind, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER claim_counts_update AFTER UPDATE OF kind, status ON claims
WHEN OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status
BEGIN
    UPDATE claim_counts SET n = n - 1 WHERE kind = OLD.kind AND status = OLD.status;
    INSERT INTO claim_counts (kind, status, n) VALUES (NEW.kind, NEW.status, 1)
        ON CONFLICT (kind, status) DO UPDATE SET n = n + 1;
END;
