// Crosswalks: items of one checklist mapped to items of another (`steward checklist map import`),
// and what they are used for: evidence recorded for a mapped item in another audit of the same
// project is offered, and a project's coverage across frameworks counts items satisfied through a
// mapped item.
#pragma once

#include "checklists/crosswalk_file.h"

#include <steward/export.h>

#include <QString>
#include <QStringList>

#include <vector>

namespace steward {

class Database;

struct CrosswalkImportResult {
    int added = 0;
    int changed = 0;
    int unchanged = 0;
};

// Checks every mapping against the current checklist versions (checklists and items exist) and
// stores them in one transaction: new ones added, changed relations or rationales updated, the
// rest left alone. Throws a validation Error listing every problem as FILE:LINE; administrators
// only (the grants of checklist_mapping).
STEWARD_CORE_API CrosswalkImportResult importCrosswalk(Database& db, const CrosswalkFile& file);

// Evidence recorded in another audit of the same project for an item mapped to an item of
// `auditId`, not yet linked there.
struct STEWARD_CORE_API MappedEvidenceOffer {
    qint64 auditItemId = 0; // the item of this audit it is offered for
    QString itemId;         // its checklist item id, e.g. "A.5.2"
    qint64 fromAuditId = 0;
    QString fromChecklist;
    QString fromItemId; // e.g. "Art. 9(2)"
    QString relation;   // how fromItemId relates to itemId
    QString rationale;
    qint64 evidenceId = 0;
    QString evidenceKind; // "url" or "file"
    QString evidenceLocation;
    QString evidenceDescription;
    QString sentence() const; // "this evidence backs Art. 9(2) in audit 4: attach it here too?"
};
STEWARD_CORE_API std::vector<MappedEvidenceOffer> mappedEvidenceOffers(Database& db,
                                                                       qint64 auditId);

// For each checklist audited on the project (its latest audit): which items are satisfied
// directly, which only through a mapped item satisfied in the latest audit of another checklist
// (wholly when that item asks as much or more, partly when the two only overlap), and which not.
struct FrameworkCoverageItem {
    QString itemId;
    QString status;  // "direct", "mapped", "partly", "open"
    QString through; // for "mapped": "eu-ai-act Art. 9(2) (audit 4)"
};
struct FrameworkCoverage {
    QString checklistKey;
    QString title;
    qint64 auditId = 0;
    int direct = 0;
    int mapped = 0; // wholly, through an equal or wider item
    int partly = 0; // through an overlapping or narrower item
    int open = 0;
    std::vector<FrameworkCoverageItem> items;
};
STEWARD_CORE_API std::vector<FrameworkCoverage> crossFrameworkCoverage(Database& db,
                                                                       const QString& projectKey);

} // namespace steward
