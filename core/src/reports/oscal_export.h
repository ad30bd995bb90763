// An audit as an OSCAL v1.2.3 assessment-results document (JSON), valid against NIST's schema
// (tests/fixtures/oscal/oscal_assessment-results_schema.json).
//
// Mapping:
// - the audit is one `result`; its start is the audit's creation, its end the sign-off. Steward has
//   no separate assessment plan, so `import-ap` names the audit as "urn:steward:audit:ID:plan".
// - every checklist item is a control. Its control id is oscalControlId(itemId); applicable items
//   are the `reviewed-controls` (include-controls), not-applicable ones are listed as excluded.
// - every item with a result other than not assessed becomes an `observation` (method EXAMINE,
//   the note as description, the result as prop "result") whose `relevant-evidence` are the
//   item's evidence: href the URL or a file:// URL, props "sha256", "size-bytes", "effective-date".
// - every assessed applicable item also becomes a `finding` targeting objective
//   "<control-id>_obj": satisfied → state satisfied (reason pass); partially satisfied and not
//   satisfied → state not-satisfied (reason other / fail), with the result as prop "result".
// - every Steward finding becomes a `risk` (status open → open, in-progress → remediating,
//   resolved → closed, risk-accepted → deviation-approved; due date → deadline; remediation →
//   a planned remediation; severity, owner and an acceptance's justification → props), linked
//   from the item's OSCAL finding through related-risks.
// - the lead is a party with role "assessment-lead". Steward's own props use the namespace
//   "urn:steward:oscal".
// - UUIDs are version 5 (QUuid::createUuidV5) of a fixed Steward namespace and the audit, item,
//   evidence and finding ids, so exporting the same audit twice gives the same document.
#pragma once

#include "audit/audit_records.h"

#include <QByteArray>
#include <QString>

namespace steward {

// An item id as an OSCAL token (XML NCName): lower case, every run of characters other than
// letters, digits, '.', '_' and '-' becomes one '-', leading and trailing '-' are dropped, and an
// id that does not then start with a letter or '_' gets the prefix "item-". "GOVERN 1.1" →
// "govern-1.1", "Art. 9(2)(a)" → "art.-9-2-a", "4.2" → "item-4.2".
QString oscalControlId(const QString& itemId);

QByteArray renderOscalAssessmentResults(const AuditReportData& data);

} // namespace steward
