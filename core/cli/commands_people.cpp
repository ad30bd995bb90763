// steward person, steward role: the directory and the role catalogue.
#include "command.h"
#include "db/database.h"
#include "db/session.h"
#include "json_shapes.h"
#include "services/catalog_service.h"
#include "services/person_service.h"
#include "services/staffing_service.h"

namespace steward {
namespace {

bool parseBool(const QString& option, const QString& value)
{
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0"))
        return false;
    throw UsageError(QStringLiteral("--%1: '%2' is not true or false").arg(option, value));
}

void printPerson(QTextStream& out, const Person& p)
{
    out << p.name << " <" << p.email << ">" << (p.active ? "" : "  [inactive]") << '\n';
    if (!p.title.isEmpty())
        out << "  Title:       " << p.title << '\n';
    if (!p.orgUnit.isEmpty())
        out << "  Org unit:    " << p.orgUnit << '\n';
    if (!p.externalId.isEmpty())
        out << "  External id: " << p.externalId << '\n';
    out << "  Version:     " << p.version << '\n';
}

} // namespace

void registerPeopleCommands(CommandLine& cli)
{
    const QList<QCommandLineOption> personFields{
        option(QStringLiteral("email"),
               QStringLiteral("E-mail address (unique, case-insensitive)."),
               QStringLiteral("email")),
        option(QStringLiteral("name"), QStringLiteral("Full name."), QStringLiteral("name")),
        option(QStringLiteral("org-unit"), QStringLiteral("Org unit name (created if new)."),
               QStringLiteral("unit")),
        option(QStringLiteral("title"), QStringLiteral("Job title."), QStringLiteral("title")),
        option(QStringLiteral("external-id"), QStringLiteral("Id in the HR system."),
               QStringLiteral("id")),
    };

    {
        auto options = personFields;
        options << option(QStringLiteral("inactive"),
                          QStringLiteral("Record the person as inactive."));
        cli.add({{QStringLiteral("person"), QStringLiteral("add")},
                 QStringLiteral("Add a person to the directory."),
                 {},
                 options,
                 {},
                 true,
                 [](Invocation& inv) {
                     Person p;
                     p.email = inv.required(QStringLiteral("email"));
                     p.name = inv.required(QStringLiteral("name"));
                     p.orgUnit = inv.value(QStringLiteral("org-unit"));
                     p.title = inv.value(QStringLiteral("title"));
                     p.externalId = inv.value(QStringLiteral("external-id"));
                     p.active = !inv.isSet(QStringLiteral("inactive"));
                     const Person added = PersonService(inv.session().db()).add(p);
                     if (inv.json())
                         inv.printJson(toJson(added));
                     else
                         inv.out() << "Added " << added.name << " <" << added.email << ">.\n";
                     return exit_code::Success;
                 }});
    }

    {
        auto options = personFields;
        options << option(QStringLiteral("active"), QStringLiteral("true or false."),
                          QStringLiteral("bool"))
                << expectVersionOption(QStringLiteral("the person"));
        options[0] = option(QStringLiteral("email"), QStringLiteral("New e-mail address."),
                            QStringLiteral("email"));
        cli.add(
            {{QStringLiteral("person"), QStringLiteral("update")},
             QStringLiteral("Change a person's details."),
             QStringLiteral("Only the options given are changed."),
             options,
             {{QStringLiteral("EMAIL"), QStringLiteral("The person's current e-mail address.")}},
             true,
             [](Invocation& inv) {
                 PersonService people(inv.session().db());
                 Person p = people.byEmail(inv.positional().at(0));
                 if (inv.isSet(QStringLiteral("expect-version")))
                     p.version = inv.intOption(QStringLiteral("expect-version"), p.version);
                 if (inv.isSet(QStringLiteral("email")))
                     p.email = inv.value(QStringLiteral("email"));
                 if (inv.isSet(QStringLiteral("name")))
                     p.name = inv.value(QStringLiteral("name"));
                 if (inv.isSet(QStringLiteral("org-unit")))
                     p.orgUnit = inv.value(QStringLiteral("org-unit"));
                 if (inv.isSet(QStringLiteral("title")))
                     p.title = inv.value(QStringLiteral("title"));
                 if (inv.isSet(QStringLiteral("external-id")))
                     p.externalId = inv.value(QStringLiteral("external-id"));
                 if (inv.isSet(QStringLiteral("active")))
                     p.active =
                         parseBool(QStringLiteral("active"), inv.value(QStringLiteral("active")));
                 const Person saved = people.update(p);
                 if (inv.json())
                     inv.printJson(toJson(saved));
                 else
                     inv.out() << "Saved " << saved.name << " <" << saved.email << "> (version "
                               << saved.version << ").\n";
                 return exit_code::Success;
             }});
    }

    cli.add({{QStringLiteral("person"), QStringLiteral("list")},
             QStringLiteral("List people, sorted by name."),
             {},
             {option(QStringLiteral("search"), QStringLiteral("Part of a name or e-mail."),
                     QStringLiteral("text")),
              option(QStringLiteral("org-unit"), QStringLiteral("Only this org unit."),
                     QStringLiteral("unit")),
              option(QStringLiteral("active-only"), QStringLiteral("Only active people.")),
              option(QStringLiteral("inactive-only"), QStringLiteral("Only inactive people.")),
              option(QStringLiteral("limit"), QStringLiteral("At most this many."),
                     QStringLiteral("n")),
              option(QStringLiteral("offset"), QStringLiteral("Skip this many first."),
                     QStringLiteral("n"))},
             {},
             true,
             [](Invocation& inv) {
                 PersonFilter f;
                 f.search = inv.value(QStringLiteral("search"));
                 f.orgUnit = inv.value(QStringLiteral("org-unit"));
                 if (inv.isSet(QStringLiteral("active-only")) &&
                     inv.isSet(QStringLiteral("inactive-only")))
                     throw UsageError(
                         QStringLiteral("--active-only and --inactive-only exclude each other"));
                 if (inv.isSet(QStringLiteral("active-only")))
                     f.active = true;
                 if (inv.isSet(QStringLiteral("inactive-only")))
                     f.active = false;
                 f.limit = inv.intOption(QStringLiteral("limit"), 0);
                 f.offset = inv.intOption(QStringLiteral("offset"), 0);
                 if (f.limit < 0 || f.offset < 0)
                     throw UsageError(QStringLiteral("--limit and --offset cannot be negative"));
                 const auto people = PersonService(inv.session().db()).list(f);
                 if (inv.json()) {
                     inv.printJson(toJsonArray(people));
                     return exit_code::Success;
                 }
                 TextTable table({QStringLiteral("NAME"), QStringLiteral("E-MAIL"),
                                  QStringLiteral("ORG UNIT"), QStringLiteral("TITLE"),
                                  QStringLiteral("ACTIVE")});
                 for (const Person& p : people)
                     table.addRow({p.name, p.email, p.orgUnit, p.title,
                                   p.active ? QStringLiteral("yes") : QStringLiteral("no")});
                 table.print(inv.out());
                 inv.out() << people.size() << " people\n";
                 return exit_code::Success;
             }});

    cli.add({{QStringLiteral("person"), QStringLiteral("show")},
             QStringLiteral("Show a person with their roles and RACI entries."),
             {},
             {},
             {{QStringLiteral("EMAIL"), QStringLiteral("The person's e-mail address.")}},
             true,
             [](Invocation& inv) {
                 Database& db = inv.session().db();
                 const Person p = PersonService(db).byEmail(inv.positional().at(0));
                 StaffingService staffing(db);
                 const auto assignments = staffing.assignmentsOf(p.email);
                 const auto raci = staffing.raciOf(p.email);
                 if (inv.json()) {
                     QJsonObject o = toJson(p);
                     o.insert(QStringLiteral("assignments"), toJsonArray(assignments));
                     o.insert(QStringLiteral("raci"), toJsonArray(raci));
                     inv.printJson(o);
                     return exit_code::Success;
                 }
                 printPerson(inv.out(), p);
                 inv.out() << "\nRoles:\n";
                 TextTable roles({QStringLiteral("  PROJECT"), QStringLiteral("ROLE"),
                                  QStringLiteral("FROM"), QStringLiteral("TO"),
                                  QStringLiteral("ALLOCATION")});
                 for (const Assignment& a : assignments)
                     roles.addRow({QStringLiteral("  ") + a.projectKey, a.roleKey,
                                   a.from.toString(Qt::ISODate),
                                   a.to ? a.to->toString(Qt::ISODate) : QStringLiteral("-"),
                                   QStringLiteral("%1 %").arg(a.allocationPercent)});
                 roles.print(inv.out());
                 inv.out() << "\nRACI:\n";
                 TextTable entries({QStringLiteral("  PROJECT"), QStringLiteral("RESPONSIBILITY"),
                                    QStringLiteral("KIND")});
                 for (const RaciEntry& r : raci)
                     entries.addRow({QStringLiteral("  ") + r.projectKey, r.responsibilityKey,
                                     qs(toString(r.kind))});
                 entries.print(inv.out());
                 return exit_code::Success;
             }});

    cli.add(
        {{QStringLiteral("role"), QStringLiteral("list")},
         QStringLiteral("List the role catalogue: built-in roles and those of role-pack plugins."),
         {},
         {option(QStringLiteral("pack"),
                 QStringLiteral("Only roles of this pack (builtin or a plugin id)."),
                 QStringLiteral("pack")),
          option(QStringLiteral("include-retired"), QStringLiteral("Also list retired roles."))},
         {},
         true,
         [](Invocation& inv) {
             auto roles = CatalogService(inv.session().db())
                              .roles(inv.isSet(QStringLiteral("include-retired")));
             if (inv.isSet(QStringLiteral("pack")))
                 std::erase_if(roles, [&](const Role& r) {
                     return r.pack != inv.value(QStringLiteral("pack"));
                 });
             if (inv.json()) {
                 inv.printJson(toJsonArray(roles));
                 return exit_code::Success;
             }
             TextTable table({QStringLiteral("KEY"), QStringLiteral("NAME"), QStringLiteral("PACK"),
                              QStringLiteral("CATEGORY"), QStringLiteral("INDUSTRY")});
             for (const Role& r : roles)
                 table.addRow({r.key + (r.retired ? QStringLiteral(" (retired)") : QString()),
                               r.name, r.pack, r.category,
                               r.industry ? qs(toString(*r.industry)) : QStringLiteral("any")});
             table.print(inv.out());
             return exit_code::Success;
         }});

    cli.add({{QStringLiteral("role"), QStringLiteral("show")},
             QStringLiteral("Show a role, its responsibilities and who holds it where."),
             {},
             {},
             {{QStringLiteral("KEY"), QStringLiteral("The role key, e.g. ai-engineer.")}},
             true,
             [](Invocation& inv) {
                 CatalogService catalog(inv.session().db());
                 const Role role = catalog.role(inv.positional().at(0));
                 const auto responsibilities = catalog.responsibilities(role.key, true);
                 const auto holders = catalog.holders(role.key);
                 if (inv.json()) {
                     QJsonObject o = toJson(role);
                     o.insert(QStringLiteral("responsibilities"), toJsonArray(responsibilities));
                     o.insert(QStringLiteral("holders"), toJsonArray(holders));
                     inv.printJson(o);
                     return exit_code::Success;
                 }
                 inv.out() << role.name << " (" << role.key << ", pack " << role.pack << ")"
                           << (role.retired ? "  [retired]" : "") << '\n'
                           << role.summary
                           << "\n\nResponsibilities (* = every project must cover it):\n";
                 for (const Responsibility& r : responsibilities)
                     inv.out() << "  " << (r.required ? "* " : "  ") << r.key << "  ["
                               << qs(toString(r.stage)) << "]" << (r.retired ? " (retired)" : "")
                               << "\n      " << r.text << '\n';
                 inv.out() << "\nHeld by:\n";
                 if (holders.empty())
                     inv.out() << "  nobody at present\n";
                 for (const Assignment& a : holders)
                     inv.out() << "  " << a.projectKey << "  " << a.personName << " <"
                               << a.personEmail << ">  " << a.allocationPercent << " %\n";
                 return exit_code::Success;
             }});
}

} // namespace steward
