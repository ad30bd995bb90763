// The people, project, staffing and catalogue services against a real database.
#include "catalog/builtin_catalogue.h"
#include "catalog/catalog_sync.h"
#include "database_fixture.h"
#include "db/database.h"
#include "error.h"
#include "services/catalog_service.h"
#include "services/history_service.h"
#include "services/person_service.h"
#include "services/project_service.h"
#include "services/staffing_service.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

namespace steward {
namespace {

class Services : public DatabaseTest {
protected:
    Person person(const QString& email, const QString& name, const QString& unit = {})
    {
        Person p;
        p.email = email;
        p.name = name;
        p.orgUnit = unit;
        return PersonService(db()).add(p);
    }
    Project project(const QString& key)
    {
        Project p;
        p.key = key;
        p.name = key + QStringLiteral(" project");
        return ProjectService(db()).add(p);
    }
    qint64 historyRows()
    {
        return scalar(QStringLiteral("SELECT count(*) FROM history")).toLongLong();
    }

    ErrorKind kindOf(const std::function<void()>& f)
    {
        try {
            f();
        } catch (const Error& e) {
            m_lastMessage = e.message();
            return e.kind();
        }
        ADD_FAILURE() << "expected an error";
        return ErrorKind::Internal;
    }
    QString m_lastMessage;
};

TEST_F(Services, PeopleAreAddedFoundAndListed)
{
    const Person ada = person(QStringLiteral("Ada@Example.org"), QStringLiteral("Ada Lovelace"),
                              QStringLiteral("Research"));
    person(QStringLiteral("bob@example.org"), QStringLiteral("Bob Babbage"),
           QStringLiteral("research"));
    PersonService people(db());
    EXPECT_EQ(people.byEmail(QStringLiteral("ada@example.ORG")).id, ada.id)
        << "e-mail lookup ignores case";
    EXPECT_EQ(people.orgUnits(), QStringList{QStringLiteral("Research")})
        << "org unit names ignore case";
    EXPECT_EQ(people.list().size(), 2u);
    EXPECT_EQ(people.list(PersonFilter{QStringLiteral("babb"), {}, {}, 0, 0}).size(), 1u);
    EXPECT_EQ(people.count(PersonFilter{{}, QStringLiteral("Research"), {}, 0, 0}), 2);
    EXPECT_EQ(people.list(PersonFilter{QStringLiteral("%"), {}, {}, 0, 0}).size(), 0u)
        << "LIKE wildcards are literal";
}

TEST_F(Services, BadPeopleAreRefusedWithoutAnyChange)
{
    person(QStringLiteral("ada@example.org"), QStringLiteral("Ada"));
    const qint64 before = historyRows();
    Person p;
    p.email = QStringLiteral("not an email");
    p.name = QStringLiteral("X");
    EXPECT_EQ(kindOf([&] { PersonService(db()).add(p); }), ErrorKind::Validation);
    EXPECT_TRUE(m_lastMessage.startsWith(QStringLiteral("email:"))) << m_lastMessage.toStdString();
    p.email = QStringLiteral("ADA@example.org");
    p.orgUnit = QStringLiteral("A brand new unit");
    EXPECT_EQ(kindOf([&] { PersonService(db()).add(p); }), ErrorKind::Conflict);
    EXPECT_TRUE(m_lastMessage.contains(QStringLiteral("already exists")))
        << m_lastMessage.toStdString();
    EXPECT_EQ(historyRows(), before);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM org_unit")).toInt(), 0)
        << "the org unit was rolled back too";
}

TEST_F(Services, ConcurrentEditsAreDetected)
{
    const Person original = person(QStringLiteral("ada@example.org"), QStringLiteral("Ada"));
    Person mine = original;
    Person theirs = original;
    theirs.title = QStringLiteral("Chief Scientist");
    const Person saved = PersonService(db()).update(theirs);
    EXPECT_EQ(saved.version, original.version + 1);
    mine.title = QStringLiteral("Engineer");
    EXPECT_EQ(kindOf([&] { PersonService(db()).update(mine); }), ErrorKind::Conflict);
    EXPECT_TRUE(m_lastMessage.contains(QStringLiteral("version %1").arg(original.version)))
        << m_lastMessage.toStdString();
    EXPECT_TRUE(m_lastMessage.contains(QStringLiteral("version %1").arg(saved.version)));
    EXPECT_EQ(PersonService(db()).get(original.id).title, QStringLiteral("Chief Scientist"))
        << "nothing overwritten";
}

// The server ends a client's backend in the middle of its transaction (an administrator's
// pg_terminate_backend, a failover): the transaction is rolled back whole, and the client is told
// the database is unavailable, which the CLI reports with exit code 3.
TEST_F(Services, AConnectionCutMidTransactionRollsBackWholeAndSaysUnavailable)
{
    Database client(conninfo(), QStringLiteral("cut@example.org"));
    const qint64 historyBefore = historyRows();
    QSqlQuery backend = client.exec(QStringLiteral("SELECT pg_backend_pid()"));
    ASSERT_TRUE(backend.next());
    const qint64 pid = backend.value(0).toLongLong();
    {
        Transaction tx(client);
        Person first;
        first.email = QStringLiteral("first@example.org");
        first.name = QStringLiteral("First In");
        PersonService(client).add(first);
        db().exec(QStringLiteral("SELECT pg_terminate_backend(?, 5000)"), {pid});
        Person second;
        second.email = QStringLiteral("second@example.org");
        second.name = QStringLiteral("Second In");
        EXPECT_EQ(kindOf([&] { PersonService(client).add(second); }), ErrorKind::Unavailable)
            << m_lastMessage.toStdString();
        EXPECT_TRUE(m_lastMessage.contains(QLatin1String("terminating connection")))
            << m_lastMessage.toStdString();
    }
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM person")).toLongLong(), 0);
    EXPECT_EQ(historyRows(), historyBefore);
}

TEST_F(Services, ProjectsKeepTheirAttributes)
{
    person(QStringLiteral("owner@example.org"), QStringLiteral("Owner"));
    Project p;
    p.key = QStringLiteral("FRAUD-WATCH");
    p.name = QStringLiteral("Fraud watch");
    p.industry = Industry::Finance;
    p.riskTier = RiskTier::High;
    p.stage = ProjectStage::Operation;
    p.status = ProjectStatus::Active;
    p.aiActRole = AiActRole::ProviderAndDeployer;
    p.tags = {QStringLiteral("credit-decision"), QStringLiteral("customer-data")};
    p.ownerEmail = QStringLiteral("owner@example.org");
    p.startDate = QDate(2026, 1, 1);
    ProjectService projects(db());
    const Project stored = projects.add(p);
    EXPECT_EQ(stored.industry, Industry::Finance);
    EXPECT_EQ(stored.riskTier, RiskTier::High);
    EXPECT_EQ(stored.aiActRole, AiActRole::ProviderAndDeployer);
    EXPECT_EQ(stored.tags, p.tags);
    EXPECT_EQ(stored.ownerEmail, p.ownerEmail);
    EXPECT_EQ(stored.startDate, p.startDate);
    ProjectFilter f;
    f.riskTier = RiskTier::High;
    EXPECT_EQ(projects.list(f).size(), 1u);
    f.riskTier = RiskTier::Minimal;
    EXPECT_TRUE(projects.list(f).empty());

    p.key = QStringLiteral("bad key");
    EXPECT_EQ(kindOf([&] { projects.add(p); }), ErrorKind::Validation);
    p.key = QStringLiteral("OTHER");
    p.ownerEmail = QStringLiteral("nobody@example.org");
    EXPECT_EQ(kindOf([&] { projects.add(p); }), ErrorKind::NotFound);
    EXPECT_TRUE(m_lastMessage.contains(QStringLiteral("nobody@example.org")));
}

TEST_F(Services, AssignmentsAreValidated)
{
    person(QStringLiteral("ada@example.org"), QStringLiteral("Ada"));
    Person gone;
    gone.email = QStringLiteral("gone@example.org");
    gone.name = QStringLiteral("Gone");
    gone.active = false;
    PersonService(db()).add(gone);
    project(QStringLiteral("P1"));
    StaffingService staffing(db());
    Assignment a;
    a.projectKey = QStringLiteral("P1");
    a.personEmail = QStringLiteral("ada@example.org");
    a.roleKey = QStringLiteral("ai-engineer");
    a.from = QDate(2026, 1, 1);
    a.allocationPercent = 60;
    const Assignment saved = staffing.assign(a);
    EXPECT_EQ(saved.personName, QStringLiteral("Ada"));
    EXPECT_EQ(staffing.assignments(QStringLiteral("P1")).size(), 1u);

    EXPECT_EQ(kindOf([&] { staffing.assign(a); }), ErrorKind::Conflict) << "overlapping duplicate";
    Assignment bad = a;
    bad.roleKey = QStringLiteral("no-such-role");
    EXPECT_EQ(kindOf([&] { staffing.assign(bad); }), ErrorKind::NotFound);
    bad = a;
    bad.allocationPercent = 0;
    EXPECT_EQ(kindOf([&] { staffing.assign(bad); }), ErrorKind::Validation);
    bad = a;
    bad.personEmail = QStringLiteral("gone@example.org");
    EXPECT_EQ(kindOf([&] { staffing.assign(bad); }), ErrorKind::Validation);
    EXPECT_TRUE(m_lastMessage.contains(QStringLiteral("inactive")));

    const Assignment ended = staffing.endAssignment(saved.id, QDate(2026, 3, 31), saved.version);
    EXPECT_EQ(ended.to, QDate(2026, 3, 31));
    EXPECT_EQ(kindOf([&] { staffing.endAssignment(saved.id, QDate(2026, 4, 30), saved.version); }),
              ErrorKind::Conflict)
        << "stale version";
}

TEST_F(Services, OnlyOneAccountablePerResponsibility)
{
    person(QStringLiteral("ada@example.org"), QStringLiteral("Ada"));
    person(QStringLiteral("bob@example.org"), QStringLiteral("Bob"));
    project(QStringLiteral("P1"));
    StaffingService staffing(db());
    const QString resp = QStringLiteral("ai-project-manager.define-goals-and-scope");
    ASSERT_EQ(
        scalar(QStringLiteral("SELECT count(*) FROM responsibility WHERE key = ?"), {resp}).toInt(),
        1)
        << "the built-in catalogue has this responsibility";
    staffing.setRaci(QStringLiteral("P1"), resp, QStringLiteral("ada@example.org"),
                     RaciKind::Accountable);
    staffing.setRaci(QStringLiteral("P1"), resp, QStringLiteral("ada@example.org"),
                     RaciKind::Accountable); // idempotent
    EXPECT_EQ(kindOf([&] {
                  staffing.setRaci(QStringLiteral("P1"), resp, QStringLiteral("bob@example.org"),
                                   RaciKind::Accountable);
              }),
              ErrorKind::Conflict);
    EXPECT_TRUE(m_lastMessage.contains(QStringLiteral("ada@example.org")))
        << m_lastMessage.toStdString();
    staffing.setRaci(QStringLiteral("P1"), resp, QStringLiteral("bob@example.org"),
                     RaciKind::Responsible);
    EXPECT_EQ(staffing.raci(QStringLiteral("P1")).size(), 2u);
    EXPECT_TRUE(staffing.removeRaci(QStringLiteral("P1"), resp, QStringLiteral("bob@example.org"),
                                    RaciKind::Responsible));
    EXPECT_FALSE(staffing.removeRaci(QStringLiteral("P1"), resp, QStringLiteral("bob@example.org"),
                                     RaciKind::Responsible));
    EXPECT_EQ(kindOf([&] {
                  staffing.setRaci(QStringLiteral("P1"), QStringLiteral("no.such"),
                                   QStringLiteral("bob@example.org"), RaciKind::Informed);
              }),
              ErrorKind::NotFound);
}

TEST_F(Services, TheBuiltInCatalogueIsInTheDatabaseAndSyncsIdempotently)
{
    CatalogService catalog(db());
    EXPECT_EQ(catalog.roles().size(), builtinRoles().size());
    std::size_t responsibilities = 0;
    for (const RoleSpec& r : builtinRoles())
        responsibilities += r.responsibilities.size();
    EXPECT_EQ(catalog.responsibilities().size(), responsibilities);

    const qint64 before = historyRows();
    const CatalogSyncResult again = syncBuiltinCatalogue(db());
    EXPECT_FALSE(again.changedAnything());
    EXPECT_EQ(historyRows(), before) << "a warm sync writes nothing";
}

TEST_F(Services, APackThatDropsARoleRetiresIt)
{
    RoleSpec role;
    role.key = "acme.reviewer";
    role.name = "Reviewer";
    role.category = "domain";
    role.responsibilities = {
        {"acme.reviewer.review", "Review the model card.", LifecycleStage::Govern, true}};
    RoleSpec other = role;
    other.key = "acme.approver";
    other.name = "Approver";
    other.responsibilities = {
        {"acme.approver.approve", "Approve the release.", LifecycleStage::Govern, false}};
    CatalogSync sync(db());
    CatalogSyncResult r = sync.syncPack(QStringLiteral("acme"), QStringLiteral("Acme"),
                                        QStringLiteral("1.0.0"), {role, other});
    EXPECT_EQ(r.rolesAdded, 2);
    EXPECT_EQ(r.responsibilitiesAdded, 2);

    role.responsibilities[0].text = "Review the model card and the data sheet.";
    r = sync.syncPack(QStringLiteral("acme"), QStringLiteral("Acme"), QStringLiteral("1.1.0"),
                      {role});
    EXPECT_EQ(r.responsibilitiesUpdated, 1);
    EXPECT_EQ(r.rolesRetired, 1);
    EXPECT_EQ(r.responsibilitiesRetired, 1);
    CatalogService catalog(db());
    EXPECT_TRUE(catalog.role(QStringLiteral("acme.approver")).retired);
    EXPECT_FALSE(catalog.role(QStringLiteral("acme.reviewer")).retired);

    // A retired role is not offered for new assignments.
    person(QStringLiteral("ada@example.org"), QStringLiteral("Ada"));
    project(QStringLiteral("P1"));
    Assignment a;
    a.projectKey = QStringLiteral("P1");
    a.personEmail = QStringLiteral("ada@example.org");
    a.roleKey = QStringLiteral("acme.approver");
    a.from = QDate(2026, 1, 1);
    EXPECT_EQ(kindOf([&] { StaffingService(db()).assign(a); }), ErrorKind::Validation);
    EXPECT_TRUE(m_lastMessage.contains(QStringLiteral("retired")));

    // Another pack cannot take over a role key.
    EXPECT_EQ(kindOf([&] {
                  sync.syncPack(QStringLiteral("other"), QStringLiteral("Other"),
                                QStringLiteral("1"), {role});
              }),
              ErrorKind::Conflict);
}

TEST_F(Services, HistoryListsChangesWithTheirActor)
{
    person(QStringLiteral("ada@example.org"), QStringLiteral("Ada"));
    HistoryFilter f;
    f.table = QStringLiteral("person");
    const auto entries = HistoryService(db()).list(f);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].actor, QStringLiteral("tester"));
    EXPECT_EQ(entries[0].operation, QStringLiteral("INSERT"));
    EXPECT_TRUE(entries[0].after.contains(QStringLiteral("ada@example.org")));
}

} // namespace
} // namespace steward
