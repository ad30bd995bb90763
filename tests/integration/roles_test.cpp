// PostgreSQL itself decides who may change what (sql/0004): each test logs in as a fresh login role
// that belongs to one of Steward's group roles and tries what that role may and may not do. Also
// the change notifications that keep other clients' windows current.
#include "database_fixture.h"
#include "db/database.h"
#include "error.h"
#include "services/history_service.h"
#include "services/person_service.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSqlDriver>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace steward {
namespace {

class RolesTest : public DatabaseTest {
protected:
    // A connection to this test's database as a new member of `group`.
    std::unique_ptr<Database> connectAs(const QString& group, const QString& actor = {})
    {
        return std::make_unique<Database>(createLoginRole(conninfo(), group), actor);
    }

    static Person newcomer(const QString& email)
    {
        Person p;
        p.email = email;
        p.name = QStringLiteral("Ngozi Eze");
        p.orgUnit = QStringLiteral("Data Science");
        return p;
    }

    qint64 historyRows()
    {
        return scalar(QStringLiteral("SELECT count(*) FROM history")).toLongLong();
    }
};

bool allowed(Database& db, const char* table, const char* privilege)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT has_table_privilege(?, ?)"),
                          {QString::fromLatin1(table), QString::fromLatin1(privilege)});
    return q.next() && q.value(0).toBool();
}

TEST_F(RolesTest, AViewerReadsEverythingAndChangesNothing)
{
    PersonService(db()).add(newcomer(QStringLiteral("ngozi@example.org")));
    const qint64 before = historyRows();

    auto viewer = connectAs(QStringLiteral("steward_viewer"));
    EXPECT_EQ(PersonService(*viewer).count(), 1);
    EXPECT_GT(HistoryService(*viewer).count(), 0) << "the history is readable";
    try {
        PersonService(*viewer).add(newcomer(QStringLiteral("someone@example.org")));
        FAIL() << "a viewer added a person";
    } catch (const Error& e) {
        EXPECT_TRUE(e.message().contains(QLatin1String("permission denied"))) << e.what();
    }
    EXPECT_THROW(viewer->exec(QStringLiteral("UPDATE person SET name = 'X'")), Error);
    EXPECT_THROW(viewer->exec(QStringLiteral("UPDATE audit_item SET note = 'X'")), Error);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM person")).toInt(), 1);
    EXPECT_EQ(historyRows(), before);
}

TEST_F(RolesTest, AManagerKeepsPeopleAndTheHistoryRecordsThemButCannotForgeIt)
{
    auto manager =
        connectAs(QStringLiteral("steward_manager"), QStringLiteral("amara@example.org"));
    const qint64 before = historyRows();
    const Person added = PersonService(*manager).add(newcomer(QStringLiteral("ngozi@example.org")));
    EXPECT_GT(historyRows(), before);

    // The trigger wrote the history on the manager's behalf and named them, though the manager
    // holds no privilege on the history table.
    QSqlQuery last = db().exec(QStringLiteral(
        "SELECT actor, db_user FROM history WHERE table_name = 'person' ORDER BY id DESC LIMIT 1"));
    ASSERT_TRUE(last.next());
    EXPECT_EQ(last.value(0).toString(), QStringLiteral("amara@example.org"));
    EXPECT_TRUE(last.value(1).toString().startsWith(QLatin1String("steward_test_login_")));
    EXPECT_TRUE(HistoryService(db()).verify().intact);

    const qint64 rows = historyRows();
    EXPECT_THROW(manager->exec(QStringLiteral(
                     "INSERT INTO history (actor, table_name, row_key, operation, after, "
                     "prev_hash, hash) VALUES ('x', 'person', '1', 'INSERT', '{}', '', '')")),
                 Error);
    EXPECT_THROW(manager->exec(QStringLiteral("UPDATE history_chain SET last_hash = ''")), Error);
    EXPECT_EQ(historyRows(), rows);

    EXPECT_TRUE(allowed(*manager, "raci_entry", "INSERT"));
    EXPECT_TRUE(allowed(*manager, "audit", "INSERT"));
    EXPECT_FALSE(allowed(*manager, "plugin", "UPDATE")) << "plugins are an administrator's";
    EXPECT_FALSE(allowed(*manager, "role", "INSERT"));
    EXPECT_FALSE(allowed(*manager, "evidence", "INSERT")) << "running audits is an auditor's";
    Q_UNUSED(added);
}

TEST_F(RolesTest, AnAuditorRunsAuditsButDoesNotStaffProjects)
{
    auto auditor = connectAs(QStringLiteral("steward_auditor"));
    EXPECT_TRUE(allowed(*auditor, "audit_item", "UPDATE"));
    EXPECT_TRUE(allowed(*auditor, "evidence", "INSERT"));
    EXPECT_TRUE(allowed(*auditor, "audit_finding", "INSERT"));
    EXPECT_FALSE(allowed(*auditor, "raci_entry", "INSERT"));
    EXPECT_FALSE(allowed(*auditor, "audit", "INSERT")) << "planning is a manager's";
    EXPECT_THROW(PersonService(*auditor).add(newcomer(QStringLiteral("ngozi@example.org"))), Error);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM person")).toInt(), 0);
}

TEST_F(RolesTest, AnAdministratorHoldsEveryRight)
{
    auto admin = connectAs(QStringLiteral("steward_admin"));
    for (const char* table : {"person", "raci_entry", "audit", "plugin", "role", "checklist"})
        EXPECT_TRUE(allowed(*admin, table, "INSERT")) << table;
    EXPECT_TRUE(allowed(*admin, "evidence", "INSERT"));
    QSqlQuery isAdmin = admin->exec(QStringLiteral("SELECT steward_is_admin()"));
    ASSERT_TRUE(isAdmin.next());
    EXPECT_TRUE(isAdmin.value(0).toBool());
}

TEST_F(RolesTest, OtherClientsHearOfEachCommittedChangeOncePerTable)
{
    Database listener(conninfo());
    QSqlDriver* driver = listener.sql().driver();
    ASSERT_TRUE(driver->hasFeature(QSqlDriver::EventNotifications));
    QStringList heard;
    QObject::connect(
        driver, &QSqlDriver::notification,
        [&heard](const QString& channel, QSqlDriver::NotificationSource, const QVariant& payload) {
            heard << channel + QLatin1Char(':') + payload.toString();
        });
    ASSERT_TRUE(driver->subscribeToNotification(QStringLiteral("steward_changes")));

    {
        Transaction tx(db());
        PersonService people(db());
        for (int i = 0; i < 50; ++i)
            people.add(newcomer(QStringLiteral("person%1@example.org").arg(i)));
        tx.commit();
    }
    const QDeadlineTimer deadline(5000);
    while (heard.size() < 2 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    // Fifty people in one org unit: one notification for each table, not one per row.
    heard.sort();
    EXPECT_EQ(heard, (QStringList{QStringLiteral("steward_changes:org_unit"),
                                  QStringLiteral("steward_changes:person")}));
}

} // namespace
} // namespace steward
