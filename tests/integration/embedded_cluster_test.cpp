// The embedded cluster against real PostgreSQL server programs: creation, privacy of its files
// and socket, reuse, the last-client rule across objects and processes, persistence, running as
// root through the steward account, and the errors a broken directory gives.
#include "db/embedded_cluster.h"
#include "error.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <pwd.h>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace steward {
namespace {

using Options = EmbeddedCluster::Options;
constexpr Options kThrowaway{true};

struct ConnectionCloser {
    void operator()(PGconn* connection) const { PQfinish(connection); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

Connection connect(const QString& conninfo)
{
    return Connection(PQconnectdb(conninfo.toUtf8().constData()));
}

// The first column of the first row, or the connection's error message prefixed with "ERROR: ".
std::string queryValue(const QString& conninfo, const char* sql)
{
    const Connection connection = connect(conninfo);
    if (PQstatus(connection.get()) != CONNECTION_OK)
        return std::string("ERROR: ") + PQerrorMessage(connection.get());
    PGresult* result = PQexec(connection.get(), sql);
    std::string value = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0
                            ? PQgetvalue(result, 0, 0)
                            : std::string("ERROR: ") + PQerrorMessage(connection.get());
    PQclear(result);
    return value;
}

QString readText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

struct stat statOf(const QString& path)
{
    struct stat st {};
    EXPECT_EQ(::lstat(QFile::encodeName(path).constData(), &st), 0) << path.toStdString();
    return st;
}

mode_t permissionsOf(const QString& path)
{
    return statOf(path).st_mode & 07777;
}

pid_t postmasterPid(const QString& directory)
{
    const QString pidFile = readText(directory + QStringLiteral("/data/postmaster.pid"));
    return static_cast<pid_t>(pidFile.section(QLatin1Char('\n'), 0, 0).toInt());
}

// The real, effective, saved and file-system uids of a process, from /proc/<pid>/status.
QStringList uidsOf(pid_t pid)
{
    const QString status = readText(QStringLiteral("/proc/%1/status").arg(pid));
    for (const QString& line : status.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Uid:")))
            return line.mid(4).simplified().split(QLatin1Char(' '));
    }
    return {};
}

// Inodes of the sockets a process has open.
std::set<QString> socketInodesOf(pid_t pid)
{
    std::set<QString> inodes;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString& fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char buffer[256];
        const QByteArray link = QFile::encodeName(fds.filePath(fd));
        const ssize_t n = ::readlink(link.constData(), buffer, sizeof buffer - 1);
        if (n <= 0)
            continue;
        const QString target = QString::fromLatin1(buffer, n);
        if (target.startsWith(QLatin1String("socket:[")))
            inodes.insert(target.mid(8, target.size() - 9));
    }
    return inodes;
}

// Inodes of every listening TCP socket on the machine (IPv4 and IPv6).
std::set<QString> listeningTcpInodes()
{
    std::set<QString> inodes;
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        const QStringList lines = readText(QString::fromLatin1(table)).split(QLatin1Char('\n'));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList fields = lines[i].simplified().split(QLatin1Char(' '));
            if (fields.size() > 9 && fields[3] == QLatin1String("0A")) // TCP_LISTEN
                inodes.insert(fields[9]);
        }
    }
    return inodes;
}

QString hostOf(const QString& conninfo)
{
    for (const QString& part : conninfo.split(QLatin1Char(' '))) {
        if (part.startsWith(QLatin1String("host=")))
            return part.mid(5);
    }
    return {};
}

class EmbeddedClusterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_root = makeClusterParentDirectory(QStringLiteral("steward-ct"));
        m_dir = m_root + QStringLiteral("/cluster");
    }

    void TearDown() override
    {
        // Whatever a test left behind: no server may outlive it.
        for (const QString& dir : m_clusterDirs) {
            if (QFileInfo::exists(dir + QStringLiteral("/data/PG_VERSION"))) {
                try {
                    EmbeddedCluster(dir).stop();
                } catch (const Error& error) {
                    ADD_FAILURE() << "stopping " << dir.toStdString() << ": " << error.what();
                }
            }
        }
        QFile::setPermissions(m_root, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
        QDir(m_root).removeRecursively();
    }

    const QString& dir()
    {
        track(m_dir);
        return m_dir;
    }
    void track(const QString& dir) { m_clusterDirs << dir; }

    QString m_root;
    QString m_dir;
    QStringList m_clusterDirs;
};

TEST_F(EmbeddedClusterTest, FreshDirectoryIsInitialisedStartedAndAnswersQueries)
{
    EmbeddedCluster cluster(dir(), kThrowaway);
    EXPECT_FALSE(cluster.isRunning());
    cluster.start();
    EXPECT_TRUE(cluster.isRunning());
    EXPECT_EQ(queryValue(cluster.conninfo(), "SELECT current_database()"), "steward");
    EXPECT_EQ(queryValue(cluster.conninfo(), "SELECT current_user"), "steward");
    EXPECT_EQ(queryValue(cluster.conninfo(), "SHOW server_encoding"), "UTF8");
    EXPECT_EQ(queryValue(cluster.conninfo(), "SHOW fsync"), "off") << "throwaway settings apply";
    EXPECT_EQ(cluster.directory(), m_dir);
}

TEST_F(EmbeddedClusterTest, DurableByDefault)
{
    EmbeddedCluster cluster(dir());
    cluster.start();
    EXPECT_EQ(queryValue(cluster.conninfo(), "SHOW fsync"), "on");
    EXPECT_EQ(queryValue(cluster.conninfo(), "SHOW full_page_writes"), "on");
}

TEST_F(EmbeddedClusterTest, FilesArePrivate)
{
    EmbeddedCluster cluster(dir(), kThrowaway);
    cluster.start();
    EXPECT_EQ(permissionsOf(m_dir), 0700u);
    EXPECT_EQ(permissionsOf(m_dir + QStringLiteral("/data")), 0700u);
    EXPECT_EQ(permissionsOf(m_dir + QStringLiteral("/run")), 0700u);
    EXPECT_EQ(permissionsOf(m_dir + QStringLiteral("/password")), 0600u);
    const QString password = readText(m_dir + QStringLiteral("/password"));
    EXPECT_EQ(password.size(), 64) << "32 random bytes, hex";
    EXPECT_TRUE(QByteArray::fromHex(password.toLatin1()).toHex() == password.toLatin1());
    EXPECT_TRUE(QFileInfo::exists(m_dir + QStringLiteral("/postgresql.log")));
}

TEST_F(EmbeddedClusterTest, ListensOnItsPrivateSocketOnly)
{
    EmbeddedCluster cluster(dir(), kThrowaway);
    cluster.start();
    EXPECT_EQ(queryValue(cluster.conninfo(), "SHOW listen_addresses"), "");
    EXPECT_EQ(
        QString::fromStdString(queryValue(cluster.conninfo(), "SHOW unix_socket_directories")),
        m_dir + QStringLiteral("/run"));
    EXPECT_TRUE(S_ISSOCK(statOf(m_dir + QStringLiteral("/run/.s.PGSQL.5432")).st_mode));

    const pid_t pid = postmasterPid(m_dir);
    ASSERT_GT(pid, 0);
    const std::set<QString> sockets = socketInodesOf(pid);
    ASSERT_FALSE(sockets.empty()) << "the postmaster has at least its Unix socket open";
    for (const QString& inode : listeningTcpInodes())
        EXPECT_EQ(sockets.count(inode), 0u)
            << "the postmaster listens on TCP (inode " << inode.toStdString() << ")";
}

TEST_F(EmbeddedClusterTest, RefusesConnectionsWithoutThePassword)
{
    EmbeddedCluster cluster(dir(), kThrowaway);
    cluster.start();
    const QString host = hostOf(cluster.conninfo());
    const std::string noPassword =
        queryValue(QStringLiteral("host=%1 port=5432 dbname=steward user=steward "
                                  "password=wrong")
                       .arg(host),
                   "SELECT 1");
    EXPECT_NE(noPassword.find("password authentication failed"), std::string::npos) << noPassword;
}

TEST_F(EmbeddedClusterTest, SecondObjectReusesTheRunningCluster)
{
    EmbeddedCluster first(dir(), kThrowaway);
    first.start();
    const QString password = readText(m_dir + QStringLiteral("/password"));
    const pid_t pid = postmasterPid(m_dir);
    EXPECT_EQ(queryValue(first.conninfo(),
                         "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here'); "
                         "SELECT count(*) FROM kept"),
              "1");

    EmbeddedCluster second(m_dir, kThrowaway);
    second.start();
    EXPECT_EQ(readText(m_dir + QStringLiteral("/password")), password) << "not re-initialised";
    EXPECT_EQ(postmasterPid(m_dir), pid) << "not restarted";
    EXPECT_EQ(second.conninfo(), first.conninfo());
    EXPECT_EQ(queryValue(second.conninfo(), "SELECT v FROM kept"), "still here");
    EXPECT_EQ(queryValue(first.conninfo(), "SELECT 42"), "42");
}

TEST_F(EmbeddedClusterTest, StoppedClusterIsRestartedWithItsData)
{
    {
        EmbeddedCluster cluster(dir(), kThrowaway);
        cluster.start();
        queryValue(cluster.conninfo(), "CREATE TABLE kept AS SELECT 7 AS v");
    }
    EmbeddedCluster again(m_dir, kThrowaway);
    EXPECT_FALSE(again.isRunning());
    again.start();
    EXPECT_EQ(queryValue(again.conninfo(), "SELECT v FROM kept"), "7");
}

TEST_F(EmbeddedClusterTest, LastClientToLeaveStopsTheServer)
{
    auto first = std::make_unique<EmbeddedCluster>(dir(), kThrowaway);
    auto second = std::make_unique<EmbeddedCluster>(m_dir, kThrowaway);
    first->start();
    second->start();
    first.reset();
    EXPECT_TRUE(second->isRunning()) << "another client still uses it";
    EXPECT_EQ(queryValue(second->conninfo(), "SELECT 1"), "1");
    second.reset();
    EXPECT_FALSE(EmbeddedCluster(m_dir).isRunning());
    EXPECT_FALSE(QFileInfo::exists(m_dir + QStringLiteral("/data/postmaster.pid")));
}

TEST_F(EmbeddedClusterTest, ObjectThatNeverStartedLeavesTheServerAlone)
{
    EmbeddedCluster running(dir(), kThrowaway);
    running.start();
    {
        EmbeddedCluster bystander(m_dir);
    }
    EXPECT_TRUE(running.isRunning());
}

TEST_F(EmbeddedClusterTest, PersistentClusterOutlivesItsLastClientUntilStopped)
{
    {
        EmbeddedCluster cluster(dir(), kThrowaway);
        cluster.start();
        EXPECT_FALSE(cluster.isPersistent());
        cluster.setPersistent(true);
        EXPECT_TRUE(cluster.isPersistent());
    }
    EmbeddedCluster later(m_dir);
    EXPECT_TRUE(later.isPersistent()) << "stored in the directory";
    EXPECT_TRUE(later.isRunning());
    later.stop();
    EXPECT_FALSE(later.isRunning());

    later.setPersistent(false);
    EXPECT_FALSE(later.isPersistent());
    {
        EmbeddedCluster cluster(m_dir, kThrowaway);
        cluster.start();
    }
    EXPECT_FALSE(later.isRunning()) << "no longer persistent: the last client stops it";
}

TEST_F(EmbeddedClusterTest, StopEndsTheServerWhoeverUsesIt)
{
    EmbeddedCluster first(dir(), kThrowaway);
    EmbeddedCluster second(m_dir, kThrowaway);
    first.start();
    second.start();
    first.stop();
    EXPECT_FALSE(second.isRunning());
    second.start();
    EXPECT_TRUE(first.isRunning()) << "a later start brings it back";
}

// A forked child that waits until the parent closes its end of a pipe.
struct Child {
    pid_t pid = -1;
    int release = -1;

    // Lets the child finish and returns its exit code.
    int finish()
    {
        ::close(release);
        int status = 0;
        ::waitpid(pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
};

TEST_F(EmbeddedClusterTest, ClientInAnotherProcessKeepsTheServerRunning)
{
    auto parent = std::make_unique<EmbeddedCluster>(dir(), kThrowaway);
    parent->start();

    int ready[2];
    int release[2];
    ASSERT_EQ(::pipe(ready), 0);
    ASSERT_EQ(::pipe(release), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::close(ready[0]);
        ::close(release[1]);
        int code = 0;
        try {
            EmbeddedCluster child(m_dir, kThrowaway);
            child.start();
            const char ok = 'y';
            if (::write(ready[1], &ok, 1) != 1)
                code = 2;
            char done = 0;
            (void)!::read(release[0], &done, 1); // returns at EOF, when the parent lets go
        } catch (...) {
            code = 1;
        }
        ::_exit(code); // the cluster object above released its registration first
    }
    ::close(ready[1]);
    ::close(release[0]);
    Child child{pid, release[1]};
    char ok = 0;
    ASSERT_EQ(::read(ready[0], &ok, 1), 1) << "the child started its client";
    ::close(ready[0]);

    parent.reset();
    EXPECT_TRUE(EmbeddedCluster(m_dir).isRunning()) << "the child process still uses it";

    EXPECT_EQ(child.finish(), 0);
    EXPECT_FALSE(EmbeddedCluster(m_dir).isRunning()) << "the child was the last client";
}

TEST_F(EmbeddedClusterTest, ServerLeftByACrashedClientIsReused)
{
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        // Starts the cluster and dies without releasing anything.
        auto* leaked = new EmbeddedCluster(m_dir, kThrowaway);
        try {
            leaked->start();
        } catch (...) {
            ::_exit(1);
        }
        ::_exit(0);
    }
    track(m_dir);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const pid_t server = postmasterPid(m_dir);
    ASSERT_GT(server, 0);

    {
        EmbeddedCluster cluster(m_dir, kThrowaway);
        EXPECT_TRUE(cluster.isRunning());
        cluster.start();
        EXPECT_EQ(postmasterPid(m_dir), server) << "reused, not restarted";
        EXPECT_EQ(queryValue(cluster.conninfo(), "SELECT 1"), "1");
    }
    EXPECT_FALSE(EmbeddedCluster(m_dir).isRunning()) << "the crashed client holds no lock";
}

TEST_F(EmbeddedClusterTest, LongDirectoryGetsItsSocketInAShortPrivateDirectory)
{
    const QString deep =
        m_root + QStringLiteral("/a-directory-name-long-enough-to-push-the-socket-path-of-this-"
                                "cluster/past-the-unix-socket-address-limit");
    track(deep);
    ASSERT_GT(QFile::encodeName(deep + QStringLiteral("/run/.s.PGSQL.5432")).size(), 107);
    QString socketDirectory;
    {
        EmbeddedCluster cluster(deep, kThrowaway);
        cluster.start();
        socketDirectory = hostOf(cluster.conninfo());
        EXPECT_TRUE(socketDirectory.startsWith(QStringLiteral("/tmp/steward-")) ||
                    socketDirectory.startsWith(qEnvironmentVariable("XDG_RUNTIME_DIR")))
            << socketDirectory.toStdString();
        EXPECT_EQ(permissionsOf(socketDirectory), 0700u);
        EXPECT_EQ(queryValue(cluster.conninfo(), "SELECT 1"), "1");
    }
    EXPECT_FALSE(QFileInfo::exists(socketDirectory)) << "removed when the server stops";
}

TEST_F(EmbeddedClusterTest, AsRootTheServerRunsAsTheStewardAccount)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "only meaningful when the tests run as root (as CI does)";
    EmbeddedCluster cluster(dir(), kThrowaway);
    cluster.start();
    const passwd* account = ::getpwnam("steward");
    ASSERT_NE(account, nullptr) << "the account is created when missing";
    const uid_t stewardUid = account->pw_uid;
    EXPECT_NE(stewardUid, 0u);
    const QString uid = QString::number(stewardUid);

    const pid_t pid = postmasterPid(m_dir);
    ASSERT_GT(pid, 0);
    EXPECT_EQ(uidsOf(pid), QStringList({uid, uid, uid, uid}));
    for (const char* path : {"", "/data", "/data/PG_VERSION", "/password", "/run",
                             "/postgresql.log", "/data/steward.conf"}) {
        EXPECT_EQ(statOf(m_dir + QString::fromLatin1(path)).st_uid, stewardUid) << path;
    }
    EXPECT_EQ(queryValue(cluster.conninfo(), "SELECT 1"), "1") << "root connects as a client";
}

TEST_F(EmbeddedClusterTest, DefaultDirectoryFollowsTheDataHome)
{
    if (::geteuid() == 0) {
        EXPECT_EQ(EmbeddedCluster::defaultDirectory(), QStringLiteral("/var/lib/steward/cluster"));
        return;
    }
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", "/srv/data");
    EXPECT_EQ(EmbeddedCluster::defaultDirectory(), QStringLiteral("/srv/data/steward/cluster"));
    qunsetenv("XDG_DATA_HOME");
    EXPECT_EQ(EmbeddedCluster::defaultDirectory(),
              QDir::homePath() + QStringLiteral("/.local/share/steward/cluster"));
    if (!saved.isNull())
        qputenv("XDG_DATA_HOME", saved);
}

void expectUnavailable(EmbeddedCluster& cluster, const QString& mentioning)
{
    try {
        cluster.start();
        ADD_FAILURE() << "start() succeeded";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Unavailable);
        EXPECT_TRUE(error.message().contains(mentioning))
            << error.what() << " does not mention " << mentioning.toStdString();
    }
}

TEST_F(EmbeddedClusterTest, DirectoryThatIsAFileIsRefused)
{
    QFile file(m_dir);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    EmbeddedCluster cluster(m_dir, kThrowaway);
    expectUnavailable(cluster, m_dir);
}

TEST_F(EmbeddedClusterTest, DataDirectoryWithForeignFilesIsRefused)
{
    ASSERT_TRUE(QDir().mkpath(m_dir + QStringLiteral("/data/something")));
    EmbeddedCluster cluster(dir(), kThrowaway);
    expectUnavailable(cluster, QStringLiteral("holds files but no PostgreSQL cluster"));
    EXPECT_TRUE(QFileInfo::exists(m_dir + QStringLiteral("/data/something"))) << "left alone";
}

TEST_F(EmbeddedClusterTest, CorruptClusterReportsTheServerLog)
{
    {
        EmbeddedCluster cluster(dir(), kThrowaway);
        cluster.start();
    }
    QFile version(m_dir + QStringLiteral("/data/PG_VERSION"));
    ASSERT_TRUE(version.open(QIODevice::WriteOnly | QIODevice::Truncate));
    version.write("7\n");
    version.close();

    EmbeddedCluster cluster(m_dir, kThrowaway);
    try {
        cluster.start();
        ADD_FAILURE() << "start() succeeded on a corrupt cluster";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Unavailable);
        EXPECT_TRUE(error.message().contains(QStringLiteral("Could not start"))) << error.what();
        const QString details = error.details().join(QLatin1Char('\n'));
        EXPECT_TRUE(details.contains(QStringLiteral("incompatible")))
            << "the log says why: " << details.toStdString();
    }
    EXPECT_FALSE(cluster.isRunning());
}

TEST_F(EmbeddedClusterTest, UnreachableDirectoryIsRefused)
{
    // As root, a directory below one that the steward account cannot enter; otherwise one the
    // user cannot write to.
    const QString closed = m_root + QStringLiteral("/closed");
    ASSERT_TRUE(QDir().mkpath(closed));
    ASSERT_TRUE(QFile::setPermissions(
        closed, ::geteuid() == 0
                    ? QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                    : QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const QString inside = closed + QStringLiteral("/cluster");
    track(inside);
    EmbeddedCluster cluster(inside, kThrowaway);
    expectUnavailable(cluster, ::geteuid() == 0 ? closed : inside);
    EXPECT_FALSE(cluster.isRunning());
}

TEST_F(EmbeddedClusterTest, MissingServerProgramsAreNamed)
{
    const QByteArray saved = qgetenv("STEWARD_PG_BINDIR");
    qputenv("STEWARD_PG_BINDIR", "/nonexistent/bin");
    EmbeddedCluster cluster(dir(), kThrowaway);
    expectUnavailable(cluster, QStringLiteral("STEWARD_PG_BINDIR"));
    if (saved.isNull())
        qunsetenv("STEWARD_PG_BINDIR");
    else
        qputenv("STEWARD_PG_BINDIR", saved);
}

TEST(TestDatabase, EachTestGetsItsOwnDatabaseAndItIsDroppedAfterwards)
{
    QString name;
    {
        TestDatabase first;
        TestDatabase second;
        name = first.name();
        EXPECT_NE(first.name(), second.name());
        EXPECT_EQ(queryValue(first.conninfo(), "SELECT current_database()"),
                  first.name().toStdString());
        EXPECT_EQ(
            queryValue(first.conninfo(), "CREATE TABLE mine (v int); SELECT count(*) FROM mine"),
            "0");
        EXPECT_NE(queryValue(second.conninfo(), "SELECT count(*) FROM mine").find("ERROR"),
                  std::string::npos)
            << "databases are independent";
        const Connection lingering = connect(first.conninfo()); // dropped WITH (FORCE) anyway
        ASSERT_EQ(PQstatus(lingering.get()), CONNECTION_OK);
    }
    const QString sql =
        QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(name);
    EXPECT_EQ(queryValue(TestCluster::adminConninfo(), sql.toUtf8().constData()), "0");
}

TEST(TestDatabase, TemplatePreparerShapesEveryNewDatabase)
{
    int runs = 0;
    TestCluster::setTemplatePreparer([&runs](const QString& conninfo) {
        ++runs;
        executeSql(conninfo, QStringLiteral("CREATE TABLE prepared (v int); "
                                            "INSERT INTO prepared VALUES (1)"));
    });
    {
        TestDatabase first;
        TestDatabase second;
        EXPECT_EQ(queryValue(first.conninfo(), "SELECT v FROM prepared"), "1");
        EXPECT_EQ(queryValue(second.conninfo(), "SELECT v FROM prepared"), "1");
    }
    EXPECT_EQ(runs, 1) << "prepared once";
    TestCluster::setTemplatePreparer({});
    TestDatabase plain;
    EXPECT_NE(queryValue(plain.conninfo(), "SELECT v FROM prepared").find("ERROR"),
              std::string::npos);
}

} // namespace
} // namespace steward
