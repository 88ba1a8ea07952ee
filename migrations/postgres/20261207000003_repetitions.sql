-- The twin of migrations/20261206000011_repetitions.sql: a repetition is an appearance with its
-- own speaker, date and words (NULL: the claim's), and the editor who attached it; numeric claims
-- are found by the figure they state.
ALTER TABLE appearances ADD COLUMN speaker_id bigint REFERENCES speakers (id);
ALTER TABLE appearances ADD COLUMN said_on text COLLATE "C" CHECK (said_on IS NULL OR is_date(said_on));
ALTER TABLE appearances ADD COLUMN words text COLLATE "C" CHECK (words IS NULL OR length(words) BETWEEN 1 AND 5000);
ALTER TABLE appearances ADD COLUMN attached_by bigint REFERENCES users (id);

CREATE INDEX claims_by_figure ON claims (quantity_value) WHERE quantity_value IS NOT NULL;

-- Each appearance's place as a text-quote selector, with the version of the text it was taken
-- from (see the SQLite twin).
ALTER TABLE appearances ADD COLUMN anchor_exact text COLLATE "C" CHECK (anchor_exact IS NULL OR length(anchor_exact) <= 1000000);
ALTER TABLE appearances ADD COLUMN anchor_prefix text COLLATE "C" CHECK (anchor_prefix IS NULL OR length(anchor_prefix) <= 200);
ALTER TABLE appearances ADD COLUMN anchor_suffix text COLLATE "C" CHECK (anchor_suffix IS NULL OR length(anchor_suffix) <= 200);
ALTER TABLE appearances ADD COLUMN anchor_position double precision CHECK (anchor_position IS NULL OR anchor_position BETWEEN 0 AND 1);
ALTER TABLE appearances ADD COLUMN anchored_in bigint CHECK (anchored_in IS NULL OR anchored_in >= 1);
