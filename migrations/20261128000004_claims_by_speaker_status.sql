-- A speaker's claims newest first (their page, the speaker filter) and their per-status counts
-- (the page's chart) from one index: with `status` in it, the counts read only the index — for a
-- speaker with 7,900 claims, 1 ms instead of 10–15 ms of table lookups — and the list keeps its
-- order. (A separate (speaker_id, status) index made the planner sort the list instead.)
DROP INDEX claims_by_speaker;
CREATE INDEX claims_by_speaker ON claims (speaker_id, said_on DESC, id DESC, status);
