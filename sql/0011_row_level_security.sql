-- Steward schema, part 11: permissions row by row, with PostgreSQL's row-level security.
--
-- The grants of part 4 say which tables a group may write; the policies below say which rows:
--   - a manager changes a project, its assignments, its RACI entries and plans its audits only
--     when they manage it: they own it, or hold the AI project manager role on it today. People and
--     org units stay organisation-wide. A project a linked manager creates is theirs.
--   - an auditor writes results, evidence links and findings only in audits they lead or on items
--     whose respondent they are (the triggers of part 9 say so by name before the policy refuses);
--     a finding's owner, manager or auditor, may move it on.
--   - everybody with a Steward group reads every row.
-- Administrators (members of steward_admin) pass every policy. The schema's owner and superusers
-- are exempt from row-level security altogether (PostgreSQL's rule, no FORCE here): they are the
-- embedded single-user database and the migrations, never a team member's login. Having switched
-- to a lesser role with SET ROLE they still pass (they could RESET ROLE anyway).
--
-- Who "the caller" is is decided in two functions and nowhere else: steward_current_person() (the
-- person linked to the login) and steward_is_admin(). Both ask session_user, the login that
-- connected: they run inside SECURITY DEFINER code (the history trigger, the user functions),
-- where current_user is the owner, and SET ROLE must not turn a person into someone else.
-- UPDATE and DELETE of a row a policy hides affect no rows, as PostgreSQL does; Steward's own
-- client then says why (steward_may_manage_project, steward_may_answer_item).

-- The caller ---------------------------------------------------------------------------------------

-- An explicit member of steward_admin, directly or through other roles. Not superuser status: the
-- embedded cluster connects as its superuser, and that must not make every --actor an admin.
CREATE OR REPLACE FUNCTION steward_is_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE held(oid) AS (
        SELECT oid FROM pg_roles WHERE rolname = session_user
        UNION
        SELECT m.roleid FROM pg_auth_members m JOIN held h ON m.member = h.oid)
    SELECT EXISTS (SELECT FROM held h JOIN pg_roles r ON r.oid = h.oid WHERE r.rolname = 'steward_admin')
$$;

-- Who may manage users: an administrator, or the owner or a superuser (who creates the first one).
CREATE OR REPLACE FUNCTION steward_caller_is_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT steward_is_admin() OR steward_caller_unrestricted()
$$;

-- What the caller may do, row by row ------------------------------------------------------------

-- Whether the caller manages the project: an administrator, its owner, or a current AI project
-- manager on it (and the owner or a superuser, whom no policy restricts). Every lookup is by an
-- indexed key (project_pkey, assignment_project_idx).
CREATE FUNCTION steward_may_manage_project(project bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    me bigint;
BEGIN
    IF steward_is_admin() OR steward_caller_unrestricted() THEN
        RETURN true;
    END IF;
    me := steward_current_person();
    IF me IS NULL THEN
        RETURN false;
    END IF;
    RETURN EXISTS (SELECT FROM project p WHERE p.id = project AND p.owner_id = me)
        OR EXISTS (SELECT FROM assignment a
                    WHERE a.project_id = project AND a.role_key = 'ai-project-manager'
                      AND a.person_id = me AND a.from_date <= current_date
                      AND (a.to_date IS NULL OR a.to_date >= current_date));
END
$$;

-- Whether the caller may answer an audit item: results, evidence links, findings.
CREATE FUNCTION steward_may_answer_item(item bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT steward_caller_unrestricted() OR steward_may_answer(item, steward_current_person())
$$;

-- Whether the caller takes part in an audit: its lead, a respondent of one of its items, or an
-- administrator. Respondents update the audit only to start it (part 9 refuses everything else).
CREATE FUNCTION steward_takes_part_in_audit(audit_id bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT steward_is_admin() OR steward_caller_unrestricted()
        OR EXISTS (SELECT FROM audit a WHERE a.id = audit_id AND a.lead_id = steward_current_person())
        OR EXISTS (SELECT FROM audit_item i
                    WHERE i.audit_id = steward_takes_part_in_audit.audit_id
                      AND i.respondent_id = steward_current_person())
$$;

-- Whether the caller may plan items into the audit: a manager of its project (or an admin).
CREATE FUNCTION steward_may_plan_audit(audit_id bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT FROM audit a
                    WHERE a.id = audit_id AND steward_may_manage_project(a.project_id))
$$;

-- A project a linked login creates without naming an owner is the creator's. ----------------------
CREATE FUNCTION project_owned_by_its_creator() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.owner_id IS NULL AND NOT steward_caller_unrestricted() THEN
        NEW.owner_id := steward_current_person();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER project_owned_by_its_creator BEFORE INSERT ON project
    FOR EACH ROW EXECUTE FUNCTION project_owned_by_its_creator();

-- The policies ---------------------------------------------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['project', 'assignment', 'raci_entry', 'audit', 'audit_item',
                             'audit_item_evidence', 'audit_finding']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        -- Reading is the grants' business: every Steward group reads every row.
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (true)', t || '_readable', t);
    END LOOP;
END
$$;

-- A project: created by a manager for themselves (or by an admin for anyone); changed and removed
-- by whoever manages it, who may hand it over to another owner.
CREATE POLICY project_created ON project FOR INSERT
    WITH CHECK (steward_is_admin() OR steward_caller_unrestricted()
                OR owner_id = steward_current_person());
CREATE POLICY project_changed ON project FOR UPDATE
    USING (steward_may_manage_project(id)) WITH CHECK (true);
CREATE POLICY project_removed ON project FOR DELETE
    USING (steward_may_manage_project(id));

-- Staffing: on projects the caller manages, before and after the change.
CREATE POLICY assignment_added ON assignment FOR INSERT
    WITH CHECK (steward_may_manage_project(project_id));
CREATE POLICY assignment_changed ON assignment FOR UPDATE
    USING (steward_may_manage_project(project_id))
    WITH CHECK (steward_may_manage_project(project_id));
CREATE POLICY assignment_removed ON assignment FOR DELETE
    USING (steward_may_manage_project(project_id));
CREATE POLICY raci_entry_added ON raci_entry FOR INSERT
    WITH CHECK (steward_may_manage_project(project_id));
CREATE POLICY raci_entry_changed ON raci_entry FOR UPDATE
    USING (steward_may_manage_project(project_id))
    WITH CHECK (steward_may_manage_project(project_id));
CREATE POLICY raci_entry_removed ON raci_entry FOR DELETE
    USING (steward_may_manage_project(project_id));

-- Audits: planned on a managed project; changed by those who take part (part 9 decides which step
-- each may take). Items: planned with their audit; answered by the lead or their respondent.
CREATE POLICY audit_planned ON audit FOR INSERT
    WITH CHECK (steward_may_manage_project(project_id));
CREATE POLICY audit_changed ON audit FOR UPDATE
    USING (steward_takes_part_in_audit(id)) WITH CHECK (true);
CREATE POLICY audit_item_planned ON audit_item FOR INSERT
    WITH CHECK (steward_may_plan_audit(audit_id));
CREATE POLICY audit_item_answered ON audit_item FOR UPDATE
    USING (steward_may_answer_item(id)) WITH CHECK (true);
CREATE POLICY audit_item_evidence_linked ON audit_item_evidence FOR INSERT
    WITH CHECK (steward_may_answer_item(audit_item_id));
CREATE POLICY audit_finding_raised ON audit_finding FOR INSERT
    WITH CHECK (steward_may_answer_item(audit_item_id));
CREATE POLICY audit_finding_moved_on ON audit_finding FOR UPDATE
    USING (steward_is_admin() OR steward_caller_unrestricted() OR owner_id = steward_current_person()
           OR EXISTS (SELECT FROM audit a
                       WHERE a.id = audit_id AND a.lead_id = steward_current_person()))
    WITH CHECK (true);

-- A finding's owner moves it on, whether they run audits or manage projects.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_manager') THEN
        GRANT UPDATE ON audit_finding TO steward_manager;
    END IF;
END
$$;

-- The new functions resolve names in the schema first, like every other (part 10).
DO $$
DECLARE
    f text;
    path text := format('%I, pg_catalog, pg_temp', current_schema());
BEGIN
    FOREACH f IN ARRAY ARRAY['steward_is_admin()', 'steward_caller_is_admin()',
                             'steward_may_manage_project(bigint)', 'steward_may_answer_item(bigint)',
                             'steward_takes_part_in_audit(bigint)', 'steward_may_plan_audit(bigint)',
                             'project_owned_by_its_creator()']
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %s', f, path);
    END LOOP;
END
$$;
