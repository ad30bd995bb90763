-- Steward schema, part 18: whether people are fit for the roles they hold. A catalogue of
-- trainings and certifications (qualifications), each person's records of them, and what each
-- role, responsibility or project requires. The coverage rules UNQUALIFIED_HOLDER,
-- QUALIFICATION_EXPIRING and NO_HUMAN_OVERSIGHT read them (core/src/coverage/qualification_rules.cpp).
--
-- Who may change what, decided by PostgreSQL:
--   qualification               administrators (the catalogue, like roles); packs through the sync
--   qualification_record        managers, organisation-wide as people are; recorded_by is the
--                               person of the login, whatever the client sends
--   qualification_requirement   administrators for roles and responsibilities (the catalogue);
--                               whoever manages a project for that project's own requirements
-- Everybody reads all three. Every change goes into the hash-chained history.

CREATE TABLE qualification (
    key              text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)?$'
                                             AND length(key) <= 100),
    -- The pack that declares it (the built-in catalogue or a role-pack plugin); NULL for those an
    -- administrator added.
    pack             text REFERENCES role_pack (key),
    name             text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    provider         text NOT NULL DEFAULT '' CHECK (length(provider) <= 200),
    description      text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    -- How long a completion stays valid; NULL: it does not lapse.
    validity_months  integer CHECK (validity_months BETWEEN 1 AND 600),
    -- Set when its pack no longer declares it: kept for the records, not required any more.
    retired_at       timestamptz,
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- A person's completion of a qualification. Valid from completed_on up to, not including,
-- expires_on (NULL: for good). When no expiry is given it is derived from the qualification's
-- validity, so a record cannot outlive what the catalogue says a completion is worth by omission.
CREATE TABLE qualification_record (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id           bigint NOT NULL REFERENCES person (id),
    qualification_key   text NOT NULL REFERENCES qualification (key),
    completed_on        date NOT NULL,
    expires_on          date CHECK (expires_on > completed_on),
    -- Evidence, as for audit evidence: a URL, or a file named with its SHA-256 and size.
    evidence_kind       text CHECK (evidence_kind IN ('url', 'file')),
    evidence_location   text CHECK (btrim(evidence_location) <> '' AND length(evidence_location) <= 4000),
    evidence_sha256     text CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
    evidence_size_bytes bigint CHECK (evidence_size_bytes >= 0),
    -- The learning-management system's own id of the completion, when it came from an export.
    external_id         text CHECK (btrim(external_id) <> '' AND length(external_id) <= 100),
    note                text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    recorded_by         bigint REFERENCES person (id),
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((evidence_kind IS NULL) = (evidence_location IS NULL)),
    CHECK ((evidence_kind = 'file') = (evidence_sha256 IS NOT NULL)),
    CHECK ((evidence_kind = 'file') = (evidence_size_bytes IS NOT NULL)),
    CHECK (evidence_kind IS NOT NULL OR (evidence_sha256 IS NULL AND evidence_size_bytes IS NULL)),
    -- One completion per person, qualification and day: an import of the same export again
    -- updates instead of adding.
    UNIQUE (person_id, qualification_key, completed_on)
);
CREATE INDEX qualification_record_key_idx ON qualification_record (qualification_key, person_id);

-- What holding a role requires (role_key: of everyone holding it or Responsible or Accountable for
-- one of its responsibilities), being Responsible or Accountable for one responsibility
-- (responsibility_key), holding a role on one project (project_id, and role_key for one role only),
-- or holding any role anywhere (none of the three: the AI literacy every person dealing with AI
-- systems needs, EU AI Act Art. 4).
CREATE TABLE qualification_requirement (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    qualification_key   text NOT NULL REFERENCES qualification (key),
    role_key            text REFERENCES role (key),
    responsibility_key  text REFERENCES responsibility (key),
    project_id          bigint REFERENCES project (id) ON DELETE CASCADE,
    -- The pack that declares it (synced with the pack); NULL for those added by people.
    pack                text REFERENCES role_pack (key),
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (responsibility_key IS NULL OR role_key IS NULL),
    CHECK (pack IS NULL OR project_id IS NULL)
);
CREATE UNIQUE INDEX qualification_requirement_once ON qualification_requirement
    (qualification_key, coalesce(role_key, ''), coalesce(responsibility_key, ''),
     coalesce(project_id, 0));
CREATE INDEX qualification_requirement_project_idx ON qualification_requirement (project_id)
    WHERE project_id IS NOT NULL;

-- Derived expiry ------------------------------------------------------------------------------------

CREATE FUNCTION qualification_record_expiry() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    months integer;
BEGIN
    IF NEW.expires_on IS NULL THEN
        SELECT validity_months INTO months FROM qualification WHERE key = NEW.qualification_key;
        IF months IS NOT NULL THEN
            NEW.expires_on := (NEW.completed_on + make_interval(months => months))::date;
        END IF;
    END IF;
    IF NOT steward_caller_unrestricted() THEN
        -- Who recorded it is the person of the login, as for evidence; on an update, the one
        -- who changed it.
        NEW.recorded_by := steward_person_of_login_or_refuse('record qualifications');
        NEW.recorded_at := now();
    ELSIF TG_OP = 'UPDATE' THEN
        NEW.recorded_at := now();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER qualification_record_expiry BEFORE INSERT OR UPDATE ON qualification_record
    FOR EACH ROW EXECUTE FUNCTION qualification_record_expiry();

-- Versions and history --------------------------------------------------------------------------

CREATE TRIGGER qualification_bump_version BEFORE UPDATE ON qualification
    FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER qualification_record_bump_version BEFORE UPDATE ON qualification_record
    FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER qualification_requirement_bump_version BEFORE UPDATE ON qualification_requirement
    FOR EACH ROW EXECUTE FUNCTION bump_version();

-- Statement triggers as for every audited table since part 16 (an import of 100k records writes
-- its history in one pass); an update of the text-keyed catalogue stays a row trigger.
CREATE TRIGGER qualification_history AFTER INSERT ON qualification
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION history_capture_statement('key');
CREATE TRIGGER qualification_history_delete AFTER DELETE ON qualification
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION history_capture_statement('key');
CREATE TRIGGER qualification_history_update AFTER UPDATE ON qualification
    FOR EACH ROW EXECUTE FUNCTION history_capture('key');
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['qualification_record', 'qualification_requirement']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION history_capture_statement(%L)',
                       t || '_history', t, 'id');
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION history_capture_statement(%L)',
                       t || '_history_delete', t, 'id');
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows '
                       'NEW TABLE AS new_rows FOR EACH STATEMENT '
                       'EXECUTE FUNCTION history_capture_statement(%L)',
                       t || '_history_update', t, 'id');
    END LOOP;
    EXECUTE format('ALTER FUNCTION qualification_record_expiry() SET search_path = %I, pg_catalog, pg_temp',
                   current_schema());
END
$$;

-- Row-level security: the catalogue's requirements are the administrators', a project's own are
-- its managers'. ------------------------------------------------------------------------------------

ALTER TABLE qualification_requirement ENABLE ROW LEVEL SECURITY;
CREATE POLICY qualification_requirement_readable ON qualification_requirement FOR SELECT USING (true);
CREATE POLICY qualification_requirement_added ON qualification_requirement FOR INSERT
    WITH CHECK (CASE WHEN project_id IS NULL THEN steward_is_admin() OR steward_caller_unrestricted()
                     ELSE steward_may_manage_project(project_id) END);
CREATE POLICY qualification_requirement_changed ON qualification_requirement FOR UPDATE
    USING (CASE WHEN project_id IS NULL THEN steward_is_admin() OR steward_caller_unrestricted()
                ELSE steward_may_manage_project(project_id) END)
    WITH CHECK (CASE WHEN project_id IS NULL THEN steward_is_admin() OR steward_caller_unrestricted()
                     ELSE steward_may_manage_project(project_id) END);
CREATE POLICY qualification_requirement_removed ON qualification_requirement FOR DELETE
    USING (CASE WHEN project_id IS NULL THEN steward_is_admin() OR steward_caller_unrestricted()
                ELSE steward_may_manage_project(project_id) END);

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_viewer') THEN
        GRANT SELECT ON qualification, qualification_record, qualification_requirement
            TO steward_viewer;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_manager') THEN
        GRANT INSERT, UPDATE, DELETE ON qualification_record, qualification_requirement
            TO steward_manager;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_admin') THEN
        GRANT INSERT, UPDATE, DELETE ON qualification, qualification_requirement TO steward_admin;
    END IF;
END
$$;
