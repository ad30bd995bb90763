#include "plugins/plugin_sync.h"

#include "catalog/qualification_sync.h"
#include "checklists/checklist_publisher.h"
#include "db/database.h"
#include "domain/records.h"
#include "error.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <map>
#include <set>

namespace steward {
namespace {

// Serialises the syncs of concurrent programs (the GUI and a CLI command starting together): the
// second one waits and then finds nothing left to do.
constexpr qint64 kPluginSyncLockKey = 0x5374657761726432; // "Steward2"

// Bump when the sync stores content differently, so that every plugin is synchronised once more.
constexpr int kSyncFormat = 1;

// Feeds values into a SHA-256 with their lengths, so that ("ab", "c") and ("a", "bc") differ.
class Hasher {
public:
    Hasher()
        : m_hash(QCryptographicHash::Sha256)
    {
    }

    Hasher& add(std::string_view s)
    {
        add(static_cast<qint64>(s.size()));
        m_hash.addData(QByteArrayView(s.data(), static_cast<qsizetype>(s.size())));
        return *this;
    }
    Hasher& add(qint64 n)
    {
        m_hash.addData(QByteArray::number(n).append('\x1f'));
        return *this;
    }
    template <typename Enum>
    Hasher& addEnums(const std::vector<Enum>& values)
    {
        add(static_cast<qint64>(values.size()));
        for (const Enum v : values)
            add(toString(v));
        return *this;
    }
    void addChecklist(const ChecklistSpec& c)
    {
        add(c.key).add(c.title).add(c.framework).add(c.version).add(c.source).add(c.licence);
        add(static_cast<qint64>(c.sections.size()));
        for (const ChecklistSection& s : c.sections) {
            add(s.id).add(s.title).add(s.description).add(static_cast<qint64>(s.items.size()));
            for (const ChecklistItem& i : s.items) {
                add(i.id).add(i.text).add(i.guidance).add(i.expectedEvidence).add(i.roleKey);
                add(i.reference);
                addEnums(i.applies.riskTiers).addEnums(i.applies.actors);
                addEnums(i.applies.industries);
            }
        }
    }
    QString hex() const { return QString::fromLatin1(m_hash.result().toHex()); }

private:
    QCryptographicHash m_hash;
};

bool isStorableId(const std::string& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return pattern.match(qs(id)).hasMatch();
}

// A plugin row as stored.
struct StoredPlugin {
    QString version;
    QString name;
    QString vendor;
    QString path;
    QString state;
    QString error;
    QString contentHash;
};

// The row a record should have; the hash is empty when the content was not synchronised.
struct DesiredPlugin {
    QString version;
    QString name;
    QString vendor;
    QString path;
    QString state;
    QString error;

    bool matches(const StoredPlugin& s) const
    {
        return version == s.version && name == s.name && vendor == s.vendor && path == s.path &&
               state == s.state && error == s.error;
    }
};

DesiredPlugin desiredRow(const PluginRecord& record)
{
    return {qs(record.version),         qs(record.name), qs(record.vendor), record.path,
            qs(toString(record.state)), record.error};
}

std::map<std::string, StoredPlugin> loadStoredPlugins(Database& db)
{
    std::map<std::string, StoredPlugin> stored;
    QSqlQuery q = db.exec(QStringLiteral("SELECT id, plugin_version, name, vendor, path, state, "
                                         "error, coalesce(content_hash, '') FROM plugin"));
    while (q.next())
        stored[q.value(0).toString().toStdString()] = {q.value(1).toString(), q.value(2).toString(),
                                                       q.value(3).toString(), q.value(4).toString(),
                                                       q.value(5).toString(), q.value(6).toString(),
                                                       q.value(7).toString()};
    return stored;
}

// Writes the plugin row; `contentHash` empty keeps the stored hash.
void writePluginRow(Database& db, const std::string& id, const DesiredPlugin& row,
                    const QString& contentHash)
{
    db.exec(
        QStringLiteral("INSERT INTO plugin (id, plugin_version, name, vendor, path, state, error, "
                       "content_hash, last_synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                       "CASE WHEN ?::text IS NULL THEN NULL ELSE now() END) "
                       "ON CONFLICT (id) DO UPDATE SET plugin_version = excluded.plugin_version, "
                       "name = excluded.name, vendor = excluded.vendor, path = excluded.path, "
                       "state = excluded.state, error = excluded.error, "
                       "content_hash = coalesce(excluded.content_hash, plugin.content_hash), "
                       "last_synced_at = coalesce(excluded.last_synced_at, plugin.last_synced_at)"),
        {qs(id), row.version, row.name, row.vendor, row.path, row.state, row.error,
         nullable(contentHash), nullable(contentHash)});
}

} // namespace

bool PluginSyncReport::wroteAnything() const
{
    for (const PluginSyncEntry& e : plugins)
        if (e.recorded || e.contentSynced)
            return true;
    return false;
}

const PluginSyncEntry* PluginSyncReport::entry(std::string_view pluginId) const
{
    for (const PluginSyncEntry& e : plugins)
        if (e.pluginId == pluginId)
            return &e;
    return nullptr;
}

QString pluginContentHash(const PluginContent& content)
{
    Hasher h;
    h.add(kSyncFormat).add(content.pluginId).add(content.pluginVersion).add(content.pluginName);
    h.add(static_cast<qint64>(content.roles.size()));
    for (const RoleSpec& role : content.roles) {
        h.add(role.key).add(role.name).add(role.summary).add(role.category);
        h.add(role.industry ? toString(*role.industry) : std::string_view("-"));
        h.add(static_cast<qint64>(role.responsibilities.size()));
        for (const ResponsibilitySpec& r : role.responsibilities)
            h.add(r.key).add(r.text).add(toString(r.stage)).add(r.required ? 1 : 0);
    }
    h.add(static_cast<qint64>(content.checklists.size()));
    for (const ChecklistSpec& checklist : content.checklists)
        h.addChecklist(checklist);
    h.add(static_cast<qint64>(content.qualifications.size()));
    for (const QualificationSpec& q : content.qualifications)
        h.add(q.key)
            .add(q.name)
            .add(q.provider)
            .add(q.description)
            .add(static_cast<qint64>(q.validityMonths.value_or(0)));
    h.add(static_cast<qint64>(content.qualificationRequirements.size()));
    for (const QualificationRequirementSpec& r : content.qualificationRequirements)
        h.add(r.qualificationKey).add(r.roleKey).add(r.responsibilityKey);
    return h.hex();
}

QString checklistContentHash(const ChecklistSpec& checklist)
{
    Hasher h;
    h.add(kSyncFormat);
    h.addChecklist(checklist);
    return h.hex();
}

PluginSync::PluginSync(Database& db)
    : m_db(db)
{
}

PluginSyncReport PluginSync::sync(const PluginHost& host)
{
    return sync(host.plugins(), host.contents());
}

PluginSyncReport PluginSync::sync(const std::vector<PluginRecord>& records,
                                  const std::vector<PluginContent>& contents)
{
    // One record per id: a file that repeats an active plugin's id is failed for that reason, and
    // must not overwrite the row of the plugin it collides with.
    std::vector<const PluginRecord*> chosen;
    for (const PluginRecord& record : records) {
        if (!isStorableId(record.id))
            continue; // not readable as a plugin at all; only the program's own list shows it
        auto same = std::find_if(chosen.begin(), chosen.end(),
                                 [&](const PluginRecord* r) { return r->id == record.id; });
        if (same == chosen.end())
            chosen.push_back(&record);
        else if ((*same)->state == PluginState::Failed && record.state != PluginState::Failed)
            *same = &record;
    }

    const std::map<std::string, StoredPlugin> stored = loadStoredPlugins(m_db);
    PluginSyncReport report;
    for (const PluginRecord* record : chosen) {
        PluginSyncEntry& entry = report.plugins.emplace_back();
        entry.pluginId = record->id;
        const auto row = stored.find(record->id);
        const StoredPlugin* current = row == stored.end() ? nullptr : &row->second;
        const DesiredPlugin desired = desiredRow(*record);

        const PluginContent* content = nullptr;
        if (record->state == PluginState::Active)
            for (const PluginContent& c : contents)
                if (c.pluginId == record->id)
                    content = &c;
        if (!content) {
            if (current && desired.matches(*current))
                continue;
            writePluginRow(m_db, record->id, desired, {});
            entry.recorded = true;
            continue;
        }

        const QString hash = pluginContentHash(*content);
        if (current && current->contentHash == hash) {
            if (!desired.matches(*current)) { // moved, renamed or back from a failure
                writePluginRow(m_db, record->id, desired, {});
                entry.recorded = true;
            }
            continue; // the warm start: nothing to write
        }

        try {
            Transaction tx(m_db);
            m_db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kPluginSyncLockKey});
            // The row first: checklists refer to it.
            writePluginRow(m_db, record->id, desired, hash);
            const QString id = qs(content->pluginId);
            QSqlQuery pack =
                m_db.exec(QStringLiteral("SELECT 1 FROM role_pack WHERE key = ?"), {id});
            // A checklist-only plugin gets no role pack, unless it once shipped roles or
            // qualifications to retire.
            if (!content->roles.empty() || !content->qualifications.empty() || pack.next()) {
                entry.roles = CatalogSync(m_db).syncPack(
                    id, qs(content->pluginName), qs(content->pluginVersion), content->roles);
                syncPackQualifications(m_db, id, content->qualifications,
                                       content->qualificationRequirements);
            }
            ChecklistPublisher publisher(
                m_db, ChecklistOrigin{content->pluginId, content->pluginVersion, {}, {}, {}});
            for (const ChecklistSpec& checklist : content->checklists)
                if (publisher.publish(checklist).outcome == PublishOutcome::NewVersion)
                    ++entry.checklistVersionsPublished;
            tx.commit();
            entry.recorded = true;
            entry.contentSynced = true;
        } catch (const Error& e) {
            entry = PluginSyncEntry{record->id, true, false, {}, 0, e.message()};
            DesiredPlugin failed = desired;
            failed.state = qs(toString(PluginState::Failed));
            failed.error = QStringLiteral("its content could not be stored: %1").arg(e.message());
            if (!current || !failed.matches(*current))
                writePluginRow(m_db, record->id, failed, {});
        }
    }
    return report;
}

std::vector<PluginDifference> PluginSync::differences(const PluginHost& host)
{
    const std::map<std::string, StoredPlugin> stored = loadStoredPlugins(m_db);
    const std::vector<PluginContent> contents = host.contents();
    std::vector<PluginDifference> result;
    std::set<std::string> local;
    for (const PluginRecord& record : host.plugins()) {
        if (record.state != PluginState::Active || !local.insert(record.id).second)
            continue;
        const auto content =
            std::find_if(contents.begin(), contents.end(),
                         [&](const PluginContent& c) { return c.pluginId == record.id; });
        const auto row = stored.find(record.id);
        const QString id = qs(record.id);
        if (row == stored.end() || row->second.contentHash.isEmpty()) {
            result.push_back({record.id, QStringLiteral("%1 %2 is installed here but not "
                                                        "published on the server; its roles and "
                                                        "checklists are not offered")
                                             .arg(id, qs(record.version))});
        } else if (content != contents.end() &&
                   row->second.contentHash != pluginContentHash(*content)) {
            result.push_back(
                {record.id, row->second.version == qs(record.version)
                                ? QStringLiteral("%1 %2 here declares other roles or checklists "
                                                 "than the server publishes for the same "
                                                 "version; the server's are used")
                                      .arg(id, qs(record.version))
                                : QStringLiteral("%1 is version %2 here and %3 on the server; "
                                                 "the server's roles and checklists are used")
                                      .arg(id, qs(record.version), row->second.version)});
        }
    }
    for (const auto& [id, row] : stored)
        if (!row.contentHash.isEmpty() && row.state == QLatin1String("active") && !local.count(id))
            result.push_back({id, QStringLiteral("%1 %2 is published on the server but not "
                                                 "active here; its rules do not run in this "
                                                 "client")
                                      .arg(qs(id), row.version)});
    return result;
}

} // namespace steward
