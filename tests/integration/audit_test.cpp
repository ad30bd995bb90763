// Audits against the real database with the bundled checklist plugins synchronised: the workflow
// through the service, applicability, respondents, scores, the database's own guard of a closed
// audit, and every bad input refused without a trace.
#include "audit_fixture.h"
#include "demo/demo_organisation.h"
#include "services/staffing_service.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QFile>

#include <gtest/gtest.h>

namespace steward {
namespace {

// Acts as a database user that is neither superuser nor steward_admin for its lifetime.
class PlainUser {
public:
    explicit PlainUser(Database& db)
        : m_db(db)
    {
        m_db.exec(QStringLiteral(
            "DO $$ BEGIN CREATE ROLE steward_audit_tester NOLOGIN; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"));
        m_db.exec(
            QStringLiteral("GRANT ALL ON ALL TABLES IN SCHEMA public TO steward_audit_tester"));
        m_db.exec(
            QStringLiteral("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO steward_audit_tester"));
        m_db.exec(QStringLiteral("SET ROLE steward_audit_tester"));
    }
    ~PlainUser() { m_db.exec(QStringLiteral("RESET ROLE")); }
    PlainUser(const PlainUser&) = delete;
    PlainUser& operator=(const PlainUser&) = delete;

private:
    Database& m_db;
};

TEST_F(AuditTest, LifecycleThroughTheService)
{
    AuditService s(db());
    const Audit a = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("ethics"));
    EXPECT_EQ(a.status, AuditStatus::Planned);
    EXPECT_EQ(a.checklistKey, QStringLiteral("ethics"));
    EXPECT_EQ(a.leadEmail, kLead);
    const std::vector<AuditItem> items = s.items(a.id);
    ASSERT_GE(items.size(), 8u);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_item WHERE version_id = ?"),
                    {a.checklistVersionId}),
              static_cast<qint64>(items.size()));

    const QString first = items[0].itemId;
    const QString second = items[1].itemId;
    AuditItem assessed =
        s.assess(a.id, first, QStringLiteral("satisfied"), QStringLiteral("seen the list"), kAnna);
    EXPECT_EQ(assessed.result, ItemResult::Satisfied);
    EXPECT_EQ(assessed.assessedBy, kAnna);
    EXPECT_TRUE(assessed.assessedAt.isValid());
    EXPECT_EQ(s.audit(a.id).status, AuditStatus::InProgress)
        << "the first assessment starts the audit";

    s.assess(a.id, second, QStringLiteral("not-satisfied"), QStringLiteral("no per-group metrics"),
             kAnna);
    const QString path = m_dir.filePath(QStringLiteral("fairness.txt"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("per-group results\n");
    }
    EvidenceInput file;
    file.filePath = path;
    file.effectiveDate = today().addDays(-10);
    file.description = QStringLiteral("Fairness evaluation");
    const Evidence e = s.attachEvidence(a.id, {first, second}, file, kAnna);
    EXPECT_EQ(e.kind, QStringLiteral("file"));
    EXPECT_EQ(e.location, path);
    EXPECT_EQ(
        e.sha256,
        QString::fromLatin1(
            QCryptographicHash::hash("per-group results\n", QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(e.sizeBytes, 18);
    EXPECT_EQ(e.effectiveDate, today().addDays(-10));
    EXPECT_EQ(e.recordedBy, kAnna);
    EvidenceInput url;
    url.url = QStringLiteral("https://wiki.example.org/fairness");
    s.attachEvidence(a.id, {first}, url, kAnna);
    EXPECT_EQ(s.items(a.id)[0].evidenceIds.size(), 2u);
    EXPECT_EQ(s.items(a.id)[1].evidenceIds, std::vector<qint64>{e.id});

    FindingInput fi;
    fi.itemId = second;
    fi.severity = QStringLiteral("high");
    fi.description = QStringLiteral("Fairness is not measured per group");
    fi.remediation = QStringLiteral("Measure selection rates per group");
    fi.ownerEmail = kOwner;
    fi.dueDate = today().addDays(-1);
    const AuditFinding f = s.raiseFinding(a.id, fi);
    EXPECT_EQ(f.status, FindingStatus::Open);
    EXPECT_EQ(f.ownerEmail, kOwner);
    EXPECT_EQ(f.projectKey, QStringLiteral("LOAN-RISK"));
    ASSERT_EQ(s.openFindings(today()).size(), 1u) << "due yesterday: overdue today";
    EXPECT_TRUE(s.openFindings(today().addDays(-1)).empty());

    assessAll(a);
    expectRefused([&] { s.close(a.id, QStringLiteral("ok"), kLead); },
                  QStringLiteral("submit it for review first"));
    // The test connects as the cluster's superuser, like the embedded database does; that
    // alone does not make an actor an admin.
    expectRefused([&] { s.submitForReview(a.id, kAnna); },
                  QStringLiteral("only the audit's lead (lead@example.org) or an admin"));
    {
        const PlainUser plain(db());
        EXPECT_FALSE(s.isAdmin());
        expectRefused([&] { s.submitForReview(a.id, kAnna); },
                      QStringLiteral("only the audit's lead (lead@example.org) or an admin"));
    }
    db().exec(QStringLiteral("GRANT steward_admin TO steward_audit_tester"));
    {
        // Who the caller is does not change with SET ROLE: the login that connected counts.
        const PlainUser plain(db());
        EXPECT_FALSE(s.isAdmin()) << "SET ROLE to a member of steward_admin made an admin";
    }
    db().exec(QStringLiteral("REVOKE steward_admin FROM steward_audit_tester"));
    {
        Database admin(createLoginRole(conninfo(), QStringLiteral("steward_admin")));
        EXPECT_TRUE(AuditService(admin).isAdmin()) << "a member of steward_admin is an admin";
    }
    EXPECT_EQ(s.submitForReview(a.id, kLead).status, AuditStatus::InReview);
    const Audit closed =
        s.close(a.id, QStringLiteral("Reviewed with the team; one finding open."), kLead);
    EXPECT_EQ(closed.status, AuditStatus::Closed);
    EXPECT_EQ(closed.signedOffBy, kLead);
    EXPECT_TRUE(closed.closedAt.isValid());
    EXPECT_EQ(closed.signOffStatement, QStringLiteral("Reviewed with the team; one finding open."));

    // Remediation goes on after the sign-off.
    EXPECT_EQ(s.updateFinding(f.id, QStringLiteral("in-progress"), {}, kOwner).status,
              FindingStatus::InProgress);
    expectRefused([&] { s.updateFinding(f.id, QStringLiteral("risk-accepted"), {}, kLead); },
                  QStringLiteral("needs a justification"));
    const AuditFinding accepted = s.updateFinding(
        f.id, QStringLiteral("risk-accepted"), QStringLiteral("Model retired next month"), kLead);
    EXPECT_EQ(accepted.status, FindingStatus::RiskAccepted);
    EXPECT_EQ(accepted.riskAcceptedBy, kLead);
    expectRefused([&] { s.updateFinding(f.id, QStringLiteral("open"), {}, kLead); },
                  QStringLiteral("that status is final"));

    // Every step is in the history.
    for (const char* table :
         {"audit", "audit_item", "evidence", "audit_item_evidence", "audit_finding"})
        EXPECT_GT(count(QStringLiteral("SELECT count(*) FROM history WHERE table_name = ?"),
                        {QString::fromLatin1(table)}),
                  0)
            << table;
    EXPECT_EQ(count(QStringLiteral(
                        "SELECT count(*) FROM history WHERE table_name = 'audit' AND row_key = ?"),
                    {QString::number(a.id)}),
              4)
        << "planned, in progress, in review, closed";

    // Re-auditing copies the evidence links of the same items.
    AuditPlan again;
    again.projectKey = QStringLiteral("LOAN-RISK");
    again.checklistKey = QStringLiteral("ethics");
    again.leadEmail = kLead;
    again.dueDate = today().addDays(60);
    again.copyEvidenceFrom = a.id;
    const Audit next = s.create(again);
    const std::vector<AuditItem> copied = s.items(next.id);
    EXPECT_EQ(copied[0].evidenceIds.size(), 2u);
    EXPECT_EQ(copied[1].evidenceIds, std::vector<qint64>{e.id});
    EXPECT_EQ(copied[0].result, ItemResult::NotAssessed) << "results are not copied, only evidence";
    const auto trend = s.trend(next.id);
    ASSERT_EQ(trend.size(), 2u);
    EXPECT_EQ(trend[0].first, a.id);
    EXPECT_EQ(s.reportData(next.id).trend.size(), 1u)
        << "the report's trend lists the earlier audits";
}

TEST_F(AuditTest, ApplicabilityOfTheEuAiAct)
{
    AuditService s(db());
    const Audit high = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("eu-ai-act"));
    const Audit minimal = plan(QStringLiteral("AD-COPY"), QStringLiteral("eu-ai-act"));
    const qint64 highRiskItems =
        count(QStringLiteral("SELECT count(*) FROM checklist_item WHERE version_id = ? AND 'high' "
                             "= ANY(risk_tiers)"),
              {high.checklistVersionId});
    ASSERT_GT(highRiskItems, 0);

    EXPECT_GT(
        count(QStringLiteral(
                  "SELECT count(*) FROM audit_item WHERE audit_id = ? AND not_applicable_reason = "
                  "'applies to high-risk systems; AD-COPY is minimal-risk'"),
              {minimal.id}),
        0);
    // Minimal-risk marketing deployer: every high-risk obligation is out of scope, with the reason.
    for (const AuditItem& i : s.items(minimal.id)) {
        const bool highRisk =
            count(QStringLiteral(
                      "SELECT count(*) FROM checklist_item WHERE version_id = ? AND item_id = ? "
                      "AND risk_tiers <> '{}'"),
                  {minimal.checklistVersionId, i.itemId}) > 0;
        if (highRisk) {
            EXPECT_EQ(i.result, ItemResult::NotApplicable) << i.itemId.toStdString();
            EXPECT_TRUE(i.notApplicableReason.contains(
                QStringLiteral("-risk systems; AD-COPY is minimal-risk")))
                << i.itemId.toStdString() << ": " << i.notApplicableReason.toStdString();
        }
    }
    EXPECT_GT(
        count(QStringLiteral(
                  "SELECT count(*) FROM audit_item WHERE audit_id = ? AND result = 'not-assessed'"),
              {minimal.id}),
        0)
        << "Article 4 applies whatever the risk";

    // A high-risk finance provider and deployer: provider and deployer items apply; only the
    // public-sector deployer items do not.
    for (const AuditItem& i : s.items(high.id)) {
        if (i.result == ItemResult::NotApplicable) {
            EXPECT_EQ(i.notApplicableReason,
                      QStringLiteral("applies to public-sector projects; LOAN-RISK is in finance"))
                << i.itemId.toStdString();
        }
    }
    EXPECT_EQ(
        count(
            QStringLiteral(
                "SELECT count(*) FROM audit_item WHERE audit_id = ? AND result = 'not-applicable'"),
            {high.id}),
        count(QStringLiteral(
                  "SELECT count(*) FROM checklist_item WHERE version_id = ? AND industries <> '{}' "
                  "AND NOT 'finance' = ANY(industries)"),
              {high.checklistVersionId}));
    EXPECT_GT(count(QStringLiteral("SELECT count(*) FROM audit_item ai JOIN checklist_item ci ON "
                                   "ci.id = ai.checklist_item_id "
                                   "WHERE ai.audit_id = ? AND ai.result = 'not-assessed' AND "
                                   "ci.actors = '{provider}'"),
                    {high.id}),
              0);
    EXPECT_GT(count(QStringLiteral("SELECT count(*) FROM audit_item ai JOIN checklist_item ci ON "
                                   "ci.id = ai.checklist_item_id "
                                   "WHERE ai.audit_id = ? AND ai.result = 'not-assessed' AND "
                                   "ci.actors = '{deployer}'"),
                    {high.id}),
              0);
}

TEST_F(AuditTest, RespondentIsTheCurrentHolderOfTheItemsRoleFirstByName)
{
    const QString role =
        scalar(QStringLiteral(
                   "SELECT ci.role_key FROM checklist_item ci JOIN checklist c ON "
                   "c.current_version_id = ci.version_id "
                   "WHERE c.key = 'ethics' AND ci.role_key <> '' ORDER BY ci.position LIMIT 1"))
            .toString();
    ASSERT_FALSE(role.isEmpty());
    StaffingService staffing(db());
    const auto assign = [&](const QString& email, QDate from, std::optional<QDate> to) {
        Assignment a;
        a.projectKey = QStringLiteral("LOAN-RISK");
        a.personEmail = email;
        a.roleKey = role;
        a.from = from;
        a.to = to;
        a.allocationPercent = 20;
        staffing.assign(a);
    };
    assign(kZed, today().addDays(-100), std::nullopt);
    assign(kAnna, today().addDays(-100), today().addDays(100));
    assign(QStringLiteral("aaron@example.org"), today().addDays(-300),
           today().addDays(-1)); // left yesterday

    AuditService s(db());
    const Audit a = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("ethics"));
    int withRole = 0;
    for (const AuditItem& i : s.items(a.id)) {
        if (i.roleKey == role) {
            EXPECT_EQ(i.respondentEmail, kAnna) << i.itemId.toStdString();
            ++withRole;
        } else {
            EXPECT_TRUE(i.respondentEmail.isEmpty())
                << i.itemId.toStdString() << " has nobody in role " << i.roleKey.toStdString();
        }
    }
    EXPECT_GT(withRole, 0);
    const QString item = s.items(a.id)[0].itemId;
    EXPECT_EQ(s.assign(a.id, item, kZed).respondentEmail, kZed);
}

TEST_F(AuditTest, ScoresCountPartialsHalfAndLeaveOutNotApplicable)
{
    AuditService s(db());
    const Audit a = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("ethics"));
    const std::vector<AuditItem> items = s.items(a.id);
    const QString section = items[0].sectionId;
    QStringList inSection;
    for (const AuditItem& i : items)
        if (i.sectionId == section)
            inSection << i.itemId;
    ASSERT_GE(inSection.size(), 4);
    s.assess(a.id, inSection[0], QStringLiteral("satisfied"), {}, kLead);
    s.assess(a.id, inSection[1], QStringLiteral("partially-satisfied"), {}, kLead);
    s.assess(a.id, inSection[2], QStringLiteral("not-applicable"),
             QStringLiteral("no affected groups"), kLead);
    s.assess(a.id, inSection[3], QStringLiteral("not-satisfied"), {}, kLead);

    const AuditScores scores = s.scores(a.id);
    ASSERT_FALSE(scores.sections.empty());
    const Score& first = scores.sections[0];
    EXPECT_EQ(first.sectionId, section);
    const int rest = inSection.size() - 4; // not assessed: count as not satisfied
    EXPECT_EQ(first.applicable, 3 + rest);
    EXPECT_EQ(first.satisfied, 1);
    EXPECT_EQ(first.partial, 1);
    EXPECT_EQ(first.notSatisfied, 1);
    EXPECT_EQ(first.notAssessed, rest);
    EXPECT_DOUBLE_EQ(first.percent, 150.0 / (3 + rest));
    const int total = static_cast<int>(items.size());
    EXPECT_EQ(scores.overall.applicable, total - 1);
    EXPECT_DOUBLE_EQ(scores.overall.percent, 150.0 / (total - 1));
    for (std::size_t i = 1; i < scores.sections.size(); ++i)
        EXPECT_DOUBLE_EQ(scores.sections[i].percent, 0.0);

    // A section with nothing applicable has no share to speak of: 0 of 0.
    std::vector<AuditItem> none(1);
    none[0].sectionId = QStringLiteral("S");
    none[0].result = ItemResult::NotApplicable;
    EXPECT_EQ(computeScores(none).overall.applicable, 0);

    const AuditReportData report = s.reportData(a.id);
    EXPECT_EQ(report.items.size(), items.size());
    EXPECT_DOUBLE_EQ(report.overall.percent, scores.overall.percent);
    EXPECT_EQ(report.projectRiskTier, QStringLiteral("high"));
    EXPECT_EQ(report.projectIndustry, QStringLiteral("finance"));
    EXPECT_FALSE(report.checklistFramework.isEmpty());
}

TEST_F(AuditTest, AClosedAuditIsImmutableInTheDatabase)
{
    AuditService s(db());
    const Audit a = plan(QStringLiteral("AD-COPY"), QStringLiteral("ethics"));
    const QString item = s.items(a.id)[0].itemId;
    s.assess(a.id, item, QStringLiteral("not-satisfied"), {}, kLead);
    FindingInput fi{item,   QStringLiteral("low"), QStringLiteral("d"), QStringLiteral("r"),
                    kOwner, today().addDays(5)};
    const AuditFinding f = s.raiseFinding(a.id, fi);
    EvidenceInput url;
    url.url = QStringLiteral("https://example.org/x");
    s.attachEvidence(a.id, {item}, url, kLead);
    assessAll(a);
    s.submitForReview(a.id, kLead);
    s.close(a.id, QStringLiteral("Signed."), kLead);

    const QString before = snapshot();
    const QString id = QString::number(a.id);
    const QStringList attempts = {
        QStringLiteral("UPDATE audit SET sign_off_statement = 'rewritten' WHERE id = %1"),
        QStringLiteral("UPDATE audit SET status = 'in-review', closed_at = NULL, signed_off_by = "
                       "NULL, sign_off_statement = '' WHERE id = %1"),
        QStringLiteral("DELETE FROM audit WHERE id = %1"),
        QStringLiteral("UPDATE audit_item SET result = 'satisfied' WHERE audit_id = %1"),
        QStringLiteral("UPDATE audit_item SET note = 'later' WHERE audit_id = %1"),
        QStringLiteral("DELETE FROM audit_item WHERE audit_id = %1"),
        QStringLiteral("INSERT INTO audit_item (audit_id, checklist_item_id) SELECT %1, "
                       "max(checklist_item_id) FROM audit_item WHERE audit_id = %1"),
        QStringLiteral("DELETE FROM audit_item_evidence WHERE audit_item_id IN (SELECT id FROM "
                       "audit_item WHERE audit_id = %1)"),
        QStringLiteral("INSERT INTO audit_item_evidence (audit_item_id, evidence_id) SELECT "
                       "max(ai.id), max(e.id) FROM audit_item ai, evidence e "
                       "WHERE ai.audit_id = %1"),
        QStringLiteral("UPDATE audit_finding SET severity = 'critical' WHERE audit_id = %1"),
        QStringLiteral("UPDATE audit_finding SET description = 'softer' WHERE audit_id = %1"),
        QStringLiteral("DELETE FROM audit_finding WHERE audit_id = %1"),
        QStringLiteral("INSERT INTO audit_finding (audit_id, audit_item_id, severity, description, "
                       "remediation, owner_id, due_date) "
                       "SELECT audit_id, audit_item_id, 'low', 'x', 'y', owner_id, due_date FROM "
                       "audit_finding WHERE audit_id = %1"),
        QStringLiteral("UPDATE evidence SET sha256 = NULL, kind = 'url' WHERE %1 > 0"),
    };
    for (const QString& sql : attempts) {
        try {
            db().exec(sql.arg(id));
            ADD_FAILURE() << "the database accepted: " << sql.toStdString();
        } catch (const Error& e) {
            EXPECT_FALSE(e.message().isEmpty());
        }
    }
    EXPECT_EQ(snapshot(), before);
    // A finding's remediation status still moves, directly in SQL too.
    db().exec(QStringLiteral("UPDATE audit_finding SET status = 'resolved' WHERE id = ?"), {f.id});
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT status FROM audit_finding WHERE id = ?"), {f.id}).toString(),
        QStringLiteral("resolved"));
}

TEST_F(AuditTest, TransitionsAndClosingRulesHoldInTheDatabase)
{
    AuditService s(db());
    const Audit a = plan(QStringLiteral("AD-COPY"), QStringLiteral("ethics"));
    const QString id = QString::number(a.id);
    EXPECT_THROW(
        db().exec(QStringLiteral("UPDATE audit SET status = 'in-review' WHERE id = %1").arg(id)),
        Error)
        << "planned -> in-review";
    s.assess(a.id, s.items(a.id)[0].itemId, QStringLiteral("satisfied"), {}, kLead);
    db().exec(QStringLiteral("UPDATE audit SET status = 'in-review' WHERE id = %1").arg(id));
    EXPECT_THROW(
        db().exec(
            QStringLiteral(
                "UPDATE audit SET status = 'closed', closed_at = now(), signed_off_by = lead_id, "
                "sign_off_statement = 'x' WHERE id = %1")
                .arg(id)),
        Error)
        << "closing with unassessed items";
    db().exec(QStringLiteral("UPDATE audit SET status = 'in-progress' WHERE id = %1").arg(id));
    EXPECT_THROW(
        db().exec(
            QStringLiteral(
                "INSERT INTO audit (project_id, checklist_version_id, lead_id, due_date, status) "
                "SELECT project_id, checklist_version_id, lead_id, due_date, 'closed' FROM audit "
                "WHERE id = %1")
                .arg(id)),
        Error);
    // An item of another checklist cannot join the audit.
    EXPECT_THROW(db().exec(QStringLiteral("INSERT INTO audit_item (audit_id, checklist_item_id) "
                                          "SELECT %1, ci.id FROM checklist_item ci "
                                          "JOIN checklist_version v ON v.id = ci.version_id WHERE "
                                          "v.checklist_key = 'nist-ai-rmf' LIMIT 1")
                               .arg(id)),
                 Error);
}

TEST_F(AuditTest, BadInputIsRefusedWithAClearMessageAndNoChange)
{
    AuditService s(db());
    const Audit a = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("ethics"));
    const QString item = s.items(a.id)[0].itemId;
    const auto withPlan = [&](const std::function<void(AuditPlan&)>& change) {
        AuditPlan p;
        p.projectKey = QStringLiteral("LOAN-RISK");
        p.checklistKey = QStringLiteral("ethics");
        p.leadEmail = kLead;
        p.dueDate = today().addDays(10);
        change(p);
        return [&s, p] {
            s.create(p);
        };
    };
    expectRefused(withPlan([](AuditPlan& p) { p.projectKey = QStringLiteral("NO-SUCH"); }),
                  QStringLiteral("no project with key NO-SUCH"));
    expectRefused(withPlan([](AuditPlan& p) { p.checklistKey = QStringLiteral("iso-9999"); }),
                  QStringLiteral("no checklist with key iso-9999"));
    expectRefused(withPlan([](AuditPlan& p) { p.checklistVersion = 7; }),
                  QStringLiteral("has no version 7"));
    expectRefused(withPlan([](AuditPlan& p) { p.leadEmail = QStringLiteral("ghost@example.org"); }),
                  QStringLiteral("no person with e-mail ghost@example.org"));
    expectRefused(withPlan([this](AuditPlan& p) { p.dueDate = today().addDays(-1); }),
                  QStringLiteral("is in the past"));

    expectRefused(
        [&] {
            s.assess(a.id, QStringLiteral("GOVERN 9.9"), QStringLiteral("satisfied"), {}, kLead);
        },
        QStringLiteral("'GOVERN 9.9' is not an item of checklist ethics"));
    expectRefused([&] { s.assess(a.id, item, QStringLiteral("mostly"), {}, kLead); },
                  QStringLiteral("'mostly' is not one of satisfied, partially-satisfied"));
    expectRefused(
        [&] {
            s.assess(a.id, item, QStringLiteral("satisfied"), {},
                     QStringLiteral("nobody@example.org"));
        },
        QStringLiteral("no person with e-mail nobody@example.org"));
    expectRefused([&] { s.assess(424242, item, QStringLiteral("satisfied"), {}, kLead); },
                  QStringLiteral("no audit with id 424242"));
    expectRefused([&] { s.assign(a.id, item, QStringLiteral("ghost@example.org")); },
                  QStringLiteral("no person with e-mail ghost@example.org"));

    EvidenceInput missing;
    missing.filePath = m_dir.filePath(QStringLiteral("not-there.pdf"));
    expectRefused([&] { s.attachEvidence(a.id, {item}, missing, kLead); },
                  QStringLiteral("does not exist"));
    EvidenceInput badUrl;
    badUrl.url = QStringLiteral("not a url");
    expectRefused([&] { s.attachEvidence(a.id, {item}, badUrl, kLead); },
                  QStringLiteral("is not a URL"));
    EvidenceInput good;
    good.url = QStringLiteral("https://example.org/ok");
    expectRefused(
        [&] {
            s.attachEvidence(a.id, {item, QStringLiteral("NOPE-1")}, good, kLead);
        },
        QStringLiteral("'NOPE-1' is not an item"));

    s.assess(a.id, item, QStringLiteral("not-satisfied"), {}, kLead);
    FindingInput fi{item,      QStringLiteral("high"), QStringLiteral("d"), QStringLiteral("r"),
                    QString(), today().addDays(5)};
    expectRefused([&] { s.raiseFinding(a.id, fi); }, QStringLiteral("a finding needs an owner"));
    fi.ownerEmail = QStringLiteral("ghost@example.org");
    expectRefused([&] { s.raiseFinding(a.id, fi); },
                  QStringLiteral("no person with e-mail ghost@example.org"));
    fi.ownerEmail = kOwner;
    fi.severity = QStringLiteral("dire");
    expectRefused([&] { s.raiseFinding(a.id, fi); }, QStringLiteral("'dire' is not one of low"));
    fi.severity = QStringLiteral("high");
    fi.itemId = s.items(a.id)[1].itemId;
    expectRefused([&] { s.raiseFinding(a.id, fi); },
                  QStringLiteral("a finding is raised only on a partially or not satisfied item"));

    assessAll(a);
    s.submitForReview(a.id, kLead);
    s.close(a.id, QStringLiteral("Done."), kLead);
    expectRefused([&] { s.close(a.id, QStringLiteral("Again."), kLead); },
                  QStringLiteral("is closed"));
    expectRefused([&] { s.assess(a.id, item, QStringLiteral("satisfied"), {}, kLead); },
                  QStringLiteral("is closed"));
    expectRefused([&] { s.assign(a.id, item, kAnna); }, QStringLiteral("is closed"));
    expectRefused([&] { s.attachEvidence(a.id, {item}, good, kLead); },
                  QStringLiteral("is closed"));
    fi.itemId = item;
    expectRefused([&] { s.raiseFinding(a.id, fi); }, QStringLiteral("is closed"));
    expectRefused([&] { s.submitForReview(a.id, kLead); }, QStringLiteral("is closed"));
}

// The demo organisation, loaded with the checklist plugins synchronised, ships its two audits.
class DemoAuditTest : public DatabaseTest {};

TEST_F(DemoAuditTest, TheDemoShipsAClosedAndAnInProgressAudit)
{
    {
        PluginRuntime runtime(db(), bundledOnly());
    }
    const QDate today = QDate::currentDate();
    const DemoLoadResult result = DemoOrganisation::load(db(), today);
    EXPECT_EQ(result.audits, 2);
    AuditService s(db());
    const std::vector<Audit> audits = s.list();
    ASSERT_EQ(audits.size(), 2u);
    const Audit& closed = audits[0];
    EXPECT_EQ(closed.projectKey, QStringLiteral("CREDIT-SCORE"));
    EXPECT_EQ(closed.checklistKey, QStringLiteral("eu-ai-act"));
    EXPECT_EQ(closed.status, AuditStatus::Closed);
    EXPECT_FALSE(closed.signedOffBy.isEmpty());
    const AuditReportData report = s.reportData(closed.id);
    EXPECT_EQ(report.overall.notAssessed, 0);
    EXPECT_GT(report.overall.partial, 0);
    EXPECT_GT(report.overall.notSatisfied, 0);
    EXPECT_GT(report.overall.percent, 50.0);
    EXPECT_LT(report.overall.percent, 100.0);
    EXPECT_FALSE(report.evidence.empty());
    ASSERT_EQ(report.findings.size(), 3u);
    EXPECT_EQ(report.findings[1].status, FindingStatus::InProgress);
    EXPECT_EQ(report.findings[2].status, FindingStatus::RiskAccepted);
    ASSERT_EQ(s.openFindings(today).size(), 1u) << "one finding is overdue";
    EXPECT_EQ(s.openFindings(today)[0].id, report.findings[0].id);

    const Audit& running = audits[1];
    EXPECT_EQ(running.projectKey, QStringLiteral("CARDIO-TRIAGE"));
    EXPECT_EQ(running.checklistKey, QStringLiteral("nist-ai-rmf"));
    EXPECT_EQ(running.status, AuditStatus::InProgress);
    const AuditReportData progress = s.reportData(running.id);
    EXPECT_GT(progress.overall.satisfied, 5);
    EXPECT_GT(progress.overall.notAssessed, 20);
    EXPECT_EQ(progress.findings.size(), 1u);
    EXPECT_EQ(progress.evidence.size(), 1u);
    int respondents = 0;
    for (const AuditItem& i : progress.items)
        respondents += i.respondentEmail.isEmpty() ? 0 : 1;
    EXPECT_GT(respondents, 0) << "items get the project's role holders as respondents";
}

} // namespace
} // namespace steward
