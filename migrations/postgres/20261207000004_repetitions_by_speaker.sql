-- The twin of migrations/20261207000012_repetitions_by_speaker.sql: a speaker's repetitions, for
-- their page and for a merge.
CREATE INDEX appearances_by_speaker ON appearances (speaker_id) WHERE speaker_id IS NOT NULL;
