-- Steward schema, part 10: every function of the schema resolves names in the schema first.
--
-- "SET search_path FROM CURRENT" pinned the schema but left pg_temp implicit, and PostgreSQL
-- searches the caller's temporary schema first for tables: any login could create a temporary
-- table named history, steward_user, person or audit and have a SECURITY DEFINER function (the
-- history trigger, the audit lock) or a rule-enforcing trigger read or write that instead, to
-- write changes without history, pass for another person or switch the audit rules off. With
-- pg_temp named last it is searched last (and never for functions). Invoker functions are pinned
-- too, since the triggers that enforce rules on a caller must not see the caller's tables.
-- Two are left unpinned, because a pinned function is neither inlined nor free to call and both
-- run once per history row: steward_actor() runs only inside the pinned history trigger (anyone
-- else who calls it learns only a name), and history_digest_input() reads no table at all
-- (pinned, `steward history verify` took 12 % longer).
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
