// steward: the command-line program over the Steward core services.
#include "command.h"

#include <steward/version.h>

#include <QCoreApplication>

#include <cstdio>

namespace {

// Qt's own diagnostics (e.g. the PostgreSQL driver's notes about statements it could not free
// after an error we already report) are noise to a command-line user; STEWARD_DEBUG shows them.
void quietMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtFatalMsg || qEnvironmentVariableIsSet("STEWARD_DEBUG"))
        fprintf(stderr, "%s\n", qPrintable(message));
}

} // namespace

int main(int argc, char* argv[])
{
    qInstallMessageHandler(quietMessageHandler);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("steward"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION_STRING));

    steward::CommandLine cli;
    steward::registerDatabaseCommands(cli);
    steward::registerPeopleCommands(cli);
    steward::registerProjectCommands(cli);
    steward::registerStaffingCommands(cli);
    steward::registerDataCommands(cli);
    steward::registerPluginCommands(cli);
    steward::registerAuditCommands(cli);
    return cli.execute(QCoreApplication::arguments());
}
