#include "audit_report.h"
#include "html_report_p.h"
#include "report_text.h"

#include <QStringList>

namespace steward {
namespace {

using report::label;

// Escapes text from the data and keeps its line breaks.
QString esc(const QString& s)
{
    QString html = s.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

QString orDash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("\u2014") : esc(s);
}

QString resultClass(ItemResult r)
{
    return QStringLiteral("r-") + report::code(r);
}

// The style works for browsers and for QTextDocument, which understands only a subset of CSS
// (class selectors, colours, fonts, margins, cell padding, table borders, page breaks).
const char* const kStyle = R"css(
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "DejaVu Sans", "Helvetica", "Arial", sans-serif; font-size: 9pt; color: #1d2430; }
h1 { font-size: 18pt; margin: 0 0 2pt 0; color: #12304f; }
h2 { font-size: 13pt; margin: 14pt 0 4pt 0; color: #12304f; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 10pt 0 3pt 0; color: #12304f; page-break-after: avoid; }
p { margin: 2pt 0; }
.subtitle { font-size: 11pt; color: #3b4a5c; }
table { border-collapse: collapse; width: 100%; margin: 2pt 0 6pt 0; }
th { background-color: #e3e9f0; text-align: left; font-weight: bold; }
th, td { border: 0.5pt solid #9aa7b5; padding: 3pt; vertical-align: top; }
tr { page-break-inside: avoid; }
table.facts th { width: 20%; background-color: #f1f4f7; }
td.num, th.num { text-align: right; }
tr.total td { font-weight: bold; background-color: #f1f4f7; }
.muted { color: #5b6878; }
.small { font-size: 8pt; }
.mono { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; }
.r-satisfied { background-color: #d8f0dc; }
.r-partially-satisfied { background-color: #fff1c7; }
.r-not-satisfied { background-color: #f9d6d5; }
.r-not-assessed { background-color: #e6e6e6; }
.r-not-applicable { background-color: #eef1f4; color: #5b6878; }
@media print { a { color: inherit; text-decoration: none; } }
)css";

void factRow(QString& html, const QString& name, const QString& valueHtml)
{
    html += QStringLiteral("<tr><th width=\"20%\">%1</th><td>%2</td></tr>\n").arg(name, valueHtml);
}

QString scoreRow(const Score& s, const QString& name, bool total)
{
    return QStringLiteral(
               "<tr%1><td>%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td>"
               "<td class=\"num\">%5</td><td class=\"num\">%6</td><td class=\"num\">%7</td>"
               "<td class=\"num\">%8</td></tr>\n")
        .arg(total ? QStringLiteral(" class=\"total\"") : QString(), name,
             QString::number(s.applicable), QString::number(s.satisfied),
             QString::number(s.partial), QString::number(s.notSatisfied),
             QString::number(s.notAssessed), report::percentText(s.percent));
}

QString evidenceLine(const Evidence& e)
{
    QString line = QStringLiteral("E%1 ").arg(e.id) + esc(e.location);
    QStringList facts;
    if (e.kind == QLatin1String("file")) {
        if (!e.sha256.isEmpty())
            facts << QStringLiteral("SHA-256 <span class=\"mono\">%1\u2026</span>")
                         .arg(esc(e.sha256.left(16)));
        if (e.sizeBytes >= 0)
            facts << report::sizeText(e.sizeBytes).toHtmlEscaped();
    }
    if (e.effectiveDate.isValid())
        facts << QStringLiteral("effective %1").arg(report::dateText(e.effectiveDate));
    if (!facts.isEmpty())
        line += QStringLiteral(" <span class=\"muted\">(") + facts.join(QStringLiteral(", ")) +
                QStringLiteral(")</span>");
    return line;
}

void itemRow(QString& html, const AuditReportData& data, const AuditItem& item)
{
    QString details = esc(item.text);
    if (!item.notApplicableReason.isEmpty())
        details += QStringLiteral("<br><span class=\"muted\">Not applicable: %1</span>")
                       .arg(esc(item.notApplicableReason));
    if (!item.note.isEmpty())
        details += QStringLiteral("<br>Note: %1").arg(esc(item.note));
    for (qint64 id : item.evidenceIds) {
        const Evidence* e = report::findEvidence(data, id);
        details += QStringLiteral("<br>Evidence: ") +
                   (e ? evidenceLine(*e) : QStringLiteral("E%1").arg(id));
    }
    const auto findings = report::findingsOf(data, item.itemId);
    for (const AuditFinding* f : findings) {
        details += QStringLiteral("<br>Finding F%1 (%2, %3): owner %4, due %5")
                       .arg(QString::number(f->id), label(f->severity).toLower(),
                            label(f->status).toLower(),
                            orDash(f->ownerName.isEmpty() ? f->ownerEmail : f->ownerName),
                            report::dateText(f->dueDate));
    }

    QString who = orDash(item.respondentEmail);
    if (!item.assessedBy.isEmpty()) {
        who += QStringLiteral("<br><span class=\"muted small\">assessed by %1<br>%2</span>")
                   .arg(esc(item.assessedBy), report::dateTimeText(item.assessedAt));
    }
    html += QStringLiteral("<tr><td width=\"11%\"><b>%1</b></td><td width=\"55%\">%2</td>"
                           "<td width=\"14%\" class=\"%3\">%4</td><td width=\"20%\" "
                           "class=\"small\">%5</td></tr>\n")
                .arg(esc(item.itemId), details, resultClass(item.result), label(item.result), who);
}

} // namespace

QString reportTitle(const AuditReportData& data)
{
    return QStringLiteral("Audit %1: %2 \u2014 %3 %4")
        .arg(QString::number(data.audit.id), data.audit.projectName, data.audit.checklistTitle,
             data.audit.checklistVersionLabel);
}

QString renderHtmlReport(const AuditReportData& data)
{
    const Audit& a = data.audit;
    QString html;
    html.reserve(64 * 1024 + int(data.items.size()) * 1024);
    html += QStringLiteral(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>") +
            esc(reportTitle(data)) + QStringLiteral("</title>\n<style>") + QLatin1String(kStyle) +
            QStringLiteral("</style>\n</head>\n<body>\n");

    html += QStringLiteral(
                "<h1>Audit report</h1>\n<p class=\"subtitle\">%1 (%2) \u2014 %3, version %4</p>\n")
                .arg(esc(a.projectName), esc(a.projectKey), esc(a.checklistTitle),
                     esc(a.checklistVersionLabel));

    html += QStringLiteral(
        "<h2>Audit</h2>\n<table class=\"facts\" width=\"100%\" cellspacing=\"0\">\n");
    factRow(html, QStringLiteral("Audit"),
            QStringLiteral("#%1, %2").arg(QString::number(a.id), label(a.status)));
    factRow(html, QStringLiteral("Project"),
            QStringLiteral("%1 (%2)").arg(esc(a.projectName), esc(a.projectKey)));
    factRow(html, QStringLiteral("Scope"),
            QStringLiteral("Industry: %1; risk tier: %2; AI Act role: %3")
                .arg(orDash(data.projectIndustry), orDash(data.projectRiskTier),
                     orDash(data.projectAiActRole)));
    factRow(html, QStringLiteral("Checklist"),
            QStringLiteral("%1 (%2), version %3")
                .arg(esc(a.checklistTitle), esc(a.checklistKey), esc(a.checklistVersionLabel)));
    factRow(html, QStringLiteral("Framework"), orDash(data.checklistFramework));
    factRow(html, QStringLiteral("Source"), orDash(data.checklistSource));
    factRow(html, QStringLiteral("Licence"), orDash(data.checklistLicence));
    factRow(html, QStringLiteral("Lead"),
            a.leadName.isEmpty()
                ? orDash(a.leadEmail)
                : QStringLiteral("%1 &lt;%2&gt;").arg(esc(a.leadName), esc(a.leadEmail)));
    factRow(html, QStringLiteral("Dates"),
            QStringLiteral("Created %1; due %2; closed %3")
                .arg(report::dateTimeText(a.createdAt), report::dateText(a.dueDate),
                     report::dateTimeText(a.closedAt)));
    factRow(html, QStringLiteral("Report generated"), report::dateTimeText(data.generatedAt));
    html += QStringLiteral("</table>\n");

    html += QStringLiteral(
        "<h2>Scores</h2>\n<p class=\"muted small\">Share of applicable items satisfied; a "
        "partially satisfied item counts half, a not assessed one as not satisfied.</p>\n"
        "<table width=\"100%\" cellspacing=\"0\">\n<tr><th>Section</th><th "
        "class=\"num\">Applicable</th><th "
        "class=\"num\">Satisfied</th>"
        "<th class=\"num\">Partial</th><th class=\"num\">Not satisfied</th>"
        "<th class=\"num\">Not assessed</th><th class=\"num\">Score</th></tr>\n");
    for (const Score& s : data.sectionScores)
        html += scoreRow(s, esc(s.sectionId) + QStringLiteral(" ") + esc(s.sectionTitle), false);
    html += scoreRow(data.overall, QStringLiteral("Overall"), true);
    html += QStringLiteral("</table>\n");

    html += QStringLiteral("<h2>Trend</h2>\n");
    if (data.trend.empty()) {
        html += QStringLiteral(
            "<p>This is the first audit of this project against this checklist.</p>\n");
    } else {
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\">\n<tr><th>Audit</th><th "
                               "class=\"num\">Overall score</th></tr>\n");
        for (const auto& [id, percent] : data.trend) {
            html += QStringLiteral("<tr><td>#%1</td><td class=\"num\">%2</td></tr>\n")
                        .arg(QString::number(id), report::percentText(percent));
        }
        html += QStringLiteral("<tr class=\"total\"><td>#%1 (this audit)</td><td "
                               "class=\"num\">%2</td></tr>\n</table>\n")
                    .arg(QString::number(a.id), report::percentText(data.overall.percent));
    }

    html += QStringLiteral("<h2>Items</h2>\n");
    QString section;
    bool open = false;
    for (const AuditItem& item : data.items) {
        if (!open || item.sectionId != section) {
            if (open)
                html += QStringLiteral("</table>\n");
            section = item.sectionId;
            html +=
                QStringLiteral("<h3>%1 %2</h3>\n<table width=\"100%\" cellspacing=\"0\">\n<tr><th "
                               "width=\"11%\">Item</th><th width=\"55%\">"
                               "Requirement, note, evidence</th><th width=\"14%\">Result</th>"
                               "<th width=\"20%\">Respondent</th></tr>\n")
                    .arg(esc(item.sectionId), esc(item.sectionTitle));
            open = true;
        }
        itemRow(html, data, item);
    }
    if (open)
        html += QStringLiteral("</table>\n");

    html += QStringLiteral("<h2>Findings</h2>\n");
    if (data.findings.empty()) {
        html += QStringLiteral("<p>No findings.</p>\n");
    } else {
        html += QStringLiteral(
            "<table width=\"100%\" cellspacing=\"0\">\n<tr><th width=\"7%\">Finding</th><th "
            "width=\"13%\">Item</th>"
            "<th width=\"9%\">Severity</th><th width=\"10%\">Status</th><th "
            "width=\"19%\">Owner</th>"
            "<th width=\"10%\">Due</th><th width=\"32%\">Description and remediation</th></tr>\n");
        for (const AuditFinding& f : data.findings) {
            QString text = esc(f.description);
            if (!f.remediation.isEmpty())
                text += QStringLiteral("<br>Remediation: ") + esc(f.remediation);
            if (f.status == FindingStatus::RiskAccepted) {
                text += QStringLiteral("<br>Risk accepted by %1: %2")
                            .arg(orDash(f.riskAcceptedBy), orDash(f.riskAcceptanceJustification));
            }
            const QString owner = f.ownerName.isEmpty()
                                      ? orDash(f.ownerEmail)
                                      : esc(f.ownerName) +
                                            QStringLiteral("<br><span class=\"small muted\">") +
                                            esc(f.ownerEmail) + QStringLiteral("</span>");
            html += QStringLiteral("<tr><td>F%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</"
                                   "td><td>%6</td><td>%7</td></tr>\n")
                        .arg(QString::number(f.id), esc(f.itemId), label(f.severity),
                             label(f.status), owner, report::dateText(f.dueDate), text);
        }
        html += QStringLiteral("</table>\n");
    }

    html += QStringLiteral("<h2>Evidence</h2>\n");
    if (data.evidence.empty()) {
        html += QStringLiteral("<p>No evidence recorded.</p>\n");
    } else {
        html += QStringLiteral(
            "<table width=\"100%\" cellspacing=\"0\">\n<tr><th width=\"9%\">Evidence</th><th "
            "width=\"55%\">Location and description</th><th width=\"12%\">Effective</th>"
            "<th width=\"24%\">Recorded</th></tr>\n");
        for (const Evidence& e : data.evidence) {
            QString where = esc(e.location);
            if (!e.description.isEmpty())
                where += QStringLiteral("<br>") + esc(e.description);
            if (!e.sha256.isEmpty())
                where +=
                    QStringLiteral("<br><span class=\"mono\">SHA-256 %1</span>").arg(esc(e.sha256));
            if (e.sizeBytes >= 0)
                where += QStringLiteral("<br><span class=\"muted\">%1</span>")
                             .arg(report::sizeText(e.sizeBytes).toHtmlEscaped());
            html += QStringLiteral("<tr><td>E%1<br><span "
                                   "class=\"muted\">%2</span></td><td>%3</td><td>%4</td><td>%5<br>"
                                   "<span class=\"muted small\">%6</span></td></tr>\n")
                        .arg(QString::number(e.id), esc(e.kind), where,
                             report::dateText(e.effectiveDate), report::dateTimeText(e.recordedAt),
                             orDash(e.recordedBy));
        }
        html += QStringLiteral("</table>\n");
    }

    html += QStringLiteral("<h2>Sign-off</h2>\n");
    if (a.status == AuditStatus::Closed) {
        html += QStringLiteral("<table class=\"facts\" width=\"100%\" cellspacing=\"0\">\n");
        factRow(html, QStringLiteral("Signed off by"), orDash(a.signedOffBy));
        factRow(html, QStringLiteral("Closed"), report::dateTimeText(a.closedAt));
        factRow(html, QStringLiteral("Statement"), orDash(a.signOffStatement));
        html += QStringLiteral("</table>\n");
    } else {
        html += QStringLiteral("<p>Not signed off: the audit is %1.</p>\n")
                    .arg(label(a.status).toLower());
    }
    html += QStringLiteral("</body>\n</html>\n");
    return html;
}

} // namespace steward
