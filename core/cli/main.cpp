// steward: the command-line program over the Steward core services.
#include "command.h"

#include <steward/version.h>

#include <QByteArrayView>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QStringDecoder>

#include <cstdio>
#include <memory>

namespace {

// Qt's own diagnostics (e.g. the PostgreSQL driver's notes about statements it could not free
// after an error we already report) are noise to a command-line user; STEWARD_DEBUG shows them.
void quietMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtFatalMsg || qEnvironmentVariableIsSet("STEWARD_DEBUG"))
        fprintf(stderr, "%s\n", qPrintable(message));
}

// Only `steward audit report` draws: its PDF needs QtGui's fonts and text layout, which need a
// QGuiApplication. Every other command stays a QCoreApplication and loads no platform plugin. The
// command is found the way CommandLine finds it: the leading words after the global options.
bool drawsDocuments(int argc, char* argv[])
{
    QStringList words;
    for (int i = 1; i < argc && words.size() < 2; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.startsWith(QLatin1String("--database")) ||
            arg.startsWith(QLatin1String("--cluster")) ||
            arg.startsWith(QLatin1String("--actor"))) {
            if (!arg.contains(QLatin1Char('=')))
                ++i; // its value
            continue;
        }
        words << arg;
    }
    return words == QStringList{QStringLiteral("audit"), QStringLiteral("report")};
}

// Text from the command line is stored verbatim. Bytes that are not UTF-8 would silently become
// U+FFFD on their way into a QString, changing what was typed; such an argument is refused,
// shown with the offending bytes escaped. Returns the argument's position, or 0 when all are
// valid.
int firstArgumentNotUtf8(int argc, char* argv[], QByteArray& shown)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView bytes(argv[i]);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder.decode(bytes);
        if (!decoder.hasError())
            continue;
        for (const char c : bytes) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte >= 0x20 && byte < 0x7f)
                shown.append(c);
            else
                shown.append("\\x").append(
                    QByteArray::number(byte, 16).toUpper().rightJustified(2, '0'));
        }
        return i;
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    qInstallMessageHandler(quietMessageHandler);
    QByteArray shown;
    if (const int bad = firstArgumentNotUtf8(argc, argv, shown)) {
        fprintf(stderr,
                "steward: argument %d (%s) is not valid UTF-8; Steward stores text exactly as "
                "given and does not guess an encoding\n",
                bad, shown.constData());
        return steward::exit_code::Usage;
    }
    std::unique_ptr<QCoreApplication> app;
    if (drawsDocuments(argc, argv)) {
        // A report never shows a window, so it renders offscreen: no display needed, and a
        // QT_QPA_PLATFORM meant for desktop programs cannot make it fail.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("steward"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION_STRING));

    steward::CommandLine cli;
    steward::registerDatabaseCommands(cli);
    steward::registerPeopleCommands(cli);
    steward::registerProjectCommands(cli);
    steward::registerStaffingCommands(cli);
    steward::registerDataCommands(cli);
    steward::registerPluginCommands(cli);
    steward::registerChecklistFileCommands(cli);
    steward::registerAuditCommands(cli);
    steward::registerAuditReportCommands(cli);
    steward::registerUserCommands(cli);
    steward::registerReminderCommands(cli);
    steward::registerQualificationCommands(cli);
    steward::registerMailCommands(cli);
    return cli.execute(QCoreApplication::arguments());
}
