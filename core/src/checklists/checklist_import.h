// `steward checklist import` and the GUI's Checklists › Import…: a checklist file published as
// an immutable checklist version, like a plugin's. Everything is checked before anything is
// written: the file (checklist_file.h), then what only the database knows (the roles items name,
// who owns the key). A refused file leaves the database exactly as it was.
//
// Only administrators may import: the grants of the checklist tables say so (sql part 4); the
// service asks the same privilege first only to word the refusal.
#pragma once

#include "checklists/checklist_file.h"
#include "checklists/checklist_publisher.h"

#include <steward/export.h>

#include <optional>

namespace steward {

class Database;

struct STEWARD_CORE_API ChecklistImportPreview {
    ChecklistFile file;
    PublishPlan plan;
    int items = 0;
    // One sentence: what the import publishes, or that it writes nothing.
    QString summary() const;
};

class STEWARD_CORE_API ChecklistImport {
public:
    explicit ChecklistImport(Database& db);

    // Writes nothing. Throws a validation Error listing every problem as FILE:LINE: ..., or a
    // Conflict Error when a plugin owns the key.
    ChecklistImportPreview preview(const ChecklistFile& file);
    // Publishes in one transaction; an unchanged file writes nothing at all.
    ChecklistImportPreview import(const ChecklistFile& file);

private:
    Database& m_db;
};

// A published checklist version read back (the current one when `number` is empty), for export.
struct STEWARD_CORE_API StoredChecklist {
    ChecklistSpec spec;
    int number = 0;
    QString publishedAt; // ISO 8601, UTC
};
STEWARD_CORE_API StoredChecklist loadChecklist(Database& db, const QString& key,
                                               std::optional<int> number = std::nullopt);

} // namespace steward
