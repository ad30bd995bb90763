#include "coverage/staffing_loader.h"

#include "coverage/qualification_facts.h"
#include "db/database.h"
#include "domain/records.h"
#include "error.h"
#include "services/sql_values.h"

#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace steward {
std::string sqlText(const QVariant& v)
{
    return v.toString().toStdString();
}

AssignmentInfo readAssignmentRow(const QSqlQuery& q)
{
    AssignmentInfo a;
    a.id = q.value(0).toLongLong();
    a.personId = q.value(1).toLongLong();
    a.projectKey = sqlText(q.value(2));
    a.roleKey = sqlText(q.value(3));
    a.from = toDate(q.value(4).toDate());
    if (!q.value(5).isNull())
        a.to = toDate(q.value(5).toDate());
    a.allocationPercent = q.value(6).toInt();
    return a;
}

const char* const kProjectColumns =
    "p.id, p.key, p.name, p.industry, p.risk_tier, p.stage, p.status, p.ai_act_role, "
    "array_to_string(p.tags, ','), p.owner_id";

ProjectInfo readProjectRow(const QSqlQuery& q)
{
    ProjectInfo p;
    p.id = q.value(0).toLongLong();
    p.key = sqlText(q.value(1));
    p.name = sqlText(q.value(2));
    p.industry = enumFromSql(parseIndustry, q.value(3));
    p.riskTier = enumFromSql(parseRiskTier, q.value(4));
    p.stage = enumFromSql(parseProjectStage, q.value(5));
    p.status = enumFromSql(parseProjectStatus, q.value(6));
    p.aiActRole = enumFromSql(parseAiActRole, q.value(7));
    for (const QString& tag : q.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        p.tags.push_back(tag.toStdString());
    if (!q.value(9).isNull())
        p.ownerId = q.value(9).toLongLong();
    return p;
}

const char* const kPersonColumns =
    "pe.id, pe.email, pe.name, pe.active, coalesce(ou.name, ''), pe.title";
const char* const kPersonJoins = " LEFT JOIN org_unit ou ON ou.id = pe.org_unit_id";

PersonInfo readPersonRow(const QSqlQuery& q)
{
    PersonInfo p;
    p.id = q.value(0).toLongLong();
    p.email = sqlText(q.value(1));
    p.name = sqlText(q.value(2));
    p.active = q.value(3).toBool();
    p.orgUnit = sqlText(q.value(4));
    p.title = sqlText(q.value(5));
    return p;
}

Date toDate(const QDate& d)
{
    return std::chrono::year{d.year()} / std::chrono::month{static_cast<unsigned>(d.month())} /
           std::chrono::day{static_cast<unsigned>(d.day())};
}

StaffingLoader::StaffingLoader(Database& db)
    : m_db(db)
{
}

ProjectStaffing StaffingLoader::load(const QString& projectKey, const QDate& asOf)
{
    auto snapshots = loadScope(QStringLiteral("p.key = ?"), {projectKey}, asOf);
    if (snapshots.empty())
        throw notFoundError(QStringLiteral("no project with key %1").arg(projectKey));
    return std::move(snapshots.front());
}

namespace {
const QString kInScope = QStringLiteral("p.status NOT IN ('completed', 'cancelled')");
}

std::vector<ProjectStaffing> StaffingLoader::loadAll(const QDate& asOf)
{
    return loadScope(kInScope, {}, asOf);
}

void StaffingLoader::forEachBatch(const QDate& asOf, int batchSize,
                                  const std::function<bool(std::vector<ProjectStaffing>&&)>& visit)
{
    prepareScopeTable();
    Transaction tx(m_db);
    m_db.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
    readBatches(asOf, batchSize, visit);
    tx.commit();
}

void StaffingLoader::readBatches(const QDate& asOf, int batchSize,
                                 const std::function<bool(std::vector<ProjectStaffing>&&)>& visit)
{
    QStringList keys;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT p.key FROM project p WHERE ") + kInScope +
                            QStringLiteral(" ORDER BY p.key"));
    while (q.next())
        keys << q.value(0).toString();
    const qsizetype step = std::max(1, batchSize);
    for (qsizetype first = 0; first < keys.size(); first += step) {
        const qsizetype last = std::min(first + step, keys.size()) - 1;
        // Key ranges in the database's own order, the order the keys were listed in.
        if (!visit(readScope(kInScope + QStringLiteral(" AND p.key BETWEEN ? AND ?"),
                             {keys[first], keys[last]}, asOf)))
            break;
    }
}

void StaffingLoader::prepareScopeTable()
{
    // A read-only transaction may fill a temporary table but not create one, so it is created
    // (once per session) before the snapshot begins.
    m_db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS coverage_scope (id bigint PRIMARY "
                             "KEY) ON COMMIT DELETE ROWS"));
}

std::vector<ProjectStaffing> StaffingLoader::loadScope(const QString& scopeCondition,
                                                       const QVariantList& params,
                                                       const QDate& asOf)
{
    prepareScopeTable();
    // The whole read is one snapshot of the database. (Not READ ONLY: that forbids the temp table.)
    Transaction tx(m_db);
    m_db.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
    std::vector<ProjectStaffing> snapshots = readScope(scopeCondition, params, asOf);
    tx.commit();
    return snapshots;
}

std::vector<ProjectStaffing> StaffingLoader::readScope(const QString& scopeCondition,
                                                       const QVariantList& params,
                                                       const QDate& asOf)
{
    m_db.exec(QStringLiteral("DELETE FROM coverage_scope"));
    m_db.exec(QStringLiteral("INSERT INTO coverage_scope SELECT p.id FROM project p WHERE ") +
                  scopeCondition,
              params);
    // Without statistics the planner guesses the temporary table holds thousands of rows and
    // scans a million RACI entries for a one-project scope; with them it uses the indexes.
    m_db.exec(QStringLiteral("ANALYZE coverage_scope"));

    std::vector<ProjectStaffing> snapshots;
    std::unordered_map<std::int64_t, std::size_t> index; // project id -> snapshot
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT %1 FROM project p JOIN coverage_scope s ON "
                                           "s.id = p.id ORDER BY p.key")
                                .arg(QLatin1String(kProjectColumns)));
    while (q.next()) {
        ProjectStaffing s;
        s.asOf = toDate(asOf);
        s.project = readProjectRow(q);
        index.emplace(s.project.id, snapshots.size());
        snapshots.push_back(std::move(s));
    }
    if (snapshots.empty())
        return snapshots;

    // Assignments on the projects in scope, and every assignment of the people holding them
    // (for the allocation check across projects).
    std::map<std::int64_t, std::vector<AssignmentInfo>> byPerson;
    q = m_db.exec(QStringLiteral("SELECT a.id, a.person_id, p.key, a.role_key, a.from_date, "
                                 "a.to_date, a.allocation_percent, a.project_id "
                                 "FROM assignment a JOIN project p ON p.id = a.project_id "
                                 "WHERE a.person_id IN (SELECT a2.person_id FROM assignment a2 "
                                 "JOIN coverage_scope s ON s.id = a2.project_id) "
                                 "ORDER BY a.person_id, a.from_date, a.id"));
    std::vector<std::pair<std::int64_t, AssignmentInfo>> all;
    while (q.next())
        all.emplace_back(q.value(7).toLongLong(), readAssignmentRow(q));
    for (const auto& [projectId, a] : all)
        byPerson[a.personId].push_back(a);
    for (const auto& [projectId, a] : all) {
        const auto it = index.find(projectId);
        if (it == index.end())
            continue;
        ProjectStaffing& s = snapshots[it->second];
        s.assignments.push_back(a);
    }
    for (ProjectStaffing& s : snapshots) {
        std::set<std::int64_t> people;
        for (const AssignmentInfo& a : s.assignments)
            people.insert(a.personId);
        for (std::int64_t person : people)
            for (const AssignmentInfo& a : byPerson[person])
                if (a.projectKey != s.project.key)
                    s.otherAssignments.push_back(a);
    }

    q = m_db.exec(QStringLiteral(
        "SELECT r.project_id, r.person_id, r.responsibility_key, r.kind FROM raci_entry r "
        "JOIN coverage_scope s ON s.id = r.project_id ORDER BY r.project_id, r.responsibility_key, "
        "r.id"));
    while (q.next()) {
        ProjectStaffing& s = snapshots[index.at(q.value(0).toLongLong())];
        s.raci.push_back(
            {q.value(1).toLongLong(), sqlText(q.value(2)), enumFromSql(parseRaciKind, q.value(3))});
    }

    // People referenced by assignments or RACI entries, and the projects' owners.
    std::unordered_map<std::int64_t, PersonInfo> people;
    q = m_db.exec(
        QStringLiteral(
            "SELECT %1 FROM person pe%2 WHERE pe.id = ANY (ARRAY ("
            " SELECT a.person_id FROM assignment a JOIN coverage_scope s ON s.id = a.project_id"
            " UNION SELECT r.person_id FROM raci_entry r JOIN coverage_scope s ON s.id = "
            "r.project_id UNION SELECT p.owner_id FROM project p JOIN coverage_scope s ON s.id = "
            "p.id WHERE p.owner_id IS NOT NULL))")
            .arg(QLatin1String(kPersonColumns), QLatin1String(kPersonJoins)));
    while (q.next()) {
        PersonInfo person = readPersonRow(q);
        people.emplace(person.id, std::move(person));
    }

    // The responsibilities each project must cover, plus those its RACI entries name. A required
    // responsibility applies to a project when its role is for every industry or the project's
    // own; operating duties become due once the project reaches deployment.
    std::vector<ResponsibilityInfo> required;
    std::map<std::string, std::optional<std::string>> requiredIndustry;
    std::unordered_map<std::string, ResponsibilityInfo> named;
    q = m_db.exec(
        QStringLiteral("SELECT r.key, r.role_key, r.text, r.stage, r.required AND r.retired_at IS "
                       "NULL AND ro.retired_at IS NULL, "
                       "ro.industry FROM responsibility r JOIN role ro ON ro.key = r.role_key "
                       "WHERE (r.required AND r.retired_at IS NULL AND ro.retired_at IS NULL) "
                       "OR r.key IN (SELECT e.responsibility_key FROM raci_entry e JOIN "
                       "coverage_scope s ON s.id = e.project_id) "
                       "ORDER BY ro.position, r.role_key, r.position, r.key"));
    std::vector<std::pair<ResponsibilityInfo, QString>> candidates;
    while (q.next()) {
        ResponsibilityInfo r{sqlText(q.value(0)), sqlText(q.value(1)), sqlText(q.value(2)),
                             enumFromSql(parseLifecycleStage, q.value(3)), q.value(4).toBool()};
        candidates.emplace_back(std::move(r), q.value(5).toString());
    }
    for (ProjectStaffing& s : snapshots) {
        std::set<std::string> referenced;
        for (const RaciInfo& e : s.raci)
            referenced.insert(e.responsibilityKey);
        const bool operating = s.project.stage == ProjectStage::Deployment ||
                               s.project.stage == ProjectStage::Operation;
        for (const auto& [candidate, industry] : candidates) {
            const bool industryApplies =
                industry.isEmpty() || industry == qs(toString(s.project.industry));
            const bool stageApplies = candidate.stage != LifecycleStage::Operate || operating;
            const bool isRequired = candidate.required && industryApplies && stageApplies;
            if (!isRequired && !referenced.count(candidate.key))
                continue;
            ResponsibilityInfo r = candidate;
            r.required = isRequired;
            s.responsibilities.push_back(std::move(r));
        }
        std::set<std::int64_t> ids;
        for (const AssignmentInfo& a : s.assignments)
            ids.insert(a.personId);
        for (const RaciInfo& e : s.raci)
            ids.insert(e.personId);
        if (s.project.ownerId)
            ids.insert(*s.project.ownerId);
        for (std::int64_t id : ids)
            if (const auto it = people.find(id); it != people.end())
                s.people.push_back(it->second);
    }
    std::vector<ProjectStaffing*> judged;
    for (ProjectStaffing& s : snapshots)
        judged.push_back(&s);
    addQualificationFacts(m_db, judged, asOf);
    return snapshots;
}

} // namespace steward
