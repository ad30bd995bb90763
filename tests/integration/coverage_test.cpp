// The coverage check on stored staffing: each finding code, and a fully staffed project with none.
#include "coverage/core_rules.h"
#include "coverage/staffing_loader.h"
#include "database_fixture.h"
#include "services/coverage_service.h"
#include "services/person_service.h"
#include "services/project_service.h"
#include "services/staffing_service.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <set>

namespace steward {
namespace {

const QDate kToday(2026, 6, 15);

class Coverage : public DatabaseTest {
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        addProject(QStringLiteral("CLEAN"), ProjectStage::Development);
        staffFully(QStringLiteral("CLEAN"), QStringLiteral("clean"));
    }

    void addProject(const QString& key, ProjectStage stage,
                    ProjectStatus status = ProjectStatus::Active)
    {
        Project p;
        p.key = key;
        p.name = key;
        p.stage = stage;
        p.status = status;
        ProjectService(db()).add(p);
    }

    // Everyone here took the AI-literacy course every role requires (the qualification rules
    // have tests of their own).
    QString addPerson(const QString& email, bool active = true)
    {
        Person p;
        p.email = email;
        p.name = email.section(QLatin1Char('@'), 0, 0);
        p.active = active;
        PersonService(db()).add(p);
        db().exec(QStringLiteral("INSERT INTO qualification_record (person_id, qualification_key, "
                                 "completed_on) SELECT id, 'ai-literacy-basics', ?::date - 60 "
                                 "FROM person WHERE email = ?"),
                  {kToday, email});
        return email;
    }

    void assign(const QString& project, const QString& email, const QString& role, int percent = 10,
                QDate from = QDate(2026, 1, 1), std::optional<QDate> to = std::nullopt)
    {
        Assignment a;
        a.projectKey = project;
        a.personEmail = email;
        a.roleKey = role;
        a.from = from;
        a.to = to;
        a.allocationPercent = percent;
        StaffingService(db()).assign(a);
    }

    // Responsibilities every general-industry project at `stage` must cover.
    std::vector<std::pair<QString, QString>> required(ProjectStage stage)
    {
        const bool operating =
            stage == ProjectStage::Deployment || stage == ProjectStage::Operation;
        QSqlQuery q =
            db().exec(QStringLiteral("SELECT r.key, r.role_key, r.stage FROM responsibility r JOIN "
                                     "role ro ON ro.key = r.role_key "
                                     "WHERE r.required AND ro.industry IS NULL ORDER BY r.key"));
        std::vector<std::pair<QString, QString>> result;
        while (q.next())
            if (operating || q.value(2).toString() != QLatin1String("operate"))
                result.emplace_back(q.value(0).toString(), q.value(1).toString());
        return result;
    }

    // One person per role, Accountable and Responsible for each required responsibility.
    void staffFully(const QString& project, const QString& prefix)
    {
        StaffingService staffing(db());
        std::set<QString> roles;
        const Project p = ProjectService(db()).byKey(project);
        for (const auto& [resp, role] : required(p.stage)) {
            const QString email = QStringLiteral("%1.%2@example.org").arg(prefix, role);
            if (roles.insert(role).second) {
                addPerson(email);
                assign(project, email, role);
            }
            staffing.setRaci(project, resp, email, RaciKind::Accountable);
            staffing.setRaci(project, resp, email, RaciKind::Responsible);
        }
    }

    std::vector<Finding> findings(const QString& project)
    {
        return CoverageService(db()).checkProject(project, kToday).findings;
    }

    static std::set<std::string> codes(const std::vector<Finding>& fs)
    {
        std::set<std::string> result;
        for (const Finding& f : fs)
            result.insert(f.code);
        return result;
    }

    const QString m_goals = QStringLiteral("ai-project-manager.define-goals-and-scope");
};

// What the SDK gives rules about people and the project (plugin ABI 2): org unit, title and the
// project's owner, who is among the snapshot's people even without a role on it. Both loaders
// (one project, and the organisation-wide picks) read them alike.
TEST_F(Coverage, SnapshotsCarryOrgUnitTitleAndTheProjectsOwner)
{
    const QString engineer = QStringLiteral("clean.ai-engineer@example.org");
    db().exec(QStringLiteral("INSERT INTO org_unit (name) VALUES ('Model Risk')"));
    db().exec(QStringLiteral("UPDATE person SET title = 'Staff engineer', org_unit_id = (SELECT id "
                             "FROM org_unit WHERE name = 'Model Risk') WHERE email = ?"),
              {engineer});
    const QString owner = addPerson(QStringLiteral("owner@example.org"));
    db().exec(QStringLiteral("UPDATE project SET owner_id = (SELECT id FROM person WHERE email = "
                             "?) WHERE key = 'CLEAN'"),
              {owner});
    const ProjectStaffing s = StaffingLoader(db()).load(QStringLiteral("CLEAN"), kToday);
    ASSERT_TRUE(s.project.ownerId.has_value());
    const PersonInfo* o = s.person(*s.project.ownerId);
    ASSERT_NE(o, nullptr) << "the owner is not among the snapshot's people";
    EXPECT_EQ(o->email, owner.toStdString());
    const auto it = std::find_if(s.people.begin(), s.people.end(), [&](const PersonInfo& p) {
        return p.email == engineer.toStdString();
    });
    ASSERT_NE(it, s.people.end());
    EXPECT_EQ(it->orgUnit, "Model Risk");
    EXPECT_EQ(it->title, "Staff engineer");
    ASSERT_EQ(it->qualifications.size(), 1u);
    EXPECT_EQ(it->qualifications[0].key, "ai-literacy-basics");
    EXPECT_TRUE(it->holdsQualification("ai-literacy-basics"));
    // Completed 60 days before; the course counts for 24 months.
    EXPECT_EQ(it->qualifications[0].expiresOn, toDate(kToday.addDays(-60).addMonths(24)));
    // The organisation-wide check's findings stay those of the project-by-project check.
    CoverageService coverage(db());
    EXPECT_EQ(coverage.checkAll(kToday).findings.size(),
              coverage.checkAllProjectByProject(kToday).findings.size());
}

TEST_F(Coverage, AFullyStaffedProjectHasNoFindings)
{
    const auto fs = findings(QStringLiteral("CLEAN"));
    for (const Finding& f : fs)
        ADD_FAILURE() << f.code << ": " << f.message;
    EXPECT_TRUE(fs.empty());
    EXPECT_GE(required(ProjectStage::Development).size(), 8u)
        << "the catalogue marks a real set as required";
}

TEST_F(Coverage, MissingAccountableAndResponsibleAreErrors)
{
    StaffingService staffing(db());
    const QString pm = QStringLiteral("clean.ai-project-manager@example.org");
    staffing.removeRaci(QStringLiteral("CLEAN"), m_goals, pm, RaciKind::Accountable);
    staffing.removeRaci(QStringLiteral("CLEAN"), m_goals, pm, RaciKind::Responsible);
    const auto fs = findings(QStringLiteral("CLEAN"));
    ASSERT_EQ(fs.size(), 2u);
    EXPECT_EQ(codes(fs),
              (std::set<std::string>{coverage_code::NoAccountable, coverage_code::NoResponsible}));
    for (const Finding& f : fs) {
        EXPECT_EQ(f.severity, Severity::Error);
        EXPECT_EQ(f.subject, m_goals.toStdString());
        EXPECT_EQ(f.projectKey, "CLEAN");
        EXPECT_NE(f.message.find("goals and scope"), std::string::npos) << f.message;
        EXPECT_FALSE(f.remedy.empty());
    }
}

TEST_F(Coverage, OperatingDutiesBecomeDueAtDeployment)
{
    const std::size_t developing = required(ProjectStage::Development).size();
    const std::size_t operating = required(ProjectStage::Operation).size();
    ASSERT_GT(operating, developing);
    Project p = ProjectService(db()).byKey(QStringLiteral("CLEAN"));
    p.stage = ProjectStage::Operation;
    ProjectService(db()).update(p);
    const auto fs = findings(QStringLiteral("CLEAN"));
    EXPECT_EQ(fs.size(), 2 * (operating - developing))
        << "one A and one R missing per operating duty";
    EXPECT_EQ(codes(fs),
              (std::set<std::string>{coverage_code::NoAccountable, coverage_code::NoResponsible}));
}

TEST_F(Coverage, ResponsibleWithoutTheRoleIsReported)
{
    const QString outsider = addPerson(QStringLiteral("outsider@example.org"));
    assign(QStringLiteral("CLEAN"), outsider, QStringLiteral("ai-consultant"));
    StaffingService(db()).setRaci(QStringLiteral("CLEAN"), m_goals, outsider,
                                  RaciKind::Responsible);
    StaffingService(db()).setRaci(QStringLiteral("CLEAN"), m_goals, outsider, RaciKind::Consulted);
    const auto fs = findings(QStringLiteral("CLEAN"));
    ASSERT_EQ(fs.size(), 1u) << "Consulted entries need not hold the role";
    EXPECT_EQ(fs[0].code, coverage_code::RaciWithoutRole);
    EXPECT_EQ(fs[0].subject, "outsider@example.org");
    EXPECT_EQ(fs[0].severity, Severity::Warning);
}

TEST_F(Coverage, AnAssignmentThatEndedNoLongerGrantsTheRole)
{
    const QString pm = QStringLiteral("clean.ai-project-manager@example.org");
    const QSqlQuery q =
        db().exec(QStringLiteral("UPDATE assignment SET to_date = '2026-03-31' WHERE person_id = "
                                 "(SELECT id FROM person WHERE email = ?)"),
                  {pm});
    const auto fs = findings(QStringLiteral("CLEAN"));
    ASSERT_FALSE(fs.empty());
    EXPECT_EQ(codes(fs), std::set<std::string>{coverage_code::RaciWithoutRole});
}

TEST_F(Coverage, OverAllocationAcrossProjectsIsReportedOnEach)
{
    addProject(QStringLiteral("OTHER"), ProjectStage::Concept);
    const QString busy = addPerson(QStringLiteral("busy@example.org"));
    assign(QStringLiteral("CLEAN"), busy, QStringLiteral("data-scientist"), 70, QDate(2026, 1, 1),
           QDate(2026, 12, 31));
    assign(QStringLiteral("OTHER"), busy, QStringLiteral("data-scientist"), 50, QDate(2026, 6, 1));
    auto fs = findings(QStringLiteral("CLEAN"));
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].code, coverage_code::OverAllocated);
    EXPECT_NE(fs[0].message.find("120 %"), std::string::npos) << fs[0].message;
    EXPECT_NE(fs[0].message.find("OTHER"), std::string::npos) << fs[0].message;

    // Sequential assignments that add up to more than 100 % but never overlap are fine.
    db().exec(QStringLiteral("UPDATE assignment SET from_date = '2027-01-01' WHERE project_id = "
                             "(SELECT id FROM project WHERE key = 'OTHER')"));
    fs = findings(QStringLiteral("CLEAN"));
    EXPECT_TRUE(fs.empty());
}

TEST_F(Coverage, InactivePeopleStillAssignedAreReported)
{
    const QString pm = QStringLiteral("clean.ai-project-manager@example.org");
    Person p = PersonService(db()).byEmail(pm);
    p.active = false;
    PersonService(db()).update(p);
    const auto fs = findings(QStringLiteral("CLEAN"));
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].code, coverage_code::InactiveAssignee);
    EXPECT_EQ(fs[0].subject, pm.toStdString());
}

TEST_F(Coverage, TheOrganisationReportSkipsClosedProjects)
{
    addProject(QStringLiteral("GAPPY"), ProjectStage::Concept);
    addProject(QStringLiteral("DONE"), ProjectStage::Retirement, ProjectStatus::Completed);
    const CoverageReport report = CoverageService(db()).checkAll(kToday);
    EXPECT_EQ(report.projectKeys, (std::vector<std::string>{"CLEAN", "GAPPY"}));
    const std::size_t due = required(ProjectStage::Concept).size();
    EXPECT_EQ(static_cast<std::size_t>(report.count(Severity::Error)), 2 * due);
    for (const Finding& f : report.findings)
        EXPECT_EQ(f.projectKey, "GAPPY");
}

TEST_F(Coverage, AThrowingRuleBecomesAFindingInsteadOfACrash)
{
    class Broken final : public Rule {
    public:
        std::string key() const override { return "broken"; }
        std::string description() const override { return "always throws"; }
        std::vector<Finding> check(const ProjectStaffing&) const override
        {
            throw std::runtime_error("boom");
        }
    };
    CoverageService service(db(), {std::make_shared<Broken>()});
    const auto fs = service.checkProject(QStringLiteral("CLEAN"), kToday).findings;
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].code, coverage_code::RuleFailed);
    EXPECT_NE(fs[0].message.find("boom"), std::string::npos);
}

} // namespace
} // namespace steward
