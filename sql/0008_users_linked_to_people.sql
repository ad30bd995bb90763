-- Steward schema, part 8: logins linked to people.
--
-- On a shared server each person logs in as their own PostgreSQL role. steward_user links that
-- login to the person it belongs to and records which of the four group roles it holds. The link
-- is what the history records as the author of a change: a linked login's client can no longer
-- claim to be someone else with --actor (that stays a convenience of the embedded, single-user
-- database and of logins nobody has linked yet).
--
-- Logins are created, re-roled and disabled only through the functions below, which run with the
-- rights of the schema's owner (who needs CREATEROLE on a shared server) and check that the caller
-- is a Steward administrator. Passwords never reach the server in clear: the client sends a
-- SCRAM-SHA-256 verifier (libpq's PQencryptPasswordConn), or none at all for logins that
-- authenticate otherwise (certificates, peer, Kerberos).

CREATE TABLE steward_user (
    login       text PRIMARY KEY CHECK (login ~ '^[a-z_][a-z0-9_.-]*$' AND length(login) <= 63),
    person_id   bigint NOT NULL UNIQUE REFERENCES person (id),
    access      text NOT NULL CHECK (access IN ('viewer', 'auditor', 'manager', 'admin')),
    disabled_at timestamptz,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER steward_user_version BEFORE UPDATE ON steward_user
    FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER steward_user_history AFTER INSERT OR UPDATE OR DELETE ON steward_user
    FOR EACH ROW EXECUTE FUNCTION history_capture('login');
REVOKE ALL ON steward_user FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_viewer') THEN
        GRANT SELECT ON steward_user TO steward_viewer;
    END IF;
END
$$;

-- The person the connected login belongs to; NULL for a login nobody has linked (the embedded
-- database's own user, a service). session_user, not current_user: it is asked from inside the
-- history trigger, which runs as its owner, and SET ROLE must not change who a person is.
CREATE FUNCTION steward_current_person() RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT person_id FROM steward_user WHERE login = session_user AND disabled_at IS NULL
$$;

-- Who made a change: a linked login is the person it belongs to, whatever the client claims;
-- otherwise the client's steward.actor, else the login itself. It runs for every history row
-- (from the history trigger, with its owner's rights), so it must stay cheap while an import adds
-- a hundred thousand people. PL/pgSQL keeps its two lookups planned for the session (an SQL
-- function with sub-selects is planned anew on every call, which doubled the time of such an
-- import), and the person table is read only for a linked login, by primary key.
CREATE OR REPLACE FUNCTION steward_actor() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    linked bigint;
    email text;
BEGIN
    -- A disabled login still connected is still its person, never what its client claims.
    SELECT u.person_id INTO linked FROM steward_user u WHERE u.login = session_user;
    IF linked IS NOT NULL THEN
        SELECT p.email INTO email FROM person p WHERE p.id = linked;
    END IF;
    RETURN coalesce(email, nullif(current_setting('steward.actor', true), ''), session_user::text);
END
$$;

-- Whether the connected login may manage users: an explicit member of steward_admin (or a
-- superuser, the embedded database's own user). Asked inside the SECURITY DEFINER functions
-- below, hence session_user: current_user is the functions' owner there.
CREATE FUNCTION steward_caller_is_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, 'steward_admin', 'MEMBER')
$$;

CREATE FUNCTION steward_require_admin(what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT steward_caller_is_admin() THEN
        RAISE EXCEPTION 'only a Steward administrator may %', what
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- The person a new login belongs to, by e-mail, and the group role it asks for: refused by name.
CREATE FUNCTION steward_user_person(person_email text) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    found bigint;
BEGIN
    SELECT id INTO found FROM person WHERE lower(email) = lower(person_email);
    IF found IS NULL THEN
        RAISE EXCEPTION 'no person has the e-mail address %', person_email
            USING ERRCODE = 'no_data_found';
    END IF;
    RETURN found;
END
$$;

CREATE FUNCTION steward_check_access(access text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF access NOT IN ('viewer', 'auditor', 'manager', 'admin') THEN
        RAISE EXCEPTION 'role: ''%'' is not one of viewer, auditor, manager, admin', access
            USING ERRCODE = 'check_violation';
    END IF;
END
$$;

CREATE FUNCTION steward_user_add(login text, person_email text, access text, verifier text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    person bigint;
BEGIN
    PERFORM steward_require_admin('add users');
    person := steward_user_person(person_email);
    PERFORM steward_check_access(access);
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'the PostgreSQL role % already exists; choose another --login', login
            USING ERRCODE = 'duplicate_object';
    END IF;
    INSERT INTO steward_user (login, person_id, access) VALUES (login, person, access);
    IF verifier IS NULL THEN
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS',
                       login);
    ELSE
        IF verifier !~ '^SCRAM-SHA-256\$' THEN
            RAISE EXCEPTION 'the password must arrive as a SCRAM-SHA-256 verifier, never in clear'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS '
                       'PASSWORD %L', login, verifier);
    END IF;
    EXECUTE format('GRANT %I TO %I', 'steward_' || access, login);
END
$$;

-- Links a login that already exists (made by hand before Steward managed logins) to a person and
-- gives it the group role of `access`. Roles that could do more than a Steward login must not be
-- made into one: superusers, CREATEROLE, CREATEDB, BYPASSRLS, replication and group roles.
CREATE FUNCTION steward_user_link(login text, person_email text, access text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    person bigint;
    r pg_roles;
    g text;
BEGIN
    PERFORM steward_require_admin('link users');
    person := steward_user_person(person_email);
    PERFORM steward_check_access(access);
    SELECT * INTO r FROM pg_roles WHERE rolname = login;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no PostgreSQL login is called %', login USING ERRCODE = 'no_data_found';
    END IF;
    -- Nor a role that holds other roles' rights besides a Steward group (through membership,
    -- direct or not: a REVOKE could not take those away), or whose rights others hold.
    IF NOT r.rolcanlogin OR r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolbypassrls
       OR r.rolreplication
       OR EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                  WHERE m.member = r.oid
                    AND g.rolname NOT IN ('steward_viewer', 'steward_auditor', 'steward_manager',
                                          'steward_admin'))
       OR EXISTS (SELECT FROM pg_auth_members m WHERE m.roleid = r.oid) THEN
        RAISE EXCEPTION 'the PostgreSQL role % is not a plain login (it is a group, or may do more than a Steward user)', login
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO steward_user (login, person_id, access) VALUES (login, person, access);
    FOREACH g IN ARRAY ARRAY['steward_viewer', 'steward_auditor', 'steward_manager', 'steward_admin']
    LOOP
        IF pg_has_role(login, g, 'MEMBER') AND g <> 'steward_' || access THEN
            EXECUTE format('REVOKE %I FROM %I', g, login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', 'steward_' || access, login);
END
$$;

CREATE FUNCTION steward_user_set_access(target text, access text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    previous text;
BEGIN
    PERFORM steward_require_admin('change a user''s role');
    PERFORM steward_check_access(access);
    SELECT u.access INTO previous FROM steward_user u WHERE u.login = target FOR UPDATE;
    IF previous IS NULL THEN
        RAISE EXCEPTION 'no Steward user has the login %', target USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE steward_user SET access = steward_user_set_access.access WHERE login = target;
    EXECUTE format('REVOKE %I FROM %I', 'steward_' || previous, target);
    EXECUTE format('GRANT %I TO %I', 'steward_' || access, target);
END
$$;

CREATE FUNCTION steward_user_disable(target text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM steward_require_admin('disable users');
    UPDATE steward_user SET disabled_at = now() WHERE login = target AND disabled_at IS NULL;
    IF NOT FOUND AND NOT EXISTS (SELECT FROM steward_user WHERE login = target) THEN
        RAISE EXCEPTION 'no Steward user has the login %', target USING ERRCODE = 'no_data_found';
    END IF;
    -- The role stays (the history names it); it can no longer log in, holds no Steward rights,
    -- and its open sessions end.
    EXECUTE format('ALTER ROLE %I NOLOGIN', target);
    EXECUTE format('REVOKE %I FROM %I', 'steward_' || (SELECT u.access FROM steward_user u WHERE u.login = target), target);
    BEGIN
        PERFORM pg_terminate_backend(a.pid) FROM pg_stat_activity a
          WHERE a.usename = target AND a.pid <> pg_backend_pid();
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'the open sessions of % were left to end by themselves: %', target, SQLERRM;
    END;
END
$$;

REVOKE EXECUTE ON FUNCTION steward_user_add(text, text, text, text),
    steward_user_link(text, text, text), steward_user_set_access(text, text),
    steward_user_disable(text) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_admin') THEN
        GRANT EXECUTE ON FUNCTION steward_user_add(text, text, text, text),
            steward_user_link(text, text, text), steward_user_set_access(text, text),
            steward_user_disable(text) TO steward_admin;
    END IF;
END
$$;
