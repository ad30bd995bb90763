// What the audit service's operations share: the SELECTs that read audits, items, findings and
// evidence into records, the lookups of people and items by what a user typed, and the row lock
// that every step takes on its audit. Internal to the core library.
#pragma once

#include "audit/audit_records.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace steward {

class AuditService;
class Database;

namespace audit_rows {

extern const QString kAuditSelect;
extern const QString kItemSelect;
extern const QString kFindingSelect;
extern const QString kEvidenceSelect;

Audit readAudit(const QSqlQuery& q);
AuditItem readItem(const QSqlQuery& q);
AuditFinding readFinding(const QSqlQuery& q);
Evidence readEvidence(const QSqlQuery& q);

struct PersonRef {
    qint64 id = 0;
    QString email;
    bool active = true;
};

// The person with this e-mail; `field` names the input in the error when there is none.
PersonRef person(Database& db, const QString& email, const QString& field);
// The person acting: audit steps record who did them, so the actor must be a known person.
PersonRef actor(Database& db, const QString& email);

struct AuditLock {
    AuditStatus status;
    qint64 leadId;
    QString leadEmail;
};

// Locks the audit row for the rest of the transaction and refuses a closed audit.
AuditLock lockOpenAudit(Database& db, qint64 auditId);
// The audit_item row of `itemId` in the audit's checklist version.
qint64 auditItemId(Database& db, qint64 auditId, const QString& itemId);
// Runs an UPDATE of one audit_item row and refuses by name when row-level security hid the row (the
// login is neither the audit's lead nor the item's respondent).
void updateItem(Database& db, const QString& sql, const QVariantList& values, qint64 auditId,
                const QString& itemId);
void requireLeadOrAdmin(AuditService& service, const AuditLock& lock, const PersonRef& who,
                        qint64 auditId, const QString& what);

} // namespace audit_rows
} // namespace steward
