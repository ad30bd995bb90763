#include "command.h"

#include "db/embedded_cluster.h"
#include "db/session.h"
#include "domain/validation.h"
#include "error.h"

#include <steward/version.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace steward {
namespace {

const QCommandLineOption
    kJsonOption(QStringLiteral("json"),
                QStringLiteral("Print the result as JSON (see README, \"JSON output\")."));
const QCommandLineOption kDatabaseOption(
    QStringLiteral("database"),
    QStringLiteral("PostgreSQL connection URI or conninfo; overrides STEWARD_DATABASE "
                   "and the embedded cluster."),
    QStringLiteral("uri"));
const QCommandLineOption kClusterOption(
    QStringLiteral("cluster"),
    QStringLiteral("Folder of the embedded PostgreSQL cluster; overrides STEWARD_CLUSTER and the "
                   "default folder."),
    QStringLiteral("dir"));
const QCommandLineOption
    kActorOption(QStringLiteral("actor"),
                 QStringLiteral("Name recorded in the history as the author of changes "
                                "(default: your login name)."),
                 QStringLiteral("name"));

int exitCodeFor(ErrorKind kind)
{
    return kind == ErrorKind::Unavailable ? exit_code::Unavailable : exit_code::Refused;
}

} // namespace

Invocation::Invocation(const QCommandLineParser& parser, GlobalOptions globals, QTextStream& out,
                       QTextStream& err)
    : m_parser(parser)
    , m_globals(std::move(globals))
    , m_out(out)
    , m_err(err)
{
}

Invocation::~Invocation() = default;

QString Invocation::required(const QString& option) const
{
    const QString v = m_parser.value(option);
    if (!m_parser.isSet(option) || v.trimmed().isEmpty())
        throw UsageError(QStringLiteral("--%1 is required").arg(option));
    return v;
}

std::optional<QDate> Invocation::dateOption(const QString& option) const
{
    if (!m_parser.isSet(option))
        return std::nullopt;
    const auto d = parseIsoDate(m_parser.value(option));
    if (!d)
        throw UsageError(QStringLiteral("--%1: '%2' is not a date (YYYY-MM-DD)")
                             .arg(option, m_parser.value(option)));
    return d;
}

int Invocation::intOption(const QString& option, int fallback) const
{
    if (!m_parser.isSet(option))
        return fallback;
    bool ok = false;
    const int v = m_parser.value(option).toInt(&ok);
    if (!ok)
        throw UsageError(
            QStringLiteral("--%1: '%2' is not a whole number").arg(option, m_parser.value(option)));
    return v;
}

std::optional<int> Invocation::expectedVersion() const
{
    if (!m_parser.isSet(QStringLiteral("expect-version")))
        return std::nullopt;
    return intOption(QStringLiteral("expect-version"), 0);
}

Session& Invocation::session(bool checkSchema)
{
    if (!m_session) {
        Session::Options options;
        options.database = m_globals.database;
        options.actor = m_globals.actor;
        options.clusterDirectory = m_globals.cluster;
        options.checkSchema = checkSchema;
        m_session = std::make_unique<Session>(options);
    }
    return *m_session;
}

QString Invocation::clusterDirectory() const
{
    return m_globals.cluster.isEmpty() ? EmbeddedCluster::defaultDirectory() : m_globals.cluster;
}

void Invocation::printJson(const QJsonValue& value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << doc.toJson(QJsonDocument::Indented);
}

void CommandLine::add(Command command)
{
    m_commands.push_back(std::move(command));
}

int CommandLine::printOverview(QTextStream& out, const QStringList& prefix) const
{
    out << "Usage: steward [--database URI | --cluster DIR] [--actor NAME] <command> [options]\n\n"
        << "Steward records who holds which AI role and responsibility on which project, checks\n"
        << "that every project is covered, and keeps a tamper-evident history.\n\nCommands:\n";
    int width = 0;
    for (const Command& c : m_commands)
        width = std::max(width, static_cast<int>(c.path.join(QLatin1Char(' ')).size()));
    for (const Command& c : m_commands) {
        if (!prefix.isEmpty() && c.path.mid(0, prefix.size()) != prefix)
            continue;
        out << "  " << c.path.join(QLatin1Char(' ')).leftJustified(width + 2) << c.summary << '\n';
    }
    out << "\nRun 'steward <command> --help' for a command's options.\n"
        << "Exit codes: 0 success, 1 request refused, 2 usage error, 3 database unavailable.\n\n"
        << Session::environmentHelp();
    return exit_code::Success;
}

int CommandLine::execute(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = arguments.mid(1);

    // Global options may come before the command name.
    GlobalOptions globals;
    while (!args.isEmpty() && args.front().startsWith(QLatin1String("--"))) {
        const QString a = args.front();
        if (a == QLatin1String("--version")) {
            out << "steward " << STEWARD_VERSION_STRING << '\n';
            return exit_code::Success;
        }
        if (a == QLatin1String("--help") || a == QLatin1String("-h"))
            return printOverview(out, {});
        QString* target = a.startsWith(QLatin1String("--database"))  ? &globals.database
                          : a.startsWith(QLatin1String("--cluster")) ? &globals.cluster
                          : a.startsWith(QLatin1String("--actor"))   ? &globals.actor
                                                                     : nullptr;
        if (!target) {
            err << "steward: unknown option " << a << "\nTry 'steward --help'.\n";
            return exit_code::Usage;
        }
        args.pop_front();
        if (const qsizetype eq = a.indexOf(QLatin1Char('=')); eq >= 0) {
            *target = a.mid(eq + 1);
        } else if (!args.isEmpty()) {
            *target = args.takeFirst();
        } else {
            err << "steward: " << a << " needs a value\n";
            return exit_code::Usage;
        }
    }
    if (args.isEmpty()) {
        printOverview(err, {});
        return exit_code::Usage;
    }

    // The longest command path that matches the leading words.
    const Command* match = nullptr;
    for (const Command& c : m_commands) {
        if (c.path.size() <= args.size() && args.mid(0, c.path.size()) == c.path &&
            (!match || c.path.size() > match->path.size()))
            match = &c;
    }
    if (!match) {
        const QStringList prefix{args.front()};
        const bool known = std::any_of(m_commands.begin(), m_commands.end(), [&](const Command& c) {
            return c.path.front() == prefix.front();
        });
        if (known) {
            const bool help = args.contains(QStringLiteral("--help"));
            if (!help)
                err << "steward " << prefix.front() << ": "
                    << (args.size() > 1 ? QStringLiteral("unknown subcommand '%1'").arg(args.at(1))
                                        : QStringLiteral("a subcommand is needed"))
                    << "\n\n";
            printOverview(help ? out : err, prefix);
            return help ? exit_code::Success : exit_code::Usage;
        }
        err << "steward: unknown command '" << args.front() << "'\nTry 'steward --help'.\n";
        return exit_code::Usage;
    }

    const QString name = QStringLiteral("steward ") + match->path.join(QLatin1Char(' '));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        match->summary +
        (match->description.isEmpty() ? QString() : QStringLiteral("\n\n") + match->description));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    for (const QCommandLineOption& o : match->options)
        parser.addOption(o);
    if (match->reads)
        parser.addOption(kJsonOption);
    parser.addOption(kDatabaseOption);
    parser.addOption(kClusterOption);
    parser.addOption(kActorOption);
    for (const auto& [argName, description] : match->positional)
        parser.addPositionalArgument(argName, description);

    QStringList parseArgs{name};
    parseArgs += args.mid(match->path.size());
    if (!parser.parse(parseArgs)) {
        err << name << ": " << parser.errorText() << "\nTry '" << name << " --help'.\n";
        return exit_code::Usage;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser names the executable's path; people type "steward person add".
        text.replace(QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst(),
                     QStringLiteral("Usage: ") + name);
        out << text;
        return exit_code::Success;
    }
    const int requiredPositional = static_cast<int>(
        std::count_if(match->positional.begin(), match->positional.end(),
                      [](const auto& p) { return !p.first.startsWith(QLatin1Char('[')); }));
    const int given = static_cast<int>(parser.positionalArguments().size());
    if (given < requiredPositional || given > static_cast<int>(match->positional.size())) {
        err << name << ": expected " << requiredPositional;
        if (match->positional.size() > requiredPositional)
            err << " to " << match->positional.size();
        err << " argument(s), got " << given << "\nTry '" << name << " --help'.\n";
        return exit_code::Usage;
    }
    if (parser.isSet(kDatabaseOption))
        globals.database = parser.value(kDatabaseOption);
    if (parser.isSet(kClusterOption))
        globals.cluster = parser.value(kClusterOption);
    if (parser.isSet(kActorOption))
        globals.actor = parser.value(kActorOption);

    Invocation invocation(parser, globals, out, err);
    try {
        return match->run(invocation);
    } catch (const UsageError& e) {
        out.flush();
        err << name << ": " << e.message() << "\nTry '" << name << " --help'.\n";
        return exit_code::Usage;
    } catch (const Error& e) {
        out.flush();
        err << name << ": " << e.message() << '\n';
        for (const QString& line : e.details())
            err << "  " << line << '\n';
        return exitCodeFor(e.kind());
    }
}

TextTable::TextTable(QStringList header)
    : m_header(std::move(header))
{
}

void TextTable::addRow(QStringList row)
{
    m_rows.push_back(std::move(row));
}

void TextTable::print(QTextStream& out) const
{
    std::vector<qsizetype> widths(static_cast<std::size_t>(m_header.size()));
    const auto measure = [&](const QStringList& row) {
        for (qsizetype i = 0; i < row.size() && i < m_header.size(); ++i)
            widths[static_cast<std::size_t>(i)] =
                std::max(widths[static_cast<std::size_t>(i)], row.at(i).size());
    };
    measure(m_header);
    for (const QStringList& row : m_rows)
        measure(row);
    const auto printRow = [&](const QStringList& row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            line +=
                last ? row.at(i) : row.at(i).leftJustified(widths[static_cast<std::size_t>(i)] + 2);
        }
        out << line << '\n';
    };
    printRow(m_header);
    for (const QStringList& row : m_rows)
        printRow(row);
}

} // namespace steward
