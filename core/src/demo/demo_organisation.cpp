// The loader of the demo organisation: writes its content (demo_organisation_seed.h) through the
// services, so that validation and the history apply as for any user's edits, and derives the RACI
// entries the content does not list one by one.
#include "demo/demo_organisation.h"

#include "db/database.h"
#include "demo/demo_audits.h"
#include "demo/demo_organisation_seed.h"
#include "demo/demo_qualifications.h"
#include "error.h"
#include "services/person_service.h"
#include "services/project_service.h"
#include "services/staffing_service.h"

#include <QSqlQuery>

#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

namespace steward {

using namespace demo_seed;

namespace {

bool isPackRole(const QString& roleKey)
{
    return roleKey.contains(QLatin1Char('.'));
}

// Serialises concurrent demo loads for the whole load: the emptiness check and the writes that
// follow must not interleave with another loader's. A session lock, because every service call
// commits its own transaction.
class DemoLock {
public:
    explicit DemoLock(Database& db)
        : m_db(db)
    {
        m_db.exec(QStringLiteral("SELECT pg_advisory_lock(hashtext('steward.demo-load'))"));
    }
    ~DemoLock()
    {
        try {
            m_db.exec(QStringLiteral("SELECT pg_advisory_unlock(hashtext('steward.demo-load'))"));
        } catch (const Error&) {
            // The lock ends with the session anyway; a failed unlock must not mask the real error.
        }
    }
    DemoLock(const DemoLock&) = delete;
    DemoLock& operator=(const DemoLock&) = delete;

private:
    Database& m_db;
};

struct RequiredResponsibility {
    QString key;
    QString roleKey;
    LifecycleStage stage;
    std::optional<Industry> industry; // nullopt: every industry
};

// The letters planned for one responsibility on one project.
struct RaciPlan {
    std::optional<QString> accountable;
    QStringList responsible;
    QStringList consulted;
    QStringList informed;
};

void addUnique(QStringList& list, const QString& value)
{
    if (!list.contains(value))
        list << value;
}

} // namespace

DemoLoadResult DemoOrganisation::load(Database& db, const QDate& today)
{
    if (!today.isValid())
        throw validationError(QStringLiteral("demo: the reference date is not a valid date"));
    const DemoLock lock(db);
    // All or nothing: every service call below joins this transaction as a savepoint.
    Transaction tx(db);
    {
        QSqlQuery q = db.exec(QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM project)"));
        q.next();
        if (q.value(0).toBool())
            throw conflictError(
                QStringLiteral("the database already holds data; the demo loads only into an empty "
                               "database (create a new one, or point Steward at another with "
                               "--database)"));
    }

    // What the catalogue offers decides which assignments can be made. A missing built-in role
    // means the catalogue was never synchronised: refuse before writing anything.
    std::set<QString> roles;
    {
        QSqlQuery q = db.exec(QStringLiteral("SELECT key FROM role WHERE retired_at IS NULL"));
        while (q.next())
            roles.insert(q.value(0).toString());
    }
    std::set<QString> responsibilities;
    {
        QSqlQuery q =
            db.exec(QStringLiteral("SELECT key FROM responsibility WHERE retired_at IS NULL"));
        while (q.next())
            responsibilities.insert(q.value(0).toString());
    }
    DemoLoadResult result;
    std::set<QString> packStaffed;
    std::set<QString> packSkipped;
    for (const AssignmentSeed& a : assignments()) {
        const QString role = text(a.role);
        if (roles.count(role)) {
            if (isPackRole(role))
                packStaffed.insert(role);
        } else if (isPackRole(role)) {
            packSkipped.insert(role);
        } else {
            throw conflictError(
                QStringLiteral("the role catalogue has no built-in role %1; synchronise the "
                               "catalogue (steward db migrate) before loading the demo")
                    .arg(role));
        }
    }

    PersonService personService(db);
    std::set<QString> orgUnits;
    int externalId = 1001;
    for (const PersonSeed& seed : people()) {
        Person p;
        p.email = email(seed.local);
        p.name = text(seed.name);
        p.orgUnit = text(seed.orgUnit);
        p.title = text(seed.title);
        p.externalId = QStringLiteral("HR-%1").arg(externalId++);
        personService.add(p);
        orgUnits.insert(p.orgUnit);
        ++result.people;
    }
    result.orgUnits = static_cast<int>(orgUnits.size());

    ProjectService projectService(db);
    for (const ProjectSeed& seed : projects()) {
        Project p;
        p.key = text(seed.key);
        p.name = text(seed.name);
        p.description = text(seed.description);
        p.industry = seed.industry;
        p.riskTier = seed.riskTier;
        p.stage = seed.stage;
        p.status = seed.status;
        p.aiActRole = seed.aiActRole;
        p.tags = text(seed.tags).split(QLatin1Char(','), Qt::SkipEmptyParts);
        p.ownerEmail = email(seed.owner);
        p.startDate = today.addDays(seed.startOffset);
        if (seed.endOffset)
            p.endDate = today.addDays(*seed.endOffset);
        projectService.add(p);
        ++result.projects;
    }

    StaffingService staffing(db);
    for (const AssignmentSeed& seed : assignments()) {
        const QString role = text(seed.role);
        if (!roles.count(role))
            continue;
        Assignment a;
        a.projectKey = text(seed.project);
        a.personEmail = email(seed.person);
        a.roleKey = role;
        a.from = today.addDays(seed.fromOffset);
        if (seed.toOffset)
            a.to = today.addDays(*seed.toOffset);
        a.allocationPercent = seed.allocation;
        staffing.assign(a);
        ++result.assignments;
    }

    // The responsibilities each project must cover, decided as the coverage check decides them.
    std::vector<RequiredResponsibility> required;
    {
        QSqlQuery q = db.exec(QStringLiteral(
            "SELECT r.key, r.role_key, r.stage, ro.industry FROM responsibility r JOIN role ro ON "
            "ro.key = r.role_key "
            "WHERE r.required AND r.retired_at IS NULL AND ro.retired_at IS NULL "
            "ORDER BY ro.pack <> 'builtin', ro.pack, ro.position, r.role_key, r.position, r.key"));
        while (q.next()) {
            const QByteArray stage = q.value(2).toString().toUtf8();
            const QByteArray industry = q.value(3).toString().toUtf8();
            const auto parsedStage =
                parseLifecycleStage(std::string_view(stage.constData(), std::size_t(stage.size())));
            if (!parsedStage)
                throw Error(
                    ErrorKind::Internal,
                    QStringLiteral("unexpected lifecycle stage '%1'").arg(q.value(2).toString()));
            std::optional<Industry> parsedIndustry;
            if (!q.value(3).isNull())
                parsedIndustry = parseIndustry(
                    std::string_view(industry.constData(), std::size_t(industry.size())));
            required.push_back(
                {q.value(0).toString(), q.value(1).toString(), *parsedStage, parsedIndustry});
        }
    }

    std::set<std::tuple<QString, QString, RaciKind>> omitted;
    for (const Omission& o : omissions())
        omitted.insert({text(o.project), text(o.responsibility), o.kind});

    for (const ProjectSeed& project : projects()) {
        const QString projectKey = text(project.key);
        // Who holds what: on the day of the check for a live project, on its last day for a
        // finished one (its RACI matrix is kept as a record of who answered for what).
        const QDate onDay = project.endOffset && project.status == ProjectStatus::Completed
                                ? today.addDays(*project.endOffset)
                                : today;
        std::map<QString, QStringList> holders; // role -> e-mails, in seed order
        for (const AssignmentSeed& a : assignments()) {
            if (text(a.project) != projectKey || !roles.count(text(a.role)))
                continue;
            const QDate from = today.addDays(a.fromOffset);
            const bool current =
                from <= onDay && (!a.toOffset || onDay <= today.addDays(*a.toOffset));
            if (current)
                addUnique(holders[text(a.role)], email(a.person));
        }
        const bool operating =
            project.stage == ProjectStage::Deployment || project.stage == ProjectStage::Operation;

        std::vector<QString> order;
        std::map<QString, RaciPlan> plan;
        auto planFor = [&](const QString& key) -> RaciPlan& {
            if (!plan.count(key))
                order.push_back(key);
            return plan[key];
        };
        for (const RequiredResponsibility& r : required) {
            if (r.industry && *r.industry != project.industry)
                continue;
            if (r.stage == LifecycleStage::Operate && !operating)
                continue;
            const QStringList& who = holders[r.roleKey];
            if (who.isEmpty())
                continue;
            RaciPlan& p = planFor(r.key);
            if (!omitted.count({projectKey, r.key, RaciKind::Accountable}))
                p.accountable = who.front();
            if (!omitted.count({projectKey, r.key, RaciKind::Responsible}))
                p.responsible = who;
        }
        // Customary Consulted and Informed people: the ethicist is consulted on model validation,
        // the governance specialist on ethical risks, and the project manager kept informed of
        // regulatory compliance.
        auto consult = [&](const char* responsibility, const char* role, RaciKind kind) {
            const QString key = text(responsibility);
            if (!plan.count(key))
                return;
            for (const QString& person : holders[text(role)])
                addUnique(kind == RaciKind::Consulted ? plan[key].consulted : plan[key].informed,
                          person);
        };
        consult("data-scientist.validate-models", "ai-ethicist", RaciKind::Consulted);
        consult("ai-ethicist.identify-ethical-risks", "ai-risk-governance-specialist",
                RaciKind::Consulted);
        consult("ai-risk-governance-specialist.ensure-regulatory-compliance", "ai-project-manager",
                RaciKind::Informed);
        consult("ai-project-manager.define-goals-and-scope", "ai-product-manager",
                RaciKind::Consulted);

        for (const RaciSeed& seed : raciExtras()) {
            const QString key = text(seed.responsibility);
            if (text(seed.project) != projectKey || !responsibilities.count(key))
                continue;
            RaciPlan& p = planFor(key);
            const QString person = email(seed.person);
            switch (seed.kind) {
            case RaciKind::Accountable:
                p.accountable = person;
                break;
            case RaciKind::Responsible:
                addUnique(p.responsible, person);
                break;
            case RaciKind::Consulted:
                addUnique(p.consulted, person);
                break;
            case RaciKind::Informed:
                addUnique(p.informed, person);
                break;
            }
        }

        for (const QString& key : order) {
            const RaciPlan& p = plan.at(key);
            if (p.accountable) {
                staffing.setRaci(projectKey, key, *p.accountable, RaciKind::Accountable);
                ++result.raciEntries;
            }
            for (const auto& [names, kind] : {std::pair{&p.responsible, RaciKind::Responsible},
                                              std::pair{&p.consulted, RaciKind::Consulted},
                                              std::pair{&p.informed, RaciKind::Informed}}) {
                for (const QString& person : *names) {
                    staffing.setRaci(projectKey, key, person, kind);
                    ++result.raciEntries;
                }
            }
        }
    }

    for (const char* local : leavers()) {
        Person p = personService.byEmail(email(local));
        p.active = false;
        personService.update(p);
    }

    result.qualificationRecords = loadDemoQualifications(db, today);

    // The audits need the checklist plugins; without them the demo is complete without audits.
    if (demoAuditChecklistsAvailable(db))
        result.audits = loadDemoAudits(db, today);

    for (const QString& role : packStaffed)
        result.packRolesStaffed << role;
    for (const QString& role : packSkipped)
        result.packRolesSkipped << role;
    tx.commit();
    return result;
}

} // namespace steward
