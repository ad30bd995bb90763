// Qualifications against a real PostgreSQL: the coverage rules UNQUALIFIED_HOLDER,
// QUALIFICATION_EXPIRING and NO_HUMAN_OVERSIGHT (project by project and organisation-wide, finding
// for finding), records and requirements through the service, and who may change them.
#include "coverage/core_rules.h"
#include "database_fixture.h"
#include "error.h"
#include "services/coverage_service.h"
#include "services/person_service.h"
#include "services/project_service.h"
#include "services/qualification_service.h"
#include "services/staffing_service.h"
#include "services/user_service.h"

#include <steward/builtin_keys.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTemporaryFile>

namespace steward {
namespace {

const QDate kToday(2026, 6, 15);
const QString kLiteracy = QStringLiteral("ai-literacy-basics");
const QString kOversight = QStringLiteral("human-oversight-high-risk-ai");
const QString kOversightDuty =
    QStringLiteral("ai-risk-governance-specialist.exercise-human-oversight");

class QualificationTest : public DatabaseTest {
protected:
    void addProject(const QString& key, RiskTier tier = RiskTier::Minimal,
                    AiActRole part = AiActRole::Provider,
                    ProjectStage stage = ProjectStage::Development)
    {
        Project p;
        p.key = key;
        p.name = key;
        p.riskTier = tier;
        p.aiActRole = part;
        p.stage = stage;
        p.status = ProjectStatus::Active;
        ProjectService(db()).add(p);
    }
    void addPerson(const QString& email)
    {
        Person p;
        p.email = email;
        p.name = email.section(QLatin1Char('@'), 0, 0);
        PersonService(db()).add(p);
    }
    void assign(const QString& project, const QString& email, const QString& role)
    {
        Assignment a;
        a.projectKey = project;
        a.personEmail = email;
        a.roleKey = role;
        a.from = QDate(2026, 1, 1);
        a.allocationPercent = 10;
        StaffingService(db()).assign(a);
    }
    void raci(const QString& project, const QString& email, const QString& duty, RaciKind kind)
    {
        StaffingService(db()).setRaci(project, duty, email, kind);
    }
    QualificationRecord record(const QString& email, const QString& key, QDate completed,
                               std::optional<QDate> expires = std::nullopt)
    {
        RecordInput in;
        in.personEmail = email;
        in.qualificationKey = key;
        in.completedOn = completed;
        in.expiresOn = expires;
        return QualificationService(db(), kToday).record(in);
    }
    // Findings of the given codes on the project, as "CODE subject".
    std::set<std::string> found(const QString& project, QDate day = kToday)
    {
        std::set<std::string> out;
        for (const Finding& f : CoverageService(db()).checkProject(project, day).findings)
            if (f.code == coverage_code::UnqualifiedHolder ||
                f.code == coverage_code::QualificationExpiring ||
                f.code == coverage_code::NoHumanOversight)
                out.insert(f.code + " " + f.subject);
        return out;
    }
    // The organisation-wide, set-based check says exactly what the project-by-project one says.
    void expectBothChecksAgree(QDate day = kToday)
    {
        CoverageService coverage(db());
        const CoverageReport all = coverage.checkAll(day);
        const CoverageReport each = coverage.checkAllProjectByProject(day);
        ASSERT_EQ(all.findings.size(), each.findings.size());
        for (std::size_t i = 0; i < all.findings.size(); ++i) {
            EXPECT_EQ(all.findings[i].code, each.findings[i].code) << i;
            EXPECT_EQ(all.findings[i].subject, each.findings[i].subject) << i;
            EXPECT_EQ(all.findings[i].message, each.findings[i].message) << i;
        }
    }
};

TEST_F(QualificationTest, TheBuiltInCatalogueAndItsRequirementsAreThere)
{
    QualificationService service(db(), kToday);
    std::set<QString> keys;
    for (const Qualification& q : service.catalogue())
        keys.insert(q.key);
    EXPECT_TRUE(keys.count(kLiteracy) && keys.count(kOversight));
    EXPECT_EQ(service.get(kLiteracy).validityMonths, 24);
    std::set<QString> scopes;
    for (const QualificationRequirement& r : service.requirements())
        scopes.insert(r.qualificationKey + QLatin1Char(' ') + r.scope());
    EXPECT_TRUE(scopes.count(kLiteracy + QStringLiteral(" everyone holding a role")));
    EXPECT_TRUE(scopes.count(kOversight + QStringLiteral(" responsibility ") + kOversightDuty));
}

TEST_F(QualificationTest, AHolderWithoutAValidRequiredQualificationIsUnqualified)
{
    addProject(QStringLiteral("P"));
    addPerson(QStringLiteral("ann@example.org"));
    assign(QStringLiteral("P"), QStringLiteral("ann@example.org"),
           QStringLiteral("data-scientist"));
    EXPECT_EQ(found(QStringLiteral("P")),
              (std::set<std::string>{"UNQUALIFIED_HOLDER ann@example.org"}));
    const auto fs = CoverageService(db()).checkProject(QStringLiteral("P"), kToday).findings;
    const auto it = std::find_if(fs.begin(), fs.end(), [](const Finding& f) {
        return f.code == coverage_code::UnqualifiedHolder;
    });
    ASSERT_NE(it, fs.end());
    EXPECT_EQ(it->severity, Severity::Error);
    EXPECT_NE(it->message.find("\"AI literacy basics\" (ai-literacy-basics, for data-scientist)"),
              std::string::npos)
        << it->message;
    expectBothChecksAgree();

    // Completed, derived to expire after 24 months: qualified.
    const QualificationRecord r =
        record(QStringLiteral("ann@example.org"), kLiteracy, QDate(2026, 3, 1));
    EXPECT_EQ(r.expiresOn, QDate(2028, 3, 1));
    EXPECT_TRUE(found(QStringLiteral("P")).empty());
    // A later day on which it lapsed, and the month before, which warns.
    EXPECT_EQ(found(QStringLiteral("P"), QDate(2028, 3, 1)),
              (std::set<std::string>{"UNQUALIFIED_HOLDER ann@example.org"}));
    EXPECT_EQ(found(QStringLiteral("P"), QDate(2028, 2, 10)),
              (std::set<std::string>{"QUALIFICATION_EXPIRING ann@example.org"}));
    expectBothChecksAgree(QDate(2028, 2, 10));
    expectBothChecksAgree(QDate(2028, 3, 1));
    // A completion recorded for the day after the check does not count on the check's day.
    EXPECT_EQ(found(QStringLiteral("P"), QDate(2026, 2, 28)),
              (std::set<std::string>{"UNQUALIFIED_HOLDER ann@example.org"}));
}

TEST_F(QualificationTest, AResponsibilitysRequirementBindsItsResponsibleAndAccountableOnly)
{
    addProject(QStringLiteral("P"), RiskTier::High, AiActRole::Deployer, ProjectStage::Operation);
    for (const char* who : {"gov", "adv"}) {
        const QString email = QLatin1String(who) + QStringLiteral("@example.org");
        addPerson(email);
        record(email, kLiteracy, QDate(2026, 1, 10));
        assign(QStringLiteral("P"), email, QStringLiteral("ai-risk-governance-specialist"));
    }
    raci(QStringLiteral("P"), QStringLiteral("gov@example.org"), kOversightDuty,
         RaciKind::Accountable);
    raci(QStringLiteral("P"), QStringLiteral("adv@example.org"), kOversightDuty,
         RaciKind::Consulted);
    // Accountable without the oversight training: unqualified, and nobody qualified oversees.
    EXPECT_EQ(found(QStringLiteral("P")),
              (std::set<std::string>{"UNQUALIFIED_HOLDER gov@example.org",
                                     "NO_HUMAN_OVERSIGHT " + kOversightDuty.toStdString()}));
    expectBothChecksAgree();
    // Twelve months from 2026-01-01: valid until 2027-01-01.
    record(QStringLiteral("gov@example.org"), kOversight, QDate(2026, 1, 1));
    EXPECT_TRUE(found(QStringLiteral("P")).empty());
    EXPECT_EQ(found(QStringLiteral("P"), QDate(2027, 1, 1)),
              (std::set<std::string>{"UNQUALIFIED_HOLDER gov@example.org",
                                     "NO_HUMAN_OVERSIGHT " + kOversightDuty.toStdString()}));
    expectBothChecksAgree(QDate(2027, 1, 1));
}

TEST_F(QualificationTest, HumanOversightIsAskedOfHighRiskSystemsTheOrganisationDeploysOnceInUse)
{
    addProject(QStringLiteral("DEPLOYED"), RiskTier::High, AiActRole::ProviderAndDeployer,
               ProjectStage::Deployment);
    addProject(QStringLiteral("BUILDING"), RiskTier::High, AiActRole::Deployer,
               ProjectStage::Development);
    addProject(QStringLiteral("SUPPLIED"), RiskTier::High, AiActRole::Provider,
               ProjectStage::Operation);
    addProject(QStringLiteral("LIMITED"), RiskTier::Limited, AiActRole::Deployer,
               ProjectStage::Operation);
    const std::string nobody = "NO_HUMAN_OVERSIGHT " + kOversightDuty.toStdString();
    EXPECT_EQ(found(QStringLiteral("DEPLOYED")), (std::set<std::string>{nobody}));
    for (const char* p : {"BUILDING", "SUPPLIED", "LIMITED"})
        EXPECT_TRUE(found(QString::fromLatin1(p)).empty()) << p;
    // Accountable and trained, but holding no role on the project any more: still nobody.
    addPerson(QStringLiteral("ex@example.org"));
    record(QStringLiteral("ex@example.org"), kLiteracy, QDate(2026, 1, 1));
    record(QStringLiteral("ex@example.org"), kOversight, QDate(2026, 1, 1));
    raci(QStringLiteral("DEPLOYED"), QStringLiteral("ex@example.org"), kOversightDuty,
         RaciKind::Accountable);
    EXPECT_TRUE(found(QStringLiteral("DEPLOYED")).count(nobody));
    expectBothChecksAgree();
    assign(QStringLiteral("DEPLOYED"), QStringLiteral("ex@example.org"),
           QStringLiteral("ai-risk-governance-specialist"));
    EXPECT_TRUE(found(QStringLiteral("DEPLOYED")).empty());
    expectBothChecksAgree();
}

TEST_F(QualificationTest, AProjectsOwnRequirementBindsItsRoleOnThatProjectOnly)
{
    addProject(QStringLiteral("CLINIC"));
    addProject(QStringLiteral("OFFICE"));
    addPerson(QStringLiteral("eng@example.org"));
    record(QStringLiteral("eng@example.org"), kLiteracy, QDate(2026, 1, 1));
    assign(QStringLiteral("CLINIC"), QStringLiteral("eng@example.org"),
           QStringLiteral("ai-engineer"));
    assign(QStringLiteral("OFFICE"), QStringLiteral("eng@example.org"),
           QStringLiteral("ai-engineer"));
    QualificationService service(db(), kToday);
    Qualification q;
    q.key = QStringLiteral("clinical-safety");
    q.name = QStringLiteral("Clinical safety");
    q.validityMonths = 36;
    service.add(q);
    const QualificationRequirement r =
        service.require(q.key, QStringLiteral("ai-engineer"), {}, QStringLiteral("CLINIC"));
    EXPECT_EQ(r.scope(), QStringLiteral("project CLINIC, role ai-engineer"));
    EXPECT_EQ(found(QStringLiteral("CLINIC")),
              (std::set<std::string>{"UNQUALIFIED_HOLDER eng@example.org"}));
    EXPECT_TRUE(found(QStringLiteral("OFFICE")).empty());
    expectBothChecksAgree();
    // Removing the requirement removes the finding.
    service.removeRequirement(r.id);
    EXPECT_TRUE(found(QStringLiteral("CLINIC")).empty());
    // The built-in ones come from the catalogue and go with it.
    const auto builtinRow = service.requirements().front();
    ASSERT_FALSE(builtinRow.pack.isEmpty());
    EXPECT_THROW(service.removeRequirement(builtinRow.id), Error);
}

TEST_F(QualificationTest, RecordsAreCheckedAndExpiriesDerivedUnlessGiven)
{
    addPerson(QStringLiteral("bo@example.org"));
    QualificationService service(db(), kToday);
    const auto refused = [&](RecordInput in, const char* field) {
        try {
            service.record(in);
            ADD_FAILURE() << "accepted; expected a problem with " << field;
        } catch (const Error& e) {
            EXPECT_TRUE(e.message().startsWith(QLatin1String(field))) << e.message().toStdString();
        }
    };
    RecordInput in;
    in.personEmail = QStringLiteral("bo@example.org");
    in.qualificationKey = kLiteracy;
    in.completedOn = kToday.addDays(1);
    refused(in, "completed:");
    in.completedOn = kToday;
    in.expiresOn = kToday;
    refused(in, "expires:");
    in.expiresOn.reset();
    in.personEmail = QStringLiteral("nobody@example.org");
    refused(in, "email:");
    in.personEmail = QStringLiteral("bo@example.org");
    in.evidenceUrl = QStringLiteral("not a url");
    refused(in, "url:");
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM qualification_record")).toInt(), 0);

    QTemporaryFile certificate;
    ASSERT_TRUE(certificate.open());
    certificate.write("certificate of completion\n");
    certificate.flush();
    in.evidenceUrl.clear();
    in.evidenceFile = certificate.fileName();
    in.expiresOn = QDate(2027, 1, 1);
    const QualificationRecord r = service.record(in);
    EXPECT_EQ(r.expiresOn, QDate(2027, 1, 1));
    EXPECT_EQ(r.evidenceKind, QStringLiteral("file"));
    EXPECT_EQ(r.evidenceSha256,
              QString::fromLatin1(QCryptographicHash::hash("certificate of completion\n",
                                                           QCryptographicHash::Sha256)
                                      .toHex()));
    // The same completion again updates it, and every change is in the history.
    in.evidenceFile.clear();
    in.expiresOn.reset();
    in.note = QStringLiteral("renewed certificate");
    const QualificationRecord again = service.record(in);
    EXPECT_EQ(again.id, r.id);
    EXPECT_EQ(again.expiresOn, QDate(2028, 6, 15));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history WHERE table_name = "
                                    "'qualification_record'"))
                  .toInt(),
              2);
    service.removeRecord(r.id, again.version);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history WHERE table_name = "
                                    "'qualification_record' AND operation = 'DELETE'"))
                  .toInt(),
              1);
}

// The database decides who changes what, for a login linked to a person: a manager records (as
// themselves, whatever the client says), a viewer does not, only an administrator edits the
// catalogue or a role's requirements.
TEST_F(QualificationTest, PostgreSQLDecidesWhoMayChangeQualifications)
{
    for (const char* who : {"mia", "vic", "ada", "lena"})
        addPerson(QLatin1String(who) + QStringLiteral("@example.org"));
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    std::map<QString, QString> conn;
    for (const auto& [who, group] :
         {std::pair{"mia", "manager"}, std::pair{"vic", "viewer"}, std::pair{"ada", "admin"}}) {
        const QString login = QLatin1String(who) + QLatin1Char('_') + suffix;
        UserService(db()).add(QLatin1String(who) + QStringLiteral("@example.org"),
                              QLatin1String(group), login, QStringLiteral("pw-") + login);
        conn[QLatin1String(group)] =
            withSettings(conninfo(), {{QStringLiteral("user"), login},
                                      {QStringLiteral("password"), QStringLiteral("pw-") + login}});
    }
    RecordInput in;
    in.personEmail = QStringLiteral("lena@example.org");
    in.qualificationKey = kLiteracy;
    in.completedOn = QDate(2026, 2, 2);
    {
        Database viewer(conn[QStringLiteral("viewer")]);
        EXPECT_THROW(QualificationService(viewer, kToday).record(in), Error);
    }
    {
        Database manager(conn[QStringLiteral("manager")], QStringLiteral("ada@example.org"));
        const QualificationRecord r = QualificationService(manager, kToday).record(in);
        EXPECT_EQ(r.recordedBy, QStringLiteral("mia@example.org"))
            << "the client's claim to be ada was believed";
        Qualification q;
        q.key = QStringLiteral("own-course");
        q.name = QStringLiteral("Own course");
        EXPECT_THROW(QualificationService(manager).add(q), Error);
        EXPECT_THROW(
            QualificationService(manager).require(kLiteracy, QStringLiteral("ai-engineer"), {}, {}),
            Error);
    }
    {
        Database admin(conn[QStringLiteral("admin")]);
        Qualification q;
        q.key = QStringLiteral("own-course");
        q.name = QStringLiteral("Own course");
        EXPECT_EQ(QualificationService(admin).add(q).key, q.key);
        EXPECT_EQ(QualificationService(admin)
                      .require(q.key, QStringLiteral("ai-engineer"), {}, {})
                      .roleKey,
                  QStringLiteral("ai-engineer"));
    }
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM qualification_record")).toInt(), 1);
}

} // namespace
} // namespace steward
