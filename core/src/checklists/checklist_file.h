// A checklist read from a file: Steward's own YAML format, a CISO Assistant framework library
// (YAML) or an OSCAL catalog (JSON). Reading validates everything the file alone can tell; the
// import (checklist_import.h) checks the rest against the database before it writes anything.
#pragma once

#include <steward/checklist.h>
#include <steward/export.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace steward {

enum class ChecklistFileFormat { Steward, CisoAssistant, OscalCatalog };

STEWARD_CORE_API QString
toString(ChecklistFileFormat format); // "steward", "ciso-assistant", "oscal"

// "1 problem", "3 problems".
inline QString counted(qsizetype n, const char* noun)
{
    return QStringLiteral("%1 %2%3")
        .arg(n)
        .arg(QLatin1String(noun))
        .arg(n == 1 ? QString() : QStringLiteral("s"));
}

// A role an item names, with where: the import checks it against the catalogue.
struct ChecklistRoleUse {
    std::string roleKey;
    int line = 0;
};

struct STEWARD_CORE_API ChecklistFile {
    QString path;   // as given, for messages
    QString name;   // the file's name without folders, as the history records it
    QString sha256; // of the file's bytes, hex
    ChecklistFileFormat format = ChecklistFileFormat::Steward;
    ChecklistSpec spec;
    int keyLine = 0; // where the key came from (0: derived or given on the command line)
    std::vector<ChecklistRoleUse> roles;
    // How the file's structure became sections and items, for the preview and the CLI.
    QStringList mappingNotes;
    // Every problem the file alone shows, each as "FILE:LINE: what is wrong"; such a file is
    // never imported (the import adds what the database finds and refuses it as a whole).
    QStringList problems;

    // Throws the validation Error listing `problems` (and `more`) when there are any.
    void throwIfInvalid(const QStringList& more = {}) const;
};

// Reads `content` as the file `path`, collecting every problem in `problems` (LINE 1-based).
// `keyOverride` replaces the key the file gives or implies.
STEWARD_CORE_API ChecklistFile parseChecklistFile(const QByteArray& content, const QString& path,
                                                  const QString& keyOverride = {});
// The same from disk.
STEWARD_CORE_API ChecklistFile readChecklistFile(const QString& path,
                                                 const QString& keyOverride = {});

// The file formats a checklist can be written in.
STEWARD_CORE_API QByteArray writeStewardChecklist(const ChecklistSpec& spec);
// `publishedAt` (ISO 8601) becomes the catalog's last-modified, so one version always exports to
// the same bytes.
STEWARD_CORE_API QByteArray writeOscalCatalog(const ChecklistSpec& spec,
                                              const QString& publishedAt);

} // namespace steward
