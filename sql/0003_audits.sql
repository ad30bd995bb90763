-- Steward schema, part 3: audits. An audit applies one published checklist version to one project;
-- its items record results, respondents and evidence; findings track what has to be fixed.
--
-- Once an audit is closed it is a signed record: the triggers below refuse any change to the audit,
-- its item results, their evidence links and its findings, whoever connects and however. The one
-- exception is a finding's remediation status (status, risk acceptance): owners fix things after
-- the sign-off, and that progress must be recordable without reopening what the auditor signed.

-- Who may move any audit to review and close it, besides its lead. Roles are cluster-wide: create it
-- only when it is missing and the migrating user may; without it only superusers are admins.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_admin') THEN
        CREATE ROLE steward_admin NOLOGIN;
    END IF;
EXCEPTION WHEN insufficient_privilege OR duplicate_object OR unique_violation THEN
    RAISE NOTICE 'role steward_admin not created: %', SQLERRM;
END
$$;

-- True when the current database user may act as an audit admin.
CREATE FUNCTION steward_is_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    -- Explicit membership, directly or through other roles. Not superuser status: the embedded
    -- cluster connects as its superuser, and that must not make every --actor an admin.
    WITH RECURSIVE held(oid) AS (
        SELECT oid FROM pg_roles WHERE rolname = current_user
        UNION
        SELECT m.roleid FROM pg_auth_members m JOIN held h ON m.member = h.oid)
    SELECT EXISTS (SELECT FROM held h JOIN pg_roles r ON r.oid = h.oid WHERE r.rolname = 'steward_admin')
$$;

-- Audits -----------------------------------------------------------------------------------------

CREATE TABLE audit (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- No cascade: an audit is a record of its own and outlives nothing it refers to.
    project_id            bigint NOT NULL REFERENCES project (id),
    checklist_version_id  bigint NOT NULL REFERENCES checklist_version (id),
    lead_id               bigint NOT NULL REFERENCES person (id),
    status                text NOT NULL DEFAULT 'planned'
                          CHECK (status IN ('planned', 'in-progress', 'in-review', 'closed')),
    due_date              date NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    closed_at             timestamptz,
    signed_off_by         bigint REFERENCES person (id),
    sign_off_statement    text NOT NULL DEFAULT '',
    version               integer NOT NULL DEFAULT 1,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    -- A closed audit says who signed it off, when, and what they stated; an open one does not.
    CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    CHECK ((status = 'closed') = (signed_off_by IS NOT NULL)),
    CHECK ((status = 'closed') = (btrim(sign_off_statement) <> ''))
);
CREATE INDEX audit_project_idx ON audit (project_id, checklist_version_id);
CREATE INDEX audit_version_idx ON audit (checklist_version_id);
CREATE INDEX audit_lead_idx ON audit (lead_id);

CREATE TABLE audit_item (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id               bigint NOT NULL REFERENCES audit (id),
    checklist_item_id      bigint NOT NULL REFERENCES checklist_item (id),
    result                 text NOT NULL DEFAULT 'not-assessed'
                           CHECK (result IN ('not-assessed', 'satisfied', 'partially-satisfied',
                                             'not-satisfied', 'not-applicable')),
    -- Why applicability ruled the item out; empty when a person decided the result.
    not_applicable_reason  text NOT NULL DEFAULT '',
    note                   text NOT NULL DEFAULT '',
    respondent_id          bigint REFERENCES person (id),
    assessed_by            bigint REFERENCES person (id),
    assessed_at            timestamptz,
    version                integer NOT NULL DEFAULT 1,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (audit_id, checklist_item_id),
    UNIQUE (id, audit_id), -- for audit_finding's foreign key
    CHECK (not_applicable_reason = '' OR result = 'not-applicable'),
    CHECK ((assessed_at IS NULL) = (assessed_by IS NULL)),
    CHECK (result <> 'not-assessed' OR assessed_at IS NULL)
);
CREATE INDEX audit_item_respondent_idx ON audit_item (respondent_id);

-- Evidence is what was seen when it was attached: never edited, only linked to more items.
CREATE TABLE evidence (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('url', 'file')),
    location        text NOT NULL CHECK (btrim(location) <> '' AND length(location) <= 4000),
    sha256          text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes      bigint CHECK (size_bytes >= 0),
    effective_date  date NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    recorded_by     bigint REFERENCES person (id),
    description     text NOT NULL DEFAULT '',
    CHECK ((kind = 'file') = (sha256 IS NOT NULL)),
    CHECK ((kind = 'file') = (size_bytes IS NOT NULL))
);

CREATE TABLE audit_item_evidence (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_item_id  bigint NOT NULL REFERENCES audit_item (id),
    evidence_id    bigint NOT NULL REFERENCES evidence (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (audit_item_id, evidence_id)
);
CREATE INDEX audit_item_evidence_evidence_idx ON audit_item_evidence (evidence_id);

CREATE TABLE audit_finding (
    id                             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id                       bigint NOT NULL REFERENCES audit (id),
    audit_item_id                  bigint NOT NULL,
    severity                       text NOT NULL
                                   CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    description                    text NOT NULL CHECK (btrim(description) <> ''),
    remediation                    text NOT NULL CHECK (btrim(remediation) <> ''),
    owner_id                       bigint NOT NULL REFERENCES person (id),
    due_date                       date NOT NULL,
    status                         text NOT NULL DEFAULT 'open'
                                   CHECK (status IN ('open', 'in-progress', 'resolved',
                                                     'risk-accepted')),
    risk_acceptance_justification  text NOT NULL DEFAULT '',
    risk_accepted_by               bigint REFERENCES person (id),
    version                        integer NOT NULL DEFAULT 1,
    created_at                     timestamptz NOT NULL DEFAULT now(),
    updated_at                     timestamptz NOT NULL DEFAULT now(),
    -- A finding belongs to an item of its own audit.
    FOREIGN KEY (audit_item_id, audit_id) REFERENCES audit_item (id, audit_id),
    CHECK ((status = 'risk-accepted') = (risk_accepted_by IS NOT NULL)),
    CHECK (status <> 'risk-accepted' OR btrim(risk_acceptance_justification) <> '')
);
CREATE INDEX audit_finding_audit_idx ON audit_finding (audit_id);
CREATE INDEX audit_finding_due_idx ON audit_finding (due_date) WHERE status IN ('open', 'in-progress');
CREATE INDEX audit_finding_owner_idx ON audit_finding (owner_id);

-- Rules the database keeps on its own --------------------------------------------------------------

CREATE FUNCTION audit_refuse_closed(closed_audit bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit % is closed: its results can no longer be changed', closed_audit
        USING ERRCODE = 'check_violation';
END
$$;

-- The status of an audit, locked against a concurrent close for the rest of the transaction.
CREATE FUNCTION audit_status_locked(audit_id bigint) RETURNS text
LANGUAGE sql AS $$
    SELECT a.status FROM audit a WHERE a.id = audit_id FOR SHARE
$$;

CREATE FUNCTION audit_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'planned' THEN
            RAISE EXCEPTION 'a new audit starts as planned, not %', NEW.status
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.status = 'closed' THEN
        PERFORM audit_refuse_closed(OLD.id);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NEW.project_id <> OLD.project_id OR NEW.checklist_version_id <> OLD.checklist_version_id THEN
        RAISE EXCEPTION 'audit %: its project and checklist version are fixed when it is planned', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status <> OLD.status AND NOT (
            (OLD.status = 'planned' AND NEW.status = 'in-progress')
         OR (OLD.status = 'in-progress' AND NEW.status = 'in-review')
         OR (OLD.status = 'in-review' AND NEW.status IN ('in-progress', 'closed'))) THEN
        RAISE EXCEPTION 'audit %: cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status = 'closed' AND EXISTS (SELECT FROM audit_item
                                         WHERE audit_id = NEW.id AND result = 'not-assessed') THEN
        RAISE EXCEPTION 'audit %: every applicable item must be assessed before it is closed', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_guard BEFORE INSERT OR UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_guard();

CREATE FUNCTION audit_item_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    a bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.audit_id ELSE NEW.audit_id END;
BEGIN
    IF audit_status_locked(a) = 'closed'
       OR (TG_OP = 'UPDATE' AND OLD.audit_id <> NEW.audit_id
           AND audit_status_locked(OLD.audit_id) = 'closed') THEN
        PERFORM audit_refuse_closed(a);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF (TG_OP = 'INSERT' OR NEW.checklist_item_id <> OLD.checklist_item_id)
       AND NOT EXISTS (SELECT FROM checklist_item i JOIN audit au ON au.checklist_version_id = i.version_id
                       WHERE i.id = NEW.checklist_item_id AND au.id = NEW.audit_id) THEN
        RAISE EXCEPTION 'audit %: checklist item % is not in the audit''s checklist version',
            NEW.audit_id, NEW.checklist_item_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_item_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_item
    FOR EACH ROW EXECUTE FUNCTION audit_item_guard();

CREATE FUNCTION audit_item_evidence_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    item bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.audit_item_id ELSE NEW.audit_item_id END;
    a bigint := (SELECT audit_id FROM audit_item WHERE id = item);
BEGIN
    IF audit_status_locked(a) = 'closed'
       OR (TG_OP = 'UPDATE' AND audit_status_locked(
               (SELECT audit_id FROM audit_item WHERE id = OLD.audit_item_id)) = 'closed') THEN
        PERFORM audit_refuse_closed(a);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER audit_item_evidence_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_item_evidence
    FOR EACH ROW EXECUTE FUNCTION audit_item_evidence_guard();

CREATE FUNCTION evidence_forbid_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'evidence is recorded as it was when attached: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER evidence_immutable BEFORE UPDATE OR DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_forbid_change();

-- Findings: raised only on a partially or not satisfied item; status moves forward only
-- (open -> in-progress -> resolved, and open or in-progress -> risk-accepted), except that work can
-- stop (in-progress -> open). Of a closed audit only that status may still move.
CREATE FUNCTION audit_finding_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    a bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.audit_id ELSE NEW.audit_id END;
    closed boolean := audit_status_locked(a) = 'closed';
BEGIN
    IF TG_OP <> 'UPDATE' AND closed THEN
        PERFORM audit_refuse_closed(a);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND closed
       AND (to_jsonb(NEW) - 'status' - 'risk_acceptance_justification' - 'risk_accepted_by'
                          - 'version' - 'updated_at')
        <> (to_jsonb(OLD) - 'status' - 'risk_acceptance_justification' - 'risk_accepted_by'
                          - 'version' - 'updated_at') THEN
        RAISE EXCEPTION 'audit % is closed: of finding % only the remediation status can still change',
            a, OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' AND NOT EXISTS (SELECT FROM audit_item WHERE id = NEW.audit_item_id
                                        AND result IN ('partially-satisfied', 'not-satisfied')) THEN
        RAISE EXCEPTION 'a finding is raised only on a partially or not satisfied item'
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' AND NEW.status <> 'open' THEN
        RAISE EXCEPTION 'a new finding starts as open, not %', NEW.status USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status <> OLD.status AND NOT (
            (OLD.status = 'open' AND NEW.status IN ('in-progress', 'resolved', 'risk-accepted'))
         OR (OLD.status = 'in-progress' AND NEW.status IN ('open', 'resolved', 'risk-accepted'))) THEN
        RAISE EXCEPTION 'finding %: cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_finding_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_finding
    FOR EACH ROW EXECUTE FUNCTION audit_finding_guard();

-- Versioning and history --------------------------------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['audit', 'audit_item', 'audit_finding']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION bump_version()', t || '_version', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['audit', 'audit_item', 'evidence', 'audit_item_evidence', 'audit_finding']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION history_capture(%L)', t || '_history', t, 'id');
    END LOOP;
END
$$;
