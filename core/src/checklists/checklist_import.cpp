#include "checklists/checklist_import.h"

#include "db/database.h"
#include "domain/records.h"
#include "error.h"

#include <QDateTime>
#include <QSqlQuery>

#include <set>

namespace steward {
namespace {

ChecklistOrigin originOf(const ChecklistFile& file)
{
    return {{}, {}, file.name, toString(file.format), file.sha256};
}

template <typename Enum>
std::vector<Enum> enumArray(const QVariant& value, std::optional<Enum> (*parse)(std::string_view))
{
    // QPSQL hands text[] over as its literal, "{high,limited}".
    QString s = value.toString();
    s.remove(QLatin1Char('{')).remove(QLatin1Char('}')).remove(QLatin1Char('"'));
    std::vector<Enum> values;
    for (const QString& part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const std::optional<Enum> e = parse(part.toStdString()))
            values.push_back(*e);
    return values;
}

} // namespace

QString ChecklistImportPreview::summary() const
{
    const QString key = qs(file.spec.key);
    switch (plan.outcome) {
    case PublishOutcome::Unchanged:
        return QStringLiteral("%1 is unchanged: checklist %2 already publishes it as version %3; "
                              "nothing is written")
            .arg(file.name, key)
            .arg(plan.versionNumber);
    case PublishOutcome::Earlier:
        return QStringLiteral("%1 has the content of version %2 of checklist %3: that version "
                              "becomes current again (it was version %4)")
            .arg(file.name)
            .arg(plan.versionNumber)
            .arg(key)
            .arg(plan.currentNumber);
    case PublishOutcome::NewVersion:
        break;
    }
    return (plan.currentNumber == 0
                ? QStringLiteral("publishes the new checklist %1, version %2")
                      .arg(key)
                      .arg(plan.versionNumber)
                : QStringLiteral("publishes version %2 of checklist %1 (audits keep version %3 "
                                 "or whichever they ran against)")
                      .arg(key)
                      .arg(plan.versionNumber)
                      .arg(plan.currentNumber)) +
           QStringLiteral(": %1, %2")
               .arg(counted(file.spec.sections.size(), "section"), counted(items, "item"));
}

ChecklistImport::ChecklistImport(Database& db)
    : m_db(db)
{
}

ChecklistImportPreview ChecklistImport::preview(const ChecklistFile& file)
{
    ChecklistImportPreview preview{file, {}, 0};
    for (const ChecklistSection& s : file.spec.sections)
        preview.items += static_cast<int>(s.items.size());

    QStringList problems;
    const auto at = [&](int line, const QString& message) {
        problems << (line > 0 ? QStringLiteral("%1:%2: %3").arg(file.path).arg(line).arg(message)
                              : QStringLiteral("%1: %2").arg(file.path, message));
    };
    std::set<QString> known;
    QSqlQuery roles = m_db.exec(QStringLiteral("SELECT key FROM role"));
    while (roles.next())
        known.insert(roles.value(0).toString());
    for (const ChecklistRoleUse& use : file.roles)
        if (!known.count(qs(use.roleKey)))
            at(use.line, QStringLiteral("the role %1 is not in the catalogue (see `steward role "
                                        "list`)")
                             .arg(qs(use.roleKey)));
    try {
        preview.plan = ChecklistPublisher(m_db, originOf(file)).plan(file.spec);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Conflict)
            throw;
        at(file.keyLine, e.message());
    }
    file.throwIfInvalid(problems);
    return preview;
}

ChecklistImportPreview ChecklistImport::import(const ChecklistFile& file)
{
    Transaction tx(m_db);
    // Two imports of one key at once: the second waits, then finds the first's version.
    m_db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext(?))"),
              {QStringLiteral("steward checklist %1").arg(qs(file.spec.key))});
    ChecklistImportPreview result = preview(file);
    if (result.plan.outcome == PublishOutcome::Unchanged && !result.plan.headChanges)
        return result; // nothing to write: the transaction ends without a change
    QSqlQuery may =
        m_db.exec(QStringLiteral("SELECT has_table_privilege('checklist_version', 'INSERT') AND "
                                 "has_table_privilege('checklist', 'UPDATE')"));
    if (may.next() && !may.value(0).toBool())
        throw permissionError(QStringLiteral("only administrators may import checklists; %1 is "
                                             "not one")
                                  .arg(m_db.user()));
    ChecklistPublisher(m_db, originOf(file)).publish(file.spec);
    tx.commit();
    return result;
}

StoredChecklist loadChecklist(Database& db, const QString& key, std::optional<int> number)
{
    QSqlQuery v = number
                      ? db.exec(QStringLiteral("SELECT id, number, title, framework, "
                                               "framework_version, source, licence, published_at "
                                               "FROM checklist_version WHERE checklist_key = ? AND "
                                               "number = ?"),
                                {key, *number})
                      : db.exec(QStringLiteral("SELECT v.id, v.number, v.title, v.framework, "
                                               "v.framework_version, v.source, v.licence, "
                                               "v.published_at FROM checklist c JOIN "
                                               "checklist_version v ON v.id = c.current_version_id "
                                               "WHERE c.key = ?"),
                                {key});
    if (!v.next())
        throw notFoundError(
            number ? QStringLiteral("checklist %1 has no version %2 (see `steward checklist list`)")
                         .arg(key)
                         .arg(*number)
                   : QStringLiteral("there is no checklist %1 (see `steward checklist list`)")
                         .arg(key));
    StoredChecklist stored;
    const QVariant versionId = v.value(0);
    stored.number = v.value(1).toInt();
    stored.publishedAt = v.value(7).toDateTime().toUTC().toString(Qt::ISODate);
    ChecklistSpec& spec = stored.spec;
    spec.key = key.toStdString();
    spec.title = v.value(2).toString().toStdString();
    spec.framework = v.value(3).toString().toStdString();
    spec.version = v.value(4).toString().toStdString();
    spec.source = v.value(5).toString().toStdString();
    spec.licence = v.value(6).toString().toStdString();

    std::map<qint64, std::size_t> sectionIndex;
    QSqlQuery s =
        db.exec(QStringLiteral("SELECT id, section_id, title, description FROM checklist_section "
                               "WHERE version_id = ? ORDER BY position"),
                {versionId});
    while (s.next()) {
        sectionIndex[s.value(0).toLongLong()] = spec.sections.size();
        spec.sections.push_back({s.value(1).toString().toStdString(),
                                 s.value(2).toString().toStdString(),
                                 s.value(3).toString().toStdString(),
                                 {}});
    }
    QSqlQuery i =
        db.exec(QStringLiteral("SELECT section_id, item_id, text, guidance, expected_evidence, "
                               "role_key, reference, risk_tiers, actors, industries "
                               "FROM checklist_item WHERE version_id = ? ORDER BY position"),
                {versionId});
    while (i.next()) {
        ChecklistItem item;
        item.id = i.value(1).toString().toStdString();
        item.text = i.value(2).toString().toStdString();
        item.guidance = i.value(3).toString().toStdString();
        item.expectedEvidence = i.value(4).toString().toStdString();
        item.roleKey = i.value(5).toString().toStdString();
        item.reference = i.value(6).toString().toStdString();
        item.applies.riskTiers = enumArray<RiskTier>(i.value(7), parseRiskTier);
        item.applies.actors = enumArray<AiActRole>(i.value(8), parseAiActRole);
        item.applies.industries = enumArray<Industry>(i.value(9), parseIndustry);
        spec.sections[sectionIndex.at(i.value(0).toLongLong())].items.push_back(std::move(item));
    }
    return stored;
}

} // namespace steward
