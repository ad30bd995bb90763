// The running application: opens the session (the embedded cluster's start-up runs off the GUI
// thread behind a progress window), shows the main window, and reconnects on request.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace steward {
class Session;
}

namespace steward::gui {

class MainWindow;
class Workspace;

class Application : public QObject {
    Q_OBJECT

public:
    Application();
    ~Application() override;

    // Connects to `database` (empty: the configured default, else the embedded cluster) and
    // shows the main window. When the connection fails the user may correct it in the connection
    // dialog; returns false when they give up.
    bool start(const QString& database, const QString& clusterDirectory = {});

private:
    void reconnect();
    // Opens a session; throws steward::Error.
    std::unique_ptr<Session> openSession(const QString& database);
    QString m_clusterDirectory;

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<Session> m_session;
};

// Opens a session the way the GUI does, with the embedded cluster's start-up (initdb and server
// start, which take seconds) on a worker thread while the event loop keeps the window painted.
// `clusterDirectory` overrides where the embedded cluster lives (empty: the default); `actor` is
// whom the history records as the author of changes (empty: the login name).
std::unique_ptr<Session> openSessionResponsively(const QString& database,
                                                 const QString& clusterDirectory = {},
                                                 const QString& actor = {});

// "user@host:port/db" for a server, "the embedded database in DIR" for the embedded cluster.
QString describeConnection(Session& session);

} // namespace steward::gui
