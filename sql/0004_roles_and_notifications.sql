-- Steward schema, part 4: application roles and change notifications.
--
-- Who may do what is decided by PostgreSQL, not by the client: each Steward user logs in as a
-- PostgreSQL role that is a member of one of the group roles below, and the grants here are the
-- whole of what that role may change. The desktop application reads the same privileges
-- (has_table_privilege) to offer only what the server would accept.
--
--   steward_viewer   reads everything
--   steward_auditor  a viewer who also runs audits: results, evidence, findings
--   steward_manager  a viewer who also keeps people, projects and staffing, and plans audits
--   steward_admin    everything, including plugins and the role catalogue; reviews and closes any
--                    audit (created in part 3)
--
-- Roles are cluster-wide: each is created only when it is missing and the migrating user may
-- create roles. Without them the grants are skipped and only the database owner can write.

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['steward_viewer', 'steward_auditor', 'steward_manager', 'steward_admin']
    LOOP
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            END IF;
        EXCEPTION WHEN insufficient_privilege OR duplicate_object OR unique_violation THEN
            RAISE NOTICE 'role % not created: %', r, SQLERRM;
        END;
    END LOOP;
END
$$;

-- History is written by triggers on behalf of whoever changed a row. Writers get no privilege on
-- the history tables themselves: the trigger functions run as their owner, so nobody can insert a
-- history row of their own making, and search_path is pinned so that a caller cannot substitute
-- objects of the same name.
ALTER FUNCTION history_capture() SECURITY DEFINER SET search_path FROM CURRENT;
ALTER FUNCTION history_seal() SECURITY DEFINER SET search_path FROM CURRENT;
ALTER FUNCTION history_publish_head() SECURITY DEFINER SET search_path FROM CURRENT;
REVOKE ALL ON history, history_chain FROM PUBLIC;

DO $$
DECLARE
    grants text[][] := ARRAY[
        -- role, privileges, tables
        ['steward_viewer',  'SELECT', NULL],
        ['steward_manager', 'INSERT, UPDATE, DELETE',
            'org_unit, person, project, assignment, raci_entry'],
        ['steward_manager', 'INSERT', 'audit, audit_item'],
        ['steward_auditor', 'UPDATE', 'audit, audit_item'],
        ['steward_auditor', 'INSERT', 'evidence, audit_item_evidence'],
        ['steward_auditor', 'INSERT, UPDATE', 'audit_finding'],
        ['steward_admin',   'INSERT, UPDATE, DELETE',
            'role_pack, role, responsibility, plugin, checklist, checklist_version, '
            'checklist_section, checklist_item']];
    g text[];
BEGIN
    FOREACH g SLICE 1 IN ARRAY grants
    LOOP
        CONTINUE WHEN NOT EXISTS (SELECT FROM pg_roles WHERE rolname = g[1]);
        IF g[3] IS NULL THEN
            EXECUTE format('GRANT %s ON ALL TABLES IN SCHEMA %I TO %I', g[2], current_schema(), g[1]);
            -- History stays readable: it is what a viewer audits.
            EXECUTE format('GRANT SELECT ON history, history_chain TO %I', g[1]);
        ELSE
            EXECUTE format('GRANT %s ON %s TO %I', g[2], g[3], g[1]);
        END IF;
    END LOOP;
    -- Each stronger role holds the weaker ones' rights.
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_viewer') THEN
        FOREACH g SLICE 1 IN ARRAY ARRAY[['steward_viewer', 'steward_auditor'],
                                          ['steward_viewer', 'steward_manager'],
                                          ['steward_auditor', 'steward_admin'],
                                          ['steward_manager', 'steward_admin']]
        LOOP
            BEGIN
                EXECUTE format('GRANT %I TO %I', g[1], g[2]);
            EXCEPTION WHEN insufficient_privilege OR duplicate_object OR invalid_grant_operation THEN
                RAISE NOTICE 'role % not granted to %: %', g[1], g[2], SQLERRM;
            END;
        END LOOP;
    END IF;
END
$$;

-- Change notifications ---------------------------------------------------------------------------
-- Every change already passes through the history, so the history announces it: on channel
-- "steward_changes", with the changed table as payload. PostgreSQL delivers notifications at commit
-- and folds identical ones within a transaction, so a bulk import sends one per table touched.

CREATE FUNCTION history_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('steward_changes', NEW.table_name);
    RETURN NULL;
END
$$;
CREATE TRIGGER history_notify AFTER INSERT ON history
    FOR EACH ROW EXECUTE FUNCTION history_notify();
