// The coverage tallies (sql: raci_tally, raci_role_tally, person_load, qualification_gap) that the
// organisation-wide check reads instead of every RACI entry and training record: after every kind
// of change to entries, assignments, projects, the catalogue, qualification records and
// requirements, by the owner, by a manager whom row-level security restricts, and by two
// transactions at once, they hold exactly what recounting the stored rows gives.
#include "database_fixture.h"
#include "db/database.h"
#include "demo/demo_generator.h"
#include "error.h"
#include "services/user_service.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>

namespace steward {
namespace {

class CoverageTally : public DatabaseTest {
protected:
    // Rows of each tally that differ from a recount (zero counts and empty ranges count as absent
    // rows, except that every project has a raci_tally row for every required responsibility).
    void expectExact(const char* after)
    {
        EXPECT_EQ(differences(QStringLiteral(
                      "WITH want AS (SELECT p.id AS project_id, r.key AS responsibility_key, "
                      "count(e.id) FILTER (WHERE e.kind = 'A') AS a, count(e.id) FILTER (WHERE "
                      "e.kind = 'R') AS r FROM project p JOIN responsibility r ON true LEFT JOIN "
                      "raci_entry e ON e.project_id = p.id AND e.responsibility_key = r.key AND "
                      "e.kind IN ('A', 'R') GROUP BY 1, 2 HAVING r.required OR count(e.id) > 0), "
                      "have AS (SELECT project_id, responsibility_key, accountable AS a, "
                      "responsible AS r FROM raci_tally WHERE accountable <> 0 OR responsible <> 0 "
                      "OR responsibility_key IN (SELECT key FROM responsibility WHERE required))")),
                  0)
            << "raci_tally after " << after;
        EXPECT_EQ(
            differences(QStringLiteral(
                "WITH entries AS (SELECT e.project_id, e.person_id, r.role_key, count(*) AS n "
                "FROM raci_entry e JOIN responsibility r ON r.key = e.responsibility_key "
                "WHERE e.kind IN ('A', 'R') GROUP BY 1, 2, 3), held AS (SELECT project_id, "
                "person_id, role_key, range_agg(daterange(from_date, to_date, '[]')) AS h "
                "FROM assignment GROUP BY 1, 2, 3), want AS (SELECT coalesce(e.project_id, "
                "h.project_id), coalesce(e.person_id, h.person_id), coalesce(e.role_key, "
                "h.role_key), coalesce(e.n, 0), coalesce(h.h, '{}') FROM entries e FULL "
                "JOIN held h USING (project_id, person_id, role_key)), have AS (SELECT "
                "project_id, person_id, role_key, entries, held FROM raci_role_tally WHERE "
                "entries <> 0 OR NOT isempty(held))")),
            0)
            << "raci_role_tally after " << after;
        EXPECT_EQ(differences(QStringLiteral(
                      "WITH want AS (SELECT person_id, sum(allocation_percent) FROM assignment "
                      "GROUP BY 1), have AS (SELECT person_id, allocation FROM person_load WHERE "
                      "allocation <> 0)")),
                  0)
            << "person_load after " << after;
        // Per person, the days on which some qualification a requirement matching one of their
        // holder tallies names is not valid for the next 30 days.
        EXPECT_EQ(differences(QStringLiteral(
                      "WITH bound AS (SELECT DISTINCT t.person_id, q.qualification_key FROM "
                      "raci_role_tally t JOIN qualification_requirement q ON q.project_id IS NULL "
                      "OR q.project_id = t.project_id WHERE (q.responsibility_key IS NULL AND "
                      "(q.role_key IS NULL OR q.role_key = t.role_key)) OR q.responsibility_key IN "
                      "(SELECT key FROM responsibility WHERE role_key = t.role_key)), fine AS "
                      "(SELECT person_id, qualification_key, range_agg(daterange(completed_on, "
                      "CASE WHEN expires_on IS NULL THEN NULL WHEN expires_on - 30 > completed_on "
                      "THEN expires_on - 30 ELSE completed_on END)) AS days FROM "
                      "qualification_record GROUP BY 1, 2), want AS (SELECT * FROM (SELECT "
                      "b.person_id, range_agg('{(,)}'::datemultirange - coalesce(f.days, '{}')) "
                      "AS gap FROM bound b LEFT JOIN fine f USING (person_id, qualification_key) "
                      "GROUP BY 1) w WHERE NOT isempty(gap)), have AS (SELECT person_id, gap FROM "
                      "qualification_gap WHERE NOT isempty(gap))")),
                  0)
            << "qualification_gap after " << after;
        EXPECT_EQ(differences(QStringLiteral(
                      "WITH want AS (SELECT g.person_id, u.days FROM qualification_gap g CROSS "
                      "JOIN LATERAL unnest(g.gap) AS u (days)), have AS (SELECT person_id, days "
                      "FROM qualification_gap_range)")),
                  0)
            << "qualification_gap_range after " << after;
    }

    int differences(const QString& withWantAndHave)
    {
        return scalar(withWantAndHave +
                      QStringLiteral(" SELECT count(*) FROM ((TABLE want EXCEPT TABLE have) UNION "
                                     "ALL (TABLE have EXCEPT TABLE want)) d"))
            .toInt();
    }

    qint64 id(const QString& sql) { return scalar(sql).toLongLong(); }
};

TEST_F(CoverageTally, FollowsEveryKindOfChange)
{
    DemoGenerator::generate(db(), GeneratedSize::Small, 4);
    expectExact("generating");
    db().exec(QStringLiteral("DELETE FROM raci_entry WHERE id % 7 = 0"));
    expectExact("deleting entries");
    db().exec(QStringLiteral(
        "UPDATE raci_entry e SET kind = CASE kind WHEN 'R' THEN 'C' ELSE 'R' END WHERE e.id % 5 = "
        "0 AND e.kind IN ('R', 'C') AND NOT EXISTS (SELECT FROM raci_entry o WHERE o.project_id "
        "= e.project_id AND o.responsibility_key = e.responsibility_key AND o.person_id = "
        "e.person_id AND o.kind IN ('R', 'C') AND o.id <> e.id)"));
    expectExact("changing kinds");
    db().exec(QStringLiteral(
        "UPDATE raci_entry e SET person_id = (SELECT min(id) FROM person) WHERE e.id IN (SELECT "
        "DISTINCT ON (project_id, responsibility_key, kind) id FROM raci_entry WHERE id % 11 = 0 "
        "ORDER BY project_id, responsibility_key, kind, id) AND NOT EXISTS (SELECT FROM raci_entry "
        "o WHERE o.project_id = e.project_id AND "
        "o.responsibility_key = e.responsibility_key AND o.kind = e.kind AND o.person_id = (SELECT "
        "min(id) FROM person))"));
    expectExact("changing people");
    db().exec(QStringLiteral("DELETE FROM assignment WHERE id % 6 = 0"));
    db().exec(QStringLiteral("UPDATE assignment SET to_date = from_date + 30, allocation_percent = "
                             "allocation_percent / 2 + 1 WHERE id % 4 = 0"));
    expectExact("changing assignments");
    db().exec(QStringLiteral("INSERT INTO project (key, name) VALUES ('LATE-COMER', 'Late')"));
    expectExact("adding a project");
    db().exec(QStringLiteral("UPDATE responsibility SET required = true WHERE key = (SELECT "
                             "min(key) FROM responsibility WHERE NOT required)"));
    expectExact("requiring a responsibility");
    db().exec(QStringLiteral(
        "UPDATE responsibility SET role_key = (SELECT min(key) FROM role WHERE key <> "
        "responsibility.role_key) WHERE key = (SELECT min(responsibility_key) FROM raci_entry "
        "WHERE kind = 'R')"));
    expectExact("moving a responsibility to another role");
    db().exec(QStringLiteral("DELETE FROM project WHERE id = (SELECT max(id) FROM project WHERE "
                             "key <> 'LATE-COMER')"));
    expectExact("deleting a project");

    // Training records and requirements.
    EXPECT_GT(id(QStringLiteral("SELECT count(*) FROM qualification_gap WHERE NOT isempty(gap)")),
              0);
    db().exec(QStringLiteral("DELETE FROM qualification_record WHERE id % 5 = 0"));
    expectExact("deleting records");
    db().exec(QStringLiteral(
        "UPDATE qualification_record SET completed_on = completed_on - 400, expires_on = NULL "
        "WHERE id % 3 = 0"));
    expectExact("moving records back and deriving their expiry again");
    db().exec(QStringLiteral(
        "INSERT INTO qualification_record (person_id, qualification_key, completed_on, "
        "expires_on) SELECT DISTINCT ON (person_id) person_id, 'ai-risk-management', "
        "'2025-06-01', '2025-06-20' FROM raci_role_tally WHERE person_id % 4 = 0"));
    expectExact("adding records shorter than the warning window");
    db().exec(
        QStringLiteral("INSERT INTO qualification_requirement (qualification_key, role_key) SELECT "
                       "'ai-risk-management', min(role_key) FROM raci_role_tally"));
    expectExact("requiring a qualification of a role");
    db().exec(QStringLiteral(
        "INSERT INTO qualification_requirement (qualification_key, project_id) SELECT "
        "'ai-risk-management', max(project_id) FROM raci_role_tally"));
    expectExact("requiring a qualification on a project");
    db().exec(QStringLiteral(
        "INSERT INTO qualification_requirement (qualification_key, responsibility_key) SELECT "
        "'ai-risk-management', min(responsibility_key) FROM raci_entry WHERE kind = 'A'"));
    expectExact("requiring a qualification of a duty");
    db().exec(QStringLiteral(
        "UPDATE responsibility SET role_key = (SELECT max(key) FROM role WHERE key <> "
        "responsibility.role_key) WHERE key = (SELECT responsibility_key FROM "
        "qualification_requirement WHERE responsibility_key IS NOT NULL ORDER BY id DESC LIMIT "
        "1)"));
    expectExact("moving a duty with a requirement to another role");
    db().exec(QStringLiteral("UPDATE qualification_requirement SET role_key = (SELECT max(key) "
                             "FROM role) WHERE role_key IS NOT NULL AND qualification_key = "
                             "'ai-risk-management'"));
    expectExact("changing the role a requirement names");
    db().exec(QStringLiteral("DELETE FROM qualification_requirement WHERE responsibility_key IS "
                             "NULL AND role_key IS NULL AND project_id IS NULL"));
    expectExact("dropping the requirement of everyone");
    db().exec(QStringLiteral("DELETE FROM assignment WHERE person_id IN (SELECT min(person_id) "
                             "FROM assignment)"));
    expectExact("deleting a person's assignments");
    // A statement that fails leaves the tallies as they were.
    EXPECT_THROW(db().exec(QStringLiteral(
                     "INSERT INTO raci_entry (project_id, responsibility_key, person_id, kind) "
                     "SELECT project_id, responsibility_key, person_id, 'X' FROM raci_entry")),
                 Error);
    expectExact("a refused statement");
}

// Row-level security lets a manager change the staffing of the projects they manage only; the
// tallies follow what they may change and are untouched by what they may not.
TEST_F(CoverageTally, FollowsAManagersChangesUnderRowLevelSecurity)
{
    DemoGenerator::generate(db(), GeneratedSize::Small, 4);
    const qint64 own = id(QStringLiteral("SELECT min(id) FROM project WHERE status NOT IN "
                                         "('completed', 'cancelled')"));
    const qint64 other = id(QStringLiteral("SELECT min(id) FROM project WHERE owner_id <> (SELECT "
                                           "owner_id FROM project WHERE id = "
                                           "%1)")
                                .arg(own));
    const QString email =
        scalar(QStringLiteral("SELECT pe.email FROM project p JOIN person pe ON pe.id = "
                              "p.owner_id WHERE p.id = ?"),
               {own})
            .toString();
    const QString login =
        QStringLiteral("tally_manager_%1").arg(QCoreApplication::applicationPid());
    UserService(db()).add(email, QStringLiteral("manager"), login, QStringLiteral("pw-tally"));
    Database manager(
        withSettings(conninfo(), {{QStringLiteral("user"), login},
                                  {QStringLiteral("password"), QStringLiteral("pw-tally")}}),
        email);

    manager.exec(QStringLiteral("DELETE FROM raci_entry WHERE project_id = ? AND kind = 'A'"),
                 {own});
    expectExact("a manager deleting entries");
    manager.exec(QStringLiteral("INSERT INTO raci_entry (project_id, responsibility_key, "
                                "person_id, kind) SELECT project_id, responsibility_key, "
                                "person_id, 'A' FROM raci_entry WHERE project_id = ? AND kind = "
                                "'R' AND id % 2 = 0 ON CONFLICT DO NOTHING"),
                 {own});
    expectExact("a manager adding entries");
    manager.exec(QStringLiteral("UPDATE assignment SET allocation_percent = 100 WHERE project_id "
                                "= ?"),
                 {own});
    manager.exec(QStringLiteral("DELETE FROM assignment WHERE project_id = ? AND id % 3 = 0"),
                 {own});
    expectExact("a manager changing assignments");
    const qint64 before = id(
        QStringLiteral("SELECT sum(accountable) FROM raci_tally WHERE project_id = %1").arg(other));
    // Another manager's project: the policy hides its rows from the DELETE, which changes nothing.
    manager.exec(QStringLiteral("DELETE FROM raci_entry WHERE project_id = ?"), {other});
    EXPECT_EQ(id(QStringLiteral("SELECT sum(accountable) FROM raci_tally WHERE project_id = %1")
                     .arg(other)),
              before);
    EXPECT_THROW(manager.exec(QStringLiteral("INSERT INTO raci_entry (project_id, "
                                             "responsibility_key, person_id, kind) SELECT ?, "
                                             "responsibility_key, person_id, 'C' FROM raci_entry "
                                             "WHERE project_id = ? LIMIT 1"),
                              {other, own}),
                 Error);
    expectExact("a manager refused");
    manager.exec(
        QStringLiteral(
            "INSERT INTO qualification_record (person_id, qualification_key, completed_on) SELECT "
            "DISTINCT person_id, 'ai-risk-management', '2025-12-01'::date FROM raci_role_tally "
            "WHERE "
            "project_id = ?"),
        {own});
    expectExact("a manager recording qualifications");
    // Nobody writes a tally directly.
    EXPECT_THROW(manager.exec(QStringLiteral("UPDATE raci_tally SET accountable = 1")), Error);
    EXPECT_THROW(manager.exec(QStringLiteral("UPDATE qualification_gap SET gap = '{}'")), Error);
}

// A gap is recomputed rather than moved by deltas, so two transactions changing one person's
// training at once must not leave what one computed without the other's change. Here the first
// removes a completion that changes nothing (a longer one covers its days) and the second removes
// the longer one: computed without the first's removal, the second would leave the days of the
// first completion covered. The second waits for the first's lock on the person's gap row and
// computes after its commit.
TEST_F(CoverageTally, GapsOfOnePersonChangedByTwoTransactionsAtOnce)
{
    DemoGenerator::generate(db(), GeneratedSize::Small, 4);
    // Someone bound by the literacy requirement alone, with two completions of it.
    db().exec(QStringLiteral("DELETE FROM qualification_requirement WHERE role_key IS NOT NULL OR "
                             "responsibility_key IS NOT NULL OR project_id IS NOT NULL"));
    const qint64 person = id(QStringLiteral("SELECT min(person_id) FROM raci_role_tally"));
    db().exec(QStringLiteral("DELETE FROM qualification_record WHERE qualification_key = "
                             "'ai-literacy-basics' AND person_id = ?"),
              {person});
    db().exec(QStringLiteral(
                  "INSERT INTO qualification_record (person_id, qualification_key, completed_on, "
                  "expires_on) VALUES (?1, 'ai-literacy-basics', '2025-01-01', '2026-01-01'), (?1, "
                  "'ai-literacy-basics', '2024-12-01', '2027-02-01')")
                  .replace(QLatin1String("?1"), QString::number(person)));
    expectExact("recording two completions");
    const auto gap = [&] {
        return scalar(QStringLiteral("SELECT gap::text FROM qualification_gap WHERE person_id = ?"),
                      {person})
            .toString()
            .toStdString();
    };
    // Valid for 30 days more from each completion until 30 days before its expiry.
    EXPECT_EQ(gap(), "{(,2024-12-01),[2027-01-02,)}");

    Database first(conninfo());
    Database second(conninfo());
    first.exec(QStringLiteral("BEGIN"));
    first.exec(QStringLiteral("DELETE FROM qualification_record WHERE person_id = ? AND "
                              "completed_on = '2025-01-01'"),
               {person});
    std::thread later([&] {
        second.exec(QStringLiteral("DELETE FROM qualification_record WHERE person_id = ? AND "
                                   "completed_on = '2024-12-01'"),
                    {person});
    });
    QVariant waiting;
    for (int i = 0; i < 200 && waiting.toInt() == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        waiting = scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                        "wait_event_type = 'Lock' AND datname = "
                                        "current_database()"));
    }
    EXPECT_EQ(waiting.toInt(), 1);
    first.exec(QStringLiteral("COMMIT"));
    later.join();
    EXPECT_EQ(gap(), "{(,)}");
    expectExact("two transactions removing one person's training");
}

} // namespace
} // namespace steward
