#include "catalog/qualification_sync.h"

#include "catalog/builtin_catalogue.h"
#include "db/database.h"
#include "domain/records.h"
#include "error.h"
#include "services/sql_values.h"

#include <QSqlQuery>
#include <QStringList>

namespace steward {
QualificationSyncResult
syncPackQualifications(Database& db, const QString& packKey,
                       const std::vector<QualificationSpec>& qualifications,
                       const std::vector<QualificationRequirementSpec>& requirements)
{
    QualificationSyncResult result;
    Transaction tx(db);
    QStringList keys;
    for (const QualificationSpec& spec : qualifications) {
        const QString key = qs(spec.key);
        keys << key;
        QSqlQuery owner =
            db.exec(QStringLiteral("SELECT pack FROM qualification WHERE key = ?"), {key});
        if (owner.next() && owner.value(0).toString() != packKey)
            throw conflictError(
                QStringLiteral("qualification %1 of pack %2 is already defined by %3")
                    .arg(key, packKey,
                         owner.value(0).isNull()
                             ? QStringLiteral("an administrator")
                             : QStringLiteral("pack ") + owner.value(0).toString()));
        QSqlQuery q = db.exec(
            QStringLiteral(
                "INSERT INTO qualification (key, pack, name, provider, description, "
                "validity_months) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET name = "
                "excluded.name, provider = excluded.provider, description = excluded.description, "
                "validity_months = excluded.validity_months, retired_at = NULL WHERE "
                "(qualification.name, qualification.provider, qualification.description, "
                "qualification.validity_months, qualification.retired_at IS NULL) IS DISTINCT FROM "
                "(excluded.name, excluded.provider, excluded.description, "
                "excluded.validity_months, "
                "true) RETURNING (xmax = 0)"),
            {key, packKey, qs(spec.name), qs(spec.provider), qs(spec.description),
             intOrNull(spec.validityMonths)});
        if (q.next())
            (q.value(0).toBool() ? result.added : result.updated)++;
    }
    result.retired =
        db.exec(QStringLiteral("UPDATE qualification SET retired_at = now() WHERE pack = ? AND "
                               "retired_at IS NULL AND NOT (key = ANY (?::text[]))"),
                {packKey, QLatin1Char('{') + keys.join(QLatin1Char(',')) + QLatin1Char('}')})
            .numRowsAffected();

    // Requirements: remove the pack's that it no longer declares, add the new ones.
    QStringList wanted;
    for (const QualificationRequirementSpec& r : requirements)
        wanted << qs(r.qualificationKey + '\x1f' + r.roleKey + '\x1f' + r.responsibilityKey);
    QSqlQuery stored = db.exec(
        QStringLiteral("SELECT id, qualification_key || chr(31) || coalesce(role_key, '') || "
                       "chr(31) || coalesce(responsibility_key, '') FROM qualification_requirement "
                       "WHERE pack = ?"),
        {packKey});
    QStringList present;
    QVariantList obsolete;
    while (stored.next()) {
        const QString identity = stored.value(1).toString();
        if (wanted.contains(identity))
            present << identity;
        else
            obsolete << stored.value(0);
    }
    for (const QVariant& id : obsolete)
        result.requirementsRemoved +=
            db.exec(QStringLiteral("DELETE FROM qualification_requirement WHERE id = ?"), {id})
                .numRowsAffected();
    for (std::size_t i = 0; i < requirements.size(); ++i) {
        if (present.contains(wanted[static_cast<qsizetype>(i)]))
            continue;
        const QualificationRequirementSpec& r = requirements[i];
        // One that an administrator added already stays theirs.
        result.requirementsAdded +=
            db.exec(QStringLiteral("INSERT INTO qualification_requirement (qualification_key, "
                                   "role_key, responsibility_key, pack) VALUES (?, ?, ?, ?) ON "
                                   "CONFLICT DO NOTHING"),
                    {qs(r.qualificationKey), textOrNull(qs(r.roleKey)),
                     textOrNull(qs(r.responsibilityKey)), packKey})
                .numRowsAffected();
    }
    tx.commit();
    return result;
}

QualificationSyncResult syncBuiltinQualifications(Database& db)
{
    return syncPackQualifications(db, QString::fromLatin1(kBuiltinPackKey), builtinQualifications(),
                                  builtinQualificationRequirements());
}

} // namespace steward
