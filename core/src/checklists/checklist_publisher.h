// Publishes a checklist as an immutable version, for a plugin (plugin_sync) or a file
// (checklist_import): nothing is written when the content is what the checklist already
// publishes; content published before becomes current again; anything else is a new version.
// Runs inside the caller's transaction.
#pragma once

#include <steward/checklist.h>

#include <QString>

#include <string>

namespace steward {

class Database;

// Where a checklist version comes from: a plugin, or a file (then pluginId is empty).
struct ChecklistOrigin {
    std::string pluginId;
    std::string pluginVersion;
    QString fileName;
    QString fileFormat; // "steward", "ciso-assistant", "oscal"
    QString fileSha256;

    bool isFile() const { return pluginId.empty(); }
    // "plugin nist-ai-rmf" or "file imports", for messages.
    QString description() const;
};

enum class PublishOutcome {
    Unchanged,  // the current version already has this content: nothing written
    Earlier,    // an earlier version had it: it is current again
    NewVersion, // a new version (the first, or a changed one)
};

struct PublishPlan {
    PublishOutcome outcome = PublishOutcome::NewVersion;
    int versionNumber = 1;    // the version that is current afterwards
    int currentNumber = 0;    // the version current before (0: the checklist is new)
    bool headChanges = false; // title or framework of the checklist row change
};

class ChecklistPublisher {
public:
    ChecklistPublisher(Database& db, ChecklistOrigin origin);

    // What publish() would do, writing nothing. Throws a Conflict Error when the checklist
    // belongs to another plugin, or to a plugin while this is a file (and the reverse).
    PublishPlan plan(const ChecklistSpec& spec);
    PublishPlan publish(const ChecklistSpec& spec);

private:
    Database& m_db;
    ChecklistOrigin m_origin;
};

} // namespace steward
