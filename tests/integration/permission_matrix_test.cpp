// The team server as an attacker sees it: real logins of each Steward group (and one of no group),
// over TCP on 127.0.0.1 and over the socket, try every operation on every table with raw SQL, on
// rows that are theirs and on rows that are someone else's. Every cell of the matrix is asserted;
// then each login tries to widen its rights.
//
// Each statement runs in a transaction that is rolled back, so every cell sees the same world.
#include "database_fixture.h"
#include "db/database.h"
#include "error.h"
#include "io/assignment_import.h"
#include "permission_matrix_cases.h"
#include "services/user_service.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <array>
#include <map>
#include <memory>
#include <set>

namespace steward {
namespace {

// What PostgreSQL did with one statement.
enum class Outcome {
    Done,   // it succeeded and touched (or read) at least one row
    Hidden, // it succeeded on no row: row-level security hid the target from the login
    Denied, // refused with SQLSTATE 42501: no privilege, a policy's WITH CHECK, or a rule trigger
    Other,  // any other error: a bug in the matrix's world, reported with its message
};

char code(Outcome o)
{
    switch (o) {
    case Outcome::Done:
        return 'o';
    case Outcome::Hidden:
        return 'h';
    case Outcome::Denied:
        return 'd';
    case Outcome::Other:
        break;
    }
    return '?';
}

// One libpq connection as one login.
class Login {
public:
    explicit Login(const QString& conninfo)
        : m_conn(PQconnectdb(conninfo.toUtf8().constData()))
    {
        if (PQstatus(m_conn.get()) != CONNECTION_OK)
            throw std::runtime_error(PQerrorMessage(m_conn.get()));
    }

    // Runs `sql` in a transaction that is rolled back; `message` receives any error.
    Outcome attempt(const QString& sql, QString* message = nullptr)
    {
        run("BEGIN");
        Result r(PQexec(m_conn.get(), sql.toUtf8().constData()));
        Outcome outcome = Outcome::Other;
        const ExecStatusType status = PQresultStatus(r.get());
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            const bool any = status == PGRES_TUPLES_OK ? PQntuples(r.get()) > 0
                                                       : QByteArray(PQcmdTuples(r.get())) != "0";
            outcome = any ? Outcome::Done : Outcome::Hidden;
        } else {
            const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
            outcome = state && QByteArray(state) == "42501" ? Outcome::Denied : Outcome::Other;
            if (message)
                *message = QString::fromUtf8(PQresultErrorMessage(r.get())).trimmed();
        }
        run("ROLLBACK");
        return outcome;
    }

    // Runs `sql` outside any transaction; returns the first value, or the error's SQLSTATE
    // prefixed with "ERROR ".
    QString value(const QString& sql)
    {
        Result r(PQexec(m_conn.get(), sql.toUtf8().constData()));
        const ExecStatusType status = PQresultStatus(r.get());
        if (status == PGRES_TUPLES_OK)
            return PQntuples(r.get()) > 0 && !PQgetisnull(r.get(), 0, 0)
                       ? QString::fromUtf8(PQgetvalue(r.get(), 0, 0))
                       : QStringLiteral("NULL");
        if (status == PGRES_COMMAND_OK)
            return QStringLiteral("OK");
        return QStringLiteral("ERROR ") +
               QString::fromLatin1(PQresultErrorField(r.get(), PG_DIAG_SQLSTATE));
    }

private:
    struct Finish {
        void operator()(PGconn* c) const { PQfinish(c); }
    };
    struct Clear {
        void operator()(PGresult* r) const { PQclear(r); }
    };
    using Result = std::unique_ptr<PGresult, Clear>;

    void run(const char* sql) { Result(PQexec(m_conn.get(), sql)); }

    std::unique_ptr<PGconn, Finish> m_conn;
};

using matrix::kGroups;
using matrix::TableCase;
using matrix::tableCases;

class PermissionMatrixTest : public DatabaseTest {
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        buildWorld();
        const QString suffix = QString::number(QCoreApplication::applicationPid()) +
                               QLatin1Char('_') + QString::number(++s_logins);
        const std::map<QString, QString> people = {{QStringLiteral("viewer"), "vic"},
                                                   {QStringLiteral("auditor"), "aud"},
                                                   {QStringLiteral("manager"), "mia"},
                                                   {QStringLiteral("admin"), "ada"}};
        for (const auto& [group, who] : people) {
            const QString login = who + QLatin1Char('_') + suffix;
            const QString password = QStringLiteral("pw-") + login;
            UserService(db()).add(who + QStringLiteral("@example.org"), group, login, password);
            m_conninfo[group] = withSettings(conninfo(), {{QStringLiteral("user"), login},
                                                          {QStringLiteral("password"), password}});
        }
        m_conninfo[QStringLiteral("none")] = createLoginRole(conninfo(), QString());
    }

    void exec(const QString& sql) { db().exec(sql); }

    void buildWorld()
    {
        for (const char* who : {"mia", "otto", "aud", "lena", "vic", "ada", "spare1", "spare2"})
            exec(QStringLiteral("INSERT INTO person (email, name) VALUES ('%1@example.org', '%1')")
                     .arg(QLatin1String(who)));
        exec(QStringLiteral("INSERT INTO org_unit (name) VALUES ('Spare A'), ('Spare B')"));
        exec(QStringLiteral("INSERT INTO mail_settings (smtp_url, from_address) VALUES "
                            "('smtp://mail.example.org', 'steward@example.org')"));
        exec(QStringLiteral("INSERT INTO role_pack (key, name, version) VALUES "
                            "('spare-a', 'A', '1'), ('spare-b', 'B', '1'), ('custom', 'C', '1')"));
        exec(QStringLiteral("INSERT INTO role (key, pack, name, category) VALUES "
                            "('lone-a', 'custom', 'A', 'data'), ('lone-b', 'custom', 'B', 'data'), "
                            "('custom-role', 'custom', 'C', 'data')"));
        exec(QStringLiteral("INSERT INTO responsibility (key, role_key, text, stage) VALUES "
                            "('custom-role.task', 'custom-role', 'Do it', 'build'), "
                            "('custom-role.spare-a', 'custom-role', 'A', 'build'), "
                            "('custom-role.spare-b', 'custom-role', 'B', 'build')"));
        const auto project = [this](const char* key, const char* owner) {
            exec(QStringLiteral("INSERT INTO project (key, name, owner_id) SELECT '%1', '%1', id "
                                "FROM person WHERE email = '%2@example.org'")
                     .arg(QLatin1String(key), QLatin1String(owner)));
        };
        project("OWN", "mia");
        project("OTHER", "otto");
        project("AUD-OWN", "mia");
        project("AUD-OTHER", "otto");
        for (const char* key : {"OWN", "OTHER"}) {
            exec(QStringLiteral("INSERT INTO assignment (project_id, person_id, role_key, "
                                "from_date, allocation_percent) SELECT p.id, s.id, 'custom-role', "
                                "'2026-01-01', 50 FROM project p, person s WHERE p.key = '%1' "
                                "AND s.email = 'lena@example.org'")
                     .arg(QLatin1String(key)));
            exec(QStringLiteral("INSERT INTO raci_entry (project_id, responsibility_key, "
                                "person_id, kind) SELECT p.id, 'custom-role.task', s.id, 'R' "
                                "FROM project p, person s WHERE p.key = '%1' AND s.email = "
                                "'lena@example.org'")
                     .arg(QLatin1String(key)));
        }
        exec(QStringLiteral("INSERT INTO plugin (id) VALUES ('plug-a'), ('plug-b'), ('plug-c')"));
        exec(QStringLiteral("INSERT INTO checklist (key, plugin_id, title) VALUES "
                            "('list-a', 'plug-c', 'A'), ('list-b', 'plug-c', 'B'), "
                            "('list-c', 'plug-c', 'C'), ('list-d', 'plug-c', 'D'), "
                            "('list-e', 'plug-c', 'E')"));
        exec(QStringLiteral("INSERT INTO checklist_mapping (source_checklist, source_item, "
                            "target_checklist, target_item, relation, rationale, crosswalk) "
                            "VALUES ('list-d', 'I1', 'list-e', 'I1', 'equal', 'Same', 'x.yaml'), "
                            "('list-d', 'I2', 'list-e', 'I2', 'intersect', 'Overlap', 'x.yaml')"));
        exec(QStringLiteral("INSERT INTO qualification (key, name) VALUES ('qual-a', 'A'), "
                            "('qual-b', 'B'), ('qual-c', 'C'), ('qual-d', 'D')"));
        exec(QStringLiteral("INSERT INTO qualification_record (person_id, qualification_key, "
                            "completed_on) SELECT id, 'qual-c', '2026-01-01' FROM person WHERE "
                            "email IN ('lena@example.org', 'otto@example.org')"));
        exec(QStringLiteral("INSERT INTO qualification_requirement (qualification_key, "
                            "project_id) SELECT 'qual-c', id FROM project WHERE key IN ('OWN', "
                            "'OTHER')"));
        for (int number : {1, 2}) {
            // Sections and items join a version only in the transaction that publishes it.
            Transaction publication(db());
            exec(QStringLiteral("INSERT INTO checklist_version (checklist_key, number, label, "
                                "title, plugin_id, plugin_version, content_hash) VALUES "
                                "('list-c', %1, '%1', 'C', 'plug-c', '1', repeat('%1', 64))")
                     .arg(number));
            exec(QStringLiteral("INSERT INTO checklist_section (version_id, section_id, position) "
                                "SELECT id, 'S', 0 FROM checklist_version WHERE number = %1")
                     .arg(number));
            exec(QStringLiteral("INSERT INTO checklist_item (version_id, section_id, item_id, "
                                "position, text) SELECT v.id, s.id, i, p, 'Item ' || i FROM "
                                "checklist_version v JOIN checklist_section s ON s.version_id = "
                                "v.id, (VALUES ('I1', 0), ('I2', 1)) AS x(i, p) "
                                "WHERE v.number = %1")
                     .arg(number));
            publication.commit();
        }
        // A1 on AUD-OWN led by aud, its item answered by aud; A2 on AUD-OTHER led by lena.
        for (const auto& [key, lead] :
             {std::pair{"AUD-OWN", "aud"}, std::pair{"AUD-OTHER", "lena"}}) {
            exec(QStringLiteral("INSERT INTO audit (project_id, checklist_version_id, lead_id, "
                                "due_date) SELECT p.id, v.id, l.id, '2027-01-01' FROM project p, "
                                "checklist_version v, person l WHERE p.key = '%1' AND v.number = 1 "
                                "AND l.email = '%2@example.org'")
                     .arg(QLatin1String(key), QLatin1String(lead)));
            exec(QStringLiteral(
                     "INSERT INTO audit_item (audit_id, checklist_item_id, "
                     "respondent_id, result, assessed_by, assessed_at) SELECT a.id, "
                     "ci.id, a.lead_id, 'not-satisfied', a.lead_id, now() FROM audit a JOIN "
                     "project p ON p.id = a.project_id JOIN checklist_item ci ON "
                     "ci.version_id = a.checklist_version_id AND ci.item_id = 'I1' "
                     "WHERE p.key = '%1'")
                     .arg(QLatin1String(key)));
        }
        exec(QStringLiteral("INSERT INTO evidence (kind, location, effective_date) VALUES "
                            "('url', 'https://example.org/own', '2026-01-01'), "
                            "('url', 'https://example.org/other', '2026-01-01')"));
        for (const auto& [key, suffix, owner] :
             {std::tuple{"AUD-OWN", "own", "mia"}, std::tuple{"AUD-OTHER", "other", "otto"}}) {
            exec(QStringLiteral("INSERT INTO audit_item_evidence (audit_item_id, evidence_id) "
                                "SELECT i.id, e.id FROM audit_item i JOIN audit a ON a.id = "
                                "i.audit_id JOIN project p ON p.id = a.project_id, evidence e "
                                "WHERE p.key = '%1' AND e.location = 'https://example.org/%2'")
                     .arg(QLatin1String(key), QLatin1String(suffix)));
            exec(QStringLiteral("INSERT INTO audit_finding (audit_id, audit_item_id, severity, "
                                "description, remediation, owner_id, due_date) SELECT a.id, "
                                "i.id, 'medium', initcap('%2') || ' finding', 'Fix it', o.id, "
                                "'2027-01-01' FROM audit_item i JOIN audit a ON a.id = "
                                "i.audit_id JOIN project p ON p.id = a.project_id, person o "
                                "WHERE p.key = '%1' AND o.email = '%3@example.org'")
                     .arg(QLatin1String(key), QLatin1String(suffix), QLatin1String(owner)));
        }
    }

    // Runs the whole matrix over `transport` ("socket" or "tcp") and asserts every cell.
    void runMatrix(const QString& transport)
    {
        int cells = 0;
        for (std::size_t column = 0; column < kGroups.size(); ++column) {
            const char* group = kGroups[column];
            const QString info = m_conninfo.at(QString::fromLatin1(group));
            Login login(transport == QLatin1String("tcp") ? overTcp(info) : info);
            // The transport is the one asked for: a TCP session has a server address.
            EXPECT_EQ(login.value(QStringLiteral("SELECT inet_server_addr() IS NOT NULL")),
                      transport == QLatin1String("tcp") ? QStringLiteral("t")
                                                        : QStringLiteral("f"));
            for (const TableCase& t : tableCases()) {
                for (const auto& [op, expected] : t.expected) {
                    ASSERT_EQ(expected.size(), kGroups.size() * 2) << t.table << ' ' << op;
                    for (int target = 0; target < 2; ++target) {
                        const QString where = QString::fromLatin1(target == 0 ? t.own : t.other);
                        const QString table = QString::fromLatin1(t.table);
                        QString sql;
                        if (op == "SELECT")
                            sql = QStringLiteral("SELECT 1 FROM %1 WHERE %2").arg(table, where);
                        else if (op == "UPDATE")
                            sql = QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                                      .arg(table, QString::fromLatin1(t.set), where);
                        else if (op == "DELETE")
                            sql = QStringLiteral("DELETE FROM %1 WHERE %2").arg(table, where);
                        else
                            sql = QString::fromLatin1(target == 0 ? t.insertOwn : t.insertOther);
                        QString message;
                        const Outcome outcome = login.attempt(sql, &message);
                        const char want = expected[column * 2 + static_cast<std::size_t>(target)];
                        EXPECT_EQ(code(outcome), want)
                            << transport.toStdString() << ": " << group << ' ' << op << ' '
                            << t.table << (target == 0 ? " (own)" : " (other)") << ": "
                            << sql.toStdString() << "\n  " << message.toStdString();
                        ++cells;
                    }
                }
                // TRUNCATE belongs to the owner alone.
                QString message;
                const Outcome truncate = login.attempt(
                    QStringLiteral("TRUNCATE %1 CASCADE").arg(QLatin1String(t.table)), &message);
                EXPECT_EQ(code(truncate), 'd')
                    << transport.toStdString() << ": " << group << " TRUNCATE " << t.table << ": "
                    << message.toStdString();
                ++cells;
            }
        }
        EXPECT_EQ(cells, static_cast<int>(kGroups.size() * tableCases().size() * 9));
    }

    std::map<QString, QString> m_conninfo;
    static inline int s_logins = 0;
};

// Every table of the schema is in the matrix: a new table must say who may do what with it.
TEST_F(PermissionMatrixTest, CoversEveryTable)
{
    std::set<QString> covered;
    for (const TableCase& t : tableCases())
        covered.insert(QString::fromLatin1(t.table));
    QSqlQuery q = db().exec(QStringLiteral(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"));
    std::set<QString> tables;
    while (q.next())
        tables.insert(q.value(0).toString());
    EXPECT_EQ(covered, tables);
}

TEST_F(PermissionMatrixTest, EveryLoginGetsExactlyItsRightsOverTheSocket)
{
    runMatrix(QStringLiteral("socket"));
}

TEST_F(PermissionMatrixTest, EveryLoginGetsExactlyItsRightsOverTcp)
{
    runMatrix(QStringLiteral("tcp"));
}

// Widening one's rights: every attempt is refused and changes nothing.
TEST_F(PermissionMatrixTest, NoLoginCanWidenItsRights)
{
    const QString clusterPassword =
        TestCluster::directory() + QStringLiteral("/password"); // any server-side file
    for (const char* group : kGroups) {
        Login login(overTcp(m_conninfo.at(QString::fromLatin1(group))));
        const QString who = login.value(QStringLiteral("SELECT session_user"));
        const std::vector<QString> attempts = {
            QStringLiteral("GRANT steward_admin TO \"%1\"").arg(who),
            QStringLiteral("ALTER ROLE \"%1\" SUPERUSER").arg(who),
            QStringLiteral("ALTER ROLE \"%1\" BYPASSRLS").arg(who),
            QStringLiteral("ALTER ROLE \"%1\" CREATEROLE").arg(who),
            QStringLiteral("SET ROLE steward_admin"),
            QStringLiteral("SET SESSION AUTHORIZATION steward"),
            QStringLiteral("SELECT steward_user_add('x_%1', 'spare1@example.org', 'admin', NULL)")
                .arg(who),
            QStringLiteral("SELECT steward_user_set_access('%1', 'admin')").arg(who),
            QStringLiteral("SELECT rolpassword FROM pg_authid"),
            QStringLiteral("SELECT pg_read_file('%1')").arg(clusterPassword),
            QStringLiteral("SELECT pg_ls_dir('.')"),
            QStringLiteral("COPY person TO PROGRAM 'id'"),
            QStringLiteral("COPY person FROM '/etc/passwd'"),
            QStringLiteral("CREATE FUNCTION lower(text) RETURNS text LANGUAGE sql AS 'SELECT $1'"),
            QStringLiteral("CREATE TABLE person_copy (id int)"),
            QStringLiteral("ALTER TABLE project DISABLE ROW LEVEL SECURITY"),
            QStringLiteral("DROP POLICY project_changed ON project"),
        };
        for (const QString& sql : attempts) {
            // An administrator manages users and is a member of steward_admin: theirs by design.
            if (QByteArray(group) == "admin" &&
                (sql.startsWith(QLatin1String("SELECT steward_user_")) ||
                 sql == QLatin1String("SET ROLE steward_admin")))
                continue;
            QString message;
            EXPECT_EQ(code(login.attempt(sql, &message)), 'd')
                << group << ": " << sql.toStdString() << "\n  " << message.toStdString();
        }
        // The lock-taking lookup of the audit guards is for the roles whose writes run them.
        if (QByteArray(group) == "viewer" || QByteArray(group) == "none") {
            EXPECT_EQ(login.value(QStringLiteral("SELECT audit_status_locked(1)")),
                      QStringLiteral("ERROR 42501"))
                << group;
        }
        // RESET ROLE works and leaves the login what it was.
        EXPECT_EQ(login.value(QStringLiteral("RESET ROLE")), QStringLiteral("OK"));
        EXPECT_EQ(login.value(QStringLiteral("SELECT current_user")), who);
        EXPECT_EQ(login.value(QStringLiteral("SELECT rolsuper OR rolbypassrls OR rolcreaterole "
                                             "FROM pg_roles WHERE rolname = current_user")),
                  QStringLiteral("f"));
    }
    // Nothing of the above reached the catalogue.
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT count(*) FROM steward_user WHERE access = 'admin'")).toInt(),
        1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM pg_policies WHERE tablename = "
                                    "'project'"))
                  .toInt(),
              4);
}

// A client-chosen value is a claim, not an identity: the history names the login's person.
TEST_F(PermissionMatrixTest, TheHistoryNamesTheLoginsPersonWhateverTheClientClaims)
{
    Login mia(overTcp(m_conninfo.at(QStringLiteral("manager"))));
    EXPECT_EQ(mia.value(QStringLiteral("SELECT set_config('steward.actor', 'ada@example.org', "
                                       "false)")),
              QStringLiteral("ada@example.org"));
    EXPECT_EQ(mia.value(QStringLiteral("UPDATE project SET description = 'Reviewed' WHERE key "
                                       "= 'OWN'")),
              QStringLiteral("OK"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT actor FROM history WHERE table_name = 'project' "
                                    "ORDER BY id DESC LIMIT 1"))
                  .toString(),
              QStringLiteral("mia@example.org"));
    // A project she creates without naming an owner is hers, and so hers to staff.
    EXPECT_EQ(mia.value(QStringLiteral("INSERT INTO project (key, name) VALUES ('MIA-NEW', "
                                       "'New')")),
              QStringLiteral("OK"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT o.email FROM project p JOIN person o ON o.id = "
                                    "p.owner_id WHERE p.key = 'MIA-NEW'"))
                  .toString(),
              QStringLiteral("mia@example.org"));
    // Holding the AI project manager role on a project makes it hers to manage too.
    QString message;
    EXPECT_EQ(code(mia.attempt(QStringLiteral("UPDATE project SET description = 'x' WHERE key = "
                                              "'OTHER'"),
                               &message)),
              'h');
    exec(QStringLiteral("INSERT INTO role_pack (key, name, version) VALUES ('builtin-pm', 'B', "
                        "'1') ON CONFLICT DO NOTHING"));
    exec(QStringLiteral("INSERT INTO role (key, pack, name, category) VALUES "
                        "('ai-project-manager', 'builtin-pm', 'AI PM', 'management') "
                        "ON CONFLICT DO NOTHING"));
    exec(QStringLiteral("INSERT INTO assignment (project_id, person_id, role_key, from_date, "
                        "allocation_percent) SELECT p.id, m.id, 'ai-project-manager', "
                        "current_date - 1, 20 FROM project p, person m WHERE p.key = 'OTHER' AND "
                        "m.email = 'mia@example.org'"));
    EXPECT_EQ(code(mia.attempt(QStringLiteral("UPDATE project SET description = 'x' WHERE key = "
                                              "'OTHER'"),
                               &message)),
              'o')
        << message.toStdString();
    // An assignment that has ended no longer does.
    exec(QStringLiteral("UPDATE assignment SET from_date = current_date - 10, to_date = "
                        "current_date - 1 WHERE role_key = 'ai-project-manager'"));
    EXPECT_EQ(code(mia.attempt(QStringLiteral("UPDATE project SET description = 'x' WHERE key = "
                                              "'OTHER'"),
                               &message)),
              'h');
}

// An import is refused as a whole, naming every row of a project the manager does not manage,
// before row-level security would stop it at the first.
TEST_F(PermissionMatrixTest, AManagerImportsStaffingOnlyForTheirProjects)
{
    Database mia(m_conninfo.at(QStringLiteral("manager")));
    const QByteArray file = "email,project,role,from,allocation\n"
                            "spare2@example.org,OWN,custom-role,2026-02-01,10\n"
                            "spare2@example.org,OTHER,custom-role,2026-02-01,10\n"
                            "spare2@example.org,AUD-OTHER,custom-role,2026-02-01,10\n";
    const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM assignment")).toLongLong();
    try {
        importAssignments(mia, file, QStringLiteral("staff.csv"));
        ADD_FAILURE() << "the manager imported staffing of someone else's project";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Validation) << e.what();
        EXPECT_EQ(e.details(),
                  (QStringList{QStringLiteral("staff.csv:3: project: OTHER: only its owner, a "
                                              "current AI project manager on it or an "
                                              "administrator may change its staffing"),
                               QStringLiteral("staff.csv:4: project: AUD-OTHER: only its owner, "
                                              "a current AI project manager on it or an "
                                              "administrator may change its staffing")}));
    }
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM assignment")).toLongLong(), before);
    const ImportResult mine = importAssignments(
        mia,
        "email,project,role,from,allocation\nspare2@example.org,OWN,custom-role,2026-02-01,10\n",
        QStringLiteral("mine.csv"));
    EXPECT_EQ(mine.inserted, 1);
}

} // namespace
} // namespace steward
