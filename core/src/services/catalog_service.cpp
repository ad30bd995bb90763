#include "services/catalog_service.h"

#include "db/database.h"
#include "error.h"
#include "services/sql_values.h"
#include "services/staffing_service.h"

#include <QSqlQuery>

namespace steward {
namespace {

Role readRole(const QSqlQuery& q)
{
    Role r;
    r.key = q.value(0).toString();
    r.pack = q.value(1).toString();
    r.name = q.value(2).toString();
    r.summary = q.value(3).toString();
    r.category = q.value(4).toString();
    if (!q.value(5).isNull())
        r.industry = enumFromSql(parseIndustry, q.value(5));
    r.retired = q.value(6).toBool();
    return r;
}

const QString kRoleSelect = QStringLiteral(
    "SELECT key, pack, name, summary, category, industry, retired_at IS NOT NULL FROM role ");

} // namespace

CatalogService::CatalogService(Database& db)
    : m_db(db)
{
}

std::vector<Role> CatalogService::roles(bool includeRetired)
{
    QSqlQuery q = m_db.exec(
        kRoleSelect + (includeRetired ? QString() : QStringLiteral("WHERE retired_at IS NULL ")) +
        QStringLiteral("ORDER BY pack = 'builtin' DESC, pack, position, key"));
    std::vector<Role> result;
    while (q.next())
        result.push_back(readRole(q));
    return result;
}

Role CatalogService::role(const QString& key)
{
    QSqlQuery q = m_db.exec(kRoleSelect + QStringLiteral("WHERE key = ?"), {key});
    if (!q.next())
        throw notFoundError(
            QStringLiteral("no role with key %1 (see `steward role list`)").arg(key));
    return readRole(q);
}

std::vector<Responsibility> CatalogService::responsibilities(const QString& roleKey,
                                                             bool includeRetired)
{
    QStringList where;
    QVariantList params;
    if (!roleKey.isEmpty()) {
        role(roleKey); // NotFound for an unknown role
        where << QStringLiteral("r.role_key = ?");
        params << roleKey;
    }
    if (!includeRetired)
        where << QStringLiteral("r.retired_at IS NULL");
    QSqlQuery q = m_db.exec(
        QStringLiteral(
            "SELECT r.key, r.role_key, r.text, r.stage, r.required, r.retired_at IS NOT NULL "
            "FROM responsibility r JOIN role ro ON ro.key = r.role_key ") +
            (where.isEmpty() ? QString()
                             : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))) +
            QStringLiteral(" ORDER BY ro.pack = 'builtin' DESC, ro.pack, ro.position, r.position"),
        params);
    std::vector<Responsibility> result;
    while (q.next()) {
        Responsibility r;
        r.key = q.value(0).toString();
        r.roleKey = q.value(1).toString();
        r.text = q.value(2).toString();
        r.stage = enumFromSql(parseLifecycleStage, q.value(3));
        r.required = q.value(4).toBool();
        r.retired = q.value(5).toBool();
        result.push_back(std::move(r));
    }
    return result;
}

std::vector<Assignment> CatalogService::holders(const QString& roleKey)
{
    role(roleKey); // NotFound for an unknown role
    return StaffingService(m_db).currentHoldersOf(roleKey);
}

} // namespace steward
