-- The speakers directory (`/speakers`) lists speakers A–Z ignoring case, a page at a time, and a
-- search offers the speakers whose name starts with the words typed: both walk this index
-- instead of sorting or scanning every speaker.
CREATE INDEX speakers_by_name ON speakers (name COLLATE NOCASE, slug);
