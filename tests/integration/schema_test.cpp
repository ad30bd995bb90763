// Migrations and the constraints the schema itself enforces, checked with raw SQL so the
// program's own validation cannot hide a missing constraint.
#include "database_fixture.h"
#include "db/migrator.h"
#include "error.h"
#include "services/history_service.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

namespace steward {
namespace {

// An empty database of its own, outside the migrated template.
class EmptyDatabase {
public:
    EmptyDatabase()
        : m_name(QStringLiteral("empty_%1").arg(++s_counter))
    {
        executeSql(TestCluster::adminConninfo(), QStringLiteral("CREATE DATABASE %1").arg(m_name));
        m_conninfo = TestCluster::conninfo(m_name);
    }
    ~EmptyDatabase()
    {
        executeSql(TestCluster::adminConninfo(),
                   QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(m_name));
    }
    const QString& conninfo() const { return m_conninfo; }

private:
    static inline int s_counter = 0;
    QString m_name;
    QString m_conninfo;
};

TEST(Migrations, ApplyToAnEmptyDatabaseThenAreANoOp)
{
    EmptyDatabase empty;
    Database db(empty.conninfo());
    Migrator migrator(db);
    EXPECT_EQ(migrator.currentVersion(), 0);
    EXPECT_TRUE(migrator.needsMigration());
    EXPECT_EQ(migrator.migrate(), Migrator::latestKnownVersion());
    EXPECT_EQ(migrator.currentVersion(), Migrator::latestKnownVersion());
    EXPECT_FALSE(migrator.needsMigration());
    EXPECT_EQ(migrator.migrate(), 0) << "re-running applies nothing";
    for (const MigrationStatus& s : migrator.status())
        EXPECT_TRUE(s.applied) << s.name.toStdString();
}

TEST(Migrations, RefuseADatabaseFromANewerSteward)
{
    EmptyDatabase empty;
    Database db(empty.conninfo());
    Migrator(db).migrate();
    const int future = Migrator::latestKnownVersion() + 1;
    db.exec(
        QStringLiteral(
            "INSERT INTO schema_migration (version, name, checksum) VALUES (?, 'future.sql', 'x')"),
        {future});
    try {
        Migrator(db).migrate();
        FAIL() << "a newer schema must be refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        EXPECT_TRUE(e.message().contains(QStringLiteral("newer than this Steward")))
            << e.message().toStdString();
        EXPECT_TRUE(e.message().contains(QString::number(future)));
    }
    EXPECT_THROW(Migrator(db).ensureCompatible(), Error);
}

TEST(Migrations, RefuseAnAppliedMigrationThatWasEdited)
{
    EmptyDatabase empty;
    Database db(empty.conninfo());
    Migrator(db).migrate();
    db.exec(QStringLiteral("UPDATE schema_migration SET checksum = 'tampered' WHERE version = 1"));
    try {
        Migrator(db).ensureCompatible();
        FAIL() << "a changed migration must be refused";
    } catch (const Error& e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("checksum"))) << e.message().toStdString();
    }
}

TEST(Migrations, AFailingMigrationLeavesNothingBehind)
{
    EmptyDatabase empty;
    Database db(empty.conninfo());
    // A table the first migration creates already exists: the migration fails half-way.
    db.exec(QStringLiteral("CREATE TABLE person (id int)"));
    EXPECT_THROW(Migrator(db).migrate(), Error);
    EXPECT_EQ(Migrator(db).currentVersion(), 0);
    QSqlQuery q = db.exec(QStringLiteral("SELECT to_regclass('history') IS NULL"));
    ASSERT_TRUE(q.next());
    EXPECT_TRUE(q.value(0).toBool()) << "the failed migration's other tables were rolled back";
}

class Schema : public DatabaseTest {
protected:
    bool refused(const QString& sql)
    {
        try {
            db().exec(sql);
            return false;
        } catch (const Error&) {
            return true;
        }
    }
    void addPeople()
    {
        db().exec(QStringLiteral(
            "INSERT INTO person (email, name) VALUES ('ada@x.org', 'Ada'), ('bob@x.org', 'Bob')"));
        db().exec(QStringLiteral("INSERT INTO project (key, name) VALUES ('P1', 'Project one')"));
    }
};

TEST_F(Schema, EmailsAreUniqueWhateverTheirCase)
{
    addPeople();
    EXPECT_TRUE(refused(
        QStringLiteral("INSERT INTO person (email, name) VALUES ('ADA@X.ORG', 'Other Ada')")));
}

TEST_F(Schema, EnumeratedValuesAreChecked)
{
    EXPECT_TRUE(refused(QStringLiteral(
        "INSERT INTO project (key, name, risk_tier) VALUES ('P2', 'x', 'extreme')")));
    EXPECT_TRUE(refused(
        QStringLiteral("INSERT INTO project (key, name, industry) VALUES ('P2', 'x', 'mining')")));
    EXPECT_TRUE(refused(
        QStringLiteral("INSERT INTO project (key, name, stage) VALUES ('P2', 'x', 'dreaming')")));
    EXPECT_TRUE(refused(
        QStringLiteral("INSERT INTO project (key, name, status) VALUES ('P2', 'x', 'done')")));
    EXPECT_TRUE(
        refused(QStringLiteral("INSERT INTO project (key, name) VALUES ('lower-case', 'x')")));
    EXPECT_TRUE(
        refused(QStringLiteral("INSERT INTO person (email, name) VALUES ('not-an-email', 'x')")));
    EXPECT_FALSE(refused(
        QStringLiteral("INSERT INTO project (key, name, risk_tier) VALUES ('P2', 'x', 'high')")));
}

TEST_F(Schema, DatesAndPercentagesAreChecked)
{
    addPeople();
    const QString insert =
        QStringLiteral("INSERT INTO assignment (project_id, person_id, role_key, from_date, "
                       "to_date, allocation_percent) "
                       "SELECT p.id, pe.id, 'ai-engineer', %1, %2, %3 FROM project p, person pe "
                       "WHERE p.key = 'P1' AND pe.email = 'ada@x.org'");
    EXPECT_TRUE(refused(insert.arg(QStringLiteral("'2026-02-01'"), QStringLiteral("'2026-01-01'"),
                                   QStringLiteral("50"))));
    EXPECT_TRUE(refused(
        insert.arg(QStringLiteral("'2026-01-01'"), QStringLiteral("NULL"), QStringLiteral("0"))));
    EXPECT_TRUE(refused(
        insert.arg(QStringLiteral("'2026-01-01'"), QStringLiteral("NULL"), QStringLiteral("101"))));
    EXPECT_FALSE(refused(insert.arg(QStringLiteral("'2026-01-01'"), QStringLiteral("'2026-06-30'"),
                                    QStringLiteral("50"))));
    EXPECT_TRUE(refused(
        insert.arg(QStringLiteral("'2026-06-01'"), QStringLiteral("NULL"), QStringLiteral("20"))))
        << "the same role on the same project for an overlapping period";
    EXPECT_FALSE(refused(
        insert.arg(QStringLiteral("'2026-07-01'"), QStringLiteral("NULL"), QStringLiteral("20"))));
}

TEST_F(Schema, OneAccountablePerResponsibilityAndProject)
{
    addPeople();
    const QString insert = QStringLiteral(
        "INSERT INTO raci_entry (project_id, responsibility_key, person_id, kind) "
        "SELECT p.id, (SELECT key FROM responsibility ORDER BY key LIMIT 1), pe.id, '%1' "
        "FROM project p, person pe WHERE p.key = 'P1' AND pe.email = '%2'");
    EXPECT_FALSE(refused(insert.arg(QStringLiteral("A"), QStringLiteral("ada@x.org"))));
    EXPECT_TRUE(refused(insert.arg(QStringLiteral("A"), QStringLiteral("bob@x.org"))));
    EXPECT_FALSE(refused(insert.arg(QStringLiteral("R"), QStringLiteral("bob@x.org"))));
    EXPECT_TRUE(refused(insert.arg(QStringLiteral("X"), QStringLiteral("bob@x.org"))));
}

TEST_F(Schema, EveryEditBumpsTheVersionAndLandsInTheHistory)
{
    addPeople();
    const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM history")).toLongLong();
    db().exec(QStringLiteral("UPDATE person SET title = 'Engineer' WHERE email = 'ada@x.org'"));
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT version FROM person WHERE email = 'ada@x.org'")).toInt(), 2);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history")).toLongLong(), before + 1);
    QSqlQuery q =
        db().exec(QStringLiteral("SELECT actor, operation, before->>'title', after->>'title' FROM "
                                 "history ORDER BY id DESC LIMIT 1"));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("tester"));
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("UPDATE"));
    EXPECT_EQ(q.value(2).toString(), QString());
    EXPECT_EQ(q.value(3).toString(), QStringLiteral("Engineer"));
    db().exec(QStringLiteral("UPDATE person SET title = 'Engineer' WHERE email = 'ada@x.org'"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history")).toLongLong(), before + 1)
        << "an update that changes nothing is not a change";
}

TEST_F(Schema, HistoryIsAppendOnlyAndTamperEvident)
{
    addPeople();
    EXPECT_TRUE(refused(QStringLiteral("UPDATE history SET actor = 'someone else'")));
    EXPECT_TRUE(refused(QStringLiteral("DELETE FROM history")));
    EXPECT_TRUE(refused(QStringLiteral("TRUNCATE history")));
    HistoryService history(db());
    HistoryVerification v = history.verify();
    EXPECT_TRUE(v.intact);
    EXPECT_GT(v.rowsChecked, 0);

    // Someone with the power to disable triggers rewrites an old entry: verification finds it.
    const qint64 victim =
        scalar(QStringLiteral("SELECT min(id) FROM history WHERE table_name = 'person'"))
            .toLongLong();
    db().exec(QStringLiteral("ALTER TABLE history DISABLE TRIGGER history_append_only"));
    db().exec(QStringLiteral("UPDATE history SET actor = 'mallory' WHERE id = ?"), {victim});
    db().exec(QStringLiteral("ALTER TABLE history ENABLE TRIGGER history_append_only"));
    v = history.verify();
    EXPECT_FALSE(v.intact);
    ASSERT_TRUE(v.firstBadId.has_value());
    EXPECT_EQ(*v.firstBadId, victim);
}

TEST_F(Schema, HistoryVerificationNamesTheEntriesRemovedFromTheEnd)
{
    addPeople();
    const qint64 newest = scalar(QStringLiteral("SELECT max(id) FROM history")).toLongLong();
    const qint64 kept =
        scalar(QStringLiteral("SELECT max(id) FROM history WHERE id < ?"), {newest - 1})
            .toLongLong();
    EXPECT_EQ(HistoryService(db()).verify().headId, newest);
    db().exec(QStringLiteral("ALTER TABLE history DISABLE TRIGGER history_append_only"));
    db().exec(QStringLiteral("DELETE FROM history WHERE id > ?"), {kept});
    db().exec(QStringLiteral("ALTER TABLE history ENABLE TRIGGER history_append_only"));
    const HistoryVerification v = HistoryService(db()).verify();
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.headId, newest);
    EXPECT_EQ(v.lastId, kept);
    EXPECT_EQ(v.problem, QStringLiteral("the newest entries are missing: the chain's head is "
                                        "entry %1, so the entries after entry %2 up to entry %1 "
                                        "were removed")
                             .arg(newest)
                             .arg(kept));
}

TEST_F(Schema, HistoryVerificationNamesAnEntryRemovedFromTheMiddle)
{
    addPeople();
    const qint64 victim =
        scalar(QStringLiteral("SELECT id FROM history ORDER BY id DESC OFFSET 1 LIMIT 1"))
            .toLongLong();
    const qint64 next =
        scalar(QStringLiteral("SELECT min(id) FROM history WHERE id > ?"), {victim}).toLongLong();
    const qint64 before =
        scalar(QStringLiteral("SELECT max(id) FROM history WHERE id < ?"), {victim}).toLongLong();
    db().exec(QStringLiteral("ALTER TABLE history DISABLE TRIGGER history_append_only"));
    db().exec(QStringLiteral("DELETE FROM history WHERE id = ?"), {victim});
    db().exec(QStringLiteral("ALTER TABLE history ENABLE TRIGGER history_append_only"));
    const HistoryVerification v = HistoryService(db()).verify();
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.firstBadId, next);
    EXPECT_EQ(v.problem, QStringLiteral("entry %1 does not follow entry %2: the entries between "
                                        "them were removed, or entry %2 was altered")
                             .arg(next)
                             .arg(before));
}

// Someone with the table owner's power cuts the newest entries off and moves the chain's head
// back: the history is consistent in itself, and only a head hash recorded earlier shows it.
TEST_F(Schema, HistoryVerificationAgainstARecordedHeadCatchesARewrittenTail)
{
    addPeople();
    HistoryService history(db());
    const HistoryVerification recorded = history.verify();
    ASSERT_TRUE(recorded.intact);
    EXPECT_EQ(history.verify(recorded.headHash).expectedHeadId, recorded.headId);

    const qint64 kept =
        scalar(QStringLiteral("SELECT max(id) FROM history WHERE id < ?"), {*recorded.headId})
            .toLongLong();
    db().exec(QStringLiteral("ALTER TABLE history DISABLE TRIGGER history_append_only"));
    db().exec(QStringLiteral("DELETE FROM history WHERE id > ?"), {kept});
    db().exec(QStringLiteral("ALTER TABLE history ENABLE TRIGGER history_append_only"));
    db().exec(QStringLiteral("UPDATE history_chain SET last_hash = (SELECT hash FROM history WHERE "
                             "id = ?), last_id = ?"),
              {kept, kept});

    EXPECT_TRUE(history.verify().intact) << "the cut-back chain is consistent in itself";
    const HistoryVerification v = history.verify(recorded.headHash);
    EXPECT_FALSE(v.intact);
    EXPECT_FALSE(v.expectedHeadId.has_value());
    EXPECT_EQ(v.problem, QStringLiteral("no entry has the head hash %1 recorded earlier: the "
                                        "history was rewritten or cut back to before it")
                             .arg(recorded.headHash));
}

} // namespace
} // namespace steward
