-- Steward schema, part 12: optimistic locking for changes to users.
--
-- Every update command takes the version the user read (--expect-version). Users change only
-- through the functions of part 8, and administrators hold no privilege on steward_user to lock
-- its row themselves: this function, run in the same transaction just before, locks it with the
-- owner's rights and refuses a stale version (SQLSTATE 40001, a conflict to reload and redo).
CREATE FUNCTION steward_user_expect_version(target text, expected integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    stored integer;
BEGIN
    PERFORM steward_require_admin('change users');
    SELECT u.version INTO stored FROM steward_user u WHERE u.login = target FOR UPDATE;
    IF stored IS NULL THEN
        RAISE EXCEPTION 'no Steward user has the login %', target USING ERRCODE = 'no_data_found';
    END IF;
    IF stored <> expected THEN
        RAISE EXCEPTION 'user % was changed by someone else since you read it (you read version %, the stored one is version %); reload and apply your change again',
            target, expected, stored USING ERRCODE = 'serialization_failure';
    END IF;
END
$$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION steward_user_expect_version(text, integer) SET search_path = %I, pg_catalog, pg_temp',
                   current_schema());
END
$$;
REVOKE EXECUTE ON FUNCTION steward_user_expect_version(text, integer) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_admin') THEN
        GRANT EXECUTE ON FUNCTION steward_user_expect_version(text, integer) TO steward_admin;
    END IF;
END
$$;
