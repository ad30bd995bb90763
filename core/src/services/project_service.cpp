#include "services/project_service.h"

#include "db/database.h"
#include "domain/validation.h"
#include "error.h"
#include "services/row_access.h"
#include "services/sql_values.h"

#include <QSqlQuery>

namespace steward {
namespace {

const QString kSelect = QStringLiteral(
    "SELECT p.id, p.key, p.name, p.description, p.industry, p.risk_tier, p.stage, p.status, "
    "p.ai_act_role, array_to_string(p.tags, ','), coalesce(o.email, ''), p.start_date, p.end_date, "
    "p.version FROM project p LEFT JOIN person o ON o.id = p.owner_id ");

Project readProject(const QSqlQuery& q)
{
    Project p;
    p.id = q.value(0).toLongLong();
    p.key = q.value(1).toString();
    p.name = q.value(2).toString();
    p.description = q.value(3).toString();
    p.industry = enumFromSql(parseIndustry, q.value(4));
    p.riskTier = enumFromSql(parseRiskTier, q.value(5));
    p.stage = enumFromSql(parseProjectStage, q.value(6));
    p.status = enumFromSql(parseProjectStatus, q.value(7));
    p.aiActRole = enumFromSql(parseAiActRole, q.value(8));
    const QString tags = q.value(9).toString();
    p.tags = tags.isEmpty() ? QStringList() : tags.split(QLatin1Char(','));
    p.ownerEmail = q.value(10).toString();
    if (!q.value(11).isNull())
        p.startDate = q.value(11).toDate();
    if (!q.value(12).isNull())
        p.endDate = q.value(12).toDate();
    p.version = q.value(13).toInt();
    return p;
}

void validate(const Project& p)
{
    require(QStringLiteral("key"), checkProjectKey(p.key));
    if (p.name.trimmed().isEmpty())
        require(QStringLiteral("name"), QStringLiteral("is empty"));
    for (const QString& tag : p.tags) {
        if (tag.trimmed().isEmpty() || tag.contains(QLatin1Char(',')))
            require(QStringLiteral("tags"), QStringLiteral("'%1' is not a tag").arg(tag));
    }
    if (p.startDate && p.endDate && *p.endDate < *p.startDate)
        require(QStringLiteral("end date"), QStringLiteral("is before the start date"));
}

} // namespace

ProjectService::ProjectService(Database& db)
    : m_db(db)
{
}

qint64 ProjectService::idOf(const QString& key)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id FROM project WHERE key = ?"), {key});
    if (!q.next())
        throw notFoundError(QStringLiteral("no project with key %1").arg(key));
    return q.value(0).toLongLong();
}

Project ProjectService::add(const Project& project)
{
    validate(project);
    Transaction tx(m_db);
    const QVariant owner = personIdOrNull(m_db, project.ownerEmail, QStringLiteral("owner"));
    try {
        m_db.exec(
            QStringLiteral(
                "INSERT INTO project (key, name, description, industry, risk_tier, stage, status, "
                "ai_act_role, tags, owner_id, start_date, end_date) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?)"),
            {project.key, project.name.trimmed(), project.description,
             qs(toString(project.industry)), qs(toString(project.riskTier)),
             qs(toString(project.stage)), qs(toString(project.status)),
             qs(toString(project.aiActRole)), project.tags.join(QLatin1Char(',')), owner,
             dateOrNull(project.startDate), dateOrNull(project.endDate)});
    } catch (const Error& e) {
        throw Error(e.kind(),
                    QStringLiteral("cannot add project %1: %2").arg(project.key, e.message()));
    }
    tx.commit();
    return byKey(project.key);
}

Project ProjectService::update(const Project& project)
{
    validate(project);
    Transaction tx(m_db);
    requireManagesProject(m_db, project.id, project.key);
    const QVariant owner = personIdOrNull(m_db, project.ownerEmail, QStringLiteral("owner"));
    QSqlQuery q;
    try {
        q = m_db.exec(
            QStringLiteral(
                "UPDATE project SET key = ?, name = ?, description = ?, industry = ?, risk_tier = "
                "?, "
                "stage = ?, status = ?, ai_act_role = ?, tags = string_to_array(?, ','), "
                "owner_id = ?, start_date = ?, end_date = ? WHERE id = ? AND version = ?"),
            {project.key, project.name.trimmed(), project.description,
             qs(toString(project.industry)), qs(toString(project.riskTier)),
             qs(toString(project.stage)), qs(toString(project.status)),
             qs(toString(project.aiActRole)), project.tags.join(QLatin1Char(',')), owner,
             dateOrNull(project.startDate), dateOrNull(project.endDate), project.id,
             project.version});
    } catch (const Error& e) {
        throw Error(e.kind(),
                    QStringLiteral("cannot save project %1: %2").arg(project.key, e.message()));
    }
    if (q.numRowsAffected() == 0) {
        QSqlQuery cur = m_db.exec(QStringLiteral("SELECT key, version FROM project WHERE id = ?"),
                                  {project.id});
        if (!cur.next())
            throw notFoundError(QStringLiteral("project %1 no longer exists").arg(project.key));
        throw conflictError(
            QStringLiteral("project %1 was changed by someone else since you read it "
                           "(you edited version %2, the stored one is version %3); "
                           "reload and apply your change again")
                .arg(cur.value(0).toString())
                .arg(project.version)
                .arg(cur.value(1).toInt()));
    }
    tx.commit();
    return byKey(project.key);
}

std::optional<Project> ProjectService::findByKey(const QString& key)
{
    QSqlQuery q = m_db.exec(kSelect + QStringLiteral("WHERE p.key = ?"), {key});
    if (!q.next())
        return std::nullopt;
    return readProject(q);
}

Project ProjectService::byKey(const QString& key)
{
    if (auto p = findByKey(key))
        return *p;
    throw notFoundError(QStringLiteral("no project with key %1").arg(key));
}

std::vector<Project> ProjectService::list(const ProjectFilter& f)
{
    QStringList where;
    QVariantList params;
    if (f.industry) {
        where << QStringLiteral("p.industry = ?");
        params << qs(toString(*f.industry));
    }
    if (f.riskTier) {
        where << QStringLiteral("p.risk_tier = ?");
        params << qs(toString(*f.riskTier));
    }
    if (f.stage) {
        where << QStringLiteral("p.stage = ?");
        params << qs(toString(*f.stage));
    }
    if (f.status) {
        where << QStringLiteral("p.status = ?");
        params << qs(toString(*f.status));
    }
    if (!f.search.isEmpty()) {
        where << QStringLiteral("(p.key ILIKE ? OR p.name ILIKE ?)");
        const QString pattern = QLatin1Char('%') + f.search + QLatin1Char('%');
        params << pattern << pattern;
    }
    const QString sql =
        kSelect +
        (where.isEmpty() ? QString()
                         : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))) +
        QStringLiteral(" ORDER BY p.key");
    QSqlQuery q = m_db.exec(sql, params);
    std::vector<Project> projects;
    while (q.next())
        projects.push_back(readProject(q));
    return projects;
}

} // namespace steward
