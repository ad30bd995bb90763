// Hand-built report data shaped like a real NIST AI RMF audit: the report tests need no database.
#pragma once

#include "audit/audit_records.h"

namespace steward::test {

// 72 items in four sections (GOVERN, MAP, MEASURE, MANAGE, ids like "GOVERN 1.1"), every result
// kind, evidence (files and URLs), findings in every status, a closed audit with a sign-off and a
// trend of two earlier audits. Notes carry markup, commas, quotes and line breaks.
AuditReportData sampleReport();

// A planned audit: nothing assessed, no evidence, no findings, no trend.
AuditReportData plannedReport();

} // namespace steward::test
