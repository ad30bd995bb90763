// Applies the numbered schema migrations compiled in from sql/, in order, each in its own
// transaction, and records them in schema_migration.
#pragma once

#include <steward/export.h>

#include <QDateTime>
#include <QString>

#include <vector>

namespace steward {

class Database;

struct Migration {
    int version = 0;
    QString name;     // file name, e.g. "0001_foundation.sql"
    QString checksum; // SHA-256 of the file, hex
    QString script;
};

struct MigrationStatus {
    int version = 0;
    QString name;
    bool applied = false;
    QDateTime appliedAt;
    QString appliedBy;
};

class STEWARD_CORE_API Migrator {
public:
    explicit Migrator(Database& db);

    // The migrations this program knows, in order.
    static const std::vector<Migration>& known();
    static int latestKnownVersion();

    // The highest version applied to the database; 0 for an empty database.
    int currentVersion();
    std::vector<MigrationStatus> status();

    // Throws Error(Conflict) when the database was migrated by a newer Steward, or an applied
    // migration's text differs from this program's copy.
    void ensureCompatible();
    // True when migrations are pending.
    bool needsMigration();
    // Applies every pending migration; returns how many were applied.
    int migrate();

private:
    void ensureTable();
    Database& m_db;
};

} // namespace steward
