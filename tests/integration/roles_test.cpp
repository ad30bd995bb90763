// PostgreSQL itself decides who may change what (sql/0004): each test logs in as a fresh login role
// that belongs to one of Steward's group roles and tries what that role may and may not do. Also
// the change notifications that keep other clients' windows current.
#include "database_fixture.h"
#include "db/conninfo.h"
#include "db/database.h"
#include "error.h"
#include "services/history_service.h"
#include "services/person_service.h"
#include "services/user_service.h"
#include "test_support.h"

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
    // holds no privilege on the history table. A login linked to nobody is named as itself: the
    // actor its client claims (amara) is only the owner's and superusers' to give (sql/0015).
    QSqlQuery last = db().exec(QStringLiteral(
        "SELECT actor, db_user FROM history WHERE table_name = 'person' ORDER BY id DESC LIMIT 1"));
    ASSERT_TRUE(last.next());
    EXPECT_TRUE(last.value(1).toString().startsWith(QLatin1String("steward_test_login_")));
    EXPECT_EQ(last.value(0).toString(), last.value(1).toString());
    EXPECT_TRUE(HistoryService(db()).verify().intact);

    // A temporary table named history does not catch the trigger's row.
    manager->exec(QStringLiteral(
        "CREATE TEMP TABLE history (actor text, table_name text, row_key text, operation text, "
        "before jsonb, after jsonb, prev_hash bytea, hash bytea)"));
    const qint64 real = historyRows();
    PersonService(*manager).add(newcomer(QStringLiteral("shadow@example.org")));
    EXPECT_GT(historyRows(), real) << "the change went into the manager's temporary table";
    manager->exec(QStringLiteral("DROP TABLE pg_temp.history"));

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

// A login linked to a person (steward user add): the history names the person, whatever the
// client claims with --actor; the password reaches the server only as a SCRAM verifier.
TEST_F(RolesTest, ALinkedLoginIsThePersonItBelongsTo)
{
    PersonService(db()).add(newcomer(QStringLiteral("ngozi@example.org")));
    Database admin(createLoginRole(conninfo(), QStringLiteral("steward_admin")));
    const QString login = QStringLiteral("ngozi_%1").arg(QCoreApplication::applicationPid());
    const StewardUser user =
        UserService(admin).add(QStringLiteral("ngozi@example.org"), QStringLiteral("manager"),
                               login, QStringLiteral("correct horse battery"));
    EXPECT_EQ(user.login, login);
    EXPECT_EQ(user.access, QStringLiteral("manager"));
    EXPECT_EQ(user.email, QStringLiteral("ngozi@example.org"));
    EXPECT_TRUE(
        scalar(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = ?"), {login})
            .toString()
            .startsWith(QLatin1String("SCRAM-SHA-256$")));

    const QString asNgozi = withSettings(
        conninfo(), {{QStringLiteral("user"), login},
                     {QStringLiteral("password"), QStringLiteral("correct horse battery")}});
    {
        Database ngozi(asNgozi, QStringLiteral("mallory@example.org"));
        PersonService(ngozi).add(newcomer(QStringLiteral("colleague@example.org")));
    }
    QSqlQuery last = db().exec(QStringLiteral(
        "SELECT actor, db_user FROM history WHERE table_name = 'person' ORDER BY id DESC LIMIT 1"));
    ASSERT_TRUE(last.next());
    EXPECT_EQ(last.value(0).toString(), QStringLiteral("ngozi@example.org"))
        << "the client's claim to be mallory was recorded";
    EXPECT_EQ(last.value(1).toString(), login);

    // Another role: the grants follow. Disabled: the login is refused, its link stays.
    UserService(admin).setAccess(QStringLiteral("ngozi@example.org"), QStringLiteral("viewer"));
    {
        Database ngozi(asNgozi);
        EXPECT_FALSE(allowed(ngozi, "person", "INSERT"));
        EXPECT_TRUE(allowed(ngozi, "person", "SELECT"));
    }
    EXPECT_TRUE(UserService(admin).disable(login).disabledAt.has_value());
    try {
        Database refused(asNgozi);
        FAIL() << "a disabled login connected";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unavailable);
        EXPECT_TRUE(e.message().contains(QLatin1String("not permitted to log in"))) << e.what();
    }
    EXPECT_EQ(UserService(db()).list().size(), 1u);
}

TEST_F(RolesTest, OnlyAdministratorsManageUsersAndPasswordsNeverTravelInClear)
{
    PersonService(db()).add(newcomer(QStringLiteral("ngozi@example.org")));
    const QString snapshot = QStringLiteral(
        "SELECT (SELECT count(*) FROM steward_user) || '/' || (SELECT count(*) FROM pg_roles)");
    for (const char* group : {"steward_manager", "steward_auditor", "steward_viewer", ""}) {
        Database someone(createLoginRole(conninfo(), QString::fromLatin1(group)));
        const QString afterLogin = scalar(snapshot).toString();
        try {
            UserService(someone).add(QStringLiteral("ngozi@example.org"), QStringLiteral("admin"),
                                     QStringLiteral("ngozi_escalated"), std::nullopt);
            ADD_FAILURE() << group << " added a user";
        } catch (const Error& e) {
            EXPECT_TRUE(e.message().contains(QLatin1String("permission denied"))) << e.what();
        }
        EXPECT_EQ(scalar(snapshot).toString(), afterLogin) << group;
    }

    // Called directly with a password in clear, the function refuses it.
    Database admin(createLoginRole(conninfo(), QStringLiteral("steward_admin")));
    EXPECT_THROW(admin.exec(QStringLiteral("SELECT steward_user_add('ngozi_plain', "
                                           "'ngozi@example.org', 'viewer', 'plain words')")),
                 Error);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = "
                                    "'ngozi_plain'"))
                  .toInt(),
              0);
    // A person who does not exist, a role that does not: refused, naming them.
    try {
        UserService(admin).add(QStringLiteral("nobody@example.org"), QStringLiteral("viewer"),
                               QStringLiteral("nobody_here"), std::nullopt);
        ADD_FAILURE() << "a login was linked to nobody";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
        EXPECT_EQ(e.message(),
                  QStringLiteral("no person has the e-mail address nobody@example.org"));
    }
    EXPECT_THROW(UserService(admin).add(QStringLiteral("ngozi@example.org"),
                                        QStringLiteral("superuser"), QStringLiteral("ngozi_x"),
                                        std::nullopt),
                 Error);
}

// A login made by hand before Steward managed logins is linked, not recreated; roles that can do
// more than a Steward user cannot be made into one.
TEST_F(RolesTest, AnExistingLoginIsLinkedButNotAPowerfulOne)
{
    PersonService(db()).add(newcomer(QStringLiteral("ngozi@example.org")));
    const QString handMade = createLoginRole(conninfo(), QStringLiteral("steward_viewer"));
    QString login;
    for (const auto& [key, value] : parseConninfoOptions(handMade))
        if (key == QLatin1String("user"))
            login = value;
    ASSERT_FALSE(login.isEmpty());
    Database admin(createLoginRole(conninfo(), QStringLiteral("steward_admin")));
    EXPECT_THROW(UserService(*connectAs(QStringLiteral("steward_manager")))
                     .link(QStringLiteral("ngozi@example.org"), QStringLiteral("admin"), login),
                 Error);
    const StewardUser linked = UserService(admin).link(QStringLiteral("ngozi@example.org"),
                                                       QStringLiteral("auditor"), login);
    EXPECT_EQ(linked.access, QStringLiteral("auditor"));
    Database ngozi(handMade);
    EXPECT_TRUE(allowed(ngozi, "audit_item", "UPDATE")) << "now an auditor";
    QSqlQuery viewer = db().exec(
        QStringLiteral("SELECT pg_has_role(?, 'steward_viewer', 'MEMBER') AND NOT EXISTS (SELECT "
                       "FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles "
                       "u ON u.oid = m.member WHERE u.rolname = ? AND g.rolname = "
                       "'steward_viewer')"),
        {login, login});
    ASSERT_TRUE(viewer.next());
    EXPECT_TRUE(viewer.value(0).toBool()) << "the hand-made direct viewer grant was not replaced";

    executeSql(conninfo(), QStringLiteral("CREATE ROLE steward_test_powerful_%1 LOGIN CREATEROLE")
                               .arg(QCoreApplication::applicationPid()));
    PersonService(db()).add(newcomer(QStringLiteral("power@example.org")));
    try {
        UserService(admin).link(
            QStringLiteral("power@example.org"), QStringLiteral("viewer"),
            QStringLiteral("steward_test_powerful_%1").arg(QCoreApplication::applicationPid()));
        ADD_FAILURE() << "a CREATEROLE login became a Steward user";
    } catch (const Error& e) {
        EXPECT_TRUE(e.message().contains(QLatin1String("is not a plain login"))) << e.what();
    }
    executeSql(conninfo(), QStringLiteral("DROP ROLE steward_test_powerful_%1")
                               .arg(QCoreApplication::applicationPid()));
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
