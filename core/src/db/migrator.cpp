#include "db/migrator.h"

#include "db/database.h"
#include "error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace steward {
namespace {

// Held for the whole of `migrate`, so two programs never migrate the same database at once.
constexpr qint64 kMigrationLockKey = 0x5374657761726431; // "Steward1"

std::vector<Migration> loadKnownMigrations()
{
    std::vector<Migration> migrations;
    const QDir dir(QStringLiteral(":/steward/sql"));
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    for (const QString& name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto match = pattern.match(name);
        if (!match.hasMatch())
            throw Error(ErrorKind::Internal, QStringLiteral("badly named migration %1").arg(name));
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            throw Error(ErrorKind::Internal, QStringLiteral("cannot read migration %1").arg(name));
        const QByteArray bytes = file.readAll();
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = name;
        m.checksum = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        m.script = QString::fromUtf8(bytes);
        migrations.push_back(std::move(m));
    }
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != static_cast<int>(i) + 1)
            throw Error(ErrorKind::Internal,
                        QStringLiteral("migration %1 is out of sequence").arg(migrations[i].name));
    }
    return migrations;
}

} // namespace

Migrator::Migrator(Database& db)
    : m_db(db)
{
}

const std::vector<Migration>& Migrator::known()
{
    static const std::vector<Migration> migrations = loadKnownMigrations();
    return migrations;
}

int Migrator::latestKnownVersion()
{
    return known().empty() ? 0 : known().back().version;
}

void Migrator::ensureTable()
{
    m_db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migration ("
                             " version integer PRIMARY KEY CHECK (version > 0),"
                             " name text NOT NULL,"
                             " checksum text NOT NULL,"
                             " applied_at timestamptz NOT NULL DEFAULT now(),"
                             " applied_by text NOT NULL DEFAULT session_user)"));
}

int Migrator::currentVersion()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT to_regclass('schema_migration') IS NOT NULL"));
    if (!q.next() || !q.value(0).toBool())
        return 0;
    q = m_db.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migration"));
    return q.next() ? q.value(0).toInt() : 0;
}

std::vector<MigrationStatus> Migrator::status()
{
    std::vector<MigrationStatus> result;
    for (const Migration& m : known())
        result.push_back({m.version, m.name, false, {}, {}});
    if (currentVersion() == 0)
        return result;
    QSqlQuery q = m_db.exec(QStringLiteral(
        "SELECT version, name, applied_at, applied_by FROM schema_migration ORDER BY version"));
    while (q.next()) {
        const int version = q.value(0).toInt();
        auto it = std::find_if(result.begin(), result.end(), [version](const MigrationStatus& s) {
            return s.version == version;
        });
        if (it == result.end())
            it = result.insert(result.end(), {version, q.value(1).toString(), true, {}, {}});
        it->applied = true;
        it->appliedAt = q.value(2).toDateTime();
        it->appliedBy = q.value(3).toString();
    }
    return result;
}

void Migrator::ensureCompatible()
{
    const int current = currentVersion();
    if (current > latestKnownVersion())
        throw Error(ErrorKind::Conflict,
                    QStringLiteral("the database schema is at version %1, newer than this Steward "
                                   "understands (up to %2); upgrade Steward before using this "
                                   "database")
                        .arg(current)
                        .arg(latestKnownVersion()));
    if (current == 0)
        return;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT version, name, checksum FROM schema_migration"));
    while (q.next()) {
        const int version = q.value(0).toInt();
        const Migration& m = known().at(static_cast<std::size_t>(version - 1));
        if (m.checksum != q.value(2).toString())
            throw Error(ErrorKind::Conflict,
                        QStringLiteral("migration %1 applied to this database differs from this "
                                       "program's copy (checksum mismatch); the schema was "
                                       "changed by hand or by a different build")
                            .arg(q.value(1).toString()));
    }
}

bool Migrator::needsMigration()
{
    return currentVersion() < latestKnownVersion();
}

int Migrator::migrate()
{
    m_db.exec(QStringLiteral("SELECT pg_advisory_lock(?)"), {kMigrationLockKey});
    struct Unlock {
        Database& db;
        ~Unlock()
        {
            try {
                db.exec(QStringLiteral("SELECT pg_advisory_unlock(?)"), {kMigrationLockKey});
            } catch (const Error&) {
                // The connection is gone; the server released the session lock with it.
            }
        }
    } unlock{m_db};

    ensureTable();
    ensureCompatible();
    const int current = currentVersion();
    int applied = 0;
    for (const Migration& m : known()) {
        if (m.version <= current)
            continue;
        Transaction tx(m_db);
        m_db.execScript(m.script, QStringLiteral("sql/%1").arg(m.name));
        m_db.exec(QStringLiteral(
                      "INSERT INTO schema_migration (version, name, checksum) VALUES (?, ?, ?)"),
                  {m.version, m.name, m.checksum});
        tx.commit();
        ++applied;
    }
    return applied;
}

} // namespace steward
