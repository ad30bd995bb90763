// Wording and lookups the report formats share, so HTML, PDF, JSON and CSV say the same thing.
#pragma once

#include "audit/audit_records.h"

#include <QString>

#include <vector>

namespace steward::report {

// The stable codes of audit_records.h ("partially-satisfied"), for JSON, CSV and OSCAL.
QString code(AuditStatus v);
QString code(ItemResult v);
QString code(FindingStatus v);
QString code(FindingSeverity v);

// Words for people ("Partially satisfied").
QString label(AuditStatus v);
QString label(ItemResult v);
QString label(FindingStatus v);
QString label(FindingSeverity v);

QString percentText(double percent);      // "72.5 %"
QString sizeText(qint64 bytes);           // "12.3 KiB"
QString dateText(const QDate& d);         // ISO, or an em dash when unset
QString dateTimeText(const QDateTime& t); // "2026-11-28 15:40 UTC", or an em dash

const Evidence* findEvidence(const AuditReportData& data, qint64 id);
std::vector<const AuditFinding*> findingsOf(const AuditReportData& data, const QString& itemId);

} // namespace steward::report
