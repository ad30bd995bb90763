-- Steward schema, part 15: what a security review of parts 8-14 found, probed with raw SQL as real
-- logins on a PostgreSQL 15 server.
--
--  1. Planning an audit whose checklist rules items out of scope (the EU AI Act for a deployer)
--     failed for every login but the owner: an out-of-scope item is inserted as not applicable,
--     and part 9 let new items start only unassessed. The database now works out applicability
--     itself, so a planner can neither leave an in-scope item out nor answer one in advance.
--  2. The history trigger trusted a transaction-local setting for the chain's head, which any
--     client may set: one set_config() broke `history verify` for good and skipped the chain's
--     lock. The head is now read from the history itself, under the lock, on every entry.
--  3. A login that had run SET ROLE to its group kept that group's rights after being disabled or
--     given another role, and disabling could not end its sessions. Both now end every session of
--     the login, or refuse with what the owner needs (pg_signal_backend); re-roling revokes every
--     other Steward group too, not only the recorded one.
--  4. History attribution could be forged: a manager could give themselves an administrator's
--     e-mail for one transaction, and a Steward login linked to nobody could still claim any
--     actor. The e-mail of a person with a login is now an administrator's to change, and only
--     the owner and superusers (the embedded database, migrations) name an actor.
--  5. A lead could move a finding into another audit; an assessor could record a result with no
--     assessor, and a lead could choose when an audit was closed or an auditor when evidence was
--     recorded. Each is now fixed by the database.
--  6. An administrator could add sections and items to a published checklist version. Sections and
--     items may now only join a version published in the same transaction.
--  7. A password that merely started with "SCRAM-SHA-256$" was accepted as a verifier.
--  8. The desktop application offered finding moves, results and sign-off per table, or by the
--     e-mail typed into its connection dialog; it now asks the database per finding and audit.

-- 1. Applicability, decided by the database ---------------------------------------------------------

-- Whether a checklist item applies to a project: its risk tier, its role under the AI Act (a
-- provider that also deploys carries both sets of obligations) and its industry. The same rule
-- as the planner's in core/src/audit/audit_planning.cpp, which also words the reason.
CREATE FUNCTION steward_item_applies(item bigint, project_id bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT (ci.risk_tiers = '{}' OR p.risk_tier = ANY (ci.risk_tiers))
       AND (ci.actors = '{}' OR p.ai_act_role = ANY (ci.actors)
            OR (p.ai_act_role = 'provider-and-deployer'
                AND ci.actors && ARRAY['provider', 'deployer']))
       AND (ci.industries = '{}' OR p.industry = ANY (ci.industries))
      FROM checklist_item ci, project p
     WHERE ci.id = item AND p.id = project_id
$$;

CREATE OR REPLACE FUNCTION audit_item_assessed_by_the_person() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
    lead bigint;
    a audit;
BEGIN
    IF steward_caller_unrestricted() THEN
        RETURN NEW;
    END IF;
    -- Planning creates items unanswered, or not applicable when the database agrees that the item
    -- does not apply to the project (the reason is the planner's wording of why).
    IF TG_OP = 'INSERT' THEN
        SELECT * INTO a FROM audit WHERE id = NEW.audit_id;
        IF NOT EXISTS (SELECT FROM checklist_item ci
                        WHERE ci.id = NEW.checklist_item_id
                          AND ci.version_id = a.checklist_version_id) THEN
            RAISE EXCEPTION 'audit %: the item is not part of the checklist version it was planned with', NEW.audit_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.assessed_by IS NOT NULL OR NEW.assessed_at IS NOT NULL OR NEW.note <> '' THEN
            RAISE EXCEPTION 'audit %: a new item starts unassessed', NEW.audit_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF steward_item_applies(NEW.checklist_item_id, a.project_id) THEN
            IF NEW.result <> 'not-assessed' OR NEW.not_applicable_reason <> '' THEN
                RAISE EXCEPTION 'audit %: a new item that applies to the project starts unassessed', NEW.audit_id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        ELSIF NEW.result <> 'not-applicable' OR btrim(NEW.not_applicable_reason) = '' THEN
            RAISE EXCEPTION 'audit %: a new item that does not apply to the project is planned as not applicable, with the reason', NEW.audit_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    -- An item stays in its audit: moving it would let a lead answer someone else's audit.
    IF NEW.audit_id <> OLD.audit_id OR NEW.checklist_item_id <> OLD.checklist_item_id THEN
        RAISE EXCEPTION 'audit %: an item cannot move to another audit or checklist item', OLD.audit_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (to_jsonb(NEW) - 'version' - 'updated_at') = (to_jsonb(OLD) - 'version' - 'updated_at') THEN
        RETURN NEW;
    END IF;
    me := steward_person_of_login_or_refuse(format('assess the items of audit %s', OLD.audit_id));
    SELECT a2.lead_id INTO lead FROM audit a2 WHERE a2.id = OLD.audit_id;
    IF NEW.respondent_id IS DISTINCT FROM OLD.respondent_id
       AND me <> lead AND NOT steward_is_admin() THEN
        RAISE EXCEPTION 'audit %: only its lead or an administrator may reassign an item', OLD.audit_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF me <> lead AND me IS DISTINCT FROM OLD.respondent_id AND NOT steward_is_admin() THEN
        RAISE EXCEPTION 'audit %: only its lead, the item''s respondent or an administrator may assess this item', OLD.audit_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Whoever changes the answer is its assessor, whatever the client sends; an answer taken back
    -- has none.
    IF NEW.result IS DISTINCT FROM OLD.result OR NEW.note IS DISTINCT FROM OLD.note
       OR NEW.not_applicable_reason IS DISTINCT FROM OLD.not_applicable_reason
       OR NEW.assessed_by IS DISTINCT FROM OLD.assessed_by
       OR NEW.assessed_at IS DISTINCT FROM OLD.assessed_at THEN
        IF NEW.result = 'not-assessed' THEN
            NEW.assessed_by := NULL;
            NEW.assessed_at := NULL;
        ELSE
            NEW.assessed_by := me;
            NEW.assessed_at := now();
        END IF;
    END IF;
    RETURN NEW;
END
$$;

-- 2. The history's head, from the history itself --------------------------------------------------

-- The transaction's entries follow its newest one once it has sealed one (its ids are drawn
-- under the chain's lock, held to commit, so every entry newer than the published head is its
-- own); its first entry follows the head published at the last commit, so entries deleted from
-- the tail still show as missing. Locking a row this transaction has locked already returns at
-- once. The lookup must stay an index probe whatever the planner believes of the table's size:
-- planned as a scan of a table thought tiny, it made an import of 50,000 people quadratic (minutes
-- instead of seconds), hence no sequential or bitmap scans in these two functions.
CREATE OR REPLACE FUNCTION history_seal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET enable_seqscan = off SET enable_bitmapscan = off AS $$
DECLARE
    chain_id bigint;
    chain_hash bytea;
    top_hash bytea;
BEGIN
    SELECT last_id, last_hash INTO chain_id, chain_hash FROM history_chain WHERE singleton
       FOR UPDATE;
    SELECT h.hash INTO top_hash FROM history h WHERE h.id > coalesce(chain_id, 0)
     ORDER BY h.id DESC LIMIT 1;
    NEW.prev_hash := coalesce(top_hash, chain_hash);
    NEW.id := nextval('history_id_seq');
    NEW.hash := sha256(history_digest_input(NEW));
    RETURN NEW;
END
$$;

-- Publishes the transaction's newest entry as the head at commit (the first firing does it).
CREATE OR REPLACE FUNCTION history_publish_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET enable_seqscan = off SET enable_bitmapscan = off AS $$
DECLARE
    chain_id bigint;
    top_id bigint;
    top_hash bytea;
BEGIN
    SELECT last_id INTO chain_id FROM history_chain WHERE singleton;
    SELECT h.id, h.hash INTO top_id, top_hash FROM history h WHERE h.id > coalesce(chain_id, 0)
     ORDER BY h.id DESC LIMIT 1;
    IF top_id IS NOT NULL THEN
        UPDATE history_chain SET last_hash = top_hash, last_id = top_id WHERE singleton;
    END IF;
    RETURN NULL;
END
$$;

-- 3. Disabled and re-roled logins lose their sessions ------------------------------------------------

-- Ends every session of a login but the caller's own. PostgreSQL lets the owner signal them only
-- as a member of pg_signal_backend; without it the change is refused rather than left to a
-- session that may still act with its old group's rights (SET ROLE keeps them).
-- It waits for each session to end (up to 5 s), so that none takes another step once it returns.
CREATE FUNCTION steward_end_sessions_of(target text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    lingering integer;
BEGIN
    SELECT count(*) FILTER (WHERE NOT pg_terminate_backend(a.pid, 5000)) INTO lingering
      FROM pg_stat_activity a WHERE a.usename = target AND a.pid <> pg_backend_pid();
    IF lingering > 0 THEN
        RAISE EXCEPTION 'the login % has % session(s) that did not end within 5 seconds, so nothing was changed; try again',
            target, lingering USING ERRCODE = 'lock_not_available';
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'the login % has open sessions, and the schema''s owner may not end them, so nothing was changed; on the server, run GRANT pg_signal_backend TO %',
        target, current_user USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Every Steward group but `keep` is revoked: a group granted by hand must not outlive a re-role.
CREATE FUNCTION steward_revoke_groups(target text, keep text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    g text;
BEGIN
    FOREACH g IN ARRAY ARRAY['steward_viewer', 'steward_auditor', 'steward_manager', 'steward_admin']
    LOOP
        -- Held directly: the groups hold each other, and REVOKE takes away only a direct grant.
        IF g IS DISTINCT FROM keep
           AND EXISTS (SELECT FROM pg_auth_members m
                        WHERE m.member = to_regrole(target) AND m.roleid = to_regrole(g)) THEN
            EXECUTE format('REVOKE %I FROM %I', g, target);
        END IF;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION steward_user_set_access(target text, access text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
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
    PERFORM steward_revoke_groups(target, 'steward_' || access);
    EXECUTE format('GRANT %I TO %I', 'steward_' || access, target);
    -- A session keeps a group it switched to with SET ROLE: it starts again with the new one.
    IF access <> previous THEN
        PERFORM steward_end_sessions_of(target);
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION steward_user_disable(target text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    PERFORM steward_require_admin('disable users');
    UPDATE steward_user SET disabled_at = now() WHERE login = target AND disabled_at IS NULL;
    IF NOT FOUND AND NOT EXISTS (SELECT FROM steward_user WHERE login = target) THEN
        RAISE EXCEPTION 'no Steward user has the login %', target USING ERRCODE = 'no_data_found';
    END IF;
    -- The role stays (the history names it); it can no longer log in, holds no Steward rights,
    -- and its open sessions end.
    EXECUTE format('ALTER ROLE %I NOLOGIN', target);
    PERFORM steward_revoke_groups(target, NULL);
    PERFORM steward_end_sessions_of(target);
END
$$;

REVOKE EXECUTE ON FUNCTION steward_end_sessions_of(text), steward_revoke_groups(text, text)
    FROM PUBLIC;

-- The owner signals sessions as a member of pg_signal_backend. A superuser needs no grant; an owner
-- with CREATEROLE may grant it to itself; otherwise the server's superuser does (README).
DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       AND NOT pg_has_role(current_user, 'pg_signal_backend', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT pg_signal_backend TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'the owner % is not a member of pg_signal_backend, so disabling a connected user will be refused until the server''s superuser runs GRANT pg_signal_backend TO %',
                current_user, current_user;
        END;
    END IF;
END
$$;

-- 4. Attribution that cannot be forged -------------------------------------------------------------

-- A linked login is its person; the owner and superusers (the embedded database, migrations, a
-- tool of the owner's) may name an actor; every other login is itself. It runs for every history
-- row: the catalogue lookups are by name, only for logins nobody linked.
CREATE OR REPLACE FUNCTION steward_actor() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    linked bigint;
    email text;
    unrestricted boolean;
BEGIN
    -- A disabled login still connected is still its person, never what its client claims.
    SELECT u.person_id INTO linked FROM steward_user u WHERE u.login = session_user;
    IF linked IS NOT NULL THEN
        SELECT p.email INTO email FROM person p WHERE p.id = linked;
        RETURN email;
    END IF;
    SELECT r.rolsuper OR r.oid = (SELECT c.relowner FROM pg_catalog.pg_class c
                                   WHERE c.oid = 'history'::regclass)
      INTO unrestricted FROM pg_catalog.pg_roles r WHERE r.rolname = session_user;
    IF unrestricted THEN
        RETURN coalesce(nullif(current_setting('steward.actor', true), ''), session_user::text);
    END IF;
    RETURN session_user::text;
END
$$;

-- The e-mail of a person who has a login names them in the history: only an administrator changes it.
CREATE FUNCTION person_email_of_a_login() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF lower(NEW.email) IS DISTINCT FROM lower(OLD.email)
       AND NOT steward_caller_unrestricted() AND NOT steward_is_admin()
       AND EXISTS (SELECT FROM steward_user u WHERE u.person_id = OLD.id) THEN
        RAISE EXCEPTION 'person %: only an administrator may change the e-mail address of a person who has a login', OLD.email
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER person_email_of_a_login BEFORE UPDATE OF email ON person
    FOR EACH ROW EXECUTE FUNCTION person_email_of_a_login();

-- 5. Findings stay where they were raised; dates come from the server -------------------------------

CREATE OR REPLACE FUNCTION audit_finding_moved_by_the_person() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
BEGIN
    IF steward_caller_unrestricted() THEN
        RETURN NEW;
    END IF;
    IF NEW.audit_id <> OLD.audit_id OR NEW.audit_item_id <> OLD.audit_item_id THEN
        RAISE EXCEPTION 'finding %: a finding cannot move to another audit or item', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    me := steward_person_of_login_or_refuse('move findings on');
    IF NOT steward_is_admin()
       AND NOT EXISTS (SELECT FROM audit a WHERE a.id = OLD.audit_id AND a.lead_id = me) THEN
        IF me <> OLD.owner_id THEN
            RAISE EXCEPTION 'finding %: only its owner, the audit''s lead or an administrator may change it', OLD.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- The owner moves their finding on; what it says, how severe it is, when it is due and
        -- whose it is stay the lead's. Accepting the risk of one's own finding is not moving it on.
        IF (to_jsonb(NEW) - 'status' - 'risk_acceptance_justification' - 'risk_accepted_by'
                          - 'version' - 'updated_at')
               <> (to_jsonb(OLD) - 'status' - 'risk_acceptance_justification' - 'risk_accepted_by'
                                 - 'version' - 'updated_at')
           OR NEW.status = 'risk-accepted' THEN
            RAISE EXCEPTION 'finding %: its owner may move it on (in progress, resolved) but not change or risk-accept it', OLD.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF NEW.risk_accepted_by IS NOT NULL THEN
        NEW.risk_accepted_by := me;
    END IF;
    RETURN NEW;
END
$$;

-- When an audit closes and when evidence is recorded are the server's clock, for logins.
CREATE FUNCTION audit_closed_now() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT steward_caller_unrestricted() AND NEW.status = 'closed' AND OLD.status <> 'closed' THEN
        NEW.closed_at := now();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_closed_now BEFORE UPDATE OF status ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_closed_now();

CREATE FUNCTION evidence_recorded_now() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT steward_caller_unrestricted() THEN
        NEW.recorded_at := now();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER evidence_recorded_now BEFORE INSERT ON evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_recorded_now();

-- 6. A published version's content is complete when its transaction ends ---------------------------

ALTER TABLE checklist_version ADD COLUMN published_in xid8;
COMMENT ON COLUMN checklist_version.published_in IS
    'The transaction that published the version; only it may add sections and items.';

CREATE FUNCTION checklist_version_published_in() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.published_in := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER checklist_version_published_in BEFORE INSERT ON checklist_version
    FOR EACH ROW EXECUTE FUNCTION checklist_version_published_in();

CREATE FUNCTION checklist_content_joins_its_publication() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM checklist_version v
                    WHERE v.id = NEW.version_id AND v.published_in = pg_current_xact_id()) THEN
        RAISE EXCEPTION 'a published checklist version cannot be changed: its % are added only while it is published', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER checklist_section_with_its_version BEFORE INSERT ON checklist_section
    FOR EACH ROW EXECUTE FUNCTION checklist_content_joins_its_publication();
CREATE TRIGGER checklist_item_with_its_version BEFORE INSERT ON checklist_item
    FOR EACH ROW EXECUTE FUNCTION checklist_content_joins_its_publication();

-- 7. A SCRAM verifier, exactly --------------------------------------------------------------------

CREATE OR REPLACE FUNCTION steward_user_add(login text, person_email text, access text, verifier text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
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
        -- SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>, as libpq makes it: anything
        -- else would be stored as a password in clear.
        IF verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}$' THEN
            RAISE EXCEPTION 'the password must arrive as a SCRAM-SHA-256 verifier, never in clear'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS '
                       'PASSWORD %L', login, verifier);
    END IF;
    EXECUTE format('GRANT %I TO %I', 'steward_' || access, login);
END
$$;

-- 8. What a client may offer, row by row -------------------------------------------------------------
-- The desktop application offers only what the server would accept for the selected audit and
-- finding (steward_may_answer_item() of part 11 serves the items).

-- Moving a finding on: its owner (not to accept its risk), the audit's lead or an administrator.
CREATE FUNCTION steward_may_move_finding(finding bigint, accept_risk boolean) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT steward_is_admin() OR steward_caller_unrestricted()
        OR EXISTS (SELECT FROM audit_finding f JOIN audit a ON a.id = f.audit_id
                    WHERE f.id = finding
                      AND (a.lead_id = steward_current_person()
                           OR (NOT accept_risk AND f.owner_id = steward_current_person())))
$$;

-- The lead's steps (reassigning items, review, close): the lead or an administrator.
CREATE FUNCTION steward_leads_audit(audit_id bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT steward_is_admin() OR steward_caller_unrestricted()
        OR EXISTS (SELECT FROM audit a
                    WHERE a.id = steward_leads_audit.audit_id
                      AND a.lead_id = steward_current_person())
$$;

-- Every function resolves names in the schema first (part 10); the replaced ones lost their pin.
DO $$
DECLARE
    f regprocedure;
    path text := format('%I, pg_catalog, pg_temp', current_schema());
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure FROM pg_proc p
         WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind = 'f'
           AND p.proname NOT IN ('steward_actor', 'history_digest_input')
           AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %s', f, path);
    END LOOP;
END
$$;
