// What a login on a shared server tries with raw SQL beyond the permission matrix's cells: forging
// the history's head or its author, moving a finding, leaving a result without its assessor,
// backdating, planning around applicability, a password in clear, and keeping a group's rights
// with SET ROLE after being disabled. Each was possible before sql/0015; each is refused, or
// corrected by the database, and the refusal changes nothing.
#include "audit_fixture.h"
#include "db/database.h"
#include "services/history_service.h"
#include "services/user_service.h"
#include "test_support.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

namespace steward {
namespace {

class TamperTest : public AuditTest {
protected:
    // A login linked to `email` with `access`, connected (with no --actor claim).
    std::unique_ptr<Database> loginAs(const QString& email, const QString& access,
                                      const QString& name)
    {
        // Roles are the cluster's, shared by every test database: each login is new.
        const QString login = QStringLiteral("%1_%2_%3")
                                  .arg(name)
                                  .arg(QCoreApplication::applicationPid())
                                  .arg(++s_logins);
        const QString password = QStringLiteral("pw-") + login;
        UserService(db()).add(email, access, login, password);
        m_logins[name] = login;
        return std::make_unique<Database>(withSettings(
            conninfo(), {{QStringLiteral("user"), login}, {QStringLiteral("password"), password}}));
    }
    QString login(const QString& name) const { return m_logins.at(name); }

    qint64 personId(const QString& email)
    {
        return count(QStringLiteral("SELECT id FROM person WHERE email = ?"), {email});
    }

    // The message of the error `sql` raises as `who`; empty when it succeeded.
    static QString refusal(Database& who, const QString& sql, const QVariantList& params = {})
    {
        try {
            who.exec(sql, params);
        } catch (const Error& e) {
            return e.message();
        }
        return {};
    }

    std::map<QString, QString> m_logins;
    static inline int s_logins = 0;
};

// The EU AI Act rules items out for a minimal-risk deployer: planning it used to fail for every
// login but the owner, since out-of-scope items are planned as not applicable.
TEST_F(TamperTest, ManagersAndAdminsPlanAuditsWithItemsOutOfScope)
{
    db().exec(QStringLiteral("UPDATE project SET owner_id = ? WHERE key = 'AD-COPY'"),
              {personId(kOwner)});
    const auto manager = loginAs(kOwner, QStringLiteral("manager"), QStringLiteral("otto"));
    const auto admin = loginAs(kZed, QStringLiteral("admin"), QStringLiteral("zed"));
    AuditPlan p;
    p.projectKey = QStringLiteral("AD-COPY");
    p.checklistKey = QStringLiteral("eu-ai-act");
    p.leadEmail = kLead;
    p.dueDate = today().addDays(30);
    const Audit byOwner = AuditService(db()).create(p);
    const Audit byManager = AuditService(*manager).create(p);
    const Audit byAdmin = AuditService(*admin).create(p);
    const QString outOfScope = QStringLiteral("SELECT count(*) FROM audit_item WHERE audit_id = ? "
                                              "AND result = 'not-applicable'");
    const qint64 ruledOut = count(outOfScope, {byOwner.id});
    EXPECT_GT(ruledOut, 0);
    EXPECT_GT(count(QStringLiteral("SELECT count(*) FROM audit_item WHERE audit_id = ? AND "
                                   "result = 'not-assessed'"),
                    {byOwner.id}),
              0);
    EXPECT_EQ(count(outOfScope, {byManager.id}), ruledOut);
    EXPECT_EQ(count(outOfScope, {byAdmin.id}), ruledOut);

    // With raw SQL the planner can neither answer an item in scope in advance nor plan an item
    // out of scope as open, nor add an item of another checklist.
    const QString insert = QStringLiteral(
        "INSERT INTO audit_item (audit_id, checklist_item_id, result, not_applicable_reason) "
        "SELECT ?, ci.id, ?, ? FROM checklist_item ci WHERE ci.version_id = (SELECT "
        "checklist_version_id FROM audit WHERE id = ?) AND ci.id NOT IN (SELECT "
        "checklist_item_id FROM audit_item WHERE audit_id = ?) AND steward_item_applies(ci.id, "
        "(SELECT project_id FROM audit WHERE id = ?)) = ? LIMIT 1");
    db().exec(QStringLiteral("DELETE FROM audit_item WHERE audit_id = ? AND id IN (SELECT id FROM "
                             "audit_item WHERE audit_id = ? AND result = 'not-applicable' LIMIT 1) "
                             "OR id IN (SELECT id FROM audit_item WHERE audit_id = ? AND result = "
                             "'not-assessed' LIMIT 1)"),
              {byManager.id, byManager.id, byManager.id});
    const QString before = snapshot();
    const auto attempt = [&](const QString& result, const QString& reason, bool applies) {
        return refusal(
            *manager, insert,
            {byManager.id, result, reason, byManager.id, byManager.id, byManager.id, applies});
    };
    EXPECT_TRUE(attempt(QStringLiteral("not-applicable"), QStringLiteral("Not ours"), true)
                    .contains(QLatin1String("a new item that applies to the project starts "
                                            "unassessed")));
    EXPECT_TRUE(attempt(QStringLiteral("not-assessed"), QString(), false)
                    .contains(QLatin1String("is planned as not applicable, with the reason")));
    EXPECT_TRUE(attempt(QStringLiteral("not-applicable"), QStringLiteral(" "), false)
                    .contains(QLatin1String("is planned as not applicable, with the reason")));
    EXPECT_TRUE(refusal(*manager,
                        QStringLiteral("INSERT INTO audit_item (audit_id, checklist_item_id) "
                                       "SELECT ?, ci.id FROM checklist_item ci JOIN "
                                       "checklist_version v ON v.id = ci.version_id WHERE "
                                       "v.checklist_key = 'ethics' LIMIT 1"),
                        {byManager.id})
                    .contains(QLatin1String("not part of the checklist version")));
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(attempt(QStringLiteral("not-applicable"), QStringLiteral("Out of scope"), false),
              QString());
    EXPECT_EQ(attempt(QStringLiteral("not-assessed"), QString(), true), QString());
}

// The chain's head used to come from a setting any client may set: one set_config() broke
// `history verify` for good, and skipped the chain's lock.
TEST_F(TamperTest, AClientCannotForgeTheHistorysHead)
{
    const auto manager = loginAs(kOwner, QStringLiteral("manager"), QStringLiteral("otto"));
    ASSERT_TRUE(HistoryService(db()).verify().intact);
    {
        Transaction tx(*manager);
        manager->exec(QStringLiteral("SELECT set_config('steward.history_head', repeat('ab', 32), "
                                     "true), set_config('steward.history_head_id', '1', true)"));
        manager->exec(QStringLiteral("UPDATE person SET title = 'Forged head' WHERE email = ?"),
                      {kAnna});
        manager->exec(QStringLiteral("UPDATE person SET title = 'Forged again' WHERE email = ?"),
                      {kZed});
        // Set again just before commit, where the head used to be published from.
        manager->exec(QStringLiteral("SELECT set_config('steward.history_head', repeat('cd', 32), "
                                     "true), set_config('steward.history_head_id', '2', true)"));
        tx.commit();
    }
    const HistoryVerification v = HistoryService(db()).verify();
    EXPECT_TRUE(v.intact) << v.problem.toStdString();
    EXPECT_EQ(v.headId, v.lastId);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM history WHERE table_name = 'person' AND "
                                   "after->>'title' LIKE 'Forged%'")),
              2);
}

// The history names a person by e-mail: a manager borrowing an administrator's address for one
// transaction signed their changes with the administrator's name.
TEST_F(TamperTest, TheHistorysAuthorCannotBeBorrowed)
{
    const auto manager = loginAs(kOwner, QStringLiteral("manager"), QStringLiteral("otto"));
    loginAs(kZed, QStringLiteral("admin"), QStringLiteral("zed"));
    const QString swap = QStringLiteral("UPDATE person SET email = ? WHERE email = ?");
    const QString before = snapshot();
    EXPECT_TRUE(refusal(*manager, swap, {QStringLiteral("gone@example.org"), kZed})
                    .contains(QLatin1String("only an administrator may change the e-mail address "
                                            "of a person who has a login")));
    EXPECT_TRUE(refusal(*manager, swap, {QStringLiteral("otto2@example.org"), kOwner})
                    .contains(QLatin1String("only an administrator")));
    EXPECT_EQ(snapshot(), before);
    // People without a login are the organisation's, as before.
    EXPECT_EQ(refusal(*manager, swap, {QStringLiteral("anna.able@example.org"), kAnna}), QString());

    // A Steward login linked to nobody is itself, whatever actor its client claims.
    Database unlinked(createLoginRole(conninfo(), QStringLiteral("steward_manager")), kZed);
    unlinked.exec(QStringLiteral("UPDATE person SET title = 'Claimed' WHERE email = ?"), {kLead});
    const QString actor = scalar(QStringLiteral("SELECT actor || '|' || db_user FROM history "
                                                "WHERE after->>'title' = 'Claimed'"))
                              .toString();
    const QStringList parts = actor.split(QLatin1Char('|'));
    ASSERT_EQ(parts.size(), 2);
    EXPECT_EQ(parts[0], parts[1]);
    EXPECT_NE(parts[0], kZed);
}

TEST_F(TamperTest, FindingsResultsAndDatesAreTheDatabases)
{
    const Audit audit = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("nist-ai-rmf"));
    const Audit other = plan(QStringLiteral("AD-COPY"), QStringLiteral("nist-ai-rmf"));
    const auto lead = loginAs(kLead, QStringLiteral("auditor"), QStringLiteral("lena"));
    const QStringList items = itemIds(audit);
    ASSERT_GE(items.size(), 2);
    AuditService(db()).assess(audit.id, items[0], QStringLiteral("not-satisfied"),
                              QStringLiteral("No record"), kLead);
    FindingInput f;
    f.itemId = items[0];
    f.severity = QStringLiteral("medium");
    f.description = QStringLiteral("Missing record");
    f.remediation = QStringLiteral("Keep one");
    f.ownerEmail = kAnna;
    f.dueDate = today().addDays(10);
    const AuditFinding finding = AuditService(db()).raiseFinding(audit.id, f);

    // The lead of one audit moving a finding into another audit.
    const QString before = snapshot();
    EXPECT_TRUE(refusal(*lead,
                        QStringLiteral("UPDATE audit_finding SET audit_id = ?, audit_item_id = "
                                       "(SELECT min(id) FROM audit_item WHERE audit_id = ?) "
                                       "WHERE id = ?"),
                        {other.id, other.id, finding.id})
                    .contains(QLatin1String("cannot move to another audit or item")));
    EXPECT_EQ(snapshot(), before);

    // A result recorded with no assessor (or another one) is the login's person's.
    lead->exec(QStringLiteral("UPDATE audit_item SET result = 'satisfied', assessed_by = NULL, "
                              "assessed_at = NULL WHERE audit_id = ? AND checklist_item_id = "
                              "(SELECT id FROM checklist_item WHERE item_id = ? AND version_id = "
                              "(SELECT checklist_version_id FROM audit WHERE id = ?))"),
               {audit.id, items[1], audit.id});
    EXPECT_EQ(count(QStringLiteral("SELECT ai.assessed_by FROM audit_item ai JOIN checklist_item "
                                   "ci ON ci.id = ai.checklist_item_id WHERE ai.audit_id = ? AND "
                                   "ci.item_id = ?"),
                    {audit.id, items[1]}),
              personId(kLead));

    // Evidence is recorded now, whatever date the client sends.
    lead->exec(QStringLiteral("INSERT INTO evidence (kind, location, effective_date, recorded_at) "
                              "VALUES ('url', 'https://example.org/backdated', current_date, "
                              "'2001-01-01')"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM evidence WHERE location = "
                                   "'https://example.org/backdated' AND recorded_at > now() - "
                                   "interval '1 hour'")),
              1);

    // Closing is dated by the server too.
    AuditService(db()).assess(audit.id, items[0], QStringLiteral("satisfied"), {}, kLead);
    assessAll(audit);
    lead->exec(QStringLiteral("UPDATE audit SET status = 'in-review' WHERE id = ?"), {audit.id});
    lead->exec(QStringLiteral("UPDATE audit SET status = 'closed', closed_at = '2001-01-01', "
                              "signed_off_by = ?, sign_off_statement = 'Fine' WHERE id = ?"),
               {personId(kZed), audit.id});
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit WHERE id = ? AND closed_at > now() "
                                   "- interval '1 hour' AND signed_off_by = ?"),
                    {audit.id, personId(kLead)}),
              1);
}

TEST_F(TamperTest, APasswordInClearIsRefusedWhateverItsPrefix)
{
    const auto admin = loginAs(kZed, QStringLiteral("admin"), QStringLiteral("zed"));
    const QString before = snapshot();
    EXPECT_TRUE(refusal(*admin,
                        QStringLiteral("SELECT steward_user_add('clear_text', ?, "
                                       "'viewer', 'SCRAM-SHA-256$hunter2')"),
                        {kAnna})
                    .contains(QLatin1String("never in clear")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = 'clear_text'")),
              0);
    EXPECT_EQ(snapshot(), before);
}

// SET ROLE to one's group keeps that group's rights for the session even once the login no
// longer holds it: disabling a login, or giving it another role, ends its sessions.
TEST_F(TamperTest, DisablingOrReRolingEndsTheSessionsThatSwitchedRole)
{
    const auto manager = loginAs(kOwner, QStringLiteral("manager"), QStringLiteral("otto"));
    const auto admin = loginAs(kAnna, QStringLiteral("admin"), QStringLiteral("anna"));
    const auto zed = loginAs(kZed, QStringLiteral("admin"), QStringLiteral("zed"));
    manager->exec(QStringLiteral("SET ROLE steward_manager"));
    admin->exec(QStringLiteral("SET ROLE steward_admin"));

    UserService(*zed).disable(login(QStringLiteral("otto")));
    UserService(*zed).setAccess(login(QStringLiteral("anna")), QStringLiteral("viewer"));

    // The next statement of each finds its session ended (the client reports the lost
    // connection); reconnecting, the disabled login cannot log in and the re-roled one is a viewer.
    const QString rename = QStringLiteral("UPDATE org_unit SET name = name WHERE false");
    try {
        manager->exec(QStringLiteral("INSERT INTO org_unit (name) VALUES ('Kept by SET ROLE')"));
        ADD_FAILURE() << "a disabled login's session went on writing";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unavailable) << e.what();
    }
    EXPECT_THROW(manager->exec(rename), Error);
    try {
        admin->exec(QStringLiteral("UPDATE plugin SET enabled = false"));
        ADD_FAILURE() << "a former admin's session went on writing";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unavailable) << e.what();
    }
    EXPECT_TRUE(refusal(*admin, QStringLiteral("INSERT INTO org_unit (name) VALUES ('As viewer')"))
                    .contains(QLatin1String("permission denied")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM org_unit WHERE name IN ('Kept by SET "
                                   "ROLE', 'As viewer')")),
              0);
}

} // namespace
} // namespace steward
