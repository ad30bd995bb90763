#include "app/application.h"

#include "app/connection_dialog.h"
#include "app/connection_settings.h"
#include "app/main_window.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "db/database.h"
#include "db/embedded_cluster.h"
#include "db/session.h"
#include "plugins/plugin_runtime.h"

#include <QApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>

#include <exception>

namespace steward::gui {

std::unique_ptr<Session> openSessionResponsively(const QString& database,
                                                 const QString& clusterDirectory,
                                                 const QString& actor)
{
    Session::Options options;
    options.database = database;
    options.actor = actor;
    options.clusterDirectory =
        clusterDirectory.isEmpty() ? EmbeddedCluster::defaultDirectory() : clusterDirectory;
    const bool embedded = database.isEmpty() && qEnvironmentVariableIsEmpty("STEWARD_DATABASE");
    // The worker starts the cluster and stays registered as its client until the session has
    // connected, so the server cannot stop in between. The session itself must be created here:
    // a QtSql connection belongs to the thread that opens it.
    std::unique_ptr<EmbeddedCluster> warmUp;
    if (embedded) {
        std::exception_ptr failure;
        std::unique_ptr<QThread> worker(QThread::create([&warmUp, &failure, &options] {
            try {
                auto cluster = std::make_unique<EmbeddedCluster>(options.clusterDirectory);
                cluster->start();
                warmUp = std::move(cluster);
            } catch (...) {
                failure = std::current_exception();
            }
        }));
        QEventLoop loop;
        QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
        worker->start();
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        worker->wait();
        if (failure)
            std::rethrow_exception(failure);
    }
    return std::make_unique<Session>(options);
}

QString describeConnection(Session& session)
{
    if (session.isEmbedded())
        return Application::tr("the embedded database (%1)").arg(session.db().description());
    return session.db().description();
}

Application::Application() = default;

Application::~Application()
{
    // The window's screens hold references into the workspace and the session's connection.
    m_window.reset();
    m_workspace.reset();
    m_session.reset();
}

std::unique_ptr<Session> Application::openSession(const QString& database)
{
    QProgressDialog progress(tr("Opening the Steward database…"), QString(), 0, 0);
    progress.setWindowTitle(tr("Steward"));
    progress.setMinimumDuration(0);
    progress.setAccessibleName(tr("Opening the database"));
    progress.show();
    return openSessionResponsively(database, m_clusterDirectory, ConnectionSettings::actorEmail());
}

bool Application::start(const QString& database, const QString& clusterDirectory)
{
    m_clusterDirectory = clusterDirectory;
    QString target = database;
    for (;;) {
        try {
            m_session = openSession(target);
            break;
        } catch (const std::exception& e) {
            ConnectionDialog dialog(target, ConnectionSettings::actorEmail());
            dialog.setError(tr("Could not open the database: %1").arg(describeFailure(e)));
            if (dialog.exec() != QDialog::Accepted)
                return false;
            target = dialog.database();
            ConnectionSettings::setDatabase(target);
            ConnectionSettings::setActorEmail(dialog.actorEmail());
        }
    }
    m_workspace = std::make_unique<Workspace>(m_session->db(), &m_session->plugins());
    m_window = std::make_unique<MainWindow>(*m_workspace, describeConnection(*m_session));
    // Queued: the window that asks is deleted while reconnecting.
    connect(m_window.get(), &MainWindow::connectRequested, this, &Application::reconnect,
            Qt::QueuedConnection);
    m_window->show();
    return true;
}

void Application::reconnect()
{
    ConnectionDialog dialog(ConnectionSettings::database(), ConnectionSettings::actorEmail(),
                            m_window.get());
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Closing the old window must not end the program.
    QApplication::setQuitOnLastWindowClosed(false);
    if (!m_window->close()) { // the user kept unsaved edits
        QApplication::setQuitOnLastWindowClosed(true);
        return;
    }
    ConnectionSettings::setDatabase(dialog.database());
    ConnectionSettings::setActorEmail(dialog.actorEmail());
    m_window.reset();
    m_workspace.reset();
    m_session.reset();
    const bool started = start(dialog.database(), m_clusterDirectory);
    QApplication::setQuitOnLastWindowClosed(true);
    if (!started)
        QCoreApplication::quit();
}

} // namespace steward::gui
