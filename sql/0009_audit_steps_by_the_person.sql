-- Steward schema, part 9: the audit steps only the client used to check, enforced for logins.
--
-- Probed with raw SQL on a shared server, an auditor who does not lead an audit could move it to
-- review, close it naming anyone as the signer, and set results on every item of someone else's
-- audit naming anyone as the assessor: those rules lived in the client. For a login that is a
-- person (linked with `steward user add`, part 8) the database now decides:
--   - only the audit's lead or an administrator moves it to review or closes it, and the signer is
--     the person of the login, whatever the client sends;
--   - only the lead, the item's respondent or an administrator records a result, and the assessor
--     is the person of the login.
-- A Steward login that is linked to nobody cannot take these steps (it is nobody). The database's
-- owner and superusers (the embedded, single-user database; migrations) are not restricted; the
-- client still checks their steps against --actor.

-- Whether the connected login is the database's owner or a superuser.
CREATE FUNCTION steward_caller_unrestricted() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT r.rolsuper OR r.oid = (SELECT relowner FROM pg_class
                                                  WHERE oid = 'audit'::regclass)
                     FROM pg_roles r WHERE r.rolname = session_user), false)
$$;

-- The person of the connected login, or an error saying the login is nobody and who can fix it.
CREATE FUNCTION steward_person_of_login_or_refuse(what text) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    me bigint := steward_current_person();
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'the login % is linked to no person, so it cannot %; an administrator links it with steward user add',
            session_user, what USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN me;
END
$$;

CREATE FUNCTION audit_steps_by_the_person() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
BEGIN
    IF steward_caller_unrestricted() THEN
        RETURN NEW;
    END IF;
    -- The lead is who the rules below ask about: only an administrator names another one.
    IF NEW.lead_id IS DISTINCT FROM OLD.lead_id AND NOT steward_is_admin() THEN
        RAISE EXCEPTION 'audit %: only an administrator may change its lead', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Starting the work (planned -> in progress) comes with the first result; every other step,
    -- and any other change of the audit, is the lead's or an administrator's.
    IF (to_jsonb(NEW) - 'status' - 'version' - 'updated_at')
           = (to_jsonb(OLD) - 'status' - 'version' - 'updated_at')
       AND (NEW.status = OLD.status OR (OLD.status = 'planned' AND NEW.status = 'in-progress')) THEN
        RETURN NEW;
    END IF;
    me := steward_person_of_login_or_refuse(format('change audit %s', OLD.id));
    IF me <> OLD.lead_id AND NOT steward_is_admin() THEN
        RAISE EXCEPTION 'audit %: only its lead or an administrator may move it to % or change it', OLD.id, NEW.status
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.status = 'closed' THEN
        NEW.signed_off_by := me;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_steps_by_the_person BEFORE UPDATE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_steps_by_the_person();

CREATE FUNCTION audit_item_assessed_by_the_person() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
    lead bigint;
BEGIN
    IF steward_caller_unrestricted() THEN
        RETURN NEW;
    END IF;
    -- Planning (a manager's insert) creates items unanswered.
    IF TG_OP = 'INSERT' THEN
        IF NEW.result <> 'not-assessed' OR NEW.assessed_by IS NOT NULL OR NEW.assessed_at IS NOT NULL
           OR NEW.note <> '' OR NEW.not_applicable_reason <> '' THEN
            RAISE EXCEPTION 'audit %: a new item starts unassessed', NEW.audit_id
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
    SELECT a.lead_id INTO lead FROM audit a WHERE a.id = OLD.audit_id;
    IF NEW.respondent_id IS DISTINCT FROM OLD.respondent_id
       AND me <> lead AND NOT steward_is_admin() THEN
        RAISE EXCEPTION 'audit %: only its lead or an administrator may reassign an item', OLD.audit_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF me <> lead AND me IS DISTINCT FROM OLD.respondent_id AND NOT steward_is_admin() THEN
        RAISE EXCEPTION 'audit %: only its lead, the item''s respondent or an administrator may assess this item', OLD.audit_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.assessed_by IS NOT NULL THEN
        NEW.assessed_by := me;
        NEW.assessed_at := now();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_item_assessed_by_the_person BEFORE INSERT OR UPDATE ON audit_item
    FOR EACH ROW EXECUTE FUNCTION audit_item_assessed_by_the_person();

-- Evidence and findings: linked and raised only by the audit's lead, the item's respondent or an
-- administrator; evidence is recorded by, and a risk accepted by, the login's person. A finding
-- moves on by the lead, its owner or an administrator.
CREATE FUNCTION steward_may_answer(item bigint, me bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT steward_is_admin()
        OR EXISTS (SELECT FROM audit_item i JOIN audit a ON a.id = i.audit_id
                   WHERE i.id = item AND (a.lead_id = me OR i.respondent_id = me))
$$;

CREATE FUNCTION evidence_recorded_by_the_person() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT steward_caller_unrestricted() THEN
        NEW.recorded_by := steward_person_of_login_or_refuse('record evidence');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER evidence_recorded_by_the_person BEFORE INSERT ON evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_recorded_by_the_person();

CREATE FUNCTION audit_item_answered_by_the_person() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
BEGIN
    IF steward_caller_unrestricted() THEN
        RETURN NEW;
    END IF;
    me := steward_person_of_login_or_refuse(
        CASE TG_TABLE_NAME WHEN 'audit_finding' THEN 'raise findings' ELSE 'link evidence' END);
    IF NOT steward_may_answer(NEW.audit_item_id, me) THEN
        RAISE EXCEPTION 'only the audit''s lead, the item''s respondent or an administrator may % on this item',
            CASE TG_TABLE_NAME WHEN 'audit_finding' THEN 'raise findings' ELSE 'link evidence' END
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_item_evidence_by_the_person BEFORE INSERT ON audit_item_evidence
    FOR EACH ROW EXECUTE FUNCTION audit_item_answered_by_the_person();
CREATE TRIGGER audit_finding_raised_by_the_person BEFORE INSERT ON audit_finding
    FOR EACH ROW EXECUTE FUNCTION audit_item_answered_by_the_person();

CREATE FUNCTION audit_finding_moved_by_the_person() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
BEGIN
    IF steward_caller_unrestricted() THEN
        RETURN NEW;
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
CREATE TRIGGER audit_finding_moved_by_the_person BEFORE UPDATE ON audit_finding
    FOR EACH ROW EXECUTE FUNCTION audit_finding_moved_by_the_person();
