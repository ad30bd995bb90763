// An audit's report for people (HTML, PDF) and for programs (JSON, CSV), rendered from the
// snapshot the audit service reads (AuditService::reportData). Every format shows the same facts:
// project and scope, checklist, lead, dates, scores by section and overall, trend, every item with
// its result, note and evidence, the findings with owners and due dates, and the sign-off.
#pragma once

#include "audit/audit_records.h"

#include <QByteArray>
#include <QString>

namespace steward {

// A self-contained HTML page (inline CSS, no scripts, no external resources) that prints well.
// All text from the data is escaped.
QString renderHtmlReport(const AuditReportData& data);

// An A4 PDF laid out by QTextDocument from the same content, with a running header and "Page n of
// m" on every page. Needs a QGuiApplication (any platform, "offscreen" included) for the fonts;
// throws Error (Internal) without one.
QByteArray renderPdfReport(const AuditReportData& data);

// UTF-8 JSON, indented. Its shape (format "steward-audit-report", format_version 1):
//   generated_at, audit {id, status, version, created_at, due_date, closed_at,
//     project {key, name, industry, risk_tier, ai_act_role},
//     checklist {key, title, version, version_id, framework, source, licence},
//     lead {email, name}, sign_off {by, at, statement} or null},
//   scores {overall, sections[]}: each {section_id, section_title, applicable, satisfied, partial,
//     not_satisfied, not_assessed, percent},
//   trend[] {audit_id, percent} (earlier audits, oldest first),
//   items[] {section_id, section_title, item_id, text, guidance, expected_evidence, role,
//     reference, result, not_applicable_reason, note, respondent, assessed_by, assessed_at,
//     evidence_ids[], finding_ids[]},
//   evidence[] {id, kind, location, sha256, size_bytes, effective_date, recorded_at, recorded_by,
//     description},
//   findings[] {id, item_id, severity, status, description, remediation, owner {email, name},
//     due_date, risk_acceptance {justification, accepted_by} or null}.
// Text codes are those of audit_records.h; absent values are null; dates are ISO 8601.
QByteArray renderJsonReport(const AuditReportData& data);

// RFC 4180 CSV, one row per item, in checklist order, with the header
//   section,section_title,item_id,result,note,respondent,assessed_by,assessed_at,evidence,finding_ids
// evidence lists the item's evidence locations and finding_ids the ids of its findings, each
// separated by "; ".
QByteArray renderCsvReport(const AuditReportData& data);

} // namespace steward
