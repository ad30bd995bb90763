-- Steward schema, part 16: an organisation of 100,000 people, 5,000 projects and a million RACI
-- entries. The organisation-wide coverage check (core/src/coverage/organisation_check.cpp) reads
-- tallies kept current by the statements that change the staffing, instead of every entry; and
-- the history of a bulk change is written a statement at a time instead of a row at a time.

-- Inactive people are few; their assignments are what the inactive-assignee rule looks at.
CREATE INDEX person_inactive_idx ON person (id) WHERE NOT active;

-- Coverage tallies --------------------------------------------------------------------------------
-- What the organisation-wide check asks of a million RACI entries, kept current by the statements
-- that change them, so that it reads the few rows that can give a finding instead. Counts move by
-- deltas (commutative, and serialised by the rows' locks), so concurrent changes cannot lose one.
-- Written only by the SECURITY DEFINER triggers below, whoever changes the staffing (row-level
-- security decides that, on raci_entry and assignment); everyone who may read staffing may read them.

-- Accountable and Responsible entries per project and responsibility. Every (project, required
-- responsibility) pair has a row, zero or not, so a missing Accountable or Responsible is a row
-- with a zero, found through raci_tally_gap_idx; whether the duty applies to the project (its
-- industry and stage, retirement) is decided when the tally is read.
CREATE TABLE raci_tally (
    project_id          bigint NOT NULL,
    responsibility_key  text NOT NULL,
    accountable         integer NOT NULL DEFAULT 0,
    responsible         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, responsibility_key)
);
CREATE INDEX raci_tally_gap_idx ON raci_tally (project_id, responsibility_key)
    WHERE accountable = 0 OR responsible = 0;

-- Per project, person and role: the Accountable and Responsible entries the person has for the
-- role's responsibilities, and the days their assignments to the role cover (the assignments of
-- one person to one role on one project never overlap: assignment_no_overlap, so adding and
-- removing their ranges are exact inverses). The raci-role rule's question, "is an entry's person
-- assigned to its role on the day?", is then `entries > 0 AND NOT held @> day` on one row.
CREATE TABLE raci_role_tally (
    project_id  bigint NOT NULL,
    person_id   bigint NOT NULL,
    role_key    text NOT NULL,
    entries     integer NOT NULL DEFAULT 0,
    held        datemultirange NOT NULL DEFAULT '{}',
    PRIMARY KEY (project_id, person_id, role_key)
);

-- A person's holder tallies lead to their assignments by project (see organisation_check.cpp).
CREATE INDEX raci_role_tally_person_idx ON raci_role_tally (person_id);

-- Per person, the allocation of all their assignments, ended or not: only someone above 100 % here
-- can be over-allocated on any day, so the allocation rule looks at those few.
CREATE TABLE person_load (
    person_id   bigint PRIMARY KEY,
    allocation  integer NOT NULL DEFAULT 0
);
CREATE INDEX person_load_over_idx ON person_load (person_id) WHERE allocation > 100;

-- Adds a statement's changed entries to both tallies (+1 for a new row, -1 for an old one), in key
-- order so that concurrent statements lock tally rows in the same order. (Transition tables are
-- visible only to the trigger function itself, hence the one function.)
CREATE FUNCTION raci_tally_capture() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    cols constant text := 'project_id, responsibility_key, person_id, kind';
    changes text := CASE TG_OP
        WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', cols)
        WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', cols)
        ELSE format('SELECT %1$s, 1 AS sign FROM new_rows UNION ALL '
                    'SELECT %1$s, -1 AS sign FROM old_rows', cols)
    END;
    pairs text := format(
        'SELECT c.project_id, c.responsibility_key, '
        '       coalesce(sum(c.sign) FILTER (WHERE c.kind = ''A''), 0) AS a, '
        '       coalesce(sum(c.sign) FILTER (WHERE c.kind = ''R''), 0) AS r '
        '  FROM (%s) c WHERE c.kind IN (''A'', ''R'') GROUP BY 1, 2 ORDER BY 1, 2', changes);
    holders text := format(
        'SELECT c.project_id, c.person_id, r.role_key, sum(c.sign) AS n '
        '  FROM (%s) c JOIN responsibility r ON r.key = c.responsibility_key '
        ' WHERE c.kind IN (''A'', ''R'') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3', changes);
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- Only ever lowers counts that exist. (Deleting a project cascades to its entries after
        -- the project's own trigger has dropped its tallies: nothing is left to lower, and
        -- nothing must come back.)
        EXECUTE format('UPDATE raci_tally t SET accountable = t.accountable + d.a, '
                       'responsible = t.responsible + d.r FROM (%s) d '
                       'WHERE t.project_id = d.project_id '
                       'AND t.responsibility_key = d.responsibility_key', pairs);
        EXECUTE format('UPDATE raci_role_tally t SET entries = t.entries + d.n FROM (%s) d '
                       'WHERE t.project_id = d.project_id AND t.person_id = d.person_id '
                       'AND t.role_key = d.role_key', holders);
    ELSE
        EXECUTE format(
            'INSERT INTO raci_tally AS t (project_id, responsibility_key, accountable, responsible) '
            '%s ON CONFLICT (project_id, responsibility_key) DO UPDATE '
            '   SET accountable = t.accountable + excluded.accountable, '
            '       responsible = t.responsible + excluded.responsible', pairs);
        EXECUTE format(
            'INSERT INTO raci_role_tally AS t (project_id, person_id, role_key, entries) '
            '%s ON CONFLICT (project_id, person_id, role_key) DO UPDATE '
            '   SET entries = t.entries + excluded.entries', holders);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER raci_entry_tally AFTER INSERT ON raci_entry REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION raci_tally_capture();
CREATE TRIGGER raci_entry_tally_update AFTER UPDATE ON raci_entry
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION raci_tally_capture();
CREATE TRIGGER raci_entry_tally_delete AFTER DELETE ON raci_entry REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION raci_tally_capture();

-- Assignments move the held days of the holder tally and the person's load.
CREATE FUNCTION assignment_tally_capture() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    cols constant text := 'project_id, person_id, role_key, from_date, to_date, allocation_percent';
    changes text := CASE TG_OP
        WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', cols)
        WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', cols)
        ELSE format('SELECT %1$s, 1 AS sign FROM new_rows UNION ALL '
                    'SELECT %1$s, -1 AS sign FROM old_rows', cols)
    END;
    ranges constant text := 'SELECT c.project_id, c.person_id, c.role_key, '
        'range_agg(daterange(c.from_date, c.to_date, ''[]'')) AS held FROM (%s) c '
        'WHERE c.sign = %s GROUP BY 1, 2, 3 ORDER BY 1, 2, 3';
BEGIN
    -- Old ranges out first (lowering only rows that exist, as in raci_tally_capture), then new
    -- ones in.
    IF TG_OP <> 'INSERT' THEN
        EXECUTE format('UPDATE raci_role_tally t SET held = t.held - d.held FROM (%s) d '
                       'WHERE t.project_id = d.project_id AND t.person_id = d.person_id '
                       'AND t.role_key = d.role_key', format(ranges, changes, -1));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        EXECUTE format('INSERT INTO raci_role_tally AS t (project_id, person_id, role_key, held) '
                       '%s ON CONFLICT (project_id, person_id, role_key) DO UPDATE '
                       'SET held = t.held + excluded.held', format(ranges, changes, 1));
    END IF;
    EXECUTE format(
        'INSERT INTO person_load AS t (person_id, allocation) '
        'SELECT c.person_id, sum(c.sign * c.allocation_percent) FROM (%s) c '
        ' GROUP BY 1 ORDER BY 1 '
        'ON CONFLICT (person_id) DO UPDATE SET allocation = t.allocation + excluded.allocation',
        changes);
    RETURN NULL;
END
$$;
CREATE TRIGGER assignment_tally AFTER INSERT ON assignment REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION assignment_tally_capture();
CREATE TRIGGER assignment_tally_update AFTER UPDATE ON assignment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION assignment_tally_capture();
CREATE TRIGGER assignment_tally_delete AFTER DELETE ON assignment REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION assignment_tally_capture();

-- New projects, and responsibilities that become required, get their zero rows; a deleted project
-- takes its rows along (its entries' own deletion has brought them to zero).
CREATE FUNCTION raci_tally_pairs() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF TG_TABLE_NAME = 'project' AND TG_OP = 'INSERT' THEN
        INSERT INTO raci_tally (project_id, responsibility_key)
        SELECT n.id, r.key FROM new_rows n CROSS JOIN responsibility r WHERE r.required
         ORDER BY 1, 2 ON CONFLICT DO NOTHING;
    ELSIF TG_TABLE_NAME = 'project' THEN
        DELETE FROM raci_tally WHERE project_id IN (SELECT o.id FROM old_rows o);
        DELETE FROM raci_role_tally WHERE project_id IN (SELECT o.id FROM old_rows o);
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO raci_tally (project_id, responsibility_key)
        SELECT p.id, n.key FROM new_rows n CROSS JOIN project p WHERE n.required
         ORDER BY 1, 2 ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO raci_tally (project_id, responsibility_key)
        SELECT p.id, n.key FROM new_rows n CROSS JOIN project p WHERE n.required
           AND NOT EXISTS (SELECT FROM old_rows o WHERE o.key = n.key AND o.required)
         ORDER BY 1, 2 ON CONFLICT DO NOTHING;
        -- A responsibility moved to another role moves its entries' holders along.
        INSERT INTO raci_role_tally AS t (project_id, person_id, role_key, entries)
        SELECT e.project_id, e.person_id, m.role_key, sum(m.sign)
          FROM raci_entry e
          JOIN (SELECT o.key, o.role_key, -1 AS sign FROM old_rows o JOIN new_rows n ON n.key = o.key
                 WHERE n.role_key <> o.role_key
                UNION ALL
                SELECT n.key, n.role_key, 1 FROM old_rows o JOIN new_rows n ON n.key = o.key
                 WHERE n.role_key <> o.role_key) m ON m.key = e.responsibility_key
         WHERE e.kind IN ('A', 'R') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (project_id, person_id, role_key) DO UPDATE
           SET entries = t.entries + excluded.entries;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER project_tally AFTER INSERT ON project REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION raci_tally_pairs();
CREATE TRIGGER project_tally_delete AFTER DELETE ON project REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION raci_tally_pairs();
CREATE TRIGGER responsibility_tally AFTER INSERT ON responsibility REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION raci_tally_pairs();
CREATE TRIGGER responsibility_tally_update AFTER UPDATE ON responsibility
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION raci_tally_pairs();

-- The tallies of what is stored already.
INSERT INTO raci_tally (project_id, responsibility_key, accountable, responsible)
SELECT p.id, r.key, 0, 0 FROM project p CROSS JOIN responsibility r WHERE r.required;
INSERT INTO raci_tally AS t (project_id, responsibility_key, accountable, responsible)
SELECT e.project_id, e.responsibility_key, count(*) FILTER (WHERE e.kind = 'A'),
       count(*) FILTER (WHERE e.kind = 'R')
  FROM raci_entry e WHERE e.kind IN ('A', 'R') GROUP BY 1, 2
ON CONFLICT (project_id, responsibility_key) DO UPDATE
   SET accountable = excluded.accountable, responsible = excluded.responsible;
INSERT INTO raci_role_tally (project_id, person_id, role_key, entries)
SELECT e.project_id, e.person_id, r.role_key, count(*)
  FROM raci_entry e JOIN responsibility r ON r.key = e.responsibility_key
 WHERE e.kind IN ('A', 'R') GROUP BY 1, 2, 3;
INSERT INTO raci_role_tally AS t (project_id, person_id, role_key, held)
SELECT a.project_id, a.person_id, a.role_key, range_agg(daterange(a.from_date, a.to_date, '[]'))
  FROM assignment a GROUP BY 1, 2, 3
ON CONFLICT (project_id, person_id, role_key) DO UPDATE SET held = excluded.held;
INSERT INTO person_load (person_id, allocation)
SELECT a.person_id, sum(a.allocation_percent) FROM assignment a GROUP BY 1;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION raci_tally_capture() SET search_path = %I, pg_catalog, pg_temp',
                   current_schema());
    EXECUTE format('ALTER FUNCTION raci_tally_pairs() SET search_path = %I, pg_catalog, pg_temp',
                   current_schema());
    EXECUTE format('ALTER FUNCTION assignment_tally_capture() SET search_path = %I, pg_catalog, '
                   'pg_temp', current_schema());
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_viewer') THEN
        GRANT SELECT ON raci_tally, raci_role_tally, person_load TO steward_viewer;
    END IF;
END
$$;

-- History, a statement at a time ----------------------------------------------------------------
-- A bulk change wrote its history a row at a time: one trigger call per changed row inserted one
-- history row, whose own row triggers sealed it (lock or read the chain's head, draw the id, hash,
-- store the head in a setting), announced it, and queued a deferred publication of the head, so
-- importing 100,000 people took 400,000 trigger calls and most of the import's time. Now a
-- statement-level trigger reads the statement's changed rows from its transition tables, draws
-- their ids and chains their hashes in one pass, in the order of their keys, and inserts them all
-- at once. Every changed row still gets its own entry, hashed exactly as history_seal() would
-- (`steward history verify` is unchanged), and the ids are still drawn once the chain's lock is
-- held, so that they follow the chain in commit order (migration 13).
--
-- The head travels in history_chain's row itself, updated by every statement that writes
-- history, never in a setting: a client may set any setting (part 15 found a forged head breaking
-- the chain for good), but only these functions, running as the owner, write that row. Its lock
-- is held to the end of the transaction, so the row is the true head whenever this transaction
-- reads it; a tail deleted behind the chain's back still shows, since the next entry follows the
-- head the row remembers.

CREATE FUNCTION history_capture_statement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    key_column text := TG_ARGV[0];
    changes text;
    prev bytea;
    start bytea;
    ids bigint[] := '{}';
    hashes bytea[] := '{}';
    n integer := 0;
    has_rows boolean;
    r record;
    h history;
BEGIN
    changes := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT NULL::jsonb AS before, to_jsonb(n) AS after FROM new_rows n'
        WHEN 'DELETE' THEN 'SELECT to_jsonb(o) AS before, NULL::jsonb AS after FROM old_rows o'
        -- Only tables keyed by an identity column (which an UPDATE cannot change) get this
        -- trigger for UPDATE, so old and new rows pair up by key.
        ELSE format('SELECT b AS before, a AS after FROM (SELECT to_jsonb(o) AS b, to_jsonb(n) AS a '
                    'FROM old_rows o JOIN new_rows n ON n.%1$I = o.%1$I) u '
                    'WHERE b - ''version'' - ''updated_at'' <> a - ''version'' - ''updated_at''',
                    key_column)
    END;
    -- In the order of the rows' ids where they are numbers (the order they were added), else
    -- of their keys.
    changes := format('SELECT row_number() OVER (ORDER BY CASE jsonb_typeof(d -> ''id'') '
                      'WHEN ''number'' THEN (d ->> ''id'')::numeric END, k) AS ord, '
                      'k AS row_key, before, after FROM (SELECT before, after, '
                      'coalesce(after, before) AS d, coalesce(after, before) ->> %L AS k '
                      'FROM (%s) x) c', key_column, changes);
    -- A statement that changed nothing (an update that matched no row) must not take the lock.
    EXECUTE CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT EXISTS (SELECT FROM new_rows)'
        WHEN 'DELETE' THEN 'SELECT EXISTS (SELECT FROM old_rows)'
        ELSE format('SELECT EXISTS (%s)', changes) END INTO has_rows;
    IF NOT has_rows THEN
        RETURN NULL;
    END IF;

    SELECT last_hash INTO start FROM history_chain WHERE singleton FOR UPDATE;
    h.at := clock_timestamp();
    h.txid := txid_current();
    h.db_user := session_user;
    h.actor := steward_actor();
    h.table_name := TG_TABLE_NAME;
    h.operation := TG_OP;
    prev := start;
    -- The ids are drawn in the entries' order; each entry's own content (its digest input with
    -- an empty prev_hash) is computed by the query, leaving the loop only the chaining.
    FOR r IN EXECUTE format(
        'SELECT d.id, history_digest_input(ROW(d.id, $1, $2, $3, $4, $5, d.row_key, $6, '
        'd.before, d.after, ''\x''::bytea, ''\x''::bytea)::history) AS content '
        'FROM (SELECT nextval(''history_id_seq'') AS id, o.* FROM (%s ORDER BY ord) o) d',
        changes) USING h.at, h.txid, h.db_user, h.actor, h.table_name, h.operation LOOP
        n := n + 1;
        prev := sha256(prev || r.content);
        ids[n] := r.id;
        hashes[n] := prev;
    END LOOP;

    -- Sealed already: the row trigger that seals leaves these entries alone.
    -- The entries again from the transition tables, joined to their ids and hashes by position:
    -- cheaper than carrying their content in arrays, which plpgsql copies on every assignment.
    EXECUTE format('INSERT INTO history (id, at, txid, db_user, actor, table_name, row_key, '
                   'operation, before, after, prev_hash, hash) OVERRIDING SYSTEM VALUE '
                   'SELECT u.id, $1, $2, $3, $4, $5, c.row_key, $6, c.before, c.after, '
                   'coalesce(lag(u.hash) OVER (ORDER BY c.ord), $7), u.hash '
                   'FROM (%s) c JOIN unnest($8::bigint[], $9::bytea[]) WITH ORDINALITY '
                   'AS u (id, hash, ord) ON u.ord = c.ord', changes)
        USING h.at, h.txid, h.db_user, h.actor, h.table_name, h.operation, start, ids, hashes;
    UPDATE history_chain SET last_hash = prev, last_id = ids[n] WHERE singleton;
    RETURN NULL;
END
$$;

-- The entries still written a row at a time (updates of tables keyed by text, whose keys an update
-- may change) move the head in the same row, so no deferred publication is left to do. They are
-- few: an UPDATE of history_chain per entry leaves a version per entry until the transaction ends.
-- Entries that arrive sealed skip the row-level seal. Only the history triggers may insert into
-- history (nobody is granted INSERT on it), and `steward history verify` recomputes every hash
-- whoever wrote it.
CREATE OR REPLACE FUNCTION history_seal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    SELECT last_hash INTO NEW.prev_hash FROM history_chain WHERE singleton FOR UPDATE;
    NEW.id := nextval('history_id_seq');
    NEW.hash := sha256(history_digest_input(NEW));
    UPDATE history_chain SET last_hash = NEW.hash, last_id = NEW.id WHERE singleton;
    RETURN NEW;
END
$$;
DROP TRIGGER history_seal ON history;
CREATE TRIGGER history_seal BEFORE INSERT ON history
    FOR EACH ROW WHEN (NEW.hash = '\x'::bytea) EXECUTE FUNCTION history_seal();
DROP TRIGGER history_publish_head ON history;
DROP FUNCTION history_publish_head();

-- One announcement per statement and table, not one call per entry.
DROP TRIGGER history_notify ON history;
CREATE OR REPLACE FUNCTION history_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('steward_changes', t.table_name)
       FROM (SELECT DISTINCT a.table_name FROM added a) t;
    RETURN NULL;
END
$$;
CREATE TRIGGER history_notify AFTER INSERT ON history REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION history_notify();

-- Every audited table's row trigger becomes statement triggers for the same events, under the
-- same name for INSERT (the demo generator switches it off by name for its bulk load). UPDATE on a
-- table keyed by text, whose key an update may change, stays a row trigger.
DO $$
DECLARE
    t record;
    key_column text;
    path text := format('%I, pg_catalog, pg_temp', current_schema());
BEGIN
    EXECUTE format('ALTER FUNCTION history_capture_statement() SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION history_notify() SET search_path = %s', path);
    EXECUTE format('ALTER FUNCTION history_seal() SET search_path = %s', path);
    FOR t IN
        SELECT c.relname AS tab, tg.tgname AS name, tg.tgargs AS args, tg.tgtype AS type
          FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
         WHERE tg.tgfoid = 'history_capture'::regproc AND NOT tg.tgisinternal
           AND c.relnamespace = current_schema()::regnamespace
         ORDER BY c.relname
    LOOP
        key_column := convert_from(substring(t.args FROM 1 FOR position('\x00'::bytea IN t.args) - 1),
                                   'UTF8');
        EXECUTE format('DROP TRIGGER %I ON %I', t.name, t.tab);
        IF t.type & 4 <> 0 THEN
            EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                           'FOR EACH STATEMENT EXECUTE FUNCTION history_capture_statement(%L)',
                           t.name, t.tab, key_column);
        END IF;
        IF t.type & 8 <> 0 THEN
            EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                           'FOR EACH STATEMENT EXECUTE FUNCTION history_capture_statement(%L)',
                           t.name || '_delete', t.tab, key_column);
        END IF;
        IF t.type & 16 <> 0 AND EXISTS (
               SELECT FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
                WHERE r.relname = t.tab AND r.relnamespace = current_schema()::regnamespace
                  AND a.attname = key_column AND a.attidentity <> '') THEN
            EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows '
                           'NEW TABLE AS new_rows FOR EACH STATEMENT '
                           'EXECUTE FUNCTION history_capture_statement(%L)',
                           t.name || '_update', t.tab, key_column);
        ELSIF t.type & 16 <> 0 THEN
            EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I FOR EACH ROW '
                           'EXECUTE FUNCTION history_capture(%L)',
                           t.name || '_update', t.tab, key_column);
        END IF;
    END LOOP;
END
$$;
