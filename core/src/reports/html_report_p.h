// Shared between the HTML and PDF renderers.
#pragma once

#include "audit/audit_records.h"

#include <QString>

namespace steward {

// "Audit 12: Credit scoring — NIST AI RMF 1.0", unescaped.
QString reportTitle(const AuditReportData& data);

} // namespace steward
