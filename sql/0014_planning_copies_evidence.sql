-- Steward schema, part 14: a manager who plans an audit may carry the evidence of an earlier one
-- over (`audit create --copy-evidence-from`).
--
-- Linking evidence to an item is the lead's or the respondent's step (parts 9 and 11), which also
-- refused the links a manager's planning copies into the audit it is creating. While the audit
-- is still planned, whoever may plan it (a manager of its project) may link evidence too.
CREATE FUNCTION steward_may_plan_item(item bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT FROM audit_item i JOIN audit a ON a.id = i.audit_id
                    WHERE i.id = item AND a.status = 'planned'
                      AND steward_may_manage_project(a.project_id))
$$;

CREATE OR REPLACE FUNCTION audit_item_answered_by_the_person() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
BEGIN
    IF steward_caller_unrestricted() THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'audit_item_evidence' AND steward_may_plan_item(NEW.audit_item_id) THEN
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

ALTER POLICY audit_item_evidence_linked ON audit_item_evidence
    WITH CHECK (steward_may_answer_item(audit_item_id) OR steward_may_plan_item(audit_item_id));

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['steward_may_plan_item(bigint)', 'audit_item_answered_by_the_person()']
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_catalog, pg_temp', f,
                       current_schema());
    END LOOP;
END
$$;

-- Managers insert those links when they plan.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_manager') THEN
        GRANT INSERT ON audit_item_evidence TO steward_manager;
    END IF;
END
$$;
