#include "coverage/partial_staffing.h"

#include "coverage/qualification_facts.h"
#include "coverage/staffing_loader.h"
#include "db/database.h"
#include "domain/records.h"
#include "services/sql_values.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <map>
#include <set>

namespace steward {
namespace {

const QString kAssignmentColumns =
    QStringLiteral("a.id, a.person_id, p.key, a.role_key, a.from_date, a.to_date, "
                   "a.allocation_percent");

} // namespace

QString requiredOnProjectSql()
{
    return QStringLiteral("(r.required AND r.retired_at IS NULL AND ro.retired_at IS NULL"
                          " AND (ro.industry IS NULL OR ro.industry = s.industry)"
                          " AND (r.stage <> 'operate' OR s.stage IN ('deployment', 'operation')))");
}

QString raciPickColumns()
{
    return QStringLiteral("e.id, e.project_id, e.responsibility_key, e.person_id, e.kind");
}

QString assignmentPickColumns(const QString& alias)
{
    return QStringLiteral("%1.id, %1.project_id, %1.person_id, %1.role_key, %1.from_date, "
                          "%1.to_date, %1.allocation_percent")
        .arg(alias);
}

QString textArrayLiteral(const std::vector<std::string>& items)
{
    QStringList quoted;
    for (const std::string& item : items) {
        QString text = QString::fromStdString(item);
        text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        text.replace(QLatin1Char('"'), QLatin1String("\\\""));
        quoted << QLatin1Char('"') + text + QLatin1Char('"');
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

void PartialStaffingReader::prepare(Database& db)
{
    // Created once per session, outside the snapshot's transaction; emptied at every commit.
    // The picks carry the columns the snapshots need, so reading them joins no large table.
    for (const char* table :
         {"cov_scope (id bigint PRIMARY KEY, industry text NOT NULL, stage text NOT NULL)",
          "cov_pick_raci (id bigint PRIMARY KEY, project_id bigint, responsibility_key text, "
          "person_id bigint, kind text)",
          "cov_pick_assignment (id bigint PRIMARY KEY, project_id bigint, person_id bigint, "
          "role_key text, from_date date, to_date date, allocation_percent integer)",
          "cov_pick_other (for_project bigint, id bigint, project_id bigint, person_id bigint, "
          "role_key text, from_date date, to_date date, allocation_percent integer, PRIMARY KEY "
          "(for_project, id))",
          "cov_pick_resp (project_id bigint, key text, PRIMARY KEY (project_id, key))",
          "cov_pick_pair (project_id bigint, person_id bigint, PRIMARY KEY (project_id, "
          "person_id))"})
        db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS %1 ON COMMIT DELETE ROWS")
                    .arg(QLatin1String(table)));
}

PartialStaffingReader::PartialStaffingReader(Database& db, const QDate& asOf)
    : m_db(db)
    , m_asOf(asOf)
{
    m_db.exec(QStringLiteral("DELETE FROM cov_scope"));
    m_db.exec(QStringLiteral("INSERT INTO cov_scope SELECT p.id, p.industry, p.stage FROM project "
                             "p WHERE p.status NOT IN ('completed', 'cancelled')"));
    m_db.exec(QStringLiteral("ANALYZE cov_scope"));
    QSqlQuery q = m_db.exec(
        QStringLiteral("SELECT %1 FROM project p JOIN cov_scope s ON s.id = p.id ORDER BY p.key")
            .arg(QLatin1String(kProjectColumns)));
    while (q.next()) {
        ProjectInfo p = readProjectRow(q);
        m_index.emplace(p.id, m_projects.size());
        m_projects.push_back(std::move(p));
    }
}

void PartialStaffingReader::clearPicks()
{
    for (const char* table : {"cov_pick_raci", "cov_pick_assignment", "cov_pick_other",
                              "cov_pick_resp", "cov_pick_pair"})
        m_db.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)));
}

void PartialStaffingReader::pick(const QString& statement, const QVariantList& params)
{
    m_db.exec(statement, params);
    // The next statements join the picks; with their sizes known they go by index.
    static const QRegularExpression target(QStringLiteral("^INSERT INTO (cov_pick_\\w+)"));
    if (const QRegularExpressionMatch m = target.match(statement); m.hasMatch())
        m_db.exec(QStringLiteral("ANALYZE ") + m.captured(1));
}

std::vector<PartialStaffingReader::Snapshot>
PartialStaffingReader::read(bool everyProject, const std::vector<Industry>& industries,
                            bool qualifications)
{
    std::map<std::size_t, ProjectStaffing> byProject; // in key order
    const auto snapshotOf = [&](std::int64_t projectId) -> ProjectStaffing& {
        const std::size_t index = m_index.at(projectId);
        auto [it, added] = byProject.try_emplace(index);
        if (added) {
            it->second.project = m_projects[index];
            it->second.asOf = toDate(m_asOf);
        }
        return it->second;
    };
    if (everyProject) {
        for (const ProjectInfo& p : m_projects)
            if (industries.empty() ||
                std::find(industries.begin(), industries.end(), p.industry) != industries.end())
                snapshotOf(p.id);
    }

    // The picked entries' responsibilities, as the whole loader lists every one its entries name.
    m_db.exec(QStringLiteral("INSERT INTO cov_pick_resp SELECT DISTINCT project_id, "
                             "responsibility_key FROM cov_pick_raci ON CONFLICT DO NOTHING"));

    QSqlQuery q = m_db.exec(
        QStringLiteral("SELECT project_id, person_id, responsibility_key, kind FROM cov_pick_raci "
                       "ORDER BY project_id, responsibility_key, id"));
    while (q.next())
        snapshotOf(q.value(0).toLongLong())
            .raci.push_back({q.value(1).toLongLong(), sqlText(q.value(2)),
                             enumFromSql(parseRaciKind, q.value(3))});

    q = m_db.exec(QStringLiteral("SELECT ") + kAssignmentColumns +
                  QStringLiteral(", a.project_id FROM cov_pick_assignment a JOIN project p ON p.id "
                                 "= a.project_id ORDER BY a.person_id, a.from_date, a.id"));
    while (q.next())
        snapshotOf(q.value(7).toLongLong()).assignments.push_back(readAssignmentRow(q));

    q = m_db.exec(QStringLiteral("SELECT ") + kAssignmentColumns +
                  QStringLiteral(", a.for_project FROM cov_pick_other a JOIN project p ON p.id = "
                                 "a.project_id ORDER BY a.for_project, a.person_id, a.from_date, "
                                 "a.id"));
    while (q.next())
        snapshotOf(q.value(7).toLongLong()).otherAssignments.push_back(readAssignmentRow(q));

    m_db.exec(QStringLiteral("ANALYZE cov_pick_resp"));
    q = m_db.exec(QStringLiteral("SELECT k.project_id, r.key, r.role_key, r.text, r.stage, ") +
                  requiredOnProjectSql() +
                  QStringLiteral(" FROM cov_pick_resp k JOIN cov_scope s ON s.id = k.project_id "
                                 "JOIN responsibility r ON r.key = k.key JOIN role ro ON ro.key = "
                                 "r.role_key ORDER BY k.project_id, ro.position, r.role_key, "
                                 "r.position, r.key"));
    while (q.next())
        snapshotOf(q.value(0).toLongLong())
            .responsibilities.push_back(
                {sqlText(q.value(1)), sqlText(q.value(2)), sqlText(q.value(3)),
                 enumFromSql(parseLifecycleStage, q.value(4)), q.value(5).toBool()});

    // The people the picks name, and the owners of the projects picked.
    QStringList owners;
    for (const auto& [index, s] : byProject)
        if (s.project.ownerId)
            owners << QString::number(*s.project.ownerId);
    std::unordered_map<std::int64_t, PersonInfo> people;
    q = m_db.exec(QStringLiteral("SELECT %1 FROM person pe%2 WHERE pe.id = ANY (ARRAY ("
                                 " SELECT person_id FROM cov_pick_raci UNION SELECT person_id FROM "
                                 "cov_pick_assignment)) OR pe.id = ANY (?::bigint[])")
                      .arg(QLatin1String(kPersonColumns), QLatin1String(kPersonJoins)),
                  {QLatin1Char('{') + owners.join(QLatin1Char(',')) + QLatin1Char('}')});
    while (q.next()) {
        PersonInfo person = readPersonRow(q);
        people.emplace(person.id, std::move(person));
    }

    std::vector<Snapshot> snapshots;
    snapshots.reserve(byProject.size());
    for (auto& [index, s] : byProject) {
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
        snapshots.push_back({index, std::move(s)});
    }
    if (qualifications) {
        std::vector<ProjectStaffing*> all;
        for (Snapshot& s : snapshots)
            all.push_back(&s.staffing);
        addQualificationFacts(m_db, all, m_asOf);
    }
    return snapshots;
}

} // namespace steward
