-- Steward schema, part 20: who may lack a qualification, kept current like the coverage tallies
-- of part 16, so that the organisation-wide check's competence rule (`qualified-holders` in
-- core/src/coverage/organisation_check.cpp) starts from the few people who lack one on the day
-- (qualification_gap_range) instead of joining every holder of every role (96,000 rows in a large
-- organisation) with every training record.
--
-- Per person, the days on which they lack, or are within the warning window of losing, a
-- qualification that some requirement may bind them to: the union, over the qualifications of the
-- requirements that match any of their holder tallies (raci_role_tally: a role they hold or held on
-- a project, or are Responsible or Accountable for a duty of), of the days not covered by a record
-- valid then and for the next 30 days (kQualificationWarningDays in core/src/coverage/core_rules.h). That is
-- a superset of what the rule asks on any day, because it ignores whether the role is held on that
-- day, whether the entry is for the duty with the requirement, which projects are in scope and
-- what is retired; the rule itself then judges exactly. A person nothing binds has an empty gap.
CREATE TABLE qualification_gap (
    person_id  bigint PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    gap        datemultirange NOT NULL DEFAULT '{}'
);
-- The same days a range a row, for "who lacks something on this day" (`days @> day`): an index of
-- the multiranges themselves would hold their bounding ranges, and a typical gap, before the first
-- completion and from 30 days before its expiry on, is bounded by neither end.
CREATE TABLE qualification_gap_range (
    person_id  bigint NOT NULL REFERENCES qualification_gap (person_id) ON DELETE CASCADE,
    days       daterange NOT NULL
);
CREATE INDEX qualification_gap_range_person_idx ON qualification_gap_range (person_id);
CREATE INDEX qualification_gap_range_days_idx ON qualification_gap_range USING gist (days);

-- Recomputes the gaps of `people` from the stored rows. Unlike the tallies' deltas, a gap is
-- recomputed, so two transactions changing one person's records must not both compute from a
-- snapshot without the other's change: each locks the person's gap row first, in id order, and
-- computes in the next statement, whose snapshot (READ COMMITTED) holds what the other committed
-- while it waited. (Under REPEATABLE READ the lock itself fails with a serialisation error, which
-- the caller retries, as for any conflicting update.)
CREATE FUNCTION qualification_gap_refresh(people bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF coalesce(cardinality(people), 0) = 0 THEN
        RETURN;
    END IF;
    INSERT INTO qualification_gap (person_id)
    SELECT DISTINCT p.id FROM person p WHERE p.id = ANY (people) ORDER BY 1
    ON CONFLICT (person_id) DO NOTHING;
    PERFORM FROM qualification_gap g WHERE g.person_id = ANY (people) ORDER BY g.person_id
        FOR UPDATE;
    WITH changed AS (
        UPDATE qualification_gap g SET gap = coalesce(c.gap, '{}')
          FROM (SELECT DISTINCT unnest(people) AS person_id) x
          LEFT JOIN (
            SELECT b.person_id, range_agg(datemultirange(daterange(NULL, NULL)) - coalesce(f.fine, '{}'))
                       AS gap
              FROM (SELECT DISTINCT t.person_id, q.qualification_key
                      FROM raci_role_tally t
                      JOIN qualification_requirement q
                        ON (q.project_id IS NULL OR q.project_id = t.project_id)
                      LEFT JOIN responsibility d ON d.key = q.responsibility_key
                     WHERE t.person_id = ANY (people)
                       AND CASE WHEN q.responsibility_key IS NULL
                                THEN q.role_key IS NULL OR q.role_key = t.role_key
                                ELSE d.role_key = t.role_key END) b
              -- The days each of the person's records is valid and stays so for 30 more.
              LEFT JOIN LATERAL (
                SELECT range_agg(daterange(r.completed_on, CASE WHEN r.expires_on IS NULL THEN NULL
                                     ELSE greatest(r.completed_on, r.expires_on - 30) END)) AS fine
                  FROM qualification_record r
                 WHERE r.person_id = b.person_id AND r.qualification_key = b.qualification_key) f
                ON true
             GROUP BY b.person_id) c ON c.person_id = x.person_id
         WHERE g.person_id = x.person_id AND g.gap IS DISTINCT FROM coalesce(c.gap, '{}')
        RETURNING g.person_id, g.gap
    ), gone AS (
        DELETE FROM qualification_gap_range r USING changed c WHERE r.person_id = c.person_id
    )
    INSERT INTO qualification_gap_range (person_id, days)
    SELECT c.person_id, u.days FROM changed c CROSS JOIN LATERAL unnest(c.gap) AS u (days)
     ORDER BY 1, 2;
END
$$;

-- What moves a gap: a person's records, their holder tallies (a new role on a project, a project
-- deleted), the requirements, and a responsibility with requirements moving to another role.
CREATE FUNCTION qualification_gap_capture() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    people bigint[];
    changed text;
BEGIN
    IF TG_TABLE_NAME IN ('qualification_record', 'raci_role_tally') THEN
        EXECUTE CASE TG_OP
            WHEN 'INSERT' THEN 'SELECT array_agg(DISTINCT person_id) FROM new_rows'
            WHEN 'DELETE' THEN 'SELECT array_agg(DISTINCT person_id) FROM old_rows'
            ELSE 'SELECT array_agg(DISTINCT person_id) FROM (SELECT person_id FROM new_rows '
                 'UNION SELECT person_id FROM old_rows) c'
        END INTO people;
    ELSIF TG_TABLE_NAME = 'qualification_requirement' THEN
        -- The requirements whose binding changed (an update of nothing that binds moves nothing),
        -- then everyone whose holder tallies they match.
        changed := CASE TG_OP
            WHEN 'INSERT' THEN 'SELECT project_id, role_key, responsibility_key FROM new_rows'
            WHEN 'DELETE' THEN 'SELECT project_id, role_key, responsibility_key FROM old_rows'
            ELSE '(SELECT qualification_key, project_id, role_key, responsibility_key FROM new_rows '
                 'EXCEPT SELECT qualification_key, project_id, role_key, responsibility_key '
                 'FROM old_rows) UNION ALL (SELECT qualification_key, project_id, role_key, '
                 'responsibility_key FROM old_rows EXCEPT SELECT qualification_key, project_id, '
                 'role_key, responsibility_key FROM new_rows)'
        END;
        IF TG_OP = 'UPDATE' THEN
            changed := 'SELECT project_id, role_key, responsibility_key FROM (' || changed || ') u';
        END IF;
        EXECUTE format(
            'SELECT array_agg(DISTINCT t.person_id) FROM (%s) q '
            'JOIN raci_role_tally t ON (q.project_id IS NULL OR q.project_id = t.project_id) '
            'LEFT JOIN responsibility d ON d.key = q.responsibility_key '
            'WHERE CASE WHEN q.responsibility_key IS NULL '
            '           THEN q.role_key IS NULL OR q.role_key = t.role_key '
            '           ELSE d.role_key = t.role_key END', changed) INTO people;
    ELSE
        SELECT array_agg(DISTINCT t.person_id) INTO people
          FROM old_rows o JOIN new_rows n ON n.key = o.key AND n.role_key <> o.role_key
          JOIN raci_role_tally t ON t.role_key IN (o.role_key, n.role_key)
         WHERE EXISTS (SELECT FROM qualification_requirement q WHERE q.responsibility_key = n.key);
    END IF;
    PERFORM qualification_gap_refresh(people);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['qualification_record', 'qualification_requirement']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows '
                       'NEW TABLE AS new_rows FOR EACH STATEMENT '
                       'EXECUTE FUNCTION qualification_gap_capture()', t || '_gap_update', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['qualification_record', 'qualification_requirement', 'raci_role_tally']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION qualification_gap_capture()',
                       t || '_gap', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION qualification_gap_capture()',
                       t || '_gap_delete', t);
    END LOOP;
END
$$;
-- The tally's counts and held days change constantly; which rows it has only on insert and delete.
CREATE TRIGGER responsibility_gap_update AFTER UPDATE ON responsibility
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qualification_gap_capture();

-- The gaps of what is stored already.
SELECT qualification_gap_refresh(array_agg(DISTINCT person_id)) FROM raci_role_tally;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION qualification_gap_refresh(bigint[]) SET search_path = %I, '
                   'pg_catalog, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION qualification_gap_capture() SET search_path = %I, pg_catalog, '
                   'pg_temp', current_schema());
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_viewer') THEN
        GRANT SELECT ON qualification_gap, qualification_gap_range TO steward_viewer;
    END IF;
END
$$;
