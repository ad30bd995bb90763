-- Steward schema, part 1: people, the role catalogue, projects, staffing and the change history.
--
-- The database is the system of record: every rule that can be stated as a constraint is stated
-- here, so a client that bypasses the program still cannot store what the program would refuse.
-- Applied by the migrator inside one transaction; see core/src/db/migrator.cpp.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Change history --------------------------------------------------------------------------------
-- Append-only and hash-chained: each row's hash covers the previous row's hash and its own content,
-- so altering or deleting any earlier row breaks every hash after it (`steward history verify`).

CREATE TABLE history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    txid        bigint NOT NULL DEFAULT txid_current(),
    db_user     text NOT NULL DEFAULT session_user,
    actor       text NOT NULL,
    table_name  text NOT NULL,
    row_key     text NOT NULL,
    operation   text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    before      jsonb,
    after       jsonb,
    prev_hash   bytea NOT NULL,
    hash        bytea NOT NULL,
    CHECK ((operation = 'INSERT') = (before IS NULL)),
    CHECK ((operation = 'DELETE') = (after IS NULL))
);
CREATE INDEX history_row_idx ON history (table_name, row_key, id);
CREATE INDEX history_at_idx ON history (at);
CREATE INDEX history_actor_idx ON history (actor, id);

-- The head of the chain; its single row also serialises concurrent writers of the history.
CREATE TABLE history_chain (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_hash   bytea NOT NULL
);
INSERT INTO history_chain (last_hash) VALUES ('\x'::bytea);

-- The text that a history row's hash covers. Timestamps are rendered in UTC so the digest does
-- not depend on the session's TimeZone or DateStyle; jsonb text is canonical.
CREATE FUNCTION history_digest_input(h history) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT h.prev_hash || convert_to(concat_ws(E'\x1f',
        h.id::text,
        to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        h.txid::text, h.db_user, h.actor, h.table_name, h.row_key, h.operation,
        coalesce(h.before::text, ''), coalesce(h.after::text, '')), 'UTF8')
$$;

-- While a transaction writes history, the head it has reached lives in a transaction-local setting:
-- history_chain is locked and read once per transaction and written once, at commit. Updating that
-- one row for every history row would leave a dead version per row that each later read in the
-- same transaction steps over, making a bulk import quadratic. Savepoint rollbacks undo the setting
-- together with the rows.
CREATE FUNCTION history_seal() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    head text := current_setting('steward.history_head', true);
BEGIN
    IF coalesce(head, '') = '' THEN
        SELECT last_hash INTO NEW.prev_hash FROM history_chain WHERE singleton FOR UPDATE;
    ELSE
        NEW.prev_hash := decode(head, 'hex');
    END IF;
    NEW.hash := sha256(history_digest_input(NEW));
    PERFORM set_config('steward.history_head', encode(NEW.hash, 'hex'), true);
    RETURN NEW;
END
$$;
CREATE TRIGGER history_seal BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION history_seal();

-- Publishes the transaction's head at commit. It fires once per history row; only the first
-- firing finds history_chain behind and writes it.
CREATE FUNCTION history_publish_head() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    head bytea := decode(current_setting('steward.history_head'), 'hex');
BEGIN
    UPDATE history_chain SET last_hash = head WHERE singleton AND last_hash <> head;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER history_publish_head AFTER INSERT ON history
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION history_publish_head();

CREATE FUNCTION history_forbid_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the history is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history
    FOR EACH ROW EXECUTE FUNCTION history_forbid_change();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history
    FOR EACH STATEMENT EXECUTE FUNCTION history_forbid_change();
CREATE TRIGGER history_chain_no_truncate BEFORE TRUNCATE ON history_chain
    FOR EACH STATEMENT EXECUTE FUNCTION history_forbid_change();

-- Who made a change: the application sets steward.actor per connection; without it, the
-- PostgreSQL user stands in. db_user always records the authenticated PostgreSQL role.
CREATE FUNCTION steward_actor() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('steward.actor', true), ''), session_user::text)
$$;

-- Row trigger for every audited table. TG_ARGV[0] names the column that identifies the row.
CREATE FUNCTION history_capture() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
BEGIN
    IF TG_OP = 'UPDATE' AND old_row - 'version' - 'updated_at' = new_row - 'version' - 'updated_at' THEN
        RETURN NULL; -- nothing a person would call a change
    END IF;
    INSERT INTO history (actor, table_name, row_key, operation, before, after, prev_hash, hash)
    VALUES (steward_actor(), TG_TABLE_NAME, coalesce(new_row, old_row) ->> TG_ARGV[0], TG_OP,
            old_row, new_row, '\x', '\x');
    RETURN NULL;
END
$$;

-- Optimistic locking: every update of an editable row bumps its version; clients update with
-- "WHERE version = <the version they read>" and learn of a concurrent edit when no row matches.
CREATE FUNCTION bump_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- People -----------------------------------------------------------------------------------------

CREATE TABLE org_unit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    parent_id   bigint REFERENCES org_unit (id),
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX org_unit_name_key ON org_unit (lower(name));
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);

CREATE TABLE person (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        text NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'
                                      AND length(email) <= 254),
    name         text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    org_unit_id  bigint REFERENCES org_unit (id),
    title        text NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    external_id  text CHECK (btrim(external_id) <> '' AND length(external_id) <= 100),
    active       boolean NOT NULL DEFAULT true,
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX person_email_key ON person (lower(email));
CREATE UNIQUE INDEX person_external_id_key ON person (external_id);
CREATE INDEX person_org_unit_idx ON person (org_unit_id);
-- Keyset paging of the directory by name.
CREATE INDEX person_name_idx ON person (lower(name), id);

-- Role catalogue ---------------------------------------------------------------------------------

-- Where roles come from: the built-in catalogue or a plugin.
CREATE TABLE role_pack (
    key         text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    version     text NOT NULL,
    synced_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role (
    key         text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)?$'),
    pack        text NOT NULL REFERENCES role_pack (key),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    summary     text NOT NULL DEFAULT '',
    category    text NOT NULL CHECK (category IN ('engineering', 'data', 'research', 'operations',
                                                  'ethics-governance', 'management', 'advisory',
                                                  'domain')),
    industry    text CHECK (industry IN ('general', 'healthcare', 'finance', 'marketing',
                                         'public-sector', 'manufacturing', 'other')),
    position    integer NOT NULL DEFAULT 0,
    -- Set when the pack that declared the role no longer does: kept for history, not offered.
    retired_at  timestamptz,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX role_pack_idx ON role (pack);

CREATE TABLE responsibility (
    key         text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$'),
    role_key    text NOT NULL REFERENCES role (key),
    text        text NOT NULL CHECK (btrim(text) <> ''),
    stage       text NOT NULL CHECK (stage IN ('research', 'data', 'analysis', 'build', 'operate',
                                               'govern', 'align')),
    required    boolean NOT NULL DEFAULT false,
    position    integer NOT NULL DEFAULT 0,
    retired_at  timestamptz,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX responsibility_role_idx ON responsibility (role_key, position);
CREATE INDEX responsibility_required_idx ON responsibility (role_key) WHERE required AND retired_at IS NULL;

-- Projects ---------------------------------------------------------------------------------------

CREATE TABLE project (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key          text NOT NULL CHECK (key ~ '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$' AND length(key) <= 40),
    name         text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    description  text NOT NULL DEFAULT '',
    industry     text NOT NULL DEFAULT 'general'
                 CHECK (industry IN ('general', 'healthcare', 'finance', 'marketing',
                                     'public-sector', 'manufacturing', 'other')),
    risk_tier    text NOT NULL DEFAULT 'minimal'
                 CHECK (risk_tier IN ('minimal', 'limited', 'high', 'unacceptable')),
    stage        text NOT NULL DEFAULT 'concept'
                 CHECK (stage IN ('concept', 'development', 'validation', 'deployment',
                                  'operation', 'retirement')),
    status       text NOT NULL DEFAULT 'proposed'
                 CHECK (status IN ('proposed', 'active', 'on-hold', 'completed', 'cancelled')),
    ai_act_role  text NOT NULL DEFAULT 'deployer'
                 CHECK (ai_act_role IN ('provider', 'deployer', 'provider-and-deployer')),
    tags         text[] NOT NULL DEFAULT '{}'
                 CHECK (array_position(tags, NULL) IS NULL),
    owner_id     bigint REFERENCES person (id),
    start_date   date,
    end_date     date CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX project_key_key ON project (key);
CREATE INDEX project_owner_idx ON project (owner_id);
CREATE INDEX project_filter_idx ON project (industry, risk_tier, stage, status);
CREATE INDEX project_tags_idx ON project USING gin (tags);

-- Staffing ---------------------------------------------------------------------------------------

CREATE TABLE assignment (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id          bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    person_id           bigint NOT NULL REFERENCES person (id),
    role_key            text NOT NULL REFERENCES role (key),
    from_date           date NOT NULL,
    to_date             date CHECK (to_date IS NULL OR to_date >= from_date),
    allocation_percent  integer NOT NULL CHECK (allocation_percent BETWEEN 1 AND 100),
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    -- Holding the same role on the same project twice at once is a data-entry mistake.
    CONSTRAINT assignment_no_overlap EXCLUDE USING gist (
        project_id WITH =, person_id WITH =, role_key WITH =,
        daterange(from_date, to_date, '[]') WITH &&)
);
CREATE INDEX assignment_project_idx ON assignment (project_id, role_key);
CREATE INDEX assignment_person_idx ON assignment (person_id);
CREATE INDEX assignment_role_idx ON assignment (role_key);

CREATE TABLE raci_entry (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id          bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    responsibility_key  text NOT NULL REFERENCES responsibility (key),
    person_id           bigint NOT NULL REFERENCES person (id),
    kind                char(1) NOT NULL CHECK (kind IN ('R', 'A', 'C', 'I')),
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, responsibility_key, person_id, kind)
);
-- RACI shape the database can hold on its own: at most one Accountable per responsibility.
CREATE UNIQUE INDEX raci_one_accountable ON raci_entry (project_id, responsibility_key)
    WHERE kind = 'A';
CREATE INDEX raci_person_idx ON raci_entry (person_id);
CREATE INDEX raci_responsibility_idx ON raci_entry (responsibility_key);

-- Versioning and history on every editable table --------------------------------------------------

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('org_unit', 'id'), ('person', 'id'), ('role_pack', 'key'),
                                   ('role', 'key'), ('responsibility', 'key'),
                                   ('project', 'id'), ('assignment', 'id'),
                                   ('raci_entry', 'id')) AS v(name, key_column)
    LOOP
        IF t.name <> 'role_pack' THEN
            EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW '
                           'EXECUTE FUNCTION bump_version()', t.name || '_version', t.name);
        END IF;
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION history_capture(%L)', t.name || '_history', t.name,
                       t.key_column);
    END LOOP;
END
$$;
