// Where the GUI connects, remembered per user: a PostgreSQL URI or conninfo string, or nothing
// for the embedded database.
#pragma once

#include <QString>

namespace steward::gui {

class ConnectionSettings {
public:
    static QString database();
    static void setDatabase(const QString& conninfo);
};

} // namespace steward::gui
