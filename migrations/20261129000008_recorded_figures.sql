-- Numbers checked against the record (issue 12): what a numeric claim's figure refers to, and
-- the figures official or other records give for it, one of which the ruling compares against.

-- The claim's own context: the period or reference of its figure ("2022 compared with 2021"),
-- and, for a change, the baseline it names, as the claim names it.
ALTER TABLE claims ADD COLUMN figure_period TEXT
    CHECK (figure_period IS NULL OR length(figure_period) BETWEEN 1 AND 200);
ALTER TABLE claims ADD COLUMN figure_baseline TEXT
    CHECK (figure_baseline IS NULL OR length(figure_baseline) BETWEEN 1 AND 200);

-- A recorded figure, in the claim's shape: a level ("$190.27 billion"), a change ("+29.3%") or a
-- part of a whole ("54 of 69"). Edited in place like a claim (each change is a revision of the
-- claim, under the claim's version), never deleted: a figure found wrong is withdrawn.
CREATE TABLE recorded_figures (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id      INTEGER NOT NULL REFERENCES claims (id),
    shape         TEXT    NOT NULL CHECK (shape IN ('level', 'change', 'share')),
    -- Signed: a decrease is negative. For a share, the part.
    value         REAL    NOT NULL CHECK (value = 0 OR (abs(value) >= 0.000001 AND abs(value) < 1e15)),
    of            REAL    CHECK (of IS NULL OR (of >= 0.000001 AND of < 1e15)),
    unit          TEXT    NOT NULL CHECK (length(unit) BETWEEN 1 AND 60),
    period        TEXT    CHECK (period IS NULL OR length(period) BETWEEN 1 AND 200),
    source_url    TEXT    NOT NULL CHECK (length(source_url) BETWEEN 8 AND 2000),
    source_title  TEXT    NOT NULL CHECK (length(source_title) BETWEEN 1 AND 300),
    publisher     TEXT    NOT NULL CHECK (length(publisher) BETWEEN 1 AND 200),
    published_on  TEXT    CHECK (published_on IS NULL OR date(published_on) IS published_on),
    accessed_on   TEXT    CHECK (accessed_on IS NULL OR date(accessed_on) IS accessed_on),
    note          TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 1000),
    -- The one the ruling compares against (at most one per claim, among those not withdrawn).
    compared      INTEGER NOT NULL DEFAULT 0 CHECK (compared IN (0, 1)),
    withdrawn_at  TEXT,
    created_by    INTEGER NOT NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- A source is dated: when it was published, or at least when it was read.
    CHECK (published_on IS NOT NULL OR accessed_on IS NOT NULL),
    CHECK ((shape = 'share') = (of IS NOT NULL)),
    CHECK (of IS NULL OR value BETWEEN 0 AND of),
    CHECK (withdrawn_at IS NULL OR compared = 0)
);
CREATE INDEX recorded_figures_by_claim ON recorded_figures (claim_id, id);
CREATE UNIQUE INDEX recorded_figures_one_compared ON recorded_figures (claim_id) WHERE compared = 1;

CREATE TRIGGER recorded_figures_no_delete BEFORE DELETE ON recorded_figures
BEGIN SELECT RAISE(ABORT, 'recorded figures are withdrawn, not deleted'); END;

-- Readers see recorded figures on the permalink, the API, exports and feeds (see 0007).
CREATE TRIGGER recorded_figures_insert_changes_content AFTER INSERT ON recorded_figures
BEGIN UPDATE content_version SET version = version + 1; END;
CREATE TRIGGER recorded_figures_update_changes_content AFTER UPDATE ON recorded_figures
BEGIN UPDATE content_version SET version = version + 1; END;
