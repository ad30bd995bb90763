-- Managers plan audits (they may insert audits and their items, not update them), but the guards
-- on audit items lock the audit's row FOR SHARE to hold off a concurrent close, and PostgreSQL
-- allows that lock only to roles that may update the table: planning failed with "permission
-- denied for table audit". The lock is the guard's business, not the caller's: the function runs
-- with its owner's rights, reads nothing but the status, and has its search_path pinned so that
-- a caller cannot substitute objects.
ALTER FUNCTION audit_status_locked(bigint) SECURITY DEFINER SET search_path FROM CURRENT;
-- Called directly, it would let anyone hold share locks on audits (delaying a close); only the
-- roles whose writes run the guards need it.
REVOKE EXECUTE ON FUNCTION audit_status_locked(bigint) FROM PUBLIC;
DO $$
DECLARE
    grantee text;
BEGIN
    FOREACH grantee IN ARRAY ARRAY['steward_manager', 'steward_auditor', 'steward_admin']
    LOOP
        CONTINUE WHEN NOT EXISTS (SELECT FROM pg_roles WHERE rolname = grantee);
        EXECUTE format('GRANT EXECUTE ON FUNCTION audit_status_locked(bigint) TO %I', grantee);
    END LOOP;
END
$$;
