#include "app/connection_settings.h"

#include <QSettings>

namespace steward::gui {
namespace {
const QString kDatabase = QStringLiteral("connection/database");
// Shared with the audit runner, which asks whom to record when nobody said.
const QString kActor = QStringLiteral("identity/email");

void store(const QString& key, const QString& value)
{
    QSettings settings;
    if (value.trimmed().isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, value.trimmed());
}
} // namespace

QString ConnectionSettings::database()
{
    return QSettings().value(kDatabase).toString();
}

void ConnectionSettings::setDatabase(const QString& conninfo)
{
    store(kDatabase, conninfo);
}

QString ConnectionSettings::actorEmail()
{
    return QSettings().value(kActor).toString();
}

void ConnectionSettings::setActorEmail(const QString& email)
{
    store(kActor, email);
}

} // namespace steward::gui
