// The audit workflow through the `steward` program, as a user or a script runs it.
#include "audit_fixture.h"
#include "cli_run.h"
#include "services/user_service.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace steward {
namespace {

TEST_F(AuditTest, LifecycleThroughTheCli)
{
    const auto steward = [this](const QString& actor, QStringList args) {
        args.prepend(QStringLiteral("--actor=") + actor);
        args.prepend(QStringLiteral("--database=") + conninfo());
        return runSteward(
            QStringLiteral(STEWARD_CLI_PATH), args,
            {{QStringLiteral("STEWARD_PLUGIN_PATH"), QStringLiteral(STEWARD_TEST_PLUGIN_DIR)}});
    };
    const QString due = today().addDays(20).toString(Qt::ISODate);

    CliRun r = steward(kLead, {QStringLiteral("audit"), QStringLiteral("create"),
                               QStringLiteral("--project"), QStringLiteral("AD-COPY"),
                               QStringLiteral("--checklist"), QStringLiteral("ethics"),
                               QStringLiteral("--lead"), kLead, QStringLiteral("--due"),
                               today().addDays(-2).toString(Qt::ISODate)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is in the past"))) << r.err.toStdString();
    r = steward(kLead,
                {QStringLiteral("audit"), QStringLiteral("create"), QStringLiteral("--project"),
                 QStringLiteral("AD-COPY"), QStringLiteral("--checklist"), QStringLiteral("ethics"),
                 QStringLiteral("--lead"), kLead, QStringLiteral("--due"), due,
                 QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const qint64 auditId = r.json().object().value(QStringLiteral("id")).toInteger();
    const QString id = QString::number(auditId);
    EXPECT_EQ(r.json().object().value(QStringLiteral("status")).toString(),
              QStringLiteral("planned"));

    r = steward(kLead,
                {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--project"),
                 QStringLiteral("AD-COPY"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_EQ(r.json().array().size(), 1);

    const Audit a = AuditService(db()).audit(auditId);
    const QStringList items = itemIds(a);
    ASSERT_GE(items.size(), 3);
    r = steward(kLead,
                {QStringLiteral("audit"), QStringLiteral("assess"), id, QStringLiteral("--item"),
                 items[0], QStringLiteral("--result"), QStringLiteral("mostly")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("'mostly' is not one of"))) << r.err.toStdString();
    r = steward(kLead, {QStringLiteral("audit"), QStringLiteral("assess"), id,
                        QStringLiteral("--result"), QStringLiteral("satisfied")});
    EXPECT_EQ(r.exitCode, 2) << "--item is required";
    r = steward(QStringLiteral("root"),
                {QStringLiteral("audit"), QStringLiteral("assess"), id, QStringLiteral("--item"),
                 items[0], QStringLiteral("--result"), QStringLiteral("satisfied")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("the actor of an audit step is a person's e-mail")))
        << r.err.toStdString();
    r = steward(kAnna,
                {QStringLiteral("audit"), QStringLiteral("assess"), id, QStringLiteral("--item"),
                 items[0], QStringLiteral("--result"), QStringLiteral("partially-satisfied"),
                 QStringLiteral("--note"), QStringLiteral("half done"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object().value(QStringLiteral("assessed_by")).toString(), kAnna);

    const QString path = m_dir.filePath(QStringLiteral("minutes.txt"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("minutes");
    }
    r = steward(kAnna,
                {QStringLiteral("audit"), QStringLiteral("evidence"), id, QStringLiteral("--item"),
                 items[0], QStringLiteral("--file"), m_dir.filePath(QStringLiteral("gone.txt"))});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("does not exist"))) << r.err.toStdString();
    r = steward(kAnna, {QStringLiteral("audit"), QStringLiteral("evidence"), id,
                        QStringLiteral("--item"), items[0], QStringLiteral("--item"), items[1],
                        QStringLiteral("--file"), path, QStringLiteral("--effective"),
                        today().addDays(-3).toString(Qt::ISODate), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object().value(QStringLiteral("sha256")).toString(),
              QString::fromLatin1(
                  QCryptographicHash::hash("minutes", QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(r.json().object().value(QStringLiteral("size_bytes")).toInt(), 7);

    const QStringList finding = {QStringLiteral("audit"),
                                 QStringLiteral("finding"),
                                 id,
                                 QStringLiteral("--item"),
                                 items[0],
                                 QStringLiteral("--severity"),
                                 QStringLiteral("medium"),
                                 QStringLiteral("--description"),
                                 QStringLiteral("Only half the groups"),
                                 QStringLiteral("--remediation"),
                                 QStringLiteral("List the rest"),
                                 QStringLiteral("--due"),
                                 due};
    r = steward(kLead, finding);
    EXPECT_EQ(r.exitCode, 2) << "--owner is required";
    EXPECT_TRUE(r.err.contains(QStringLiteral("--owner is required"))) << r.err.toStdString();
    r = steward(kLead,
                finding + QStringList{QStringLiteral("--owner"), kOwner, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString findingId =
        QString::number(r.json().object().value(QStringLiteral("id")).toInteger());
    r = steward(kLead, {QStringLiteral("findings"), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().array().size(), 1);
    r = steward(
        kLead, {QStringLiteral("findings"), QStringLiteral("--overdue"), QStringLiteral("--json")});
    EXPECT_EQ(r.json().array().size(), 0);
    r = steward(kLead,
                {QStringLiteral("findings"), QStringLiteral("--overdue"), QStringLiteral("--as-of"),
                 today().addDays(21).toString(Qt::ISODate), QStringLiteral("--json")});
    EXPECT_EQ(r.json().array().size(), 1);

    for (const QString& item : itemIds(a, QStringLiteral("ai.result = 'not-assessed'"))) {
        r = steward(kLead, {QStringLiteral("audit"), QStringLiteral("assess"), id,
                            QStringLiteral("--item"), item, QStringLiteral("--result"),
                            QStringLiteral("satisfied")});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    r = steward(kLead, {QStringLiteral("audit"), QStringLiteral("review"), id});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = steward(kLead, {QStringLiteral("audit"), QStringLiteral("close"), id});
    EXPECT_EQ(r.exitCode, 2) << "--statement is required";
    r = steward(kLead, {QStringLiteral("audit"), QStringLiteral("close"), id,
                        QStringLiteral("--statement"), QStringLiteral("Reviewed and signed.")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = steward(kLead, {QStringLiteral("audit"), QStringLiteral("close"), id,
                        QStringLiteral("--statement"), QStringLiteral("Again.")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is closed"))) << r.err.toStdString();
    r = steward(kLead,
                {QStringLiteral("audit"), QStringLiteral("assess"), id, QStringLiteral("--item"),
                 items[0], QStringLiteral("--result"), QStringLiteral("satisfied")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("is closed"))) << r.err.toStdString();

    r = steward(kLead, {QStringLiteral("finding"), QStringLiteral("update"), findingId,
                        QStringLiteral("--status"), QStringLiteral("risk-accepted")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("needs a justification"))) << r.err.toStdString();
    r = steward(kLead, {QStringLiteral("finding"), QStringLiteral("update"), findingId,
                        QStringLiteral("--status"), QStringLiteral("risk-accepted"),
                        QStringLiteral("--justification"), QStringLiteral("Low impact"),
                        QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object().value(QStringLiteral("risk_accepted_by")).toString(), kLead);

    r = steward(kLead,
                {QStringLiteral("audit"), QStringLiteral("show"), id, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject shown = r.json().object();
    EXPECT_EQ(shown.value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
    EXPECT_EQ(shown.value(QStringLiteral("signed_off_by")).toString(), kLead);
    EXPECT_EQ(shown.value(QStringLiteral("items")).toArray().size(), items.size());
    const QJsonObject score = shown.value(QStringLiteral("score")).toObject();
    EXPECT_EQ(score.value(QStringLiteral("partially_satisfied")).toInt(), 1);
    EXPECT_DOUBLE_EQ(score.value(QStringLiteral("percent")).toDouble(),
                     100.0 * (score.value(QStringLiteral("applicable")).toInt() - 0.5) /
                         score.value(QStringLiteral("applicable")).toInt());
    r = steward(kLead, {QStringLiteral("audit"), QStringLiteral("show"), id});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Signed off by lead@example.org")))
        << r.out.toStdString();
}

// Every command that changes a stored row takes --expect-version: a stale one is refused with
// both versions named, and nothing changes.
TEST_F(AuditTest, EveryUpdateCommandRefusesAStaleVersion)
{
    const Audit a = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("nist-ai-rmf"));
    AuditService s(db());
    const QString item = itemIds(a).first();
    s.assess(a.id, item, QStringLiteral("not-satisfied"), {}, kLead);
    FindingInput fi;
    fi.itemId = item;
    fi.severity = QStringLiteral("low");
    fi.description = QStringLiteral("Gap");
    fi.remediation = QStringLiteral("Fix");
    fi.ownerEmail = kOwner;
    fi.dueDate = today().addDays(5);
    const AuditFinding f = s.raiseFinding(a.id, fi);
    db().exec(QStringLiteral("INSERT INTO assignment (project_id, person_id, role_key, from_date, "
                             "allocation_percent) SELECT p.id, e.id, 'ai-engineer', current_date, "
                             "50 FROM project p, person e WHERE p.key = 'LOAN-RISK' AND e.email = "
                             "?"),
              {kZed});
    const QString assignment = scalar(QStringLiteral("SELECT max(id) FROM assignment")).toString();
    db().exec(QStringLiteral("INSERT INTO raci_entry (project_id, responsibility_key, person_id, "
                             "kind) SELECT p.id, r.key, e.id, 'C' FROM project p, person e, "
                             "(SELECT key FROM responsibility ORDER BY key LIMIT 1) r WHERE "
                             "p.key = 'LOAN-RISK' AND e.email = ?"),
              {kZed});
    const QString responsibility =
        scalar(QStringLiteral("SELECT responsibility_key FROM raci_entry LIMIT 1")).toString();
    UserService(db()).add(kZed, QStringLiteral("viewer"),
                          QStringLiteral("zed_%1").arg(QCoreApplication::applicationPid()),
                          QStringLiteral("pw"));
    const QString id = QString::number(a.id);
    const QString stale = QStringLiteral("--expect-version=99");
    const std::vector<QStringList> commands = {
        {QStringLiteral("person"), QStringLiteral("update"), kZed, QStringLiteral("--title=X")},
        {QStringLiteral("project"), QStringLiteral("update"), QStringLiteral("LOAN-RISK"),
         QStringLiteral("--name=X")},
        {QStringLiteral("assign"), QStringLiteral("end"), assignment},
        {QStringLiteral("raci"), QStringLiteral("remove"), QStringLiteral("--project=LOAN-RISK"),
         QStringLiteral("--responsibility=") + responsibility, QStringLiteral("--person=") + kZed,
         QStringLiteral("--kind=C")},
        {QStringLiteral("audit"), QStringLiteral("assign"), id, QStringLiteral("--item=") + item,
         QStringLiteral("--person=") + kAnna},
        {QStringLiteral("audit"), QStringLiteral("assess"), id, QStringLiteral("--item=") + item,
         QStringLiteral("--result=satisfied")},
        {QStringLiteral("audit"), QStringLiteral("review"), id},
        {QStringLiteral("audit"), QStringLiteral("close"), id, QStringLiteral("--statement=Done")},
        {QStringLiteral("finding"), QStringLiteral("update"), QString::number(f.id),
         QStringLiteral("--status=in-progress")},
        {QStringLiteral("user"), QStringLiteral("set-role"), kZed, QStringLiteral("--role=admin")},
        {QStringLiteral("user"), QStringLiteral("disable"), kZed},
        {QStringLiteral("plugins"), QStringLiteral("disable"), QStringLiteral("ethics")},
        {QStringLiteral("plugins"), QStringLiteral("enable"), QStringLiteral("ethics")},
    };
    const auto everything = [this] {
        return snapshot() + QLatin1Char(' ') +
               scalar(QStringLiteral("SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "
                                     "(SELECT * FROM steward_user) t"))
                   .toString() +
               scalar(QStringLiteral("SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "
                                     "(SELECT id, enabled, version FROM plugin) t"))
                   .toString();
    };
    const QString before = everything();
    for (QStringList args : commands) {
        args << stale;
        args.prepend(QStringLiteral("--actor=") + kLead);
        args.prepend(QStringLiteral("--database=") + conninfo());
        const CliRun r = runSteward(
            QStringLiteral(STEWARD_CLI_PATH), args,
            {{QStringLiteral("STEWARD_PLUGIN_PATH"), QStringLiteral(STEWARD_TEST_PLUGIN_DIR)}});
        EXPECT_EQ(r.exitCode, 1) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(
            r.err.contains(QLatin1String("you read version 99, the stored one is version")) ||
            r.err.contains(QLatin1String("you edited version 99, the stored one is version")))
            << args.join(QLatin1Char(' ')).toStdString() << ": " << r.err.toStdString();
    }
    EXPECT_EQ(everything(), before) << "a refused update changed something";

    // The version that is stored is accepted.
    const int version = scalar(QStringLiteral("SELECT ai.version FROM audit_item ai JOIN "
                                              "checklist_item ci ON ci.id = ai.checklist_item_id "
                                              "WHERE ai.audit_id = ? AND ci.item_id = ?"),
                               {a.id, item})
                            .toInt();
    const CliRun ok = runSteward(
        QStringLiteral(STEWARD_CLI_PATH),
        {QStringLiteral("--database=") + conninfo(), QStringLiteral("--actor=") + kLead,
         QStringLiteral("audit"), QStringLiteral("assess"), id, QStringLiteral("--item=") + item,
         QStringLiteral("--result=satisfied"), QStringLiteral("--expect-version=%1").arg(version)},
        {{QStringLiteral("STEWARD_PLUGIN_PATH"), QStringLiteral(STEWARD_TEST_PLUGIN_DIR)}});
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
}

} // namespace
} // namespace steward
