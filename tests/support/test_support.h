// Test support: one throwaway PostgreSQL cluster per test process and a fresh database per test.
//
// The cluster is started lazily, the first time a test asks for a database, so suites that never
// touch PostgreSQL never start it. It lives in a mkdtemp directory under /tmp and is stopped and
// removed when the test program ends: by a GoogleTest environment on a normal exit, and by a
// watchdog process if the program dies any other way (a crash, a kill by CTest's timeout).
#pragma once

#include <QMap>
#include <QString>

#include <functional>

namespace steward {

class TestCluster {
public:
    // Runs once, on a database named "steward_template", before the first TestDatabase is
    // created; every TestDatabase is then a copy of it. The preparer must close every
    // connection it opens, since PostgreSQL copies only a database nobody is connected to.
    // Set it before the first TestDatabase exists.
    static void setTemplatePreparer(std::function<void(const QString& conninfo)> preparer);

    // conninfo of the cluster's maintenance database "postgres"; starts the cluster if needed.
    static QString adminConninfo();
    // conninfo of another database on the cluster; starts the cluster if needed.
    static QString conninfo(const QString& database);
    // The cluster's directory; empty until the cluster has been started.
    static QString directory();

    // Stops the cluster and removes its directory. Called at program exit.
    static void shutdown();
};

// A fresh, uniquely named database for one test: a copy of steward_template when a template
// preparer is set, else empty. Dropped (even with sessions still open) on destruction.
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const QString& name() const { return m_name; }
    const QString& conninfo() const { return m_conninfo; }

private:
    QString m_name;
    QString m_conninfo;
};

// A new directory under /tmp named after `prefix` (mkdtemp), which the steward account may pass
// through (0755), so that an embedded cluster made inside it runs when the tests run as root.
QString makeClusterParentDirectory(const QString& prefix);

// The conninfo rewritten to reach the test cluster over TCP on 127.0.0.1 (it listens there too),
// the way a team's clients reach a shared server, instead of over its private socket.
QString overTcp(const QString& conninfo);

// The conninfo with its dbname replaced (any libpq conninfo string or URI).
QString withDatabase(const QString& conninfo, const QString& database);
// The conninfo with the given keywords ("user", "password", ...) set or replaced.
QString withSettings(const QString& conninfo, const QMap<QString, QString>& settings);

// Creates a PostgreSQL login role with a random password, a member of `memberOf` (e.g.
// "steward_viewer"; empty: of nothing), and returns `conninfo` rewritten to log in as it. Roles
// are cluster-wide and live as long as the test cluster.
QString createLoginRole(const QString& conninfo, const QString& memberOf);

// Runs one SQL command through libpq; throws steward::Error naming the statement on failure.
void executeSql(const QString& conninfo, const QString& sql);

} // namespace steward
