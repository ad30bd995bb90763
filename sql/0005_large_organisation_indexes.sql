-- Steward schema, part 5: indexes for a large organisation (100k people).
--
-- The People screen pages the directory by sort key (gui/src/people/person_list_model.cpp): each
-- page starts after the previous page's last row, and a jump skips rows inside the index only.
-- Searching matches a substring of name or e-mail, which no b-tree can answer.

-- Substring search (ILIKE '%text%'): trigram indexes answer it for three characters or more.
-- pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX person_name_trgm_idx ON person USING gin (name gin_trgm_ops);
CREATE INDEX person_email_trgm_idx ON person USING gin (email gin_trgm_ops);

-- Sort orders of the directory, each ending in id so that a page boundary is one exact row. The
-- sorted column itself is included so that skipping to a page is an index-only scan (PostgreSQL
-- computes lower(name) from the included name instead of visiting the table).
DROP INDEX person_name_idx;
CREATE INDEX person_name_idx ON person (lower(name), id) INCLUDE (name);
CREATE INDEX person_email_order_idx ON person (lower(email), id) INCLUDE (email);
CREATE INDEX person_title_idx ON person (lower(title), id) INCLUDE (title);
