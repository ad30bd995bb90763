// Where the GUI connects and as whom, remembered per user: a PostgreSQL URI or conninfo string
// (nothing: the embedded database), and the e-mail the user acts under.
#pragma once

#include <QString>

namespace steward::gui {

class ConnectionSettings {
public:
    static QString database();
    static void setDatabase(const QString& conninfo);
    static QString actorEmail();
    static void setActorEmail(const QString& email);
};

} // namespace steward::gui
