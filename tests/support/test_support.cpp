#include "test_support.h"

#include "db/conninfo.h"
#include "db/embedded_cluster.h"
#include "error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <optional>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace steward {
namespace {

const QString kTemplateName = QStringLiteral("steward_template");

// Runs in its own session so that a kill aimed at the test's process group spares it. It waits
// for the end of its stdin, which comes when the test program exits however it exits, then
// stops the server (SIGQUIT: immediate shutdown) and removes the directory. After a clean
// shutdown() there is nothing left for it to do.
constexpr const char* kWatchdogScript = R"sh(
dir="$1"
cat >/dev/null
pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)
if [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null; then
    tries=0
    while kill -0 "$pid" 2>/dev/null && [ $tries -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
fi
rm -rf -- "$dir"
)sh";

class Watchdog {
public:
    explicit Watchdog(const QString& directory)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            throw Error(ErrorKind::Internal, QStringLiteral("pipe2 failed for the watchdog."));
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
        const QByteArray dir = QFile::encodeName(directory);
        char* argv[] = {const_cast<char*>("/bin/sh"),       const_cast<char*>("-c"),
                        const_cast<char*>(kWatchdogScript), const_cast<char*>("steward-watchdog"),
                        const_cast<char*>(dir.constData()), nullptr};
        const int rc = posix_spawn(&m_pid, "/bin/sh", &actions, &attributes, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        ::close(fds[0]);
        if (rc != 0) {
            ::close(fds[1]);
            throw Error(ErrorKind::Internal, QStringLiteral("Could not start the test cluster's "
                                                            "watchdog."));
        }
        m_pipe = fds[1];
    }
    // Lets the watchdog do its clean-up and waits for it.
    ~Watchdog()
    {
        ::close(m_pipe);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

private:
    pid_t m_pid = -1;
    int m_pipe = -1;
};

// A port on 127.0.0.1 that nothing listens on now, as the kernel hands them out.
quint16 freeTcpPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        throw Error(ErrorKind::Unavailable, QStringLiteral("socket() failed for a free port."));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    const bool found = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                       ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!found)
        throw Error(ErrorKind::Unavailable,
                    QStringLiteral("No free TCP port on 127.0.0.1 for the test cluster."));
    return ntohs(address.sin_port);
}

struct State {
    std::recursive_mutex mutex;
    QString directory;
    std::unique_ptr<Watchdog> watchdog;
    std::unique_ptr<EmbeddedCluster> cluster;
    // A cluster that failed to start fails every later request the same way, quickly.
    std::optional<Error> startFailure;
    std::function<void(const QString&)> preparer;
    bool templateReady = false;
    std::optional<Error> templateFailure;
    int databases = 0;

    ~State()
    {
        // Only reached if the GoogleTest environment did not run, e.g. exit() from a test.
        try {
            stop();
        } catch (...) {
        }
    }

    EmbeddedCluster& started()
    {
        if (cluster)
            return *cluster;
        if (startFailure)
            throw *startFailure;
        try {
            QByteArray pattern = QByteArrayLiteral("/tmp/steward-test-XXXXXX");
            if (::mkdtemp(pattern.data()) == nullptr) {
                throw Error(ErrorKind::Unavailable,
                            QStringLiteral("Could not create a directory for the test cluster "
                                           "under /tmp."));
            }
            directory = QFile::decodeName(pattern);
            watchdog = std::make_unique<Watchdog>(directory);
            // Another program may take the free port before the server binds it: try again
            // with another one.
            for (int attempt = 1;; ++attempt) {
                try {
                    auto fresh = std::make_unique<EmbeddedCluster>(
                        directory, EmbeddedCluster::Options{true, freeTcpPort()});
                    fresh->start();
                    cluster = std::move(fresh);
                    break;
                } catch (const Error&) {
                    if (attempt == 3)
                        throw;
                }
            }
        } catch (const Error& error) {
            startFailure = error;
            watchdog.reset();
            throw;
        }
        return *cluster;
    }

    void stop()
    {
        std::optional<Error> failure;
        if (cluster) {
            try {
                cluster->stop();
            } catch (const Error& error) {
                failure = error;
            }
            cluster.reset();
        }
        watchdog.reset(); // kills a server that refused to stop, and removes the directory
        if (!directory.isEmpty() && QFileInfo::exists(directory))
            QDir(directory).removeRecursively();
        directory.clear();
        templateReady = false;
        if (failure)
            throw *failure;
    }

    void prepareTemplate()
    {
        if (!preparer || templateReady)
            return;
        if (templateFailure)
            throw *templateFailure;
        try {
            const QString admin = withDatabase(started().conninfo(), QStringLiteral("postgres"));
            // A template made for an earlier preparer is stale.
            executeSql(
                admin,
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(kTemplateName));
            executeSql(admin, QStringLiteral("CREATE DATABASE ") + kTemplateName);
            preparer(withDatabase(admin, kTemplateName));
            templateReady = true;
        } catch (const Error& error) {
            templateFailure =
                Error(error.kind(),
                      QStringLiteral("Preparing the template database failed: ") + error.message(),
                      error.details());
            throw *templateFailure;
        }
    }
};

State& state()
{
    static State instance;
    return instance;
}

struct ConnectionCloser {
    void operator()(PGconn* connection) const { PQfinish(connection); }
};
struct ResultClearer {
    void operator()(PGresult* result) const { PQclear(result); }
};

} // namespace

void TestCluster::setTemplatePreparer(std::function<void(const QString& conninfo)> preparer)
{
    State& s = state();
    const std::lock_guard lock(s.mutex);
    s.preparer = std::move(preparer);
    s.templateReady = false;
    s.templateFailure.reset();
}

QString TestCluster::adminConninfo()
{
    return conninfo(QStringLiteral("postgres"));
}

QString TestCluster::conninfo(const QString& database)
{
    State& s = state();
    const std::lock_guard lock(s.mutex);
    return withDatabase(s.started().conninfo(), database);
}

QString TestCluster::directory()
{
    State& s = state();
    const std::lock_guard lock(s.mutex);
    return s.directory;
}

void TestCluster::shutdown()
{
    State& s = state();
    const std::lock_guard lock(s.mutex);
    try {
        s.stop();
    } catch (const Error& error) {
        ADD_FAILURE() << "Stopping the test cluster failed: " << error.what() << "\n"
                      << error.details().join(QLatin1Char('\n')).toStdString();
    }
}

TestDatabase::TestDatabase()
{
    State& s = state();
    const std::lock_guard lock(s.mutex);
    s.prepareTemplate();
    m_name = QStringLiteral("steward_test_%1").arg(++s.databases);
    const QString admin = withDatabase(s.started().conninfo(), QStringLiteral("postgres"));
    executeSql(admin, QStringLiteral("CREATE DATABASE %1%2")
                          .arg(m_name, s.preparer ? QStringLiteral(" TEMPLATE ") + kTemplateName
                                                  : QString()));
    m_conninfo = withDatabase(admin, m_name);
}

TestDatabase::~TestDatabase()
{
    try {
        executeSql(TestCluster::adminConninfo(),
                   QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    } catch (const Error& error) {
        ADD_FAILURE() << "Dropping the test database " << m_name.toStdString()
                      << " failed: " << error.what();
    }
}

QString makeClusterParentDirectory(const QString& prefix)
{
    QByteArray pattern = QFile::encodeName(QStringLiteral("/tmp/%1-XXXXXX").arg(prefix));
    if (::mkdtemp(pattern.data()) == nullptr || ::chmod(pattern.constData(), 0755) != 0)
        throw Error(ErrorKind::Unavailable,
                    QStringLiteral("Could not create a directory for a test cluster under /tmp."));
    return QFile::decodeName(pattern);
}

QString overTcp(const QString& conninfo)
{
    return withSettings(conninfo, {{QStringLiteral("host"), QStringLiteral("127.0.0.1")}});
}

QString withSettings(const QString& conninfo, const QMap<QString, QString>& settings)
{
    ConninfoOptions options;
    for (auto& option : parseConninfoOptions(conninfo))
        if (!settings.contains(option.first))
            options.push_back(std::move(option));
    for (auto it = settings.begin(); it != settings.end(); ++it)
        options.emplace_back(it.key(), it.value());
    return joinConninfo(options);
}

QString withDatabase(const QString& conninfo, const QString& database)
{
    return withSettings(conninfo, {{QStringLiteral("dbname"), database}});
}

QString createLoginRole(const QString& conninfo, const QString& memberOf)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("steward_test_login_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(++counter);
    const QString password =
        QString::fromLatin1(QByteArray::number(QRandomGenerator::system()->generate64(), 16));
    executeSql(conninfo, QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(name, password));
    if (!memberOf.isEmpty())
        executeSql(conninfo, QStringLiteral("GRANT %1 TO %2").arg(memberOf, name));
    return withSettings(conninfo,
                        {{QStringLiteral("user"), name}, {QStringLiteral("password"), password}});
}

void executeSql(const QString& conninfo, const QString& sql)
{
    const std::unique_ptr<PGconn, ConnectionCloser> connection(
        PQconnectdb(conninfo.toUtf8().constData()));
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        throw Error(ErrorKind::Unavailable,
                    QStringLiteral("Could not connect to run \"%1\": %2")
                        .arg(sql, QString::fromUtf8(PQerrorMessage(connection.get())).trimmed()));
    }
    const std::unique_ptr<PGresult, ResultClearer> result(
        PQexec(connection.get(), sql.toUtf8().constData()));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw Error(ErrorKind::Internal,
                    QStringLiteral("\"%1\" failed: %2")
                        .arg(sql, QString::fromUtf8(PQerrorMessage(connection.get())).trimmed()));
    }
}

} // namespace steward
