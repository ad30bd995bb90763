// A crosswalk file read and checked on its own, before anything of it meets the database: the
// YAML and CSV forms `steward checklist map import` reads. crosswalk.h stores what it holds.
#pragma once

#include <steward/export.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace steward {

struct ChecklistMapping {
    QString sourceChecklist;
    QString sourceItem;
    QString targetChecklist;
    QString targetItem;
    QString relation; // equal, subset, superset, intersect
    QString rationale;
    int line = 0; // where the file gives it
};

struct STEWARD_CORE_API CrosswalkFile {
    QString path;
    QString name; // without folders: what the mappings record as their crosswalk
    std::vector<ChecklistMapping> mappings;
    QStringList problems; // "FILE:LINE: what is wrong"
};

// A crosswalk in YAML ("steward-crosswalk: 1", with default source and target checklists) or CSV
// (columns source_checklist, source_item, target_checklist, target_item, relation, rationale),
// told apart by the file's extension (.csv) .
STEWARD_CORE_API CrosswalkFile readCrosswalkFile(const QString& path);
STEWARD_CORE_API CrosswalkFile parseCrosswalk(const QByteArray& content, const QString& path,
                                              bool csv);

} // namespace steward
