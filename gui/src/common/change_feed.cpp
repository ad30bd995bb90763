#include "common/change_feed.h"

#include "db/database.h"

#include <QSqlDriver>

namespace steward::gui {
namespace {
const QString kChannel = QStringLiteral("steward_changes");
}

ChangeFeed::ChangeFeed(Database& db, int settleMs, QObject* parent)
    : QObject(parent)
    , m_db(db)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        QStringList tables(m_pending.begin(), m_pending.end());
        tables.sort();
        m_pending.clear();
        emit changed(tables);
    });
    QSqlDriver* driver = m_db.sql().driver();
    if (!driver || !driver->hasFeature(QSqlDriver::EventNotifications))
        return;
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource source,
                   const QVariant& payload) {
                // This window's own edits refresh the screens that made them.
                if (name == kChannel && source != QSqlDriver::SelfSource)
                    collect(payload.toString());
            });
    m_listening = driver->subscribeToNotification(kChannel);
}

ChangeFeed::~ChangeFeed()
{
    if (m_listening)
        if (QSqlDriver* driver = m_db.sql().driver())
            driver->unsubscribeFromNotification(kChannel);
}

void ChangeFeed::collect(const QString& table)
{
    m_pending.insert(table);
    if (!m_settle.isActive())
        m_settle.start();
}

ChangedAreas changedAreas(const QStringList& tables)
{
    ChangedAreas areas;
    for (const QString& t : tables) {
        if (t == QLatin1String("person") || t == QLatin1String("org_unit"))
            areas.people = true;
        else if (t == QLatin1String("project"))
            areas.projects = true;
        else if (t == QLatin1String("assignment") || t == QLatin1String("raci_entry"))
            areas.staffing = true;
        else if (t == QLatin1String("role_pack") || t == QLatin1String("role") ||
                 t == QLatin1String("responsibility"))
            areas.catalogue = true;
        else if (t.startsWith(QLatin1String("audit")) || t == QLatin1String("evidence") ||
                 t.startsWith(QLatin1String("checklist")))
            areas.audits = true;
        else if (t == QLatin1String("plugin"))
            areas.plugins = true;
        else if (t.startsWith(QLatin1String("qualification")))
            areas.qualifications = true;
    }
    return areas;
}

} // namespace steward::gui
