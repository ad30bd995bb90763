// steward db: schema migrations and the embedded cluster.
#include "command.h"
#include "db/database.h"
#include "db/embedded_cluster.h"
#include "db/migrator.h"
#include "db/session.h"

#include <QJsonArray>
#include <QJsonObject>

namespace steward {

void registerDatabaseCommands(CommandLine& cli)
{
    cli.add(
        {{QStringLiteral("db"), QStringLiteral("migrate")},
         QStringLiteral("Apply pending schema migrations and update the built-in role catalogue."),
         QStringLiteral(
             "Each migration runs in its own transaction. A database migrated by a newer "
             "Steward is refused."),
         {},
         {},
         false,
         [](Invocation& inv) {
             Session& session = inv.session(false);
             const int applied = session.migrate();
             inv.out() << "Applied " << applied << " migration(s); schema version "
                       << Migrator(session.db()).currentVersion() << " on "
                       << session.db().description() << ".\n";
             return exit_code::Success;
         }});

    cli.add({{QStringLiteral("db"), QStringLiteral("status")},
             QStringLiteral("Show where the database is and which migrations are applied."),
             {},
             {},
             {},
             true,
             [](Invocation& inv) {
                 Session& session = inv.session(false);
                 Migrator migrator(session.db());
                 const auto status = migrator.status();
                 const int current = migrator.currentVersion();
                 if (inv.json()) {
                     QJsonArray migrations;
                     for (const MigrationStatus& s : status)
                         migrations.append(QJsonObject{
                             {QStringLiteral("version"), s.version},
                             {QStringLiteral("name"), s.name},
                             {QStringLiteral("applied"), s.applied},
                             {QStringLiteral("applied_at"),
                              s.applied ? QJsonValue(s.appliedAt.toUTC().toString(Qt::ISODate))
                                        : QJsonValue()},
                         });
                     inv.printJson(QJsonObject{
                         {QStringLiteral("database"), session.db().description()},
                         {QStringLiteral("origin"), session.origin()},
                         {QStringLiteral("schema_version"), current},
                         {QStringLiteral("latest_known_version"), Migrator::latestKnownVersion()},
                         {QStringLiteral("migrations"), migrations}});
                 } else {
                     inv.out() << "Database: " << session.db().description() << " ("
                               << session.origin() << ")\n"
                               << "Schema version: " << current << " (this Steward knows up to "
                               << Migrator::latestKnownVersion() << ")\n";
                     TextTable table({QStringLiteral("VERSION"), QStringLiteral("MIGRATION"),
                                      QStringLiteral("APPLIED")});
                     for (const MigrationStatus& s : status)
                         table.addRow({QString::number(s.version), s.name,
                                       s.applied ? s.appliedAt.toUTC().toString(Qt::ISODate)
                                                 : QStringLiteral("pending")});
                     table.print(inv.out());
                 }
                 migrator.ensureCompatible();
                 return exit_code::Success;
             }});

    cli.add({{QStringLiteral("db"), QStringLiteral("start")},
             QStringLiteral("Start the embedded cluster and leave it running after Steward exits."),
             QStringLiteral(
                 "By default the embedded cluster stops when the last Steward process using it "
                 "exits. After 'db start' it keeps running (faster repeated commands) until "
                 "'steward db stop'."),
             {},
             {},
             false,
             [](Invocation& inv) {
                 Session& session = inv.session();
                 if (!session.isEmbedded())
                     throw UsageError(QStringLiteral("a database is configured (%1); 'db start' "
                                                     "manages only the embedded cluster")
                                          .arg(session.origin()));
                 session.cluster()->setPersistent(true);
                 inv.out() << "The embedded cluster in " << session.cluster()->directory()
                           << " is running and stays up until 'steward db stop'.\n";
                 return exit_code::Success;
             }});

    cli.add({{QStringLiteral("db"), QStringLiteral("stop")},
             QStringLiteral("Stop the embedded cluster."),
             {},
             {},
             {},
             false,
             [](Invocation& inv) {
                 EmbeddedCluster cluster(inv.clusterDirectory());
                 cluster.setPersistent(false);
                 if (!cluster.isRunning()) {
                     inv.out() << "The embedded cluster in " << cluster.directory()
                               << " is not running.\n";
                     return exit_code::Success;
                 }
                 cluster.stop();
                 inv.out() << "Stopped the embedded cluster in " << cluster.directory() << ".\n";
                 return exit_code::Success;
             }});
}

} // namespace steward
