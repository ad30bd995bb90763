// steward history, overview, import, export, demo: the organisation's data as a whole.
#include "command.h"
#include "json_shapes.h"

#include "db/database.h"
#include "db/session.h"
#include "services/coverage_service.h"
#include "services/history_service.h"
#include "services/person_service.h"
#include "services/project_service.h"

#include <QJsonArray>
#include <QJsonObject>

#include <map>

namespace steward {
namespace {

QCommandLineOption opt(const QString& name, const QString& description, const QString& valueName = {})
{
    return valueName.isEmpty() ? QCommandLineOption(name, description) : QCommandLineOption(name, description, valueName);
}

} // namespace

std::vector<std::shared_ptr<const Rule>> coverageRules(Invocation&)
{
    return {};
}

void registerDataCommands(CommandLine& cli)
{
    cli.add({{QStringLiteral("history")},
             QStringLiteral("Show who changed what and when, newest first."),
             {},
             {opt(QStringLiteral("table"), QStringLiteral("Only this table (person, project, assignment, raci_entry, role, ...)."),
                  QStringLiteral("table")),
              opt(QStringLiteral("key"), QStringLiteral("Only this row (its id or key)."), QStringLiteral("key")),
              opt(QStringLiteral("by"), QStringLiteral("Only changes made by this actor."), QStringLiteral("name")),
              opt(QStringLiteral("limit"), QStringLiteral("At most this many entries (default 50)."), QStringLiteral("n"))},
             {},
             true,
             [](Invocation& inv) {
                 HistoryFilter f;
                 f.table = inv.value(QStringLiteral("table"));
                 f.rowKey = inv.value(QStringLiteral("key"));
                 f.actor = inv.value(QStringLiteral("by"));
                 f.limit = inv.intOption(QStringLiteral("limit"), 50);
                 if (f.limit < 1)
                     throw UsageError(QStringLiteral("--limit must be at least 1"));
                 const auto entries = HistoryService(inv.session().db()).list(f);
                 if (inv.json()) {
                     inv.printJson(toJsonArray(entries));
                     return exit_code::Success;
                 }
                 TextTable table({QStringLiteral("ID"), QStringLiteral("WHEN (UTC)"), QStringLiteral("ACTOR"),
                                  QStringLiteral("CHANGE"), QStringLiteral("ROW")});
                 for (const HistoryEntry& e : entries)
                     table.addRow({QString::number(e.id), e.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.actor,
                                   e.operation.toLower(), e.table + QLatin1Char(' ') + e.rowKey});
                 table.print(inv.out());
                 return exit_code::Success;
             }});
    cli.add({{QStringLiteral("history"), QStringLiteral("verify")},
             QStringLiteral("Check that the history's hash chain is intact (nothing altered or removed)."),
             QStringLiteral("Prints the head hash: keep it somewhere else to detect a rewritten chain later."),
             {},
             {},
             true,
             [](Invocation& inv) {
                 const HistoryVerification v = HistoryService(inv.session().db()).verify();
                 if (inv.json()) {
                     inv.printJson(QJsonObject{{QStringLiteral("rows_checked"), v.rowsChecked},
                                               {QStringLiteral("intact"), v.intact},
                                               {QStringLiteral("first_bad_id"), v.firstBadId ? QJsonValue(*v.firstBadId) : QJsonValue()},
                                               {QStringLiteral("head_hash"), v.headHash}});
                 } else if (v.intact) {
                     inv.out() << "History intact: " << v.rowsChecked << " entries, head hash " << v.headHash << ".\n";
                 } else {
                     inv.out() << "History BROKEN" << (v.firstBadId ? QStringLiteral(" at entry %1").arg(*v.firstBadId) : QString())
                               << " (" << v.rowsChecked << " entries checked).\n";
                 }
                 return v.intact ? exit_code::Success : exit_code::Refused;
             }});

    cli.add({{QStringLiteral("overview")},
             QStringLiteral("Summarise the organisation: people, projects and coverage health."),
             {},
             {},
             {},
             true,
             [](Invocation& inv) {
                 Database& db = inv.session().db();
                 const qint64 people = PersonService(db).count();
                 const qint64 active = PersonService(db).count(PersonFilter{{}, {}, true, 0, 0});
                 const auto projects = ProjectService(db).list();
                 const CoverageReport report = CoverageService(db, coverageRules(inv)).checkAll();
                 std::map<std::string, std::pair<int, int>> health; // errors, warnings
                 for (const Finding& f : report.findings)
                     (f.severity == Severity::Error ? health[f.projectKey].first : health[f.projectKey].second)++;
                 if (inv.json()) {
                     QJsonArray list;
                     for (const Project& p : projects) {
                         const auto h = health[p.key.toStdString()];
                         QJsonObject o = toJson(p);
                         o.insert(QStringLiteral("coverage_errors"), h.first);
                         o.insert(QStringLiteral("coverage_warnings"), h.second);
                         list.append(o);
                     }
                     inv.printJson(QJsonObject{{QStringLiteral("database"), db.description()},
                                               {QStringLiteral("people"), people},
                                               {QStringLiteral("active_people"), active},
                                               {QStringLiteral("projects"), list},
                                               {QStringLiteral("coverage"), toJson(report)}});
                     return exit_code::Success;
                 }
                 QTextStream& out = inv.out();
                 out << "Steward - " << db.description() << " (" << inv.session().origin() << ")\n\n"
                     << "People:   " << people << " (" << active << " active)\n"
                     << "Projects: " << projects.size() << "\n\n";
                 TextTable table({QStringLiteral("PROJECT"), QStringLiteral("INDUSTRY"), QStringLiteral("RISK"),
                                  QStringLiteral("STAGE"), QStringLiteral("STATUS"), QStringLiteral("COVERAGE")});
                 for (const Project& p : projects) {
                     const auto h = health[p.key.toStdString()];
                     const bool checked = p.status != ProjectStatus::Completed && p.status != ProjectStatus::Cancelled;
                     table.addRow({p.key, qs(toString(p.industry)), qs(toString(p.riskTier)), qs(toString(p.stage)),
                                   qs(toString(p.status)),
                                   !checked ? QStringLiteral("not checked")
                                   : h.first + h.second == 0
                                       ? QStringLiteral("covered")
                                       : QStringLiteral("%1 error(s), %2 warning(s)").arg(h.first).arg(h.second)});
                 }
                 table.print(out);
                 out << "\nRun 'steward coverage' for the findings and what to do about them.\n";
                 return exit_code::Success;
             }});
}

} // namespace steward
