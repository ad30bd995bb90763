#include "checklists/checklist_publisher.h"

#include "db/database.h"
#include "domain/records.h"
#include "error.h"
#include "plugins/plugin_sync.h"

#include <QSqlQuery>
#include <QStringList>

namespace steward {
namespace {

template <typename Enum>
QString textArray(const std::vector<Enum>& values)
{
    QStringList list;
    for (const Enum v : values)
        list << qs(toString(v));
    return list.join(u',');
}

QVariant nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

QString ChecklistOrigin::description() const
{
    return isFile() ? QStringLiteral("file imports")
                    : QStringLiteral("plugin %1").arg(qs(pluginId));
}

ChecklistPublisher::ChecklistPublisher(Database& db, ChecklistOrigin origin)
    : m_db(db)
    , m_origin(std::move(origin))
{
}

PublishPlan ChecklistPublisher::plan(const ChecklistSpec& spec)
{
    const QString key = qs(spec.key);
    const QString hash = checklistContentHash(spec);
    PublishPlan plan;
    QSqlQuery head = m_db.exec(
        QStringLiteral("SELECT coalesce(c.plugin_id, ''), c.title, c.framework, "
                       "coalesce(v.content_hash, ''), coalesce(v.number, 0) FROM checklist c "
                       "LEFT JOIN checklist_version v ON v.id = c.current_version_id "
                       "WHERE c.key = ?"),
        {key});
    if (!head.next())
        return plan; // a new checklist: version 1
    const QString owner = head.value(0).toString();
    if (owner != qs(m_origin.pluginId)) {
        const QString by = owner.isEmpty() ? QStringLiteral("imported from a file")
                                           : QStringLiteral("published by plugin %1").arg(owner);
        throw conflictError(
            m_origin.isFile()
                ? QStringLiteral("checklist %1 is %2: a file cannot replace it; give the "
                                 "checklist another key")
                      .arg(key, by)
                : QStringLiteral("checklist %1 of plugin %2 is already %3")
                      .arg(key, qs(m_origin.pluginId), by));
    }
    plan.currentNumber = head.value(4).toInt();
    plan.headChanges = head.value(1).toString() != qs(spec.title) ||
                       head.value(2).toString() != qs(spec.framework);
    if (head.value(3).toString() == hash) {
        plan.outcome = PublishOutcome::Unchanged;
        plan.versionNumber = plan.currentNumber;
        return plan;
    }
    // Content published before (a downgrade, a reverted edit) is that version again.
    QSqlQuery earlier =
        m_db.exec(QStringLiteral("SELECT number FROM checklist_version WHERE checklist_key = ? AND "
                                 "content_hash = ?"),
                  {key, hash});
    if (earlier.next()) {
        plan.outcome = PublishOutcome::Earlier;
        plan.versionNumber = earlier.value(0).toInt();
        return plan;
    }
    QSqlQuery last =
        m_db.exec(QStringLiteral("SELECT coalesce(max(number), 0) FROM checklist_version WHERE "
                                 "checklist_key = ?"),
                  {key});
    last.next();
    plan.versionNumber = last.value(0).toInt() + 1;
    return plan;
}

PublishPlan ChecklistPublisher::publish(const ChecklistSpec& spec)
{
    const PublishPlan planned = plan(spec);
    const QString key = qs(spec.key);
    const QVariant pluginId = nullIfEmpty(qs(m_origin.pluginId));
    if (planned.currentNumber == 0 && planned.outcome == PublishOutcome::NewVersion) {
        m_db.exec(QStringLiteral("INSERT INTO checklist (key, plugin_id, title, framework) "
                                 "VALUES (?, ?, ?, ?)"),
                  {key, pluginId, qs(spec.title), qs(spec.framework)});
    } else if (planned.headChanges) {
        m_db.exec(QStringLiteral("UPDATE checklist SET title = ?, framework = ? WHERE key = ?"),
                  {qs(spec.title), qs(spec.framework), key});
    }
    if (planned.outcome == PublishOutcome::Unchanged)
        return planned;
    if (planned.outcome == PublishOutcome::Earlier) {
        m_db.exec(QStringLiteral("UPDATE checklist SET current_version_id = (SELECT id FROM "
                                 "checklist_version WHERE checklist_key = ? AND number = ?) "
                                 "WHERE key = ?"),
                  {key, planned.versionNumber, key});
        return planned;
    }

    const QString origin = m_origin.isFile()
                               ? QStringLiteral("file %1").arg(m_origin.fileSha256.left(12))
                               : QStringLiteral("plugin %1").arg(qs(m_origin.pluginVersion));
    const QString label =
        spec.version.empty() ? origin : QStringLiteral("%1 / %2").arg(qs(spec.version), origin);
    QSqlQuery version = m_db.exec(
        QStringLiteral(
            "INSERT INTO checklist_version (checklist_key, number, label, title, framework, "
            "framework_version, plugin_id, plugin_version, source, licence, content_hash, "
            "file_name, file_format, file_sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {key, planned.versionNumber, label, qs(spec.title), qs(spec.framework), qs(spec.version),
         pluginId, qs(m_origin.pluginVersion), qs(spec.source), qs(spec.licence),
         checklistContentHash(spec), nullIfEmpty(m_origin.fileName),
         nullIfEmpty(m_origin.fileFormat), nullIfEmpty(m_origin.fileSha256)});
    version.next();
    const QVariant versionId = version.value(0);

    int sectionPosition = 0;
    int itemPosition = 0;
    for (const ChecklistSection& section : spec.sections) {
        QSqlQuery s = m_db.exec(
            QStringLiteral("INSERT INTO checklist_section (version_id, section_id, position, "
                           "title, description) VALUES (?, ?, ?, ?, ?) RETURNING id"),
            {versionId, qs(section.id), sectionPosition++, qs(section.title),
             qs(section.description)});
        s.next();
        const QVariant sectionId = s.value(0);
        for (const ChecklistItem& item : section.items)
            m_db.exec(QStringLiteral(
                          "INSERT INTO checklist_item (version_id, section_id, item_id, position, "
                          "text, guidance, expected_evidence, role_key, reference, risk_tiers, "
                          "actors, industries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                          "string_to_array(?, ','), string_to_array(?, ','), "
                          "string_to_array(?, ','))"),
                      {versionId, sectionId, qs(item.id), itemPosition++, qs(item.text),
                       qs(item.guidance), qs(item.expectedEvidence), qs(item.roleKey),
                       qs(item.reference), textArray(item.applies.riskTiers),
                       textArray(item.applies.actors), textArray(item.applies.industries)});
    }
    m_db.exec(QStringLiteral("UPDATE checklist SET current_version_id = ? WHERE key = ?"),
              {versionId, key});
    return planned;
}

} // namespace steward
