// The audit report formats, rendered from hand-built data (sample_report.h).
#include "io/csv.h"
#include "reports/audit_report.h"
#include "reports/oscal_export.h"
#include "sample_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

using namespace steward;

namespace {

QString str(const QJsonValue& v)
{
    return v.toString();
}

} // namespace

TEST(HtmlReport, ShowsEveryItemAndTheReportFacts)
{
    const AuditReportData data = test::sampleReport();
    const QString html = renderHtmlReport(data);
    ASSERT_EQ(data.items.size(), 72u);
    for (const AuditItem& item : data.items)
        EXPECT_TRUE(html.contains(QStringLiteral("<b>%1</b>").arg(item.itemId)))
            << item.itemId.toStdString();
    for (const AuditFinding& f : data.findings) {
        EXPECT_TRUE(html.contains(QStringLiteral("<td>F%1</td>").arg(f.id)));
        EXPECT_TRUE(html.contains(f.dueDate.toString(Qt::ISODate)));
    }
    for (const QString& fact :
         {QStringLiteral("NIST AI RMF 1.0 Core"), QStringLiteral("Ada Lovelace"),
          QStringLiteral("Public domain (US government work)"), QStringLiteral("finance"),
          QStringLiteral("2026-12-15"), QStringLiteral("Reviewed with the model risk committee"),
          QStringLiteral("Alan Turing"), QStringLiteral("#29"), QStringLiteral("63.0 %"),
          data.evidence[0].sha256}) {
        EXPECT_TRUE(html.contains(fact)) << fact.toStdString();
    }
    EXPECT_TRUE(html.contains(QStringLiteral("Overall</td>")));
}

TEST(HtmlReport, EscapesAllTextFromTheData)
{
    const QString html = renderHtmlReport(test::sampleReport());
    EXPECT_FALSE(html.contains(QStringLiteral("<script>")));
    EXPECT_FALSE(html.contains(QStringLiteral("<v2>")));
    EXPECT_TRUE(html.contains(
        QStringLiteral("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("Credit scoring &lt;v2&gt; &amp; limits")));
    EXPECT_TRUE(html.contains(QStringLiteral("page=2&amp;v=2")));
    // The page stands alone: no scripts, no external style sheets or images.
    EXPECT_FALSE(html.contains(QStringLiteral("<link")));
    EXPECT_FALSE(html.contains(QStringLiteral("<img")));
}

TEST(HtmlReport, SaysWhenThereIsNothingYet)
{
    const QString html = renderHtmlReport(test::plannedReport());
    EXPECT_TRUE(html.contains(QStringLiteral("No findings.")));
    EXPECT_TRUE(html.contains(QStringLiteral("first audit of this project")));
    EXPECT_TRUE(html.contains(QStringLiteral("Not signed off: the audit is planned.")));
}

TEST(JsonReport, HasTheDocumentedShape)
{
    const AuditReportData data = test::sampleReport();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(renderJsonReport(data), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    const QJsonObject root = doc.object();
    EXPECT_EQ(str(root[QStringLiteral("format")]), QStringLiteral("steward-audit-report"));
    EXPECT_EQ(root[QStringLiteral("format_version")].toInt(), 1);
    for (const char* key :
         {"generated_at", "audit", "scores", "trend", "items", "evidence", "findings"})
        EXPECT_TRUE(root.contains(QLatin1String(key))) << key;

    const QJsonObject audit = root[QStringLiteral("audit")].toObject();
    EXPECT_EQ(audit[QStringLiteral("id")].toInteger(), 42);
    EXPECT_EQ(str(audit[QStringLiteral("status")]), QStringLiteral("closed"));
    EXPECT_EQ(str(audit[QStringLiteral("project")].toObject()[QStringLiteral("risk_tier")]),
              QStringLiteral("high"));
    EXPECT_EQ(str(audit[QStringLiteral("checklist")].toObject()[QStringLiteral("version")]),
              QStringLiteral("1.0.0"));
    EXPECT_EQ(str(audit[QStringLiteral("lead")].toObject()[QStringLiteral("email")]),
              QStringLiteral("ada.lovelace@example.org"));
    EXPECT_EQ(str(audit[QStringLiteral("sign_off")].toObject()[QStringLiteral("at")]),
              QStringLiteral("2026-11-20T16:45:00.000Z"));

    const QJsonObject scores = root[QStringLiteral("scores")].toObject();
    EXPECT_EQ(scores[QStringLiteral("sections")].toArray().size(), 4);
    EXPECT_DOUBLE_EQ(
        scores[QStringLiteral("overall")].toObject()[QStringLiteral("percent")].toDouble(),
        data.overall.percent);
    EXPECT_EQ(root[QStringLiteral("trend")].toArray().size(), 2);

    const QJsonArray items = root[QStringLiteral("items")].toArray();
    ASSERT_EQ(items.size(), 72);
    const QJsonObject first = items[0].toObject();
    EXPECT_EQ(str(first[QStringLiteral("item_id")]), QStringLiteral("GOVERN 1.1"));
    EXPECT_EQ(str(first[QStringLiteral("result")]), QStringLiteral("satisfied"));
    EXPECT_EQ(first[QStringLiteral("evidence_ids")].toArray().size(), 2);
    const QJsonObject notSatisfied = items[4].toObject();
    EXPECT_EQ(str(notSatisfied[QStringLiteral("result")]), QStringLiteral("not-satisfied"));
    ASSERT_EQ(notSatisfied[QStringLiteral("finding_ids")].toArray().size(), 1);

    const QJsonArray findings = root[QStringLiteral("findings")].toArray();
    ASSERT_EQ(findings.size(), qsizetype(data.findings.size()));
    const qint64 findingId = notSatisfied[QStringLiteral("finding_ids")][0].toInteger();
    const auto f = std::find_if(findings.begin(), findings.end(), [&](const QJsonValue& v) {
        return v[QStringLiteral("id")].toInteger() == findingId;
    });
    ASSERT_NE(f, findings.end());
    EXPECT_EQ(str((*f)[QStringLiteral("item_id")]), QStringLiteral("GOVERN 2.1"));
    EXPECT_EQ(str((*f)[QStringLiteral("owner")][QStringLiteral("name")]),
              QStringLiteral("Alan Turing"));
    EXPECT_EQ(root[QStringLiteral("evidence")].toArray().size(), 6);
}

TEST(JsonReport, UsesNullForWhatIsAbsent)
{
    const QJsonObject root =
        QJsonDocument::fromJson(renderJsonReport(test::plannedReport())).object();
    const QJsonObject audit = root[QStringLiteral("audit")].toObject();
    EXPECT_TRUE(audit[QStringLiteral("sign_off")].isNull());
    EXPECT_TRUE(audit[QStringLiteral("closed_at")].isNull());
    const QJsonObject item = root[QStringLiteral("items")][0].toObject();
    EXPECT_EQ(str(item[QStringLiteral("result")]), QStringLiteral("not-assessed"));
    EXPECT_TRUE(item[QStringLiteral("assessed_at")].isNull());
    EXPECT_TRUE(root[QStringLiteral("findings")].toArray().isEmpty());
}

TEST(CsvReport, HasOneRowPerItemThatReadsBack)
{
    const AuditReportData data = test::sampleReport();
    const CsvTable table = parseCsv(renderCsvReport(data), QStringLiteral("report.csv"));
    EXPECT_EQ(table.header,
              QStringList({QStringLiteral("section"), QStringLiteral("section_title"),
                           QStringLiteral("item_id"), QStringLiteral("result"),
                           QStringLiteral("note"), QStringLiteral("respondent"),
                           QStringLiteral("assessed_by"), QStringLiteral("assessed_at"),
                           QStringLiteral("evidence"), QStringLiteral("finding_ids")}));
    ASSERT_EQ(table.records.size(), data.items.size());
    for (size_t i = 0; i < data.items.size(); ++i) {
        const QStringList& row = table.records[i].fields;
        ASSERT_EQ(row.size(), 10);
        EXPECT_EQ(row[0], data.items[i].sectionId);
        EXPECT_EQ(row[2], data.items[i].itemId);
        EXPECT_EQ(row[4], data.items[i].note); // commas, quotes, markup and line breaks survive
    }
    const QStringList& first = table.records[0].fields;
    EXPECT_EQ(first[3], QStringLiteral("satisfied"));
    EXPECT_EQ(first[8], QStringLiteral("/srv/evidence/policy 1 (signed).pdf; "
                                       "https://wiki.example.org/ai/credit-scoring?page=4&v=2"));
    EXPECT_EQ(first[9], QString());
    const QStringList& notSatisfied = table.records[4].fields;
    EXPECT_EQ(notSatisfied[3], QStringLiteral("not-satisfied"));
    EXPECT_EQ(notSatisfied[9], QStringLiteral("2"));
}

TEST(PdfReport, IsAnA4DocumentOfPlausibleLength)
{
    const QByteArray pdf = renderPdfReport(test::sampleReport());
    ASSERT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));
    // Page objects, not the /Pages tree node.
    const qsizetype pages =
        QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)")));
    EXPECT_GE(pages, PDF_MIN_PAGES);
    EXPECT_LE(pages, PDF_MAX_PAGES);
    // A4 is 595 x 842 points.
    EXPECT_TRUE(pdf.contains("/MediaBox [0 0 595 842]") || pdf.contains("/MediaBox [0 0 595."))
        << "not A4";

    const QByteArray small = renderPdfReport(test::plannedReport());
    const qsizetype smallPages =
        QString::fromLatin1(small).count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)")));
    EXPECT_GE(smallPages, 1);
    EXPECT_LT(smallPages, pages);
}

TEST(OscalExport, MapsItemIdsToTokens)
{
    EXPECT_EQ(oscalControlId(QStringLiteral("GOVERN 1.1")), QStringLiteral("govern-1.1"));
    EXPECT_EQ(oscalControlId(QStringLiteral("MEASURE 2.10")), QStringLiteral("measure-2.10"));
    EXPECT_EQ(oscalControlId(QStringLiteral("Art. 9(2)(a)")), QStringLiteral("art.-9-2-a"));
    EXPECT_EQ(oscalControlId(QStringLiteral("4.2")), QStringLiteral("item-4.2"));
    EXPECT_EQ(oscalControlId(QStringLiteral("  --x  ")), QStringLiteral("x"));
    EXPECT_EQ(oscalControlId(QStringLiteral("Ärzte_1")), QStringLiteral("ärzte_1"));
    EXPECT_EQ(oscalControlId(QString()), QStringLiteral("item-"));
}

TEST(OscalExport, IsDeterministicAndCoversTheAudit)
{
    const AuditReportData data = test::sampleReport();
    const QByteArray first = renderOscalAssessmentResults(data);
    EXPECT_EQ(first, renderOscalAssessmentResults(data));

    const QJsonObject ar =
        QJsonDocument::fromJson(first).object()[QStringLiteral("assessment-results")].toObject();
    const QJsonObject result = ar[QStringLiteral("results")][0].toObject();
    const QJsonArray selections =
        result[QStringLiteral("reviewed-controls")][QStringLiteral("control-selections")].toArray();
    const auto applicable =
        std::count_if(data.items.begin(), data.items.end(),
                      [](const AuditItem& i) { return i.result != ItemResult::NotApplicable; });
    EXPECT_EQ(selections[0][QStringLiteral("include-controls")].toArray().size(), applicable);
    EXPECT_EQ(selections[0][QStringLiteral("exclude-controls")].toArray().size(),
              qsizetype(data.items.size()) - applicable);
    EXPECT_EQ(
        str(selections[0][QStringLiteral("include-controls")][0][QStringLiteral("control-id")]),
        QStringLiteral("govern-1.1"));
    EXPECT_EQ(result[QStringLiteral("observations")].toArray().size(),
              72); // every item is assessed or ruled out
    EXPECT_EQ(result[QStringLiteral("findings")].toArray().size(), applicable);
    EXPECT_EQ(result[QStringLiteral("risks")].toArray().size(), qsizetype(data.findings.size()));

    QSet<QString> uuids;
    for (const QJsonValue& o : result[QStringLiteral("observations")].toArray())
        uuids.insert(str(o[QStringLiteral("uuid")]));
    EXPECT_EQ(uuids.size(), 72);
    const QJsonArray evidence =
        result[QStringLiteral("observations")][0][QStringLiteral("relevant-evidence")].toArray();
    ASSERT_EQ(evidence.size(), 2);
    EXPECT_EQ(str(evidence[0][QStringLiteral("href")]),
              QStringLiteral("file:///srv/evidence/policy%201%20(signed).pdf"));
}
