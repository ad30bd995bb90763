// steward project, assign, raci, coverage: projects and their staffing.
#include "command.h"
#include "db/database.h"
#include "db/session.h"
#include "json_shapes.h"
#include "services/catalog_service.h"
#include "services/coverage_service.h"
#include "services/project_service.h"
#include "services/staffing_service.h"

#include <QSqlQuery>

#include <map>
#include <set>

namespace steward {
namespace {

template <typename Parse>
auto enumOption(const Invocation& inv, const QString& option, Parse parse, const char* allowed)
{
    const QByteArray text = inv.value(option).toUtf8();
    const auto v = parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!v)
        throw UsageError(QStringLiteral("--%1: '%2' is not one of: %3")
                             .arg(option, inv.value(option), QString::fromLatin1(allowed)));
    return *v;
}

constexpr const char* kIndustries =
    "general, healthcare, finance, marketing, public-sector, manufacturing, other";
constexpr const char* kRiskTiers = "minimal, limited, high, unacceptable";
constexpr const char* kStages =
    "concept, development, validation, deployment, operation, retirement";
constexpr const char* kStatuses = "proposed, active, on-hold, completed, cancelled";
constexpr const char* kAiActRoles = "provider, deployer, provider-and-deployer";

QList<QCommandLineOption> projectFieldOptions()
{
    return {option(QStringLiteral("name"), QStringLiteral("Project name."), QStringLiteral("name")),
            option(QStringLiteral("description"), QStringLiteral("What the AI system does."),
                   QStringLiteral("text")),
            option(QStringLiteral("industry"),
                   QStringLiteral("One of: %1.").arg(QLatin1String(kIndustries)),
                   QStringLiteral("industry")),
            option(QStringLiteral("risk-tier"),
                   QStringLiteral("EU AI Act risk tier: %1.").arg(QLatin1String(kRiskTiers)),
                   QStringLiteral("tier")),
            option(QStringLiteral("stage"),
                   QStringLiteral("Lifecycle stage: %1.").arg(QLatin1String(kStages)),
                   QStringLiteral("stage")),
            option(QStringLiteral("status"),
                   QStringLiteral("Status: %1.").arg(QLatin1String(kStatuses)),
                   QStringLiteral("status")),
            option(QStringLiteral("ai-act-role"),
                   QStringLiteral("The organisation's EU AI Act role: %1.")
                       .arg(QLatin1String(kAiActRoles)),
                   QStringLiteral("role")),
            option(QStringLiteral("tag"),
                   QStringLiteral("A characteristic rules key on (repeatable), e.g. patient-data, "
                                  "credit-decision, personalisation, customer-data."),
                   QStringLiteral("tag")),
            option(QStringLiteral("owner"), QStringLiteral("E-mail of the project owner."),
                   QStringLiteral("email")),
            option(QStringLiteral("start"), QStringLiteral("Start date, YYYY-MM-DD."),
                   QStringLiteral("date")),
            option(QStringLiteral("end"), QStringLiteral("End date, YYYY-MM-DD."),
                   QStringLiteral("date"))};
}

void applyProjectFields(const Invocation& inv, Project& p)
{
    if (inv.isSet(QStringLiteral("name")))
        p.name = inv.value(QStringLiteral("name"));
    if (inv.isSet(QStringLiteral("description")))
        p.description = inv.value(QStringLiteral("description"));
    if (inv.isSet(QStringLiteral("industry")))
        p.industry = enumOption(inv, QStringLiteral("industry"), parseIndustry, kIndustries);
    if (inv.isSet(QStringLiteral("risk-tier")))
        p.riskTier = enumOption(inv, QStringLiteral("risk-tier"), parseRiskTier, kRiskTiers);
    if (inv.isSet(QStringLiteral("stage")))
        p.stage = enumOption(inv, QStringLiteral("stage"), parseProjectStage, kStages);
    if (inv.isSet(QStringLiteral("status")))
        p.status = enumOption(inv, QStringLiteral("status"), parseProjectStatus, kStatuses);
    if (inv.isSet(QStringLiteral("ai-act-role")))
        p.aiActRole = enumOption(inv, QStringLiteral("ai-act-role"), parseAiActRole, kAiActRoles);
    if (inv.isSet(QStringLiteral("tag")))
        p.tags = inv.args().values(QStringLiteral("tag"));
    if (inv.isSet(QStringLiteral("owner")))
        p.ownerEmail = inv.value(QStringLiteral("owner"));
    if (auto d = inv.dateOption(QStringLiteral("start")))
        p.startDate = d;
    if (auto d = inv.dateOption(QStringLiteral("end")))
        p.endDate = d;
}

void printFindings(QTextStream& out, const std::vector<Finding>& findings)
{
    for (const Finding& f : findings)
        out << "  " << qs(toString(f.severity)).toUpper().leftJustified(8) << qs(f.code) << "  "
            << qs(f.subject) << '\n'
            << "          " << qs(f.message) << '\n'
            << "          What to do: " << qs(f.remedy) << '\n';
}

RaciKind kindArgument(const Invocation& inv)
{
    return enumOption(inv, QStringLiteral("kind"), parseRaciKind, "R, A, C, I");
}

} // namespace

void registerProjectCommands(CommandLine& cli)
{
    {
        auto options = projectFieldOptions();
        options.prepend(option(
            QStringLiteral("key"),
            QStringLiteral("Project key: upper-case letters, digits, hyphens (e.g. FRAUD-WATCH)."),
            QStringLiteral("key")));
        cli.add({{QStringLiteral("project"), QStringLiteral("add")},
                 QStringLiteral("Add a project."),
                 {},
                 options,
                 {},
                 true,
                 [](Invocation& inv) {
                     Project p;
                     p.key = inv.required(QStringLiteral("key"));
                     inv.required(QStringLiteral("name"));
                     applyProjectFields(inv, p);
                     const Project added = ProjectService(inv.session().db()).add(p);
                     if (inv.json())
                         inv.printJson(toJson(added));
                     else
                         inv.out() << "Added project " << added.key << " (" << added.name << ").\n";
                     return exit_code::Success;
                 }});
    }
    {
        auto options = projectFieldOptions();
        options << expectVersionOption(QStringLiteral("the project"));
        cli.add({{QStringLiteral("project"), QStringLiteral("update")},
                 QStringLiteral("Change a project's details."),
                 QStringLiteral("Only the options given are changed; --tag replaces all tags."),
                 options,
                 {{QStringLiteral("KEY"), QStringLiteral("The project key.")}},
                 true,
                 [](Invocation& inv) {
                     ProjectService projects(inv.session().db());
                     Project p = projects.byKey(inv.positional().at(0));
                     p.version = inv.intOption(QStringLiteral("expect-version"), p.version);
                     applyProjectFields(inv, p);
                     const Project saved = projects.update(p);
                     if (inv.json())
                         inv.printJson(toJson(saved));
                     else
                         inv.out() << "Saved project " << saved.key << " (version " << saved.version
                                   << ").\n";
                     return exit_code::Success;
                 }});
    }
    cli.add({{QStringLiteral("project"), QStringLiteral("list")},
             QStringLiteral("List projects."),
             {},
             {option(QStringLiteral("industry"), QStringLiteral("Only this industry."),
                     QStringLiteral("industry")),
              option(QStringLiteral("risk-tier"), QStringLiteral("Only this risk tier."),
                     QStringLiteral("tier")),
              option(QStringLiteral("stage"), QStringLiteral("Only this stage."),
                     QStringLiteral("stage")),
              option(QStringLiteral("status"), QStringLiteral("Only this status."),
                     QStringLiteral("status")),
              option(QStringLiteral("search"), QStringLiteral("Part of the key or name."),
                     QStringLiteral("text"))},
             {},
             true,
             [](Invocation& inv) {
                 ProjectFilter f;
                 if (inv.isSet(QStringLiteral("industry")))
                     f.industry =
                         enumOption(inv, QStringLiteral("industry"), parseIndustry, kIndustries);
                 if (inv.isSet(QStringLiteral("risk-tier")))
                     f.riskTier =
                         enumOption(inv, QStringLiteral("risk-tier"), parseRiskTier, kRiskTiers);
                 if (inv.isSet(QStringLiteral("stage")))
                     f.stage = enumOption(inv, QStringLiteral("stage"), parseProjectStage, kStages);
                 if (inv.isSet(QStringLiteral("status")))
                     f.status =
                         enumOption(inv, QStringLiteral("status"), parseProjectStatus, kStatuses);
                 f.search = inv.value(QStringLiteral("search"));
                 const auto projects = ProjectService(inv.session().db()).list(f);
                 if (inv.json()) {
                     inv.printJson(toJsonArray(projects));
                     return exit_code::Success;
                 }
                 TextTable table({QStringLiteral("KEY"), QStringLiteral("NAME"),
                                  QStringLiteral("INDUSTRY"), QStringLiteral("RISK"),
                                  QStringLiteral("STAGE"), QStringLiteral("STATUS")});
                 for (const Project& p : projects)
                     table.addRow({p.key, p.name, qs(toString(p.industry)),
                                   qs(toString(p.riskTier)), qs(toString(p.stage)),
                                   qs(toString(p.status))});
                 table.print(inv.out());
                 return exit_code::Success;
             }});
    cli.add({{QStringLiteral("project"), QStringLiteral("show")},
             QStringLiteral("Show a project: details, team by role and coverage findings."),
             {},
             {},
             {{QStringLiteral("KEY"), QStringLiteral("The project key.")}},
             true,
             [](Invocation& inv) {
                 Database& db = inv.session().db();
                 const Project p = ProjectService(db).byKey(inv.positional().at(0));
                 const auto team = StaffingService(db).assignments(p.key);
                 const CoverageReport coverage = CoverageService(db).checkProject(p.key);
                 if (inv.json()) {
                     QJsonObject o = toJson(p);
                     o.insert(QStringLiteral("assignments"), toJsonArray(team));
                     o.insert(QStringLiteral("findings"), toJsonArray(coverage.findings));
                     inv.printJson(o);
                     return exit_code::Success;
                 }
                 QTextStream& out = inv.out();
                 out << p.key << " - " << p.name << '\n';
                 if (!p.description.isEmpty())
                     out << "  " << p.description << '\n';
                 out << "  Industry: " << qs(toString(p.industry))
                     << "   Risk tier: " << qs(toString(p.riskTier))
                     << "   Stage: " << qs(toString(p.stage))
                     << "   Status: " << qs(toString(p.status)) << '\n'
                     << "  EU AI Act role: " << qs(toString(p.aiActRole)) << "   Owner: "
                     << (p.ownerEmail.isEmpty() ? QStringLiteral("-") : p.ownerEmail) << '\n';
                 if (!p.tags.isEmpty())
                     out << "  Tags: " << p.tags.join(QStringLiteral(", ")) << '\n';
                 out << "\nTeam:\n";
                 TextTable table({QStringLiteral("  ROLE"), QStringLiteral("PERSON"),
                                  QStringLiteral("FROM"), QStringLiteral("TO"),
                                  QStringLiteral("ALLOCATION")});
                 for (const Assignment& a : team)
                     table.addRow(
                         {QStringLiteral("  ") + a.roleKey,
                          a.personName + QStringLiteral(" <") + a.personEmail + QLatin1Char('>'),
                          a.from.toString(Qt::ISODate),
                          a.to ? a.to->toString(Qt::ISODate) : QStringLiteral("-"),
                          QStringLiteral("%1 %").arg(a.allocationPercent)});
                 table.print(out);
                 out << "\nCoverage: " << coverage.count(Severity::Error) << " error(s), "
                     << coverage.count(Severity::Warning) << " warning(s)\n";
                 printFindings(out, coverage.findings);
                 return exit_code::Success;
             }});
}

void registerStaffingCommands(CommandLine& cli)
{
    cli.add(
        {{QStringLiteral("assign"), QStringLiteral("add")},
         QStringLiteral("Assign a person to a role on a project."),
         {},
         {option(QStringLiteral("project"), QStringLiteral("Project key."), QStringLiteral("key")),
          option(QStringLiteral("person"), QStringLiteral("Person's e-mail."),
                 QStringLiteral("email")),
          option(QStringLiteral("role"), QStringLiteral("Role key (see 'steward role list')."),
                 QStringLiteral("role")),
          option(QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD (default today)."),
                 QStringLiteral("date")),
          option(QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD (default open-ended)."),
                 QStringLiteral("date")),
          option(QStringLiteral("allocation"),
                 QStringLiteral("Percent of the person's time, 1-100 (default 100)."),
                 QStringLiteral("percent"))},
         {},
         true,
         [](Invocation& inv) {
             Assignment a;
             a.projectKey = inv.required(QStringLiteral("project"));
             a.personEmail = inv.required(QStringLiteral("person"));
             a.roleKey = inv.required(QStringLiteral("role"));
             a.from = inv.dateOption(QStringLiteral("from")).value_or(QDate::currentDate());
             a.to = inv.dateOption(QStringLiteral("to"));
             a.allocationPercent = inv.intOption(QStringLiteral("allocation"), 100);
             const Assignment saved = StaffingService(inv.session().db()).assign(a);
             if (inv.json())
                 inv.printJson(toJson(saved));
             else
                 inv.out() << "Assigned " << saved.personName << " as " << saved.roleKey << " on "
                           << saved.projectKey << " (assignment " << saved.id << ").\n";
             return exit_code::Success;
         }});
    cli.add(
        {{QStringLiteral("assign"), QStringLiteral("list")},
         QStringLiteral("List the assignments of a project or a person."),
         {},
         {option(QStringLiteral("project"), QStringLiteral("Project key."), QStringLiteral("key")),
          option(QStringLiteral("person"), QStringLiteral("Person's e-mail."),
                 QStringLiteral("email"))},
         {},
         true,
         [](Invocation& inv) {
             if (inv.isSet(QStringLiteral("project")) == inv.isSet(QStringLiteral("person")))
                 throw UsageError(QStringLiteral("give either --project or --person"));
             StaffingService staffing(inv.session().db());
             const auto list = inv.isSet(QStringLiteral("project"))
                                   ? staffing.assignments(inv.value(QStringLiteral("project")))
                                   : staffing.assignmentsOf(inv.value(QStringLiteral("person")));
             if (inv.json()) {
                 inv.printJson(toJsonArray(list));
                 return exit_code::Success;
             }
             TextTable table({QStringLiteral("ID"), QStringLiteral("PROJECT"),
                              QStringLiteral("ROLE"), QStringLiteral("PERSON"),
                              QStringLiteral("FROM"), QStringLiteral("TO"),
                              QStringLiteral("ALLOCATION")});
             for (const Assignment& a : list)
                 table.addRow({QString::number(a.id), a.projectKey, a.roleKey, a.personEmail,
                               a.from.toString(Qt::ISODate),
                               a.to ? a.to->toString(Qt::ISODate) : QStringLiteral("-"),
                               QStringLiteral("%1 %").arg(a.allocationPercent)});
             table.print(inv.out());
             return exit_code::Success;
         }});
    cli.add(
        {{QStringLiteral("assign"), QStringLiteral("end")},
         QStringLiteral("End an assignment on a given day."),
         {},
         {option(QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD (default today)."),
                 QStringLiteral("date")),
          expectVersionOption(QStringLiteral("the assignment"))},
         {{QStringLiteral("ID"), QStringLiteral("Assignment id (see 'steward assign list').")}},
         false,
         [](Invocation& inv) {
             bool ok = false;
             const qint64 id = inv.positional().at(0).toLongLong(&ok);
             if (!ok)
                 throw UsageError(
                     QStringLiteral("'%1' is not an assignment id").arg(inv.positional().at(0)));
             StaffingService staffing(inv.session().db());
             int version = inv.intOption(QStringLiteral("expect-version"), -1);
             if (version < 0) {
                 QSqlQuery q = inv.session().db().exec(
                     QStringLiteral("SELECT version FROM assignment WHERE id = ?"), {id});
                 version = q.next() ? q.value(0).toInt() : 0;
             }
             const Assignment a = staffing.endAssignment(
                 id, inv.dateOption(QStringLiteral("to")).value_or(QDate::currentDate()), version);
             inv.out() << "Assignment " << a.id << " (" << a.personEmail << " as " << a.roleKey
                       << " on " << a.projectKey << ") ends on " << a.to->toString(Qt::ISODate)
                       << ".\n";
             return exit_code::Success;
         }});

    const QList<QCommandLineOption> raciOptions{
        option(QStringLiteral("project"), QStringLiteral("Project key."), QStringLiteral("key")),
        option(QStringLiteral("responsibility"),
               QStringLiteral("Responsibility key (see 'steward role show ROLE')."),
               QStringLiteral("key")),
        option(QStringLiteral("person"), QStringLiteral("Person's e-mail."),
               QStringLiteral("email")),
        option(QStringLiteral("kind"),
               QStringLiteral("R (Responsible), A (Accountable), C (Consulted) or I (Informed)."),
               QStringLiteral("letter"))};
    cli.add({{QStringLiteral("raci"), QStringLiteral("set")},
             QStringLiteral("Give a person a RACI letter for a responsibility on a project."),
             QStringLiteral("A responsibility has at most one Accountable person per project."),
             raciOptions,
             {},
             true,
             [](Invocation& inv) {
                 const RaciKind kind = kindArgument(inv);
                 const RaciEntry e = StaffingService(inv.session().db())
                                         .setRaci(inv.required(QStringLiteral("project")),
                                                  inv.required(QStringLiteral("responsibility")),
                                                  inv.required(QStringLiteral("person")), kind);
                 if (inv.json())
                     inv.printJson(toJson(e));
                 else
                     inv.out() << e.personName << " is " << qs(toString(e.kind)) << " for "
                               << e.responsibilityKey << " on " << e.projectKey << ".\n";
                 return exit_code::Success;
             }});
    cli.add(
        {{QStringLiteral("raci"), QStringLiteral("remove")},
         QStringLiteral("Remove a RACI letter."),
         {},
         raciOptions + QList<QCommandLineOption>{expectVersionOption(QStringLiteral("the entry"))},
         {},
         false,
         [](Invocation& inv) {
             const RaciKind kind = kindArgument(inv);
             const bool removed = StaffingService(inv.session().db())
                                      .removeRaci(inv.required(QStringLiteral("project")),
                                                  inv.required(QStringLiteral("responsibility")),
                                                  inv.required(QStringLiteral("person")), kind,
                                                  inv.expectedVersion());
             if (!removed) {
                 inv.err() << "steward raci remove: there was no such entry\n";
                 return exit_code::Refused;
             }
             inv.out() << "Removed.\n";
             return exit_code::Success;
         }});
    cli.add(
        {{QStringLiteral("raci"), QStringLiteral("show")},
         QStringLiteral("Show a project's RACI entries by responsibility."),
         {},
         {option(QStringLiteral("project"), QStringLiteral("Project key."), QStringLiteral("key"))},
         {},
         true,
         [](Invocation& inv) {
             const auto entries =
                 StaffingService(inv.session().db()).raci(inv.required(QStringLiteral("project")));
             if (inv.json()) {
                 inv.printJson(toJsonArray(entries));
                 return exit_code::Success;
             }
             TextTable table({QStringLiteral("RESPONSIBILITY"), QStringLiteral("KIND"),
                              QStringLiteral("PERSON")});
             for (const RaciEntry& e : entries)
                 table.addRow(
                     {e.responsibilityKey, qs(toString(e.kind)),
                      e.personName + QStringLiteral(" <") + e.personEmail + QLatin1Char('>')});
             table.print(inv.out());
             return exit_code::Success;
         }});

    cli.add(
        {{QStringLiteral("coverage")},
         QStringLiteral("Check that projects are properly staffed: RACI shape, roles, allocation, "
                        "inactive people, pack rules."),
         QStringLiteral("Checks every project that is not completed or cancelled, or one project."),
         {option(QStringLiteral("project"), QStringLiteral("Check only this project."),
                 QStringLiteral("key")),
          option(QStringLiteral("as-of"),
                 QStringLiteral("Judge staffing on this day, YYYY-MM-DD (default today)."),
                 QStringLiteral("date")),
          option(QStringLiteral("fail-on-gaps"),
                 QStringLiteral("Exit with 1 when there is any error-level finding."))},
         {},
         true,
         [](Invocation& inv) {
             CoverageService coverage(inv.session().db(), coverageRules(inv));
             const QDate asOf =
                 inv.dateOption(QStringLiteral("as-of")).value_or(QDate::currentDate());
             const CoverageReport report =
                 inv.isSet(QStringLiteral("project"))
                     ? coverage.checkProject(inv.value(QStringLiteral("project")), asOf)
                     : coverage.checkAll(asOf);
             if (inv.json()) {
                 inv.printJson(toJson(report));
             } else {
                 std::map<std::string, std::vector<Finding>> byProject;
                 for (const Finding& f : report.findings)
                     byProject[f.projectKey].push_back(f);
                 for (const std::string& key : report.projectKeys) {
                     const auto& findings = byProject[key];
                     inv.out() << qs(key) << ": "
                               << (findings.empty()
                                       ? QStringLiteral("covered")
                                       : QStringLiteral("%1 finding(s)").arg(findings.size()))
                               << '\n';
                     printFindings(inv.out(), findings);
                 }
                 inv.out() << "\n"
                           << report.projectKeys.size() << " project(s) checked as of "
                           << asOf.toString(Qt::ISODate) << ": " << report.count(Severity::Error)
                           << " error(s), " << report.count(Severity::Warning) << " warning(s).\n";
             }
             if (inv.isSet(QStringLiteral("fail-on-gaps")) && report.count(Severity::Error) > 0)
                 return exit_code::Refused;
             return exit_code::Success;
         }});
}

} // namespace steward
