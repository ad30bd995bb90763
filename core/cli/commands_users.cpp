// steward user: PostgreSQL logins linked to people, for a team on a shared server.
#include "command.h"
#include "db/session.h"
#include "error.h"
#include "services/user_service.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace steward {
namespace {

QJsonObject toJson(const StewardUser& u)
{
    return {{QStringLiteral("login"), u.login},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("name"), u.name},
            {QStringLiteral("role"), u.access},
            {QStringLiteral("disabled_at"),
             u.disabledAt ? QJsonValue(u.disabledAt->toUTC().toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("version"), u.version}};
}

QString withoutLineEnd(QString line)
{
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

// Reads one line from the terminal without echoing it.
QString readHidden(const char* prompt)
{
    fputs(prompt, stderr);
    fflush(stderr);
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char buffer[1024];
    const bool read = fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        fputc('\n', stderr);
    }
    return read ? withoutLineEnd(QString::fromUtf8(buffer)) : QString();
}

// The new login's password: from --password-file (its first line), else asked twice on the
// terminal; never from the command line, where every user of the machine could read it. Without
// a terminal and without a file, none: the login authenticates otherwise.
std::optional<QString> password(Invocation& inv)
{
    if (inv.isSet(QStringLiteral("password-file"))) {
        const QString path = inv.value(QStringLiteral("password-file"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw validationError(QStringLiteral("password-file: %1 cannot be read: %2")
                                      .arg(path, file.errorString()));
        const QString first = withoutLineEnd(QString::fromUtf8(file.readLine()));
        if (first.isEmpty())
            throw validationError(
                QStringLiteral("password-file: %1: the first line is empty").arg(path));
        return first;
    }
    if (!isatty(STDIN_FILENO))
        return std::nullopt;
    const QString once = readHidden("Password for the new login: ");
    const QString again = readHidden("Again: ");
    if (once != again)
        throw validationError(QStringLiteral("password: the two entries differ"));
    return once;
}

void printUser(QTextStream& out, const StewardUser& u)
{
    out << u.login << ": " << u.name << " <" << u.email << ">, " << u.access
        << (u.disabledAt ? QStringLiteral(", disabled") : QString()) << '\n';
}

const QString kRoles = QStringLiteral("viewer, auditor, manager or admin.");

} // namespace

void registerUserCommands(CommandLine& cli)
{
    cli.add({{QStringLiteral("user"), QStringLiteral("add")},
             QStringLiteral("Give a person a login of their own (administrators only)."),
             QStringLiteral(
                 "Creates a PostgreSQL login for the person with this e-mail, grants it the "
                 "group role of --role and links it to the person: the history then records the "
                 "person as the author of that login's changes, whatever --actor says. The "
                 "password comes from --password-file or is asked on the terminal, never from "
                 "the command line; it reaches the server only as a SCRAM-SHA-256 verifier. "
                 "Without either, the login has no password and must authenticate otherwise "
                 "(certificate, peer, Kerberos)."),
             {option(QStringLiteral("role"), kRoles, QStringLiteral("role")),
              option(QStringLiteral("login"),
                     QStringLiteral("The PostgreSQL login (default: the e-mail's local part)."),
                     QStringLiteral("name")),
              option(QStringLiteral("password-file"),
                     QStringLiteral("Read the password from the first line of FILE."),
                     QStringLiteral("file")),
              option(QStringLiteral("existing"),
                     QStringLiteral("Link the existing login --login (made by hand) instead of "
                                    "creating one; it keeps its password."))},
             {{QStringLiteral("EMAIL"), QStringLiteral("The person's e-mail address.")}},
             true,
             [](Invocation& inv) {
                 const QString email = inv.positional().at(0);
                 const QString role = inv.required(QStringLiteral("role")).trimmed().toLower();
                 const QString login = inv.isSet(QStringLiteral("login"))
                                           ? inv.value(QStringLiteral("login")).trimmed()
                                           : UserService::suggestedLogin(email);
                 if (inv.isSet(QStringLiteral("existing"))) {
                     if (!inv.isSet(QStringLiteral("login")))
                         throw UsageError(QStringLiteral("--existing needs --login NAME"));
                     const StewardUser user =
                         UserService(inv.session().db()).link(email, role, login);
                     if (inv.json())
                         inv.printJson(toJson(user));
                     else
                         inv.out() << "Linked login " << user.login << " to " << user.name << " <"
                                   << user.email << "> as " << user.access << ".\n";
                     return exit_code::Success;
                 }
                 const std::optional<QString> secret = password(inv);
                 const StewardUser user =
                     UserService(inv.session().db()).add(email, role, login, secret);
                 if (inv.json()) {
                     inv.printJson(toJson(user));
                 } else {
                     inv.out() << "Added login " << user.login << " for " << user.name << " <"
                               << user.email << "> as " << user.access
                               << (secret ? "." : ", without a password.") << '\n';
                 }
                 return exit_code::Success;
             }});
    cli.add({{QStringLiteral("user"), QStringLiteral("list")},
             QStringLiteral("List the logins linked to people, with their roles."),
             {},
             {},
             {},
             true,
             [](Invocation& inv) {
                 const std::vector<StewardUser> users = UserService(inv.session().db()).list();
                 if (inv.json()) {
                     QJsonArray list;
                     for (const StewardUser& u : users)
                         list.append(toJson(u));
                     inv.printJson(list);
                     return exit_code::Success;
                 }
                 if (users.empty()) {
                     inv.out() << "No users; 'steward user add EMAIL --role ROLE' adds one.\n";
                     return exit_code::Success;
                 }
                 TextTable table({QStringLiteral("LOGIN"), QStringLiteral("NAME"),
                                  QStringLiteral("EMAIL"), QStringLiteral("ROLE"),
                                  QStringLiteral("STATE")});
                 for (const StewardUser& u : users)
                     table.addRow(
                         {u.login, u.name, u.email, u.access,
                          u.disabledAt ? QStringLiteral("disabled") : QStringLiteral("active")});
                 table.print(inv.out());
                 return exit_code::Success;
             }});
    cli.add({{QStringLiteral("user"), QStringLiteral("set-role")},
             QStringLiteral("Move a user to another role (administrators only)."),
             {},
             {option(QStringLiteral("role"), kRoles, QStringLiteral("role")),
              expectVersionOption(QStringLiteral("the user"))},
             {{QStringLiteral("USER"), QStringLiteral("The login or the person's e-mail.")}},
             true,
             [](Invocation& inv) {
                 const StewardUser user =
                     UserService(inv.session().db())
                         .setAccess(inv.positional().at(0),
                                    inv.required(QStringLiteral("role")).trimmed().toLower(),
                                    inv.expectedVersion());
                 if (inv.json())
                     inv.printJson(toJson(user));
                 else
                     printUser(inv.out(), user);
                 return exit_code::Success;
             }});
    cli.add({{QStringLiteral("user"), QStringLiteral("disable")},
             QStringLiteral("Stop a user from logging in (administrators only)."),
             QStringLiteral("The login and its link stay, so the history keeps naming them."),
             {expectVersionOption(QStringLiteral("the user"))},
             {{QStringLiteral("USER"), QStringLiteral("The login or the person's e-mail.")}},
             true,
             [](Invocation& inv) {
                 const StewardUser user =
                     UserService(inv.session().db())
                         .disable(inv.positional().at(0), inv.expectedVersion());
                 if (inv.json())
                     inv.printJson(toJson(user));
                 else
                     printUser(inv.out(), user);
                 return exit_code::Success;
             }});
}

} // namespace steward
