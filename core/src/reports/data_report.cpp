#include "audit_report.h"
#include "io/csv.h"
#include "report_text.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace steward {
namespace {

QJsonValue text(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
QJsonValue date(const QDate& d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}
QJsonValue dateTime(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}

QJsonObject scoreJson(const Score& s)
{
    return {{QStringLiteral("section_id"), text(s.sectionId)},
            {QStringLiteral("section_title"), text(s.sectionTitle)},
            {QStringLiteral("applicable"), s.applicable},
            {QStringLiteral("satisfied"), s.satisfied},
            {QStringLiteral("partial"), s.partial},
            {QStringLiteral("not_satisfied"), s.notSatisfied},
            {QStringLiteral("not_assessed"), s.notAssessed},
            {QStringLiteral("percent"), s.percent}};
}

QJsonObject auditJson(const AuditReportData& data)
{
    const Audit& a = data.audit;
    QJsonValue signOff = QJsonValue::Null;
    if (a.status == AuditStatus::Closed) {
        signOff = QJsonObject{{QStringLiteral("by"), text(a.signedOffBy)},
                              {QStringLiteral("at"), dateTime(a.closedAt)},
                              {QStringLiteral("statement"), text(a.signOffStatement)}};
    }
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("status"), report::code(a.status)},
            {QStringLiteral("version"), a.version},
            {QStringLiteral("created_at"), dateTime(a.createdAt)},
            {QStringLiteral("due_date"), date(a.dueDate)},
            {QStringLiteral("closed_at"), dateTime(a.closedAt)},
            {QStringLiteral("project"),
             QJsonObject{{QStringLiteral("key"), a.projectKey},
                         {QStringLiteral("name"), a.projectName},
                         {QStringLiteral("industry"), text(data.projectIndustry)},
                         {QStringLiteral("risk_tier"), text(data.projectRiskTier)},
                         {QStringLiteral("ai_act_role"), text(data.projectAiActRole)}}},
            {QStringLiteral("checklist"),
             QJsonObject{{QStringLiteral("key"), a.checklistKey},
                         {QStringLiteral("title"), a.checklistTitle},
                         {QStringLiteral("version"), a.checklistVersionLabel},
                         {QStringLiteral("version_id"), a.checklistVersionId},
                         {QStringLiteral("framework"), text(data.checklistFramework)},
                         {QStringLiteral("source"), text(data.checklistSource)},
                         {QStringLiteral("licence"), text(data.checklistLicence)}}},
            {QStringLiteral("lead"), QJsonObject{{QStringLiteral("email"), a.leadEmail},
                                                 {QStringLiteral("name"), text(a.leadName)}}},
            {QStringLiteral("sign_off"), signOff}};
}

QJsonObject itemJson(const AuditReportData& data, const AuditItem& item)
{
    QJsonArray evidenceIds;
    for (qint64 id : item.evidenceIds)
        evidenceIds.append(id);
    QJsonArray findingIds;
    for (const AuditFinding* f : report::findingsOf(data, item.itemId))
        findingIds.append(f->id);
    return {{QStringLiteral("section_id"), item.sectionId},
            {QStringLiteral("section_title"), text(item.sectionTitle)},
            {QStringLiteral("item_id"), item.itemId},
            {QStringLiteral("text"), item.text},
            {QStringLiteral("guidance"), text(item.guidance)},
            {QStringLiteral("expected_evidence"), text(item.expectedEvidence)},
            {QStringLiteral("role"), text(item.roleKey)},
            {QStringLiteral("reference"), text(item.reference)},
            {QStringLiteral("result"), report::code(item.result)},
            {QStringLiteral("not_applicable_reason"), text(item.notApplicableReason)},
            {QStringLiteral("note"), text(item.note)},
            {QStringLiteral("respondent"), text(item.respondentEmail)},
            {QStringLiteral("assessed_by"), text(item.assessedBy)},
            {QStringLiteral("assessed_at"), dateTime(item.assessedAt)},
            {QStringLiteral("evidence_ids"), evidenceIds},
            {QStringLiteral("finding_ids"), findingIds}};
}

QJsonObject evidenceJson(const Evidence& e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("kind"), e.kind},
            {QStringLiteral("location"), e.location},
            {QStringLiteral("sha256"), text(e.sha256)},
            {QStringLiteral("size_bytes"),
             e.sizeBytes >= 0 ? QJsonValue(e.sizeBytes) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("effective_date"), date(e.effectiveDate)},
            {QStringLiteral("recorded_at"), dateTime(e.recordedAt)},
            {QStringLiteral("recorded_by"), text(e.recordedBy)},
            {QStringLiteral("description"), text(e.description)}};
}

QJsonObject findingJson(const AuditFinding& f)
{
    QJsonValue acceptance = QJsonValue::Null;
    if (f.status == FindingStatus::RiskAccepted) {
        acceptance =
            QJsonObject{{QStringLiteral("justification"), text(f.riskAcceptanceJustification)},
                        {QStringLiteral("accepted_by"), text(f.riskAcceptedBy)}};
    }
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("item_id"), f.itemId},
            {QStringLiteral("severity"), report::code(f.severity)},
            {QStringLiteral("status"), report::code(f.status)},
            {QStringLiteral("description"), f.description},
            {QStringLiteral("remediation"), text(f.remediation)},
            {QStringLiteral("owner"), QJsonObject{{QStringLiteral("email"), text(f.ownerEmail)},
                                                  {QStringLiteral("name"), text(f.ownerName)}}},
            {QStringLiteral("due_date"), date(f.dueDate)},
            {QStringLiteral("risk_acceptance"), acceptance}};
}

} // namespace

QByteArray renderJsonReport(const AuditReportData& data)
{
    QJsonArray sections;
    for (const Score& s : data.sectionScores)
        sections.append(scoreJson(s));
    QJsonArray trend;
    for (const auto& [id, percent] : data.trend)
        trend.append(
            QJsonObject{{QStringLiteral("audit_id"), id}, {QStringLiteral("percent"), percent}});
    QJsonArray items;
    for (const AuditItem& item : data.items)
        items.append(itemJson(data, item));
    QJsonArray evidence;
    for (const Evidence& e : data.evidence)
        evidence.append(evidenceJson(e));
    QJsonArray findings;
    for (const AuditFinding& f : data.findings)
        findings.append(findingJson(f));

    const QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("steward-audit-report")},
        {QStringLiteral("format_version"), 1},
        {QStringLiteral("generated_at"), dateTime(data.generatedAt)},
        {QStringLiteral("audit"), auditJson(data)},
        {QStringLiteral("scores"), QJsonObject{{QStringLiteral("overall"), scoreJson(data.overall)},
                                               {QStringLiteral("sections"), sections}}},
        {QStringLiteral("trend"), trend},
        {QStringLiteral("items"), items},
        {QStringLiteral("evidence"), evidence},
        {QStringLiteral("findings"), findings}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray renderCsvReport(const AuditReportData& data)
{
    QByteArray csvBytes;
    QBuffer buffer(&csvBytes);
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(&buffer);
    csv.writeRow({QStringLiteral("section"), QStringLiteral("section_title"),
                  QStringLiteral("item_id"), QStringLiteral("result"), QStringLiteral("note"),
                  QStringLiteral("respondent"), QStringLiteral("assessed_by"),
                  QStringLiteral("assessed_at"), QStringLiteral("evidence"),
                  QStringLiteral("finding_ids")});
    const QString separator = QStringLiteral("; ");
    for (const AuditItem& item : data.items) {
        QStringList evidence;
        for (qint64 id : item.evidenceIds) {
            const Evidence* e = report::findEvidence(data, id);
            evidence << (e ? e->location : QStringLiteral("E%1").arg(id));
        }
        QStringList findingIds;
        for (const AuditFinding* f : report::findingsOf(data, item.itemId))
            findingIds << QString::number(f->id);
        csv.writeRow(
            {item.sectionId, item.sectionTitle, item.itemId, report::code(item.result), item.note,
             item.respondentEmail, item.assessedBy,
             item.assessedAt.isValid() ? item.assessedAt.toUTC().toString(Qt::ISODate) : QString(),
             evidence.join(separator), findingIds.join(separator)});
    }
    return csvBytes;
}

} // namespace steward
