-- Repetitions: a claim said again — by its speaker or anyone else, on another day, in other
-- words — is one claim with several appearances, so the ruling made once covers them all and
-- readers see when it came back. An appearance records who said it there and when, where that
-- differs from the claim's own speaker and date (NULL: the claim's), the words as that source
-- has them when they differ, and the editor who attached it.
ALTER TABLE appearances ADD COLUMN speaker_id INTEGER REFERENCES speakers (id);
ALTER TABLE appearances ADD COLUMN said_on TEXT CHECK (said_on IS NULL OR date(said_on) IS said_on);
ALTER TABLE appearances ADD COLUMN words TEXT CHECK (words IS NULL OR length(words) BETWEEN 1 AND 5000);
ALTER TABLE appearances ADD COLUMN attached_by INTEGER REFERENCES users (id);

-- The repeats matcher finds numeric claims stating the same figure: an index lookup by value.
CREATE INDEX claims_by_figure ON claims (quantity_value) WHERE quantity_value IS NOT NULL;

-- Each appearance's place in its source's text as a text-quote selector (W3C Web Annotation,
-- as Hypothesis keeps them): the words, up to 40 characters before and after them, where they
-- stood (a share of the text's length), and the number of the text's version (source_snapshots.n)
-- it was taken from. When the text changes, the claim is found again from it. Appearances made
-- before this migration get theirs the first time their source's text changes.
ALTER TABLE appearances ADD COLUMN anchor_exact TEXT CHECK (anchor_exact IS NULL OR length(anchor_exact) <= 1000000);
ALTER TABLE appearances ADD COLUMN anchor_prefix TEXT CHECK (anchor_prefix IS NULL OR length(anchor_prefix) <= 200);
ALTER TABLE appearances ADD COLUMN anchor_suffix TEXT CHECK (anchor_suffix IS NULL OR length(anchor_suffix) <= 200);
ALTER TABLE appearances ADD COLUMN anchor_position REAL CHECK (anchor_position IS NULL OR anchor_position BETWEEN 0 AND 1);
ALTER TABLE appearances ADD COLUMN anchored_in INTEGER CHECK (anchored_in IS NULL OR anchored_in >= 1);
