-- A speaker's page lists the published claims they repeated after someone else said them (an
-- appearance with its own speaker, migration 0011), and a speaker merged into another takes
-- their repetitions along: both find a speaker's repetitions by this index. Partial: most
-- appearances are by the claim's own speaker (NULL).
CREATE INDEX appearances_by_speaker ON appearances (speaker_id) WHERE speaker_id IS NOT NULL;
