#include "app/connection_settings.h"

#include <QSettings>

namespace steward::gui {
namespace {
const QString kKey = QStringLiteral("connection/database");
}

QString ConnectionSettings::database()
{
    return QSettings().value(kKey).toString();
}

void ConnectionSettings::setDatabase(const QString& conninfo)
{
    QSettings settings;
    if (conninfo.trimmed().isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, conninfo.trimmed());
}

} // namespace steward::gui
