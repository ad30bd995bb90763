// Audits on a shared server, as real logins: a manager plans, the lead and respondents answer, and
// the database itself holds each login that is a person to the steps that person may take.
#include "audit_fixture.h"
#include "db/database.h"
#include "services/user_service.h"
#include "test_support.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

namespace steward {
namespace {

// The README says managers plan audits; as a real login in steward_manager (which may insert audits
// but not update them) planning used to fail with "permission denied for table audit", from the
// row lock the item guard takes to hold off a concurrent close.
TEST_F(AuditTest, AManagerPlansAnAuditAndAnAuditorRunsIt)
{
    // Managers plan audits of the projects they manage: Otto owns LOAN-RISK.
    db().exec(QStringLiteral("UPDATE project SET owner_id = (SELECT id FROM person WHERE email = "
                             "?) WHERE key = 'LOAN-RISK'"),
              {kOwner});
    const QString ottoLogin = QStringLiteral("otto_%1").arg(QCoreApplication::applicationPid());
    UserService(db()).add(kOwner, QStringLiteral("manager"), ottoLogin, QStringLiteral("pw"));
    Database manager(
        withSettings(conninfo(), {{QStringLiteral("user"), ottoLogin},
                                  {QStringLiteral("password"), QStringLiteral("pw")}}));
    AuditPlan p;
    p.projectKey = QStringLiteral("LOAN-RISK");
    p.checklistKey = QStringLiteral("nist-ai-rmf");
    p.leadEmail = kLead;
    p.dueDate = today().addDays(30);
    // A manager login linked to nobody manages no project.
    Database unlinked(createLoginRole(conninfo(), QStringLiteral("steward_manager")));
    try {
        AuditService(unlinked).create(p);
        ADD_FAILURE() << "a manager who is nobody planned an audit";
    } catch (const Error& e) {
        EXPECT_TRUE(e.message().contains(
            QLatin1String("project LOAN-RISK: only its owner, a current AI project manager on it "
                          "or an administrator may change it, its staffing or its audits")))
            << e.what();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit")), 0);
    const Audit audit = AuditService(manager).create(p);
    EXPECT_EQ(audit.status, AuditStatus::Planned);
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM audit_item WHERE audit_id = ?"), {audit.id}),
        72);

    // The lead runs it, from a login linked to them (an unlinked login is nobody to the audit).
    const QString login = QStringLiteral("lena_%1").arg(QCoreApplication::applicationPid());
    UserService(db()).add(kLead, QStringLiteral("auditor"), login, QStringLiteral("pw"));
    Database auditor(withSettings(conninfo(), {{QStringLiteral("user"), login},
                                               {QStringLiteral("password"), QStringLiteral("pw")}}),
                     kLead);
    const QString item = scalar(QStringLiteral("SELECT i.item_id FROM audit_item a JOIN "
                                               "checklist_item i ON i.id = a.checklist_item_id "
                                               "WHERE a.audit_id = ? ORDER BY i.position LIMIT 1"),
                                {audit.id})
                             .toString();
    AuditService(auditor).assess(audit.id, item, QStringLiteral("satisfied"),
                                 QStringLiteral("Seen."), kLead);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit_item WHERE audit_id = ? AND "
                                   "result = 'satisfied'"),
                    {audit.id}),
              1);

    // Planning the next audit, the manager carries the evidence over.
    EvidenceInput link;
    link.url = QStringLiteral("https://example.org/model-card");
    AuditService(auditor).attachEvidence(audit.id, {item}, link, kLead);
    AuditPlan next = p;
    next.copyEvidenceFrom = audit.id;
    const Audit copied = AuditService(manager).create(next);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit_item_evidence l JOIN audit_item i "
                                   "ON i.id = l.audit_item_id WHERE i.audit_id = ?"),
                    {copied.id}),
              1);

    // The lock-taking lookup runs with its owner's rights; nobody else may call it directly.
    Database viewer(createLoginRole(conninfo(), QStringLiteral("steward_viewer")));
    EXPECT_THROW(viewer.exec(QStringLiteral("SELECT audit_status_locked(?)"), {audit.id}), Error);
}

// A login linked to a person takes the audit steps as that person, checked by the database and not
// only by the client: raw SQL from an auditor who does not lead the audit cannot review or close
// it, and whatever signer or assessor the client names, the login's person is recorded.
TEST_F(AuditTest, AuditStepsAreTakenByTheLoginsPersonOnly)
{
    const Audit audit = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("nist-ai-rmf"));
    const auto loginFor = [this](const QString& email, const QString& login) {
        const QString password = QStringLiteral("pw-") + login;
        UserService(db()).add(email, QStringLiteral("auditor"), login, password);
        return withSettings(
            conninfo(), {{QStringLiteral("user"), login}, {QStringLiteral("password"), password}});
    };
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    Database lead(loginFor(kLead, QStringLiteral("lead_") + suffix), kZed);
    Database anna(loginFor(kAnna, QStringLiteral("anna_") + suffix), kLead);
    Database nobody(createLoginRole(conninfo(), QStringLiteral("steward_auditor")), kLead);
    const auto personId = [this](const QString& email) {
        return scalar(QStringLiteral("SELECT id FROM person WHERE email = ?"), {email})
            .toLongLong();
    };
    const QString items = QStringLiteral("SELECT i.item_id FROM audit_item a JOIN checklist_item i "
                                         "ON i.id = a.checklist_item_id WHERE a.audit_id = ? "
                                         "ORDER BY i.position");
    QSqlQuery q = db().exec(items, {audit.id});
    ASSERT_TRUE(q.next());
    const QString first = q.value(0).toString();
    ASSERT_TRUE(q.next());
    const QString second = q.value(0).toString();

    // An unlinked login is nobody; Anna neither leads the audit nor answers the item.
    const auto refused = [](const std::function<void()>& step) {
        try {
            step();
        } catch (const Error& e) {
            return e.message().contains(QLatin1String("permission denied"));
        }
        return false;
    };
    EXPECT_TRUE(refused([&] {
        AuditService(nobody).assess(audit.id, first, QStringLiteral("satisfied"), {}, kLead);
    }));
    EXPECT_TRUE(refused([&] {
        AuditService(anna).assess(audit.id, first, QStringLiteral("satisfied"), {}, kAnna);
    }));
    // The lead assesses, naming Zed as assessor in raw SQL: the lead is recorded.
    lead.exec(QStringLiteral("UPDATE audit_item SET result = 'satisfied', assessed_by = ?, "
                             "assessed_at = now() WHERE audit_id = ? AND checklist_item_id = "
                             "(SELECT id FROM checklist_item WHERE item_id = ? AND version_id = "
                             "(SELECT checklist_version_id FROM audit WHERE id = ?))"),
              {personId(kZed), audit.id, first, audit.id});
    EXPECT_EQ(scalar(QStringLiteral("SELECT assessed_by FROM audit_item a JOIN checklist_item i "
                                    "ON i.id = a.checklist_item_id WHERE a.audit_id = ? AND "
                                    "i.item_id = ?"),
                     {audit.id, first})
                  .toLongLong(),
              personId(kLead));
    // As the respondent of the second item, Anna may answer it.
    AuditService(db()).assign(audit.id, second, kAnna);
    AuditService(anna).assess(audit.id, second, QStringLiteral("partially-satisfied"), {}, kAnna);

    // Evidence is recorded by the login's person; findings are raised by those who may answer
    // the item and moved on by their owner, the lead or an admin.
    EvidenceInput link;
    link.url = QStringLiteral("https://example.org/model-card");
    const Evidence evidence = AuditService(lead).attachEvidence(audit.id, {first}, link, kZed);
    EXPECT_EQ(scalar(QStringLiteral("SELECT recorded_by FROM evidence WHERE id = ?"), {evidence.id})
                  .toLongLong(),
              personId(kLead));
    EXPECT_TRUE(
        refused([&] { AuditService(anna).attachEvidence(audit.id, {first}, link, kAnna); }));
    FindingInput gap;
    gap.itemId = second;
    gap.severity = QStringLiteral("medium");
    gap.description = QStringLiteral("Only half of the impacts are documented.");
    gap.remediation = QStringLiteral("Document the rest.");
    gap.ownerEmail = kZed;
    gap.dueDate = today().addDays(14);
    EXPECT_TRUE(refused([&] { AuditService(nobody).raiseFinding(audit.id, gap); }));
    const AuditFinding finding = AuditService(anna).raiseFinding(audit.id, gap);
    EXPECT_TRUE(refused([&] {
        AuditService(anna).updateFinding(finding.id, QStringLiteral("in-progress"), {}, kAnna);
    }));
    AuditService(lead).updateFinding(finding.id, QStringLiteral("risk-accepted"),
                                     QStringLiteral("Accepted for the pilot."), kZed);
    EXPECT_EQ(scalar(QStringLiteral("SELECT risk_accepted_by FROM audit_finding WHERE id = ?"),
                     {finding.id})
                  .toLongLong(),
              personId(kLead));

    // Tricks that do not work: making herself lead, moving someone else's item into an audit,
    // or shadowing the tables the rules read with temporary ones of her own.
    EXPECT_TRUE(refused([&] {
        anna.exec(QStringLiteral("UPDATE audit SET lead_id = ? WHERE id = ?"),
                  {personId(kAnna), audit.id});
    }));
    anna.exec(QStringLiteral("CREATE TEMP TABLE audit (id bigint)"));
    anna.exec(QStringLiteral("CREATE TEMP TABLE steward_user (login text, person_id bigint, "
                             "disabled_at timestamptz)"));
    anna.exec(QStringLiteral("INSERT INTO steward_user VALUES (session_user, ?, NULL)"),
              {personId(kLead)});
    // (The statement names the real table; only the rules' own lookups could be misled.)
    const QString schema = scalar(QStringLiteral("SELECT current_schema()")).toString();
    // Row-level security hides the items she does not answer from her UPDATE.
    EXPECT_EQ(anna.exec(QStringLiteral("UPDATE %1.audit_item SET result = 'not-satisfied', "
                                       "assessed_by = ?, assessed_at = now() WHERE audit_id = ? "
                                       "AND respondent_id IS DISTINCT FROM ?")
                            .arg(schema),
                        {personId(kLead), audit.id, personId(kAnna)})
                  .numRowsAffected(),
              0)
        << "temporary tables switched the rules off";
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit_item WHERE audit_id = ? AND "
                                   "result = 'not-satisfied'"),
                    {audit.id}),
              0);
    anna.exec(QStringLiteral("DROP TABLE pg_temp.audit, pg_temp.steward_user"));

    // Review and close: not Anna, and the signer is the lead whoever the client names.
    db().exec(QStringLiteral("UPDATE audit_item SET result = 'not-applicable', "
                             "not_applicable_reason = 'out of scope', assessed_by = ?, "
                             "assessed_at = now() WHERE audit_id = ? AND result = 'not-assessed'"),
              {personId(kLead), audit.id});
    EXPECT_TRUE(refused([&] {
        anna.exec(QStringLiteral("UPDATE audit SET status = 'in-review' WHERE id = ?"), {audit.id});
    }));
    lead.exec(QStringLiteral("UPDATE audit SET status = 'in-review' WHERE id = ?"), {audit.id});
    EXPECT_TRUE(refused([&] {
        anna.exec(QStringLiteral("UPDATE audit SET status = 'closed', closed_at = now(), "
                                 "signed_off_by = ?, sign_off_statement = 'done' WHERE id = ?"),
                  {personId(kAnna), audit.id});
    }));
    lead.exec(QStringLiteral("UPDATE audit SET status = 'closed', closed_at = now(), "
                             "signed_off_by = ?, sign_off_statement = 'Reviewed.' WHERE id = ?"),
              {personId(kZed), audit.id});
    EXPECT_EQ(scalar(QStringLiteral("SELECT signed_off_by FROM audit WHERE id = ?"), {audit.id})
                  .toLongLong(),
              personId(kLead));
}

} // namespace
} // namespace steward
