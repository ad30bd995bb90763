// A small framework for the `steward` program's commands: each command declares its options and
// positional arguments, gets `--help` for free, and returns one of the documented exit codes.
#pragma once

#include <steward/staffing.h>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDate>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace steward {

class Session;

namespace exit_code {
inline constexpr int Success = 0;
inline constexpr int Refused =
    1; // validation, conflict, not found, coverage gaps with --fail-on-gaps
inline constexpr int Usage = 2;       // the command line itself is wrong
inline constexpr int Unavailable = 3; // the database cannot be reached or started
} // namespace exit_code

// Thrown by a command for a usage mistake it detects after parsing (a bad option value).
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }
    const QString& message() const { return m_message; }

private:
    QString m_message;
};

struct GlobalOptions {
    QString database;
    QString actor;
    QString cluster; // embedded cluster folder; empty: EmbeddedCluster::defaultDirectory()
};

// What a running command sees.
class Invocation {
public:
    Invocation(const QCommandLineParser& parser, GlobalOptions globals, QTextStream& out,
               QTextStream& err);
    ~Invocation();

    const QCommandLineParser& args() const { return m_parser; }
    QString value(const QString& option) const { return m_parser.value(option); }
    bool isSet(const QString& option) const { return m_parser.isSet(option); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }

    // The value of a required option, or a UsageError naming it.
    QString required(const QString& option) const;
    // An option holding an ISO date, or a UsageError.
    std::optional<QDate> dateOption(const QString& option) const;
    int intOption(const QString& option, int fallback) const;
    // --expect-version (see expectVersionOption), when given.
    std::optional<int> expectedVersion() const;

    // Opens the database on first use (embedded cluster, STEWARD_DATABASE or --database).
    Session& session(bool checkSchema = true);
    // The embedded cluster this invocation uses: --cluster, else STEWARD_CLUSTER, else the
    // default folder.
    QString clusterDirectory() const;

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    void printJson(const QJsonValue& value);

private:
    const QCommandLineParser& m_parser;
    GlobalOptions m_globals;
    QTextStream& m_out;
    QTextStream& m_err;
    std::unique_ptr<Session> m_session;
};

struct Command {
    QStringList path;    // {"person", "add"}
    QString summary;     // one line for the overview
    QString description; // further text for --help
    QList<QCommandLineOption> options;
    QList<QPair<QString, QString>> positional; // name, description ("[FILE]" for optional)
    bool reads = false;                        // accepts --json
    std::function<int(Invocation&)> run;
};

class CommandLine {
public:
    void add(Command command);
    // Parses argv, runs the command and returns the exit code; prints errors to stderr.
    int execute(const QStringList& arguments);

private:
    int printOverview(QTextStream& out, const QStringList& prefix) const;
    std::vector<Command> m_commands;
};

// A command option; with a value name it takes a value.
inline QCommandLineOption option(const QString& name, const QString& description,
                                 const QString& valueName = {})
{
    return valueName.isEmpty() ? QCommandLineOption(name, description)
                               : QCommandLineOption(name, description, valueName);
}

// --expect-version N, offered by every command that changes a stored row: the change is refused,
// naming both versions, unless the row is still at the version the user read (`what` names the
// row, e.g. "the audit item"; `show` and `--json` print every row's version).
inline QCommandLineOption expectVersionOption(const QString& what)
{
    return option(
        QStringLiteral("expect-version"),
        QStringLiteral("Refuse unless %1 is still at this version (optimistic locking).").arg(what),
        QStringLiteral("n"));
}

// Aligned plain-text table for people to read.
class TextTable {
public:
    explicit TextTable(QStringList header);
    void addRow(QStringList row);
    void print(QTextStream& out) const;

private:
    QStringList m_header;
    std::vector<QStringList> m_rows;
};

// The rules of the active plugins, added to the core coverage rules.
std::vector<std::shared_ptr<const Rule>> coverageRules(Invocation& inv);

void registerDatabaseCommands(CommandLine& cli);
void registerPeopleCommands(CommandLine& cli);
void registerProjectCommands(CommandLine& cli);
void registerStaffingCommands(CommandLine& cli);
void registerDataCommands(CommandLine& cli);
void registerPluginCommands(CommandLine& cli);
void registerChecklistFileCommands(CommandLine& cli);
void registerAuditCommands(CommandLine& cli);
void registerAuditReportCommands(CommandLine& cli);
void registerUserCommands(CommandLine& cli);
void registerReminderCommands(CommandLine& cli);
void registerQualificationCommands(CommandLine& cli);
void registerMailCommands(CommandLine& cli);

} // namespace steward
