// Faults in the middle of work, against real PostgreSQL servers the test starts: the server ends
// the session (pg_terminate_backend) or restarts while an import or an audit's close waits inside
// its transaction, and the embedded cluster is killed with SIGKILL or loses write access to its
// folder. Whatever happens, a transaction is rolled back whole, the program exits with code 3 and
// a sentence saying what was lost, and nothing committed is lost.
#include "database_fixture.h"
#include "db/embedded_cluster.h"
#include "db/migrator.h"
#include "error.h"
#include "services/history_service.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>
#include <functional>
#include <sys/resource.h>
#include <sys/stat.h>

namespace steward {
namespace {

const QString kCli = QStringLiteral(STEWARD_CLI_PATH);

// The `steward` program running in the background, as a user's terminal would run it.
class Background {
public:
    Background(const QStringList& args, const QMap<QString, QString>& env = {})
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("STEWARD_DATABASE"));
        for (auto it = env.begin(); it != env.end(); ++it)
            e.insert(it.key(), it.value());
        m_process.setProcessEnvironment(e);
        m_process.start(kCli, args);
    }
    ~Background()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    // Waits for the end; the exit code, or -1 if it crashed or hung.
    int finish()
    {
        if (!m_process.waitForFinished(120'000) || m_process.exitStatus() != QProcess::NormalExit)
            return -1;
        m_err = QString::fromUtf8(m_process.readAllStandardError());
        return m_process.exitCode();
    }
    const QString& err() const { return m_err; }

private:
    QProcess m_process;
    QString m_err;
};

// Waits until some other session of the database waits for a lock, and returns its pid (0 if none
// does within the time).
qint64 waitingBackend(Database& observer)
{
    QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired()) {
        QSqlQuery q = observer.exec(QStringLiteral(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
            "pg_backend_pid() AND wait_event_type = 'Lock' ORDER BY backend_start LIMIT 1"));
        if (q.next())
            return q.value(0).toLongLong();
        QThread::msleep(50);
    }
    return 0;
}

class FaultTest : public DatabaseTest {
protected:
    qint64 count(const QString& table)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM ") + table).toLongLong();
    }
    QString writePeopleFile(int people)
    {
        const QString path = QDir::temp().filePath(
            QStringLiteral("steward-fault-%1.csv").arg(QCoreApplication::applicationPid()));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("email,name\n");
        for (int i = 0; i < people; ++i)
            file.write(QStringLiteral("p%1@example.org,Person %1\n").arg(i).toUtf8());
        return path;
    }
};

// An import waits inside its transaction for a lock the test holds; the server ends its session.
TEST_F(FaultTest, ATerminatedImportIsRolledBackWholeAndExitsThree)
{
    const QString file = writePeopleFile(2000);
    Database locker(conninfo());
    Transaction hold(locker);
    locker.exec(QStringLiteral("LOCK TABLE person IN EXCLUSIVE MODE"));

    Background import({QStringLiteral("--database=") + overTcp(conninfo()),
                       QStringLiteral("import"), QStringLiteral("people"), file});
    Database observer(conninfo());
    const qint64 pid = waitingBackend(observer);
    ASSERT_GT(pid, 0) << "the import never reached its write";
    observer.exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {pid});
    EXPECT_EQ(import.finish(), 3) << import.err().toStdString();
    EXPECT_TRUE(import.err().contains(QLatin1String("was lost"))) << import.err().toStdString();
    hold.commit();

    EXPECT_EQ(count(QStringLiteral("person")), 0) << "part of a terminated import was kept";
    EXPECT_TRUE(HistoryService(db()).verify().intact);
    QFile::remove(file);
}

// An audit's close waits for the audit's row; the server ends its session: still in review.
TEST_F(FaultTest, ATerminatedCloseLeavesTheAuditInReview)
{
    db().exec(QStringLiteral("INSERT INTO person (email, name) VALUES ('lead@example.org', "
                             "'Lena Lead')"));
    db().exec(QStringLiteral("INSERT INTO project (key, name) VALUES ('FAULT', 'Fault')"));
    db().exec(QStringLiteral("INSERT INTO plugin (id) VALUES ('fault')"));
    db().exec(QStringLiteral("INSERT INTO checklist (key, plugin_id, title) VALUES ('fault', "
                             "'fault', 'F')"));
    // Sections and items join a version only in the transaction that publishes it.
    Transaction publication(db());
    db().exec(QStringLiteral("INSERT INTO checklist_version (checklist_key, number, label, title, "
                             "plugin_id, plugin_version, content_hash) VALUES ('fault', 1, '1', "
                             "'F', 'fault', '1', repeat('f', 64))"));
    db().exec(QStringLiteral("INSERT INTO checklist_section (version_id, section_id, position) "
                             "SELECT id, 'S', 0 FROM checklist_version"));
    db().exec(QStringLiteral("INSERT INTO checklist_item (version_id, section_id, item_id, "
                             "position, text) SELECT version_id, id, 'I1', 0, 'Check' FROM "
                             "checklist_section"));
    publication.commit();
    db().exec(QStringLiteral("INSERT INTO audit (project_id, checklist_version_id, lead_id, "
                             "due_date) SELECT p.id, v.id, l.id, current_date + 9 FROM project "
                             "p, checklist_version v, person l"));
    db().exec(QStringLiteral("INSERT INTO audit_item (audit_id, checklist_item_id) SELECT a.id, "
                             "ci.id FROM audit a, checklist_item ci"));
    db().exec(QStringLiteral("UPDATE audit_item SET result = 'satisfied', assessed_by = (SELECT "
                             "id FROM person), assessed_at = now()"));
    db().exec(QStringLiteral("UPDATE audit SET status = 'in-progress'"));
    db().exec(QStringLiteral("UPDATE audit SET status = 'in-review'"));
    const QString audit = scalar(QStringLiteral("SELECT id FROM audit")).toString();
    // (The program publishes its plugins as it starts; only the audit's history counts here.)
    const QString auditHistory =
        QStringLiteral("(SELECT * FROM history WHERE table_name LIKE 'audit%') h");
    const qint64 history = count(auditHistory);

    Database locker(conninfo());
    Transaction hold(locker);
    locker.exec(QStringLiteral("SELECT 1 FROM audit FOR UPDATE"));
    Background close({QStringLiteral("--database=") + overTcp(conninfo()),
                      QStringLiteral("--actor=lead@example.org"), QStringLiteral("audit"),
                      QStringLiteral("close"), audit, QStringLiteral("--statement=Reviewed.")});
    Database observer(conninfo());
    const qint64 pid = waitingBackend(observer);
    ASSERT_GT(pid, 0) << "the close never reached the audit's lock";
    observer.exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {pid});
    EXPECT_EQ(close.finish(), 3) << close.err().toStdString();
    EXPECT_TRUE(close.err().contains(QLatin1String("was lost"))) << close.err().toStdString();
    hold.commit();

    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM audit")).toString(),
              QStringLiteral("in-review"));
    EXPECT_EQ(count(auditHistory), history);
    // Run again, it succeeds: nothing was left half done.
    Background again({QStringLiteral("--database=") + overTcp(conninfo()),
                      QStringLiteral("--actor=lead@example.org"), QStringLiteral("audit"),
                      QStringLiteral("close"), audit, QStringLiteral("--statement=Reviewed.")});
    EXPECT_EQ(again.finish(), 0) << again.err().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM audit")).toString(),
              QStringLiteral("closed"));
}

// A connection the server ended is opened again for the next operation, never in the middle of
// a transaction.
TEST_F(FaultTest, AServiceConnectsAgainAfterTheServerEndedItsSession)
{
    Database client(overTcp(conninfo()), QStringLiteral("someone@example.org"));
    QSqlQuery own = client.exec(QStringLiteral("SELECT pg_backend_pid()"));
    ASSERT_TRUE(own.next());
    const qint64 pid = own.value(0).toLongLong();
    db().exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {pid});
    QThread::msleep(200);
    try {
        client.exec(QStringLiteral("INSERT INTO org_unit (name) VALUES ('Lost')"));
        ADD_FAILURE() << "a statement on an ended session succeeded";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unavailable) << e.what();
    }
    client.exec(QStringLiteral("INSERT INTO org_unit (name) VALUES ('Again')"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT string_agg(name, ',') FROM org_unit")).toString(),
              QStringLiteral("Again"));
    // The session is set up again too: the history names the same actor.
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT actor FROM history ORDER BY id DESC LIMIT 1")).toString(),
        QStringLiteral("someone@example.org"));
}

// A cluster of the test's own, for faults that take the whole server down.
class OwnClusterFaultTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_root = makeClusterParentDirectory(QStringLiteral("steward-fault"));
        m_dir = m_root + QStringLiteral("/cluster");
    }
    void TearDown() override
    {
        ::chmod(QFile::encodeName(m_dir + QStringLiteral("/data")).constData(), 0700);
        if (QFileInfo::exists(m_dir + QStringLiteral("/data/PG_VERSION"))) {
            try {
                EmbeddedCluster(m_dir).stop();
            } catch (const Error& e) {
                ADD_FAILURE() << e.what();
            }
        }
        QDir(m_root).removeRecursively();
    }
    struct CliRunResult {
        int code;
        QString err;
    };
    // The program on this test's embedded cluster.
    CliRunResult cli(QStringList args)
    {
        args.prepend(QStringLiteral("--cluster=") + m_dir);
        Background run(args);
        const int code = run.finish();
        return {code, run.err()};
    }

    QString m_root;
    QString m_dir;
};

// The server restarts while an import waits inside its transaction.
TEST_F(OwnClusterFaultTest, AServerRestartRollsBackTheImportInFlight)
{
    EmbeddedCluster cluster(m_dir, EmbeddedCluster::Options{true, 0});
    cluster.start();
    {
        Database setup(cluster.conninfo());
        Migrator(setup).migrate();
        setup.exec(QStringLiteral("INSERT INTO person (email, name) VALUES ('kept@example.org', "
                                  "'Kept')"));
    }
    auto locker = std::make_unique<Database>(cluster.conninfo());
    locker->exec(QStringLiteral("BEGIN"));
    locker->exec(QStringLiteral("LOCK TABLE person IN EXCLUSIVE MODE"));
    const QString file = m_root + QStringLiteral("/people.csv");
    {
        QFile out(file);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write("email,name\nnew@example.org,New\nother@example.org,Other\n");
    }
    Background add({QStringLiteral("--database=") + cluster.conninfo(), QStringLiteral("import"),
                    QStringLiteral("people"), file});
    {
        Database observer(cluster.conninfo());
        ASSERT_GT(waitingBackend(observer), 0);
    }
    cluster.stop(); // fast shutdown: every session ends, open transactions roll back
    EXPECT_EQ(add.finish(), 3) << add.err().toStdString();
    locker.reset();
    cluster.start();

    Database after(cluster.conninfo());
    QSqlQuery q = after.exec(QStringLiteral("SELECT string_agg(email, ',') FROM person"));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("kept@example.org"));
    EXPECT_TRUE(HistoryService(after).verify().intact);
}

// The embedded cluster's server is killed with SIGKILL: the next command recovers it.
TEST_F(OwnClusterFaultTest, AKilledEmbeddedServerIsRecoveredWithEverythingCommitted)
{
    ASSERT_EQ(cli({QStringLiteral("db"), QStringLiteral("start")}).code, 0);
    ASSERT_EQ(cli({QStringLiteral("person"), QStringLiteral("add"),
                   QStringLiteral("--email=kept@example.org"), QStringLiteral("--name=Kept")})
                  .code,
              0);
    QFile pidFile(m_dir + QStringLiteral("/data/postmaster.pid"));
    ASSERT_TRUE(pidFile.open(QIODevice::ReadOnly));
    const pid_t server = static_cast<pid_t>(pidFile.readLine().trimmed().toLongLong());
    pidFile.close();
    ASSERT_GT(server, 0);
    ASSERT_EQ(::kill(server, SIGKILL), 0);
    QDeadlineTimer gone(10'000);
    while (::kill(server, 0) == 0 && !gone.hasExpired())
        QThread::msleep(50);
    ASSERT_TRUE(QFileInfo::exists(pidFile.fileName())) << "the stale postmaster.pid is the case";

    const CliRunResult list =
        cli({QStringLiteral("person"), QStringLiteral("show"), QStringLiteral("kept@example.org")});
    EXPECT_EQ(list.code, 0) << list.err.toStdString();
    const CliRunResult verify = cli({QStringLiteral("history"), QStringLiteral("verify")});
    EXPECT_EQ(verify.code, 0) << verify.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("db"), QStringLiteral("stop")}).code, 0);
}

// The cluster's data folder can no longer be written: a clear message, exit 3, nothing broken.
TEST_F(OwnClusterFaultTest, AReadOnlyDataFolderIsReportedAndDamagesNothing)
{
    ASSERT_EQ(cli({QStringLiteral("person"), QStringLiteral("add"),
                   QStringLiteral("--email=kept@example.org"), QStringLiteral("--name=Kept")})
                  .code,
              0);
    const QByteArray data = QFile::encodeName(m_dir + QStringLiteral("/data"));
    ASSERT_EQ(::chmod(data.constData(), 0500), 0);
    const CliRunResult refused = cli({QStringLiteral("person"), QStringLiteral("list")});
    EXPECT_EQ(refused.code, 3) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(m_dir)) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QLatin1String("may not write to its folder")))
        << refused.err.toStdString();
    ASSERT_EQ(::chmod(data.constData(), 0700), 0);
    const CliRunResult back =
        cli({QStringLiteral("person"), QStringLiteral("show"), QStringLiteral("kept@example.org")});
    EXPECT_EQ(back.code, 0) << back.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("history"), QStringLiteral("verify")}).code, 0);
}

// The server's disk fills up in the middle of an import. A file size limit inherited by the
// server stands in for the full disk: PostgreSQL fails the write the same way ("could not extend
// file"), and no test needs the rights to mount a small file system.
TEST_F(OwnClusterFaultTest, AFullDiskRefusesTheImportWholeAndDamagesNothing)
{
    rlimit previous{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &previous), 0);
    rlimit limited = previous;
    limited.rlim_cur = 24u << 20; // larger than a WAL segment (16 MB), smaller than the import
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    EmbeddedCluster cluster(m_dir, EmbeddedCluster::Options{true, 0});
    try {
        cluster.start();
    } catch (...) {
        ::setrlimit(RLIMIT_FSIZE, &previous);
        throw;
    }
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &previous), 0); // the server keeps the limit
    {
        Database setup(cluster.conninfo());
        Migrator(setup).migrate();
    }
    const QString file = m_root + QStringLiteral("/people.csv");
    {
        QFile out(file);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write("email,name,title\n");
        const QByteArray padding(180, 'x');
        for (int i = 0; i < 40000; ++i)
            out.write("p" + QByteArray::number(i) + "@example.org,Person " + padding + "," +
                      padding + "\n");
    }
    Background import({QStringLiteral("--database=") + cluster.conninfo(), QStringLiteral("import"),
                       QStringLiteral("people"), file});
    EXPECT_EQ(import.finish(), 3) << import.err().toStdString();
    EXPECT_TRUE(import.err().contains(QLatin1String("could not store the change")))
        << import.err().toStdString();

    Database after(cluster.conninfo());
    QSqlQuery q = after.exec(QStringLiteral("SELECT count(*) FROM person"));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0) << "part of the import was kept";
    after.exec(QStringLiteral("INSERT INTO person (email, name) VALUES ('small@example.org', "
                              "'Small')"));
    EXPECT_TRUE(HistoryService(after).verify().intact);
    cluster.stop();
}

} // namespace
} // namespace steward
