// Eight clients on one PostgreSQL server at once, over TCP, through the services the programs use,
// each its own login linked to its own person, as a team works: overlapping person updates,
// assignments, RACI entries with competing Accountables, and audit results on the same items, all
// through the row-level security policies and the per-person triggers of a shared server. Each
// client records what the server acknowledged; afterwards the database must hold exactly that: no
// lost update, no RACI shape the schema forbids, one history row per committed change, each by
// the login's own person, and an intact hash chain.
#include "audit/audit_service.h"
#include "database_fixture.h"
#include "error.h"
#include "services/history_service.h"
#include "services/person_service.h"
#include "services/staffing_service.h"
#include "services/user_service.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

namespace steward {
namespace {

constexpr int kClients = 8;
constexpr int kEditsPerClient = 1250; // ~10,000 in all
constexpr int kPeople = 40;
constexpr int kItems = 20;
constexpr qint64 kTimeLimitMs = 50'000; // the test's bound, whatever the machine
const QString kProject = QStringLiteral("CONCURRENT");

QString personEmail(int i)
{
    return QStringLiteral("p%1@example.org").arg(i);
}
QString clientEmail(int client)
{
    return QStringLiteral("client%1@example.org").arg(client);
}

// Who the clients are on the server: five managers of the project (its current AI project
// managers, so the policies let them staff it), an administrator, and two auditors, the audit's
// lead and the respondent of every item. Managers and the administrator edit people and staffing;
// the administrator and the auditors compete for the audit's results.
enum class Client { Manager, Admin, Auditor };
constexpr Client kClientKinds[kClients] = {Client::Manager, Client::Manager, Client::Manager,
                                           Client::Manager, Client::Manager, Client::Admin,
                                           Client::Auditor, Client::Auditor};
constexpr int kLead = 6;
constexpr int kRespondent = 7;

QString stewardRole(Client kind)
{
    switch (kind) {
    case Client::Manager:
        return QStringLiteral("manager");
    case Client::Admin:
        return QStringLiteral("admin");
    case Client::Auditor:
        return QStringLiteral("auditor");
    }
    return {};
}

// What one client saw the server acknowledge.
struct ClientLog {
    int attempts = 0;
    int edits = 0;
    int conflicts = 0; // refused as stale or clashing (a competing Accountable, an overlap)
    int retries = 0;   // conflicts retried after reading the row again
    int deadlocks = 0; // of the conflicts, deadlocks PostgreSQL broke
    std::vector<std::string> failures; // anything else: must stay empty
    // Acknowledged person updates: email -> (version, title).
    std::vector<std::tuple<QString, int, QString>> personUpdates;
    // Acknowledged audit results: item -> (version, note).
    std::vector<std::tuple<QString, int, QString>> itemResults;
    // This client's own Accountable entries, by responsibility: present after its last ack.
    std::map<QString, bool> accountable;
    int raciInserts = 0;
    int raciRemoves = 0;
    std::vector<qint64> assignmentsAdded;
    std::map<qint64, std::pair<int, QDate>> assignmentEnds; // id -> (version, to) of the last
    int assignmentEndCount = 0;
};

class ConcurrencyTest : public DatabaseTest {
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        Database& d = db();
        for (int i = 0; i < kPeople; ++i)
            d.exec(QStringLiteral("INSERT INTO person (email, name) VALUES (?, ?)"),
                   {personEmail(i), QStringLiteral("Person %1").arg(i)});
        for (int c = 0; c < kClients; ++c)
            d.exec(QStringLiteral("INSERT INTO person (email, name) VALUES (?, ?)"),
                   {clientEmail(c), QStringLiteral("Client %1").arg(c)});
        d.exec(QStringLiteral("INSERT INTO project (key, name) VALUES (?, 'Concurrent')"),
               {kProject});
        // Each client logs in as itself, linked to its person.
        const QString suffix = QString::number(QCoreApplication::applicationPid());
        UserService users(d);
        for (int c = 0; c < kClients; ++c) {
            const QString login = QStringLiteral("client%1_%2").arg(c).arg(suffix);
            const QString password = QStringLiteral("pw-") + login;
            users.add(clientEmail(c), stewardRole(kClientKinds[c]), login, password);
            m_logins[c] =
                overTcp(withSettings(conninfo(), {{QStringLiteral("user"), login},
                                                  {QStringLiteral("password"), password}}));
        }
        StaffingService staffing(d);
        for (int c = 0; c < kClients; ++c) {
            if (kClientKinds[c] != Client::Manager)
                continue;
            Assignment a;
            a.projectKey = kProject;
            a.personEmail = clientEmail(c);
            a.roleKey = QStringLiteral("ai-project-manager");
            a.from = QDate::currentDate().addDays(-30);
            a.to = QDate::currentDate().addDays(365);
            a.allocationPercent = 10;
            staffing.assign(a);
        }
        // A checklist of kItems items, published as a plugin would, and an audit of it.
        d.exec(QStringLiteral("INSERT INTO plugin (id) VALUES ('conc')"));
        d.exec(QStringLiteral("INSERT INTO checklist (key, plugin_id, title) VALUES ('conc', "
                              "'conc', 'Concurrent checks')"));
        // Sections and items join a version only in the transaction that publishes it.
        Transaction publication(d);
        d.exec(QStringLiteral("INSERT INTO checklist_version (checklist_key, number, label, title, "
                              "plugin_id, plugin_version, content_hash) VALUES ('conc', 1, '1', "
                              "'Concurrent checks', 'conc', '1', repeat('c', 64))"));
        d.exec(QStringLiteral("UPDATE checklist SET current_version_id = (SELECT id FROM "
                              "checklist_version WHERE checklist_key = 'conc')"));
        d.exec(QStringLiteral("INSERT INTO checklist_section (version_id, section_id, position) "
                              "SELECT id, 'S', 0 FROM checklist_version WHERE checklist_key = "
                              "'conc'"));
        d.exec(QStringLiteral("INSERT INTO checklist_item (version_id, section_id, item_id, "
                              "position, text) SELECT v.id, s.id, 'I' || n, n, 'Check ' || n FROM "
                              "checklist_version v JOIN checklist_section s ON s.version_id = "
                              "v.id, generate_series(1, %1) n WHERE v.checklist_key = 'conc'")
                   .arg(kItems));
        publication.commit();
        AuditPlan plan;
        plan.projectKey = kProject;
        plan.checklistKey = QStringLiteral("conc");
        plan.leadEmail = clientEmail(kLead);
        plan.dueDate = QDate::currentDate().addDays(30);
        m_auditId = AuditService(d).create(plan).id;
        d.exec(QStringLiteral("UPDATE audit_item SET respondent_id = (SELECT id FROM person WHERE "
                              "email = ?) WHERE audit_id = ?"),
               {clientEmail(kRespondent), m_auditId});
        m_itemVersionBefore = scalar(QStringLiteral("SELECT max(version) FROM audit_item WHERE "
                                                    "audit_id = ?"),
                                     {m_auditId})
                                  .toInt();
        QSqlQuery r = d.exec(QStringLiteral("SELECT key FROM responsibility WHERE required AND "
                                            "retired_at IS NULL ORDER BY key LIMIT 5"));
        while (r.next())
            m_responsibilities << r.value(0).toString();
        ASSERT_EQ(m_responsibilities.size(), 5);
        m_historyBefore = scalar(QStringLiteral("SELECT max(id) FROM history")).toLongLong();
        m_assignmentHistoryBefore = historyRows(QStringLiteral("assignment"));
        m_itemHistoryBefore = historyRows(QStringLiteral("audit_item"));
    }

    qint64 historyRows(const QString& table = {})
    {
        return table.isEmpty()
                   ? scalar(QStringLiteral("SELECT count(*) FROM history")).toLongLong()
                   : scalar(QStringLiteral("SELECT count(*) FROM history WHERE table_name = ?"),
                            {table})
                         .toLongLong();
    }

    // One client: its own login over TCP, a mix of the edits its role allows until its share is
    // done.
    void runClient(int client, ClientLog& log, const QElapsedTimer& clock)
    {
        std::mt19937 random(static_cast<unsigned>(1000 + client));
        const auto pick = [&random](int n) {
            return std::uniform_int_distribution<int>(0, n - 1)(random);
        };
        const Client who = kClientKinds[client];
        Database d(m_logins[client], clientEmail(client));
        PersonService people(d);
        StaffingService staffing(d);
        AuditService audits(d);
        for (int n = 0; n < kEditsPerClient && clock.elapsed() < kTimeLimitMs; ++n) {
            ++log.attempts;
            const QString tag = QStringLiteral("c%1-%2").arg(client).arg(n);
            // A stale or clashing edit is refused as a Conflict: read again and retry, twice.
            const auto attempt = [&](const std::function<void()>& edit) {
                for (int tries = 0;; ++tries) {
                    try {
                        edit();
                        ++log.edits;
                        return;
                    } catch (const Error& e) {
                        if (e.kind() != ErrorKind::Conflict) {
                            log.failures.push_back(e.message().toStdString());
                            return;
                        }
                        ++log.conflicts;
                        if (e.message().contains(QLatin1String("deadlock")))
                            ++log.deadlocks;
                        if (tries == 2)
                            return;
                        ++log.retries;
                    }
                }
            };
            // Managers never answer audit items; auditors never edit people or staffing.
            const int kind = who == Client::Manager   ? pick(80)
                             : who == Client::Auditor ? 80 + pick(20)
                                                      : pick(100);
            if (kind < 40) { // a person's title, from what was read just before
                const QString email = personEmail(pick(kPeople));
                attempt([&] {
                    Person p = people.byEmail(email);
                    p.title = tag;
                    const Person saved = people.update(p);
                    log.personUpdates.emplace_back(email, saved.version, tag);
                });
            } else if (kind < 65) { // competing Accountables: one slot, eight clients
                const QString responsibility = m_responsibilities[pick(5)];
                const bool holds = log.accountable[responsibility];
                attempt([&] {
                    if (holds) {
                        if (staffing.removeRaci(kProject, responsibility, clientEmail(client),
                                                RaciKind::Accountable))
                            ++log.raciRemoves;
                        log.accountable[responsibility] = false;
                    } else {
                        staffing.setRaci(kProject, responsibility, clientEmail(client),
                                         RaciKind::Accountable);
                        ++log.raciInserts;
                        log.accountable[responsibility] = true;
                    }
                });
            } else if (kind < 80) { // assignments: add one, or end one this client added
                if (log.assignmentsAdded.empty() || pick(2) == 0) {
                    attempt([&] {
                        Assignment a;
                        a.projectKey = kProject;
                        a.personEmail = personEmail(pick(kPeople));
                        a.roleKey = QStringLiteral("ai-engineer");
                        a.from = QDate(2026, 1, 1).addDays(pick(300));
                        a.to = a.from.addDays(pick(30));
                        a.allocationPercent = 5;
                        log.assignmentsAdded.push_back(staffing.assign(a).id);
                    });
                } else {
                    const qint64 id = log.assignmentsAdded[static_cast<std::size_t>(
                        pick(static_cast<int>(log.assignmentsAdded.size())))];
                    attempt([&] {
                        QSqlQuery q = d.exec(QStringLiteral("SELECT version, from_date, "
                                                            "to_date FROM assignment WHERE id = ?"),
                                             {id});
                        q.next();
                        // Always another day: ending on the stored day changes nothing.
                        QDate to = q.value(1).toDate().addDays(pick(60));
                        if (to == q.value(2).toDate())
                            to = to.addDays(1);
                        const Assignment ended = staffing.endAssignment(id, to, q.value(0).toInt());
                        log.assignmentEnds[id] = {ended.version, to};
                        ++log.assignmentEndCount;
                    });
                }
            } else { // audit results on the same items, with the version just read
                const QString item = QStringLiteral("I%1").arg(1 + pick(kItems));
                attempt([&] {
                    int version = 0;
                    for (const AuditItem& i : audits.items(m_auditId))
                        if (i.itemId == item)
                            version = i.version;
                    const AuditItem saved = audits.assess(m_auditId, item,
                                                          pick(2) ? QStringLiteral("satisfied")
                                                                  : QStringLiteral("not-satisfied"),
                                                          tag, clientEmail(client), version);
                    log.itemResults.emplace_back(item, saved.version, tag);
                });
            }
        }
    }

    qint64 m_auditId = 0;
    QStringList m_responsibilities;
    QString m_logins[kClients];
    qint64 m_historyBefore = 0;
    qint64 m_assignmentHistoryBefore = 0;
    qint64 m_itemHistoryBefore = 0;
    int m_itemVersionBefore = 0; // every item's, once planned and given its respondent
};

TEST_F(ConcurrencyTest, EightClientsLoseNothing)
{
    std::vector<ClientLog> logs(kClients);
    QElapsedTimer clock;
    clock.start();
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c)
        clients.emplace_back(
            [this, c, &logs, &clock] { runClient(c, logs[static_cast<std::size_t>(c)], clock); });
    for (std::thread& t : clients)
        t.join();
    const double seconds = static_cast<double>(clock.elapsed()) / 1000.0;

    int attempts = 0, edits = 0, conflicts = 0, retries = 0, deadlocks = 0;
    std::map<QString, std::pair<int, QString>> lastPerson, lastItem;
    std::map<QString, int> personAcks, itemAcks;
    qint64 expectedAssignmentHistory = 0;
    for (const ClientLog& log : logs) {
        EXPECT_TRUE(log.failures.empty())
            << "not a conflict: " << (log.failures.empty() ? "" : log.failures.front());
        attempts += log.attempts;
        edits += log.edits;
        conflicts += log.conflicts;
        retries += log.retries;
        deadlocks += log.deadlocks;
        for (const auto& [email, version, title] : log.personUpdates) {
            ++personAcks[email];
            if (version > lastPerson[email].first)
                lastPerson[email] = {version, title};
        }
        for (const auto& [item, version, note] : log.itemResults) {
            ++itemAcks[item];
            if (version > lastItem[item].first)
                lastItem[item] = {version, note};
        }
        expectedAssignmentHistory += static_cast<qint64>(log.assignmentsAdded.size());
    }

    // Person updates: the stored row is the acknowledged write with the highest version, and
    // every acknowledged write is one version step (none was lost or applied twice).
    for (const auto& [email, last] : lastPerson) {
        QSqlQuery q =
            db().exec(QStringLiteral("SELECT version, title FROM person WHERE email = ?"), {email});
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toInt(), last.first) << email.toStdString();
        EXPECT_EQ(q.value(1).toString(), last.second) << email.toStdString();
        EXPECT_EQ(q.value(0).toInt(), 1 + personAcks[email]) << email.toStdString();
    }
    // Audit results likewise.
    for (const auto& [item, last] : lastItem) {
        QSqlQuery q = db().exec(QStringLiteral("SELECT ai.version, ai.note FROM audit_item ai JOIN "
                                               "checklist_item ci ON ci.id = "
                                               "ai.checklist_item_id WHERE ai.audit_id = ? AND "
                                               "ci.item_id = ?"),
                                {m_auditId, item});
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toInt(), last.first) << item.toStdString();
        EXPECT_EQ(q.value(1).toString(), last.second) << item.toStdString();
        EXPECT_EQ(q.value(0).toInt(), m_itemVersionBefore + itemAcks[item]) << item.toStdString();
    }
    // RACI: each client's Accountable entries are what its last acknowledged edit left, and no
    // responsibility has two Accountables.
    qint64 raciChanges = 0;
    for (int c = 0; c < kClients; ++c) {
        const ClientLog& log = logs[static_cast<std::size_t>(c)];
        raciChanges += log.raciInserts + log.raciRemoves;
        for (const QString& responsibility : m_responsibilities) {
            const auto held = log.accountable.find(responsibility);
            const bool expected = held != log.accountable.end() && held->second;
            EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM raci_entry r JOIN person p ON "
                                            "p.id = r.person_id WHERE p.email = ? AND "
                                            "r.responsibility_key = ? AND r.kind = 'A'"),
                             {clientEmail(c), responsibility})
                          .toInt(),
                      expected ? 1 : 0)
                << "client " << c << ' ' << responsibility.toStdString();
        }
    }
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM (SELECT project_id, responsibility_key "
                                    "FROM raci_entry WHERE kind = 'A' GROUP BY 1, 2 HAVING "
                                    "count(*) > 1) t"))
                  .toInt(),
              0);
    // Assignments: every acknowledged one is there, ended on the last acknowledged day.
    for (const ClientLog& log : logs) {
        for (qint64 id : log.assignmentsAdded)
            EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM assignment WHERE id = ?"), {id})
                          .toInt(),
                      1);
        for (const auto& [id, end] : log.assignmentEnds) {
            QSqlQuery q = db().exec(
                QStringLiteral("SELECT version, to_date FROM assignment WHERE id = ?"), {id});
            ASSERT_TRUE(q.next());
            EXPECT_EQ(q.value(0).toInt(), end.first);
            EXPECT_EQ(q.value(1).toDate(), end.second);
        }
        expectedAssignmentHistory += log.assignmentEndCount;
    }

    // One history row per committed change, and the chain intact.
    qint64 personChanges = 0, itemChanges = 0;
    for (const auto& [email, n] : personAcks)
        personChanges += n;
    for (const auto& [item, n] : itemAcks)
        itemChanges += n;
    EXPECT_EQ(historyRows(QStringLiteral("person")) - kPeople - kClients, personChanges);
    EXPECT_EQ(historyRows(QStringLiteral("raci_entry")), raciChanges);
    EXPECT_EQ(historyRows(QStringLiteral("assignment")) - m_assignmentHistoryBefore,
              expectedAssignmentHistory);
    EXPECT_EQ(historyRows(QStringLiteral("audit_item")) - m_itemHistoryBefore, itemChanges);
    // Every change of the run was made by a client's login and is recorded as that login's person.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history WHERE id > ? AND (actor NOT LIKE "
                                    "'client%@example.org' OR db_user NOT LIKE 'client%')"),
                     {m_historyBefore})
                  .toInt(),
              0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM history WHERE id > ? AND "
                                    "split_part(db_user, '_', 1) <> split_part(actor, '@', 1)"),
                     {m_historyBefore})
                  .toInt(),
              0);
    // The auditors' results name them as assessors, whatever the client passed.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM audit_item ai JOIN person p ON p.id = "
                                    "ai.assessed_by WHERE ai.audit_id = ? AND p.email NOT IN (?, "
                                    "?, ?)"),
                     {m_auditId, clientEmail(5), clientEmail(kLead), clientEmail(kRespondent)})
                  .toInt(),
              0);
    EXPECT_TRUE(HistoryService(db()).verify().intact);

    // A loaded CI machine may stop at the time limit before all 10,000: still enough to say
    // something, as long as thousands of edits overlapped.
    EXPECT_GE(edits, 2000) << "the clients did too little to say anything";
    std::printf("[ figures  ] %d clients, %d edits attempted, %d acknowledged in %.1f s (%.0f "
                "edits/s); %d conflicts refused (%d deadlocks), %d retried; 0 lost\n",
                kClients, attempts, edits, seconds, edits / seconds, conflicts, deadlocks, retries);
}

} // namespace
} // namespace steward
