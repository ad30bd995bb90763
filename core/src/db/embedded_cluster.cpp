#include "db/embedded_cluster.h"

#include "db/process_runner.h"
#include "error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QtDebug>

#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace steward {
namespace {

// The socket directory is private to the cluster, so the conventional port cannot clash with
// another server; with listen_addresses empty it only names the socket file.
constexpr int kPort = 5432;
// The longest socket file name a port can give: what must fit into a socket address.
const QString kSocketFileName = QStringLiteral(".s.PGSQL.65535");
const QString kAccountName = QStringLiteral("steward");
const QString kDatabaseName = QStringLiteral("steward");
const QString kServerPackage = QStringLiteral("postgresql-15");
// sockaddr_un.sun_path holds 108 bytes including the terminating NUL.
constexpr qsizetype kMaxSocketPathBytes = 107;
constexpr int kLogLinesInErrors = 15;

bool runningAsRoot()
{
    return geteuid() == 0;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Error unavailable(const QString& message, QStringList details = {})
{
    return Error(ErrorKind::Unavailable, message, std::move(details));
}

QStringList lastLines(const QString& text, int count)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines;
}

// postgresql.conf string literal.
QString confString(QString value)
{
    value.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

// libpq conninfo value: quoted when it contains anything that would end or escape it.
QString conninfoValue(QString value)
{
    const bool plain = !value.isEmpty() && std::none_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\');
    });
    if (plain)
        return value;
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

QByteArray encodedPath(const QString& path)
{
    return QFile::encodeName(path);
}

// A file written in one go with mode 0600, owned by the server account when there is one.
void writePrivateFile(const QString& path, const QByteArray& content,
                      const std::optional<SystemAccount>& owner, bool append = false)
{
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (append ? O_APPEND : O_TRUNC);
    const int fd = ::open(encodedPath(path).constData(), flags, 0600);
    if (fd < 0)
        throw unavailable(QStringLiteral("Could not write %1: %2.").arg(path, errnoText(errno)));
    bool ok = ::fchmod(fd, 0600) == 0 && (!owner || ::fchown(fd, owner->uid, owner->gid) == 0);
    for (qsizetype done = 0; ok && done < content.size();) {
        const ssize_t n = ::write(fd, content.constData() + done,
                                  static_cast<std::size_t>(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        done += n;
    }
    const int error = errno;
    ::close(fd);
    if (!ok)
        throw unavailable(QStringLiteral("Could not write %1: %2.").arg(path, errnoText(error)));
}

// A directory only its owner may enter: created if missing, otherwise checked and tightened.
void makePrivateDirectory(const QString& path, const std::optional<SystemAccount>& owner)
{
    const QByteArray native = encodedPath(path);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
        throw unavailable(
            QStringLiteral("Could not create the directory %1: %2.").arg(path, errnoText(errno)));
    }
    struct stat st {};
    if (::lstat(native.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw unavailable(QStringLiteral("%1 exists but is not a directory.").arg(path));
    if ((owner && ::chown(native.constData(), owner->uid, owner->gid) != 0) ||
        ::chmod(native.constData(), 0700) != 0) {
        throw unavailable(QStringLiteral("Could not make the directory %1 private: %2.")
                              .arg(path, errnoText(errno)));
    }
}

// Whether the account may search (traverse) a directory with this status; ACLs are not
// consulted, so this errs on the side of refusing.
bool canSearch(const struct stat& st, const SystemAccount& account)
{
    if (st.st_uid == account.uid)
        return (st.st_mode & S_IXUSR) != 0;
    if (std::find(account.groups.cbegin(), account.groups.cend(), st.st_gid) !=
        account.groups.cend())
        return (st.st_mode & S_IXGRP) != 0;
    return (st.st_mode & S_IXOTH) != 0;
}

// An flock(2)-able file in the cluster directory. O_CLOEXEC keeps the descriptor, and with it the
// lock, out of the server and any other program we start.
class LockFile {
public:
    LockFile(const QString& path, const std::optional<SystemAccount>& owner)
        : m_path(path)
        , m_fd(::open(encodedPath(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                      0600))
    {
        if (m_fd < 0) {
            throw unavailable(
                QStringLiteral("Could not open the lock file %1: %2.").arg(path, errnoText(errno)));
        }
        if (owner && ::fchown(m_fd, owner->uid, owner->gid) != 0) {
            const int error = errno;
            ::close(m_fd);
            throw unavailable(
                QStringLiteral("Could not hand the lock file %1 to the %2 account: %3.")
                    .arg(path, owner->name, errnoText(error)));
        }
    }
    ~LockFile() { ::close(m_fd); }
    LockFile(const LockFile&) = delete;
    LockFile& operator=(const LockFile&) = delete;

    void lock(int operation)
    {
        if (!tryLock(operation))
            throw unavailable(QStringLiteral("Could not lock %1.").arg(m_path));
    }
    // False only when LOCK_NB is given and someone else holds a conflicting lock.
    bool tryLock(int operation)
    {
        int rc = 0;
        while ((rc = ::flock(m_fd, operation)) != 0 && errno == EINTR) {
        }
        if (rc == 0)
            return true;
        if (errno == EWOULDBLOCK)
            return false;
        throw unavailable(QStringLiteral("Could not lock %1: %2.").arg(m_path, errnoText(errno)));
    }

private:
    QString m_path;
    int m_fd;
};

struct ConnectionCloser {
    void operator()(PGconn* connection) const { PQfinish(connection); }
};
struct ResultClearer {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;
using Result = std::unique_ptr<PGresult, ResultClearer>;

QString findServerBinDir()
{
    const auto hasServerPrograms = [](const QString& dir) {
        return QFileInfo(dir + QLatin1String("/pg_ctl")).isExecutable() &&
               QFileInfo(dir + QLatin1String("/initdb")).isExecutable();
    };

    const QString configured = qEnvironmentVariable("STEWARD_PG_BINDIR");
    if (!configured.isEmpty()) {
        if (!hasServerPrograms(configured)) {
            throw unavailable(
                QStringLiteral("STEWARD_PG_BINDIR is %1, but it holds no pg_ctl and initdb. "
                               "Point it at the bin directory of a PostgreSQL server "
                               "installation, or unset it.")
                    .arg(configured));
        }
        return configured;
    }

    // Debian installs each major version side by side and keeps them off PATH.
    int best = -1;
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    for (const QString& entry : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const int major = entry.toInt(&numeric);
        if (numeric && major > best &&
            hasServerPrograms(versions.filePath(entry) + QLatin1String("/bin")))
            best = major;
    }
    if (best >= 0)
        return versions.filePath(QString::number(best)) + QLatin1String("/bin");

    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("pg_ctl"));
    if (!onPath.isEmpty() && hasServerPrograms(QFileInfo(onPath).absolutePath()))
        return QFileInfo(onPath).absolutePath();

    throw unavailable(
        QStringLiteral("The PostgreSQL server programs (pg_ctl, initdb) were not found in "
                       "STEWARD_PG_BINDIR, /usr/lib/postgresql/<version>/bin or PATH. Install "
                       "them with `apt-get install %1`, or set STEWARD_PG_BINDIR.")
            .arg(kServerPackage));
}

// PostgreSQL refuses to run as root, and weakening that is not an option: as root, the server
// programs run as this dedicated system account. Creating accounts is the installer's business
// (the steward package's maintainer script, or ./dev.sh for a source build), not something a
// program should do behind an administrator's back when it first runs.
SystemAccount serverAccount()
{
    const std::optional<SystemAccount> account = SystemAccount::find(kAccountName);
    if (!account) {
        throw unavailable(
            QStringLiteral("The system account %1, which runs the embedded PostgreSQL server "
                           "when Steward runs as root, does not exist. Installing the steward "
                           "package creates it, and so does ./dev.sh in a source tree; or create "
                           "it yourself: useradd --system --user-group --home-dir "
                           "/var/lib/steward --no-create-home --shell /usr/sbin/nologin %1")
                .arg(kAccountName));
    }
    if (account->uid == 0) {
        throw unavailable(QStringLiteral("The account %1 has uid 0; PostgreSQL must not run as "
                                         "root. Give it an unprivileged uid.")
                              .arg(kAccountName));
    }
    return *account;
}

} // namespace

struct EmbeddedCluster::Private {
    QString directory;
    Options options;
    // Resolved on first use, so constructing a cluster object never touches the system.
    mutable QString binDir;
    mutable std::optional<SystemAccount> account; // the server's account when running as root
    mutable bool accountResolved = false;
    // Held with a shared lock while this object is a registered client.
    std::unique_ptr<LockFile> clientLock;

    QString path(QLatin1String name) const { return directory + QLatin1Char('/') + name; }
    QString dataDirectory() const { return path(QLatin1String("data")); }
    QString logFile() const { return path(QLatin1String("postgresql.log")); }
    QString passwordFile() const { return path(QLatin1String("password")); }

    const std::optional<SystemAccount>& serverOwner() const
    {
        if (!accountResolved) {
            if (runningAsRoot())
                account = serverAccount();
            accountResolved = true;
        }
        return account;
    }

    ProcessResult run(const QString& program, QStringList arguments, int timeoutMs) const
    {
        if (binDir.isEmpty())
            binDir = findServerBinDir();
        // The working directory must be reachable by the server account (root's cwd often is
        // not), or the programs complain that they cannot identify it.
        return runProcess({binDir + QLatin1Char('/') + program, std::move(arguments), directory,
                           serverOwner(), timeoutMs});
    }

    Error failure(const QString& sentence, const QString& output = {}) const
    {
        QStringList details = lastLines(output, kLogLinesInErrors);
        QString why;
        QFile log(logFile());
        if (log.open(QIODevice::ReadOnly)) {
            constexpr qint64 kTail = 64 * 1024;
            log.seek(std::max<qint64>(0, log.size() - kTail));
            const QStringList tail = lastLines(QString::fromUtf8(log.readAll()), kLogLinesInErrors);
            if (!tail.isEmpty()) {
                details << QStringLiteral("Last lines of %1:").arg(logFile());
                details << tail;
                // The two causes a person can fix at once, said before the log.
                if (tail.last().contains(QLatin1String("Permission denied")))
                    why = QStringLiteral(" The server may not write to its folder: give the "
                                         "account that runs it write access to %1 again.")
                              .arg(dataDirectory());
                else if (tail.last().contains(QLatin1String("No space left on device")))
                    why = QStringLiteral(" The disk holding %1 is full.").arg(dataDirectory());
            }
        }
        return unavailable(sentence + why, details);
    }

    // The directory where the server puts its socket: <dir>/run, unless that path is too long
    // for a Unix socket address; then a private directory named after the cluster directory.
    QString socketDirectory() const
    {
        const QString preferred = path(QLatin1String("run"));
        if (fitsSocketAddress(preferred))
            return preferred;
        QString canonical = QFileInfo(directory).canonicalFilePath();
        if (canonical.isEmpty())
            canonical = directory;
        const QString name = QStringLiteral("steward-") +
                             QString::fromLatin1(QCryptographicHash::hash(
                                                     canonical.toUtf8(), QCryptographicHash::Sha256)
                                                     .toHex()
                                                     .left(16));
        // Root's runtime directory (/run/user/0) is closed to the server account.
        const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (!runningAsRoot() && QDir::isAbsolutePath(runtime) && QFileInfo(runtime).isDir() &&
            fitsSocketAddress(runtime + QLatin1Char('/') + name))
            return runtime + QLatin1Char('/') + name;
        return QStringLiteral("/tmp/") + name;
    }

    static bool fitsSocketAddress(const QString& socketDirectory)
    {
        return encodedPath(socketDirectory + QLatin1Char('/') + kSocketFileName).size() <=
               kMaxSocketPathBytes;
    }

    // The fallback socket directory lives in a shared directory such as /tmp, where someone
    // else may have created the name first: use it only if it is ours and private.
    void prepareSocketDirectory() const
    {
        const QString dir = socketDirectory();
        if (dir.startsWith(directory + QLatin1Char('/'))) {
            makePrivateDirectory(dir, serverOwner());
            return;
        }
        const QByteArray native = encodedPath(dir);
        const bool created = ::mkdir(native.constData(), 0700) == 0;
        if (!created && errno != EEXIST) {
            throw unavailable(QStringLiteral("Could not create the socket directory %1: %2.")
                                  .arg(dir, errnoText(errno)));
        }
        const uid_t expectedOwner = serverOwner() ? serverOwner()->uid : geteuid();
        if (created && serverOwner() &&
            ::chown(native.constData(), serverOwner()->uid, serverOwner()->gid) != 0) {
            throw unavailable(QStringLiteral("Could not hand the socket directory %1 to the %2 "
                                             "account: %3.")
                                  .arg(dir, serverOwner()->name, errnoText(errno)));
        }
        struct stat st {};
        if (::lstat(native.constData(), &st) != 0 || !S_ISDIR(st.st_mode) ||
            st.st_uid != expectedOwner || (st.st_mode & 077) != 0) {
            throw unavailable(QStringLiteral("The socket directory %1 is not a private directory "
                                             "of the cluster's owner; remove it and try again.")
                                  .arg(dir));
        }
    }

    void prepareDirectory() const
    {
        if (!QDir().mkpath(directory)) {
            throw unavailable(
                QStringLiteral("Could not create the cluster directory %1.").arg(directory));
        }
        makePrivateDirectory(directory, serverOwner());
        if (serverOwner())
            checkReachableByServerAccount();
    }

    // The server account must be able to walk down to the directory; /root, for one, is closed.
    void checkReachableByServerAccount() const
    {
        const SystemAccount& owner = *serverOwner();
        QDir ancestor(QFileInfo(directory).canonicalFilePath());
        while (ancestor.cdUp()) {
            struct stat st {};
            const QString path = ancestor.absolutePath();
            if (::stat(encodedPath(path).constData(), &st) != 0 || !canSearch(st, owner)) {
                throw unavailable(
                    QStringLiteral("The cluster directory %1 cannot be used: the %2 account that "
                                   "runs PostgreSQL cannot enter %3. Choose a directory it can "
                                   "reach, such as one below /var/lib or /tmp.")
                        .arg(directory, owner.name, path));
            }
            if (ancestor.isRoot())
                break;
        }
    }

    bool hasCluster() const
    {
        return QFileInfo::exists(dataDirectory() + QLatin1String("/PG_VERSION"));
    }

    void initialise() const
    {
        const QString data = dataDirectory();
        if (QFileInfo::exists(data) && !QDir(data).isEmpty(QDir::AllEntries | QDir::Hidden |
                                                           QDir::System | QDir::NoDotAndDotDot)) {
            throw unavailable(QStringLiteral("The directory %1 holds files but no PostgreSQL "
                                             "cluster. Move them away or choose another "
                                             "directory.")
                                  .arg(data));
        }
        makePrivateDirectory(data, serverOwner());

        std::array<quint32, 8> random{}; // 32 bytes
        QRandomGenerator::system()->fillRange(random.data(), random.size());
        const QByteArray password =
            QByteArray(reinterpret_cast<const char*>(random.data()), sizeof random).toHex();
        writePrivateFile(passwordFile(), password, serverOwner());

        QStringList arguments{QStringLiteral("-D"),
                              data,
                              QStringLiteral("-U"),
                              kAccountName,
                              QStringLiteral("--pwfile=") + passwordFile(),
                              QStringLiteral("--auth=scram-sha-256"),
                              QStringLiteral("--encoding=UTF8"),
                              QStringLiteral("--locale=C.UTF-8")};
        if (options.throwaway)
            arguments << QStringLiteral("--no-sync");
        const ProcessResult result = run(QStringLiteral("initdb"), arguments, 180'000);
        // Keep initdb's report with the server's, where a person looks first.
        writePrivateFile(logFile(), result.output.toUtf8(), serverOwner(), /*append=*/true);
        if (result.exitCode != 0) {
            throw failure(
                QStringLiteral("Could not create the PostgreSQL cluster in %1 (initdb failed).")
                    .arg(data));
        }
        // A hard include: if Steward's settings go missing the server must refuse to start
        // rather than fall back to the defaults, which listen on TCP.
        writePrivateFile(data + QLatin1String("/postgresql.conf"),
                         "\n# Steward's settings, rewritten each time Steward starts the server.\n"
                         "include = 'steward.conf'\n",
                         serverOwner(), /*append=*/true);
    }

    void writeServerSettings() const
    {
        QString settings =
            QStringLiteral("# Written by Steward before each start; edits are overwritten.\n"
                           "listen_addresses = '%1'\n"
                           "port = %2\n"
                           "unix_socket_directories = %3\n"
                           "unix_socket_permissions = 0700\n")
                .arg(options.tcpPort != 0 ? QStringLiteral("127.0.0.1") : QString())
                .arg(port())
                .arg(confString(socketDirectory()));
        if (options.throwaway) {
            settings += QStringLiteral("fsync = off\n"
                                       "synchronous_commit = off\n"
                                       "full_page_writes = off\n");
        }
        writePrivateFile(dataDirectory() + QLatin1String("/steward.conf"), settings.toUtf8(),
                         serverOwner());
    }

    bool serverRunning() const
    {
        if (!hasCluster())
            return false;
        const ProcessResult status =
            run(QStringLiteral("pg_ctl"),
                {QStringLiteral("status"), QStringLiteral("-D"), dataDirectory()}, 30'000);
        switch (status.exitCode) {
        case 0:
            return true;
        case 3: // not running
        case 4: // no accessible data directory
            return false;
        default:
            throw failure(QStringLiteral("Could not tell whether the PostgreSQL server in %1 "
                                         "is running (pg_ctl status failed).")
                              .arg(dataDirectory()),
                          status.output);
        }
    }

    void startServer() const
    {
        prepareSocketDirectory();
        writeServerSettings();
        const ProcessResult result =
            run(QStringLiteral("pg_ctl"),
                {QStringLiteral("start"), QStringLiteral("-D"), dataDirectory(),
                 QStringLiteral("-l"), logFile(), QStringLiteral("-w"), QStringLiteral("-t"),
                 QStringLiteral("60"), QStringLiteral("-s")},
                90'000);
        if (result.exitCode != 0) {
            throw failure(
                QStringLiteral("Could not start the PostgreSQL server in %1.").arg(dataDirectory()),
                result.output);
        }
    }

    void stopServer() const
    {
        const ProcessResult result =
            run(QStringLiteral("pg_ctl"),
                {QStringLiteral("stop"), QStringLiteral("-D"), dataDirectory(),
                 QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                 QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-s")},
                90'000);
        if (result.exitCode != 0) {
            throw failure(
                QStringLiteral("Could not stop the PostgreSQL server in %1.").arg(dataDirectory()),
                result.output);
        }
        // The server removed its socket; a fallback directory in /tmp would otherwise linger.
        const QString sockets = socketDirectory();
        if (!sockets.startsWith(directory + QLatin1Char('/')))
            ::rmdir(encodedPath(sockets).constData());
    }

    int port() const { return options.tcpPort != 0 ? options.tcpPort : kPort; }

    QString conninfo(const QString& database) const
    {
        QFile file(passwordFile());
        if (!file.open(QIODevice::ReadOnly)) {
            throw unavailable(QStringLiteral("Could not read the password of the embedded "
                                             "cluster from %1: %2. Has it been started?")
                                  .arg(passwordFile(), file.errorString()));
        }
        const QString password = QString::fromUtf8(file.readAll()).trimmed();
        return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 password=%5")
            .arg(conninfoValue(socketDirectory()))
            .arg(port())
            .arg(conninfoValue(database), conninfoValue(kAccountName), conninfoValue(password));
    }

    void ensureDatabase() const
    {
        const QByteArray info = conninfo(QStringLiteral("postgres")).toUtf8();
        Connection connection(PQconnectdb(info.constData()));
        if (PQstatus(connection.get()) != CONNECTION_OK) {
            throw failure(QStringLiteral("Could not connect to the embedded PostgreSQL server "
                                         "in %1.")
                              .arg(dataDirectory()),
                          QString::fromUtf8(PQerrorMessage(connection.get())));
        }
        const QByteArray name = kDatabaseName.toUtf8();
        const char* values[] = {name.constData()};
        Result found(PQexecParams(connection.get(),
                                  "SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1", 1,
                                  nullptr, values, nullptr, nullptr, 0));
        if (PQresultStatus(found.get()) != PGRES_TUPLES_OK) {
            throw failure(QStringLiteral("Could not look up the %1 database.").arg(kDatabaseName),
                          QString::fromUtf8(PQerrorMessage(connection.get())));
        }
        if (PQntuples(found.get()) > 0)
            return;
        const QByteArray create = "CREATE DATABASE " + name;
        Result created(PQexec(connection.get(), create.constData()));
        if (PQresultStatus(created.get()) != PGRES_COMMAND_OK) {
            throw failure(QStringLiteral("Could not create the %1 database.").arg(kDatabaseName),
                          QString::fromUtf8(PQerrorMessage(connection.get())));
        }
    }

    std::unique_ptr<LockFile> controlLock() const
    {
        auto lock = std::make_unique<LockFile>(path(QLatin1String("control.lock")), serverOwner());
        lock->lock(LOCK_EX);
        return lock;
    }

    void start()
    {
        prepareDirectory();
        const auto control = controlLock();
        if (!hasCluster())
            initialise();
        if (!serverRunning())
            startServer();
        ensureDatabase();
        // Registered while control.lock is still held, so a client finishing meanwhile cannot
        // mistake itself for the last one and stop the server under us.
        if (!clientLock) {
            auto clients =
                std::make_unique<LockFile>(path(QLatin1String("clients.lock")), serverOwner());
            clients->lock(LOCK_SH);
            clientLock = std::move(clients);
        }
    }

    void release()
    {
        if (!clientLock)
            return;
        const auto control = controlLock();
        clientLock->lock(LOCK_UN);
        const bool last = clientLock->tryLock(LOCK_EX | LOCK_NB);
        clientLock.reset();
        if (last && !persistent() && serverRunning())
            stopServer();
    }

    bool persistent() const { return QFileInfo::exists(path(QLatin1String("persistent"))); }
};

EmbeddedCluster::EmbeddedCluster(QString directory)
    : EmbeddedCluster(std::move(directory), Options{})
{
}

EmbeddedCluster::EmbeddedCluster(QString directory, Options options)
    : d(std::make_unique<Private>())
{
    d->directory = QDir::cleanPath(QDir(directory).absolutePath());
    d->options = options;
}

EmbeddedCluster::~EmbeddedCluster()
{
    try {
        d->release();
    } catch (const Error& error) {
        qWarning().noquote() << QStringLiteral("Steward: while releasing the embedded cluster:")
                             << error.message() << error.details().join(QLatin1Char('\n'));
    } catch (const std::exception& error) {
        qWarning() << "Steward: while releasing the embedded cluster:" << error.what();
    }
}

QString EmbeddedCluster::defaultDirectory()
{
    // A user or a script keeps several organisations apart by naming the folder.
    const QString configured = qEnvironmentVariable("STEWARD_CLUSTER");
    if (!configured.isEmpty())
        return QDir::cleanPath(QDir(configured).absolutePath());
    // Root's home is closed to everyone else (0700), so the unprivileged account that runs the
    // server as root's stand-in could not reach ~/.local/share; a system location it can reach
    // is used instead.
    if (runningAsRoot())
        return QStringLiteral("/var/lib/steward/cluster");
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (!QDir::isAbsolutePath(base)) // unset, empty or relative: the XDG spec says ignore it
        base = QDir::homePath() + QLatin1String("/.local/share");
    return base + QLatin1String("/steward/cluster");
}

void EmbeddedCluster::start()
{
    d->start();
}

void EmbeddedCluster::stop()
{
    if (!d->hasCluster())
        return;
    const auto control = d->controlLock();
    if (d->serverRunning())
        d->stopServer();
}

void EmbeddedCluster::setPersistent(bool keep)
{
    const QString marker = d->path(QLatin1String("persistent"));
    if (keep) {
        d->prepareDirectory();
        writePrivateFile(marker, "This cluster keeps running when its last Steward client exits.\n",
                         d->serverOwner());
    } else if (QFileInfo::exists(marker) && !QFile::remove(marker)) {
        throw unavailable(QStringLiteral("Could not remove %1.").arg(marker));
    }
}

bool EmbeddedCluster::isPersistent() const
{
    return d->persistent();
}

bool EmbeddedCluster::isRunning() const
{
    return d->serverRunning();
}

QString EmbeddedCluster::conninfo() const
{
    return d->conninfo(kDatabaseName);
}

QString EmbeddedCluster::directory() const
{
    return d->directory;
}

} // namespace steward
