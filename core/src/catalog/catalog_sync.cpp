#include "catalog/catalog_sync.h"

#include "catalog/builtin_catalogue.h"
#include "catalog/qualification_sync.h"
#include "db/database.h"
#include "domain/records.h"
#include "error.h"

#include <steward/version.h>

#include <QSqlQuery>

namespace steward {

CatalogSync::CatalogSync(Database& db)
    : m_db(db)
{
}

CatalogSyncResult CatalogSync::syncPack(const QString& packKey, const QString& packName,
                                        const QString& packVersion,
                                        const std::vector<RoleSpec>& roles)
{
    CatalogSyncResult result;
    Transaction tx(m_db);
    m_db.exec(
        QStringLiteral(
            "INSERT INTO role_pack (key, name, version) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET name = excluded.name, version = excluded.version, "
            "synced_at = now() WHERE (role_pack.name, role_pack.version) IS DISTINCT FROM "
            "(excluded.name, excluded.version)"),
        {packKey, packName, packVersion});

    QStringList roleKeys;
    QStringList responsibilityKeys;
    int rolePosition = 0;
    for (const RoleSpec& role : roles) {
        const QString key = qs(role.key);
        roleKeys << key;
        QSqlQuery owner = m_db.exec(QStringLiteral("SELECT pack FROM role WHERE key = ?"), {key});
        if (owner.next() && owner.value(0).toString() != packKey)
            throw conflictError(QStringLiteral("role %1 of pack %2 is already defined by pack %3")
                                    .arg(key, packKey, owner.value(0).toString()));
        const QVariant industry = role.industry ? QVariant(qs(toString(*role.industry)))
                                                : QVariant(QMetaType(QMetaType::QString));
        QSqlQuery q = m_db.exec(
            QStringLiteral(
                "INSERT INTO role (key, pack, name, summary, category, industry, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET name = "
                "excluded.name, "
                "summary = excluded.summary, category = excluded.category, industry = "
                "excluded.industry, "
                "position = excluded.position, retired_at = NULL "
                "WHERE (role.name, role.summary, role.category, role.industry, role.position, "
                "role.retired_at IS NULL) IS DISTINCT FROM (excluded.name, excluded.summary, "
                "excluded.category, excluded.industry, excluded.position, true) "
                "RETURNING (xmax = 0)"),
            {key, packKey, qs(role.name), qs(role.summary), qs(role.category), industry,
             rolePosition++});
        if (q.next())
            (q.value(0).toBool() ? result.rolesAdded : result.rolesUpdated)++;

        int position = 0;
        for (const ResponsibilitySpec& r : role.responsibilities) {
            const QString rkey = qs(r.key);
            responsibilityKeys << rkey;
            QSqlQuery rq = m_db.exec(
                QStringLiteral(
                    "INSERT INTO responsibility (key, role_key, text, stage, required, position) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET role_key = "
                    "excluded.role_key, "
                    "text = excluded.text, stage = excluded.stage, required = excluded.required, "
                    "position = excluded.position, retired_at = NULL "
                    "WHERE (responsibility.role_key, responsibility.text, responsibility.stage, "
                    "responsibility.required, responsibility.position, responsibility.retired_at "
                    "IS NULL) "
                    "IS DISTINCT FROM (excluded.role_key, excluded.text, excluded.stage, "
                    "excluded.required, "
                    "excluded.position, true) RETURNING (xmax = 0)"),
                {rkey, key, qs(r.text), qs(toString(r.stage)), r.required, position++});
            if (rq.next())
                (rq.value(0).toBool() ? result.responsibilitiesAdded
                                      : result.responsibilitiesUpdated)++;
        }
    }

    // Retire what the pack no longer declares.
    QSqlQuery retiredResponsibilities = m_db.exec(
        QStringLiteral(
            "UPDATE responsibility r SET retired_at = now() FROM role WHERE role.key = r.role_key "
            "AND role.pack = ? AND r.retired_at IS NULL AND NOT (r.key = ANY(string_to_array(?, "
            "',')))"),
        {packKey, responsibilityKeys.join(QLatin1Char(','))});
    result.responsibilitiesRetired = retiredResponsibilities.numRowsAffected();
    QSqlQuery retiredRoles = m_db.exec(
        QStringLiteral("UPDATE role SET retired_at = now() WHERE pack = ? AND retired_at IS NULL "
                       "AND NOT (key = ANY(string_to_array(?, ',')))"),
        {packKey, roleKeys.join(QLatin1Char(','))});
    result.rolesRetired = retiredRoles.numRowsAffected();
    // Responsibilities of a retired role go with it.
    QSqlQuery orphans = m_db.exec(
        QStringLiteral(
            "UPDATE responsibility r SET retired_at = now() FROM role WHERE role.key = r.role_key "
            "AND role.pack = ? AND role.retired_at IS NOT NULL AND r.retired_at IS NULL"),
        {packKey});
    result.responsibilitiesRetired += orphans.numRowsAffected();
    tx.commit();
    return result;
}

CatalogSyncResult syncBuiltinCatalogue(Database& db)
{
    const CatalogSyncResult roles = CatalogSync(db).syncPack(
        QString::fromLatin1(kBuiltinPackKey), QStringLiteral("Built-in AI roles"),
        QStringLiteral(STEWARD_VERSION_STRING), builtinRoles());
    syncBuiltinQualifications(db);
    return roles;
}

} // namespace steward
