// `steward audit report` and `steward audit export` end to end: the real program against a real
// database holding an audit planned and assessed through AuditService.
#include "audit/audit_service.h"
#include "database_fixture.h"
#include "io/csv.h"
#include "plugins/plugin_runtime.h"
#include "services/person_service.h"
#include "services/project_service.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace steward {
namespace {

const QString kLead = QStringLiteral("lead@example.org");
const QString kOwner = QStringLiteral("owner@example.org");

struct StewardRun {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

class ReportCli : public DatabaseTest {
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        {
            PluginHostOptions options;
            options.searchStandardLocations = false;
            options.searchEnvironment = false;
            options.directories = {QStringLiteral(STEWARD_TEST_PLUGIN_DIR)};
            PluginRuntime runtime(db(), options);
        }
        PersonService people(db());
        for (const auto& [email, name] : {std::pair{kLead, QStringLiteral("Lena Lead")},
                                          std::pair{kOwner, QStringLiteral("Otto Owner")}}) {
            Person p;
            p.email = email;
            p.name = name;
            people.add(p);
        }
        Project project;
        project.key = QStringLiteral("LOAN-RISK");
        project.name = QStringLiteral("Loan risk <model>");
        project.industry = Industry::Finance;
        project.riskTier = RiskTier::High;
        project.aiActRole = AiActRole::ProviderAndDeployer;
        ProjectService(db()).add(project);

        AuditService audits(db());
        AuditPlan plan;
        plan.projectKey = project.key;
        plan.checklistKey = QStringLiteral("nist-ai-rmf");
        plan.leadEmail = kLead;
        plan.dueDate = QDate::currentDate().addDays(30);
        m_auditId = audits.create(plan).id;
        m_items = audits.items(m_auditId);
        ASSERT_GE(m_items.size(), 3u);
        audits.assess(m_auditId, m_items[0].itemId, QStringLiteral("satisfied"),
                      QStringLiteral("<b>Policy</b> signed"), kLead);
        audits.assess(m_auditId, m_items[1].itemId, QStringLiteral("partially-satisfied"),
                      QStringLiteral("Draft only"), kLead);
        audits.assess(m_auditId, m_items[2].itemId, QStringLiteral("not-satisfied"), QString(),
                      kLead);
        EvidenceInput evidence;
        evidence.url = QStringLiteral("https://wiki.example.org/ai/policy?v=2");
        evidence.description = QStringLiteral("AI policy");
        audits.attachEvidence(m_auditId, {m_items[0].itemId, m_items[1].itemId}, evidence, kLead);
        FindingInput finding;
        finding.itemId = m_items[2].itemId;
        finding.severity = QStringLiteral("high");
        finding.description = QStringLiteral("No inventory of AI systems");
        finding.remediation = QStringLiteral("Build the inventory");
        finding.ownerEmail = kOwner;
        finding.dueDate = QDate::currentDate().addDays(60);
        audits.raiseFinding(m_auditId, finding);
    }

    StewardRun steward(QStringList args)
    {
        args.prepend(QStringLiteral("--database=") + conninfo());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("STEWARD_DATABASE"));
        // The PDF must not need a display, whatever the caller's environment says.
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(STEWARD_CLI_PATH), args);
        EXPECT_TRUE(p.waitForFinished(120000)) << "steward did not finish";
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
    }

    QByteArray report(const QString& format)
    {
        const QString path = m_dir.filePath(QStringLiteral("report.") + format);
        const StewardRun run =
            steward({QStringLiteral("audit"), QStringLiteral("report"), QString::number(m_auditId),
                     QStringLiteral("--format"), format, QStringLiteral("--output"), path});
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
        return f.readAll();
    }

    qint64 m_auditId = 0;
    std::vector<AuditItem> m_items;
    QTemporaryDir m_dir;
};

TEST_F(ReportCli, WritesEveryFormatOfARealAudit)
{
    const QString html = QString::fromUtf8(report(QStringLiteral("html")));
    for (const AuditItem& item : m_items)
        EXPECT_TRUE(html.contains(item.itemId.toHtmlEscaped())) << item.itemId.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;b&gt;Policy&lt;/b&gt; signed")));
    EXPECT_TRUE(html.contains(QStringLiteral("Otto Owner")));

    const QJsonObject json = QJsonDocument::fromJson(report(QStringLiteral("json"))).object();
    EXPECT_EQ(json[QStringLiteral("items")].toArray().size(), qsizetype(m_items.size()));
    EXPECT_EQ(json[QStringLiteral("findings")].toArray().size(), 1);
    EXPECT_EQ(json[QStringLiteral("audit")][QStringLiteral("checklist")][QStringLiteral("key")]
                  .toString(),
              QStringLiteral("nist-ai-rmf"));

    const CsvTable csv = parseCsv(report(QStringLiteral("csv")), QStringLiteral("report.csv"));
    ASSERT_EQ(csv.records.size(), m_items.size());
    EXPECT_EQ(csv.records[1].fields[3], QStringLiteral("partially-satisfied"));

    const QByteArray pdf = report(QStringLiteral("pdf"));
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_GE(
        QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)"))),
        1);

    // Without --output the document goes to standard output, which here is a pipe.
    const StewardRun piped =
        steward({QStringLiteral("audit"), QStringLiteral("report"), QString::number(m_auditId),
                 QStringLiteral("--format"), QStringLiteral("pdf")});
    EXPECT_EQ(piped.exitCode, 0) << piped.err.toStdString();
    EXPECT_TRUE(piped.out.startsWith("%PDF-"));
}

TEST_F(ReportCli, ExportsOscalThatValidatesAgainstTheSchema)
{
    const QString path = m_dir.filePath(QStringLiteral("oscal.json"));
    const StewardRun run = steward({QStringLiteral("audit"), QStringLiteral("export"),
                             QString::number(m_auditId), QStringLiteral("--format"),
                             QStringLiteral("oscal"), QStringLiteral("--output"), path});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QProcess validator;
    validator.start(QStringLiteral(STEWARD_PYTHON3),
                    {QStringLiteral(STEWARD_OSCAL_VALIDATOR), QStringLiteral(STEWARD_OSCAL_SCHEMA),
                     QStringLiteral("--document"), path});
    ASSERT_TRUE(validator.waitForFinished(120000));
    EXPECT_EQ(validator.exitCode(), 0) << validator.readAllStandardError().toStdString();
}

TEST_F(ReportCli, RefusesWhatItCannotDo)
{
    const QString id = QString::number(m_auditId);
    const QString report = QStringLiteral("report");
    EXPECT_EQ(steward({QStringLiteral("audit"), report, id, QStringLiteral("--format"),
                       QStringLiteral("docx")})
                  .exitCode,
              2);
    EXPECT_EQ(steward({QStringLiteral("audit"), report, id}).exitCode, 2)
        << "the format is required";
    EXPECT_EQ(steward({QStringLiteral("audit"), report, QStringLiteral("x"),
                       QStringLiteral("--format"), QStringLiteral("html")})
                  .exitCode,
              2);
    EXPECT_EQ(steward({QStringLiteral("audit"), QStringLiteral("export"), id,
                       QStringLiteral("--format"), QStringLiteral("pdf")})
                  .exitCode,
              2);
    const StewardRun missing = steward({QStringLiteral("audit"), report, QString::number(m_auditId + 1000),
                                 QStringLiteral("--format"), QStringLiteral("html")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_FALSE(missing.err.isEmpty());
    const StewardRun unwritable = steward({QStringLiteral("audit"), report, id, QStringLiteral("--format"),
                                    QStringLiteral("html"), QStringLiteral("--output"),
                                    m_dir.filePath(QStringLiteral("no/such/dir/r.html"))});
    EXPECT_EQ(unwritable.exitCode, 1);
}

} // namespace
} // namespace steward
