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
