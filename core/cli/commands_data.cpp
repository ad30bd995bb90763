// steward history, overview, import, export, demo: the organisation's data as a whole.
#include "command.h"
#include "db/database.h"
#include "db/session.h"
#include "demo/demo_generator.h"
#include "demo/demo_organisation.h"
#include "error.h"
#include "io/assignment_import.h"
#include "io/csv_export.h"
#include "io/people_import.h"
#include "io/qualification_import.h"
#include "json_shapes.h"
#include "plugins/plugin_runtime.h"
#include "services/coverage_service.h"
#include "services/history_service.h"
#include "services/person_service.h"
#include "services/project_service.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlQuery>

#include <cstdint>
#include <limits>
#include <map>

namespace steward {
namespace {

QByteArray readInputFile(const QString& path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        throw validationError(QStringLiteral("%1: no such file").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        throw validationError(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    return file.readAll();
}

// Runs `write` on the named file (written whole or not at all), or on stdout without a name.
template <typename Write>
qint64 writeOutput(const QStringList& positional, Write write)
{
    if (positional.isEmpty() || positional.front() == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            throw Error(ErrorKind::Internal, QStringLiteral("cannot write to standard output"));
        return write(&out);
    }
    QSaveFile out(positional.front());
    if (!out.open(QIODevice::WriteOnly))
        throw validationError(
            QStringLiteral("%1: cannot write: %2").arg(positional.front(), out.errorString()));
    const qint64 rows = write(&out);
    if (!out.commit())
        throw validationError(
            QStringLiteral("%1: cannot write: %2").arg(positional.front(), out.errorString()));
    return rows;
}

QJsonObject importJson(const ImportResult& r)
{
    return {{QStringLiteral("inserted"), r.inserted},
            {QStringLiteral("updated"), r.updated},
            {QStringLiteral("unchanged"), r.unchanged}};
}

template <typename Import>
Command importCommand(const QString& what, const QString& columns, Import import)
{
    return {
        {QStringLiteral("import"), what},
        QStringLiteral("Import %1 from a CSV file, all or nothing.").arg(what),
        QStringLiteral("RFC 4180 CSV, UTF-8 with or without BOM, with a header row. Columns: %1.\n"
                       "A file with any problem is rejected as a whole; every problem is listed as "
                       "FILE:LINE: column: what is wrong, and the database is left unchanged.")
            .arg(columns),
        {},
        {{QStringLiteral("FILE"), QStringLiteral("The CSV file.")}},
        true,
        [what, import](Invocation& inv) {
            const QString path = inv.positional().at(0);
            const QByteArray data = readInputFile(path);
            const ImportResult r = import(inv.session().db(), data, path);
            if (inv.json())
                inv.printJson(importJson(r));
            else
                inv.out() << "Imported " << r.total() << " " << what << " from " << path << ": "
                          << r.inserted << " added, " << r.updated << " updated, " << r.unchanged
                          << " unchanged.\n";
            return exit_code::Success;
        }};
}

} // namespace

std::vector<std::shared_ptr<const Rule>> coverageRules(Invocation& inv)
{
    return inv.session().plugins().rules();
}

void registerDataCommands(CommandLine& cli)
{
    cli.add(importCommand(
        QStringLiteral("people"),
        QStringLiteral("email, name (required); org_unit, title, external_id, active (true/false)"),
        [](Database& db, const QByteArray& data, const QString& file) {
            return importPeople(db, data, file);
        }));
    cli.add(importCommand(
        QStringLiteral("assignments"),
        QStringLiteral(
            "email, project, role, from (required); to, allocation (percent, default 100)"),
        [](Database& db, const QByteArray& data, const QString& file) {
            return importAssignments(db, data, file);
        }));
    cli.add(importCommand(
        QStringLiteral("qualifications"),
        QStringLiteral("email, qualification, completed_on (required); expires_on, external_id, "
                       "evidence_url, note. A learning-management export: a completion already "
                       "stored (same person, qualification and day) is updated"),
        [](Database& db, const QByteArray& data, const QString& file) {
            return importQualificationRecords(db, data, file, QDate::currentDate());
        }));

    cli.add(
        {{QStringLiteral("export"), QStringLiteral("people")},
         QStringLiteral("Write the directory as CSV, in the format 'import people' reads."),
         {},
         {},
         {{QStringLiteral("[FILE]"), QStringLiteral("Output file (default: standard output).")}},
         false,
         [](Invocation& inv) {
             const qint64 rows = writeOutput(inv.positional(), [&](QIODevice* out) {
                 return exportPeople(inv.session().db(), out);
             });
             if (!inv.positional().isEmpty())
                 inv.out() << "Wrote " << rows << " people to " << inv.positional().front()
                           << ".\n";
             return exit_code::Success;
         }});
    cli.add(
        {{QStringLiteral("export"), QStringLiteral("assignments")},
         QStringLiteral("Write role assignments as CSV, in the format 'import assignments' reads."),
         {},
         {QCommandLineOption(QStringLiteral("project"), QStringLiteral("Only this project."),
                             QStringLiteral("key"))},
         {{QStringLiteral("[FILE]"), QStringLiteral("Output file (default: standard output).")}},
         false,
         [](Invocation& inv) {
             const qint64 rows = writeOutput(inv.positional(), [&](QIODevice* out) {
                 return exportAssignments(inv.session().db(), out,
                                          inv.value(QStringLiteral("project")));
             });
             if (!inv.positional().isEmpty())
                 inv.out() << "Wrote " << rows << " assignments to " << inv.positional().front()
                           << ".\n";
             return exit_code::Success;
         }});
    cli.add(
        {{QStringLiteral("export"), QStringLiteral("qualifications")},
         QStringLiteral("Write qualification records as CSV, in the format 'import "
                        "qualifications' reads."),
         {},
         {QCommandLineOption(QStringLiteral("qualification"),
                             QStringLiteral("Only this qualification's records."),
                             QStringLiteral("key"))},
         {{QStringLiteral("[FILE]"), QStringLiteral("Output file (default: standard output).")}},
         false,
         [](Invocation& inv) {
             const qint64 rows = writeOutput(inv.positional(), [&](QIODevice* out) {
                 return exportQualificationRecords(inv.session().db(), out,
                                                   inv.value(QStringLiteral("qualification")));
             });
             if (!inv.positional().isEmpty())
                 inv.out() << "Wrote " << rows << " qualification records to "
                           << inv.positional().front() << ".\n";
             return exit_code::Success;
         }});
    cli.add(
        {{QStringLiteral("export"), QStringLiteral("raci")},
         QStringLiteral("Write a project's RACI matrix as CSV: responsibilities by people."),
         {},
         {QCommandLineOption(QStringLiteral("project"), QStringLiteral("Project key."),
                             QStringLiteral("key"))},
         {{QStringLiteral("[FILE]"), QStringLiteral("Output file (default: standard output).")}},
         false,
         [](Invocation& inv) {
             const QString project = inv.required(QStringLiteral("project"));
             const qint64 rows = writeOutput(inv.positional(), [&](QIODevice* out) {
                 return exportRaciMatrix(inv.session().db(), project, out);
             });
             if (!inv.positional().isEmpty())
                 inv.out() << "Wrote the RACI matrix of " << project << " (" << rows
                           << " responsibilities) to " << inv.positional().front() << ".\n";
             return exit_code::Success;
         }});

    cli.add(
        {{QStringLiteral("demo"), QStringLiteral("load")},
         QStringLiteral("Load the demo organisation into an empty database."),
         QStringLiteral("About 40 people in several org units and eight projects across "
                        "healthcare, finance and "
                        "marketing, mostly staffed, with a few deliberate coverage gaps for "
                        "'steward coverage' "
                        "to find. Dates are relative to today."),
         {QCommandLineOption(
             QStringLiteral("if-empty"),
             QStringLiteral(
                 "Do nothing (and succeed) when the database already holds people or projects."))},
         {},
         true,
         [](Invocation& inv) {
             Database& db = inv.session().db();
             if (inv.isSet(QStringLiteral("if-empty"))) {
                 QSqlQuery q = db.exec(QStringLiteral(
                     "SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM project)"));
                 if (q.next() && q.value(0).toBool()) {
                     if (!inv.json())
                         inv.out() << "The database already holds an organisation; the demo was "
                                      "not loaded.\n";
                     else
                         inv.printJson(QJsonObject{{QStringLiteral("loaded"), false}});
                     return exit_code::Success;
                 }
             }
             const DemoLoadResult r = DemoOrganisation::load(db, QDate::currentDate());
             if (inv.json()) {
                 inv.printJson(QJsonObject{{QStringLiteral("loaded"), true},
                                           {QStringLiteral("people"), r.people},
                                           {QStringLiteral("org_units"), r.orgUnits},
                                           {QStringLiteral("projects"), r.projects},
                                           {QStringLiteral("assignments"), r.assignments},
                                           {QStringLiteral("raci_entries"), r.raciEntries},
                                           {QStringLiteral("audits"), r.audits},
                                           {QStringLiteral("pack_roles_skipped"),
                                            QJsonArray::fromStringList(r.packRolesSkipped)}});
                 return exit_code::Success;
             }
             inv.out() << "Loaded the demo organisation: " << r.people << " people in "
                       << r.orgUnits << " org units, " << r.projects << " projects, "
                       << r.assignments << " assignments, " << r.raciEntries << " RACI entries, "
                       << r.audits << " audits.\n";
             if (!r.packRolesSkipped.isEmpty())
                 inv.out() << "Not staffed (their role packs are not active): "
                           << r.packRolesSkipped.join(QStringLiteral(", ")) << ".\n";
             return exit_code::Success;
         }});

    cli.add(
        {{QStringLiteral("demo"), QStringLiteral("generate")},
         QStringLiteral("Generate a large synthetic organisation into an empty database."),
         QStringLiteral(
             "For benchmarks and for trying Steward at scale. Sizes (org units, people, projects, "
             "RACI entries):\n"
             "  small    10, 500, 25, 5,000\n"
             "  medium   100, 10,000, 500, 100,000\n"
             "  large    500, 100,000, 5,000, 1,000,000\n"
             "Each project has a team of about twenty role assignments consistent with its RACI "
             "entries; about 3 % of projects miss an Accountable or Responsible on purpose.\n"
             "The same size and seed give the same content on any machine and any day (dates are "
             "relative to 2026-01-01); the printed checksum covers everything but ids and "
             "timestamps. The rows are written in bulk, in one transaction: the history records "
             "one entry per table for the generation instead of one per row, and the database "
             "user must own the Steward tables (the embedded database's user does)."),
         {option(QStringLiteral("size"), QStringLiteral("small, medium or large."),
                 QStringLiteral("size")),
          option(QStringLiteral("seed"),
                 QStringLiteral("Seed of the generator, a whole number (default 1)."),
                 QStringLiteral("n")),
          option(QStringLiteral("if-empty"),
                 QStringLiteral("Do nothing (and succeed) when the database already holds people "
                                "or projects."))},
         {},
         true,
         [](Invocation& inv) {
             const QString sizeText = inv.required(QStringLiteral("size"));
             const auto size = parseGeneratedSize(sizeText);
             if (!size)
                 throw UsageError(QStringLiteral("--size must be small, medium or large, not '%1'")
                                      .arg(sizeText));
             std::uint64_t seed = 1;
             if (inv.isSet(QStringLiteral("seed"))) {
                 bool ok = false;
                 const QString seedText = inv.value(QStringLiteral("seed"));
                 seed = seedText.toULongLong(&ok);
                 if (!ok)
                     throw UsageError(
                         QStringLiteral("--seed must be a whole number from 0 to %1, not '%2'")
                             .arg(std::numeric_limits<std::uint64_t>::max())
                             .arg(seedText));
             }
             Database& db = inv.session().db();
             if (inv.isSet(QStringLiteral("if-empty"))) {
                 QSqlQuery q = db.exec(QStringLiteral(
                     "SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM project)"));
                 if (q.next() && q.value(0).toBool()) {
                     if (inv.json())
                         inv.printJson(QJsonObject{{QStringLiteral("generated"), false}});
                     else
                         inv.out() << "The database already holds an organisation; nothing was "
                                      "generated.\n";
                     return exit_code::Success;
                 }
             }
             QElapsedTimer timer;
             timer.start();
             const auto progress = [&](const QString& step) {
                 if (!inv.json()) {
                     inv.err() << QStringLiteral("[%1 s] %2\n")
                                      .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                                      .arg(step);
                     inv.err().flush();
                 }
             };
             const GenerateResult r = DemoGenerator::generate(db, *size, seed, progress);
             progress(QStringLiteral("checksum"));
             const QString checksum = DemoGenerator::contentChecksum(db);
             const double seconds = double(timer.elapsed()) / 1000.0;
             if (inv.json()) {
                 inv.printJson(QJsonObject{{QStringLiteral("generated"), true},
                                           {QStringLiteral("size"), toString(*size)},
                                           {QStringLiteral("seed"), QString::number(seed)},
                                           {QStringLiteral("org_units"), r.orgUnits},
                                           {QStringLiteral("people"), r.people},
                                           {QStringLiteral("projects"), r.projects},
                                           {QStringLiteral("assignments"), r.assignments},
                                           {QStringLiteral("raci_entries"), r.raciEntries},
                                           {QStringLiteral("checksum"), checksum},
                                           {QStringLiteral("seconds"), seconds}});
                 return exit_code::Success;
             }
             inv.out() << "Generated the " << toString(*size) << " organisation with seed " << seed
                       << " in " << QString::number(seconds, 'f', 1) << " s: " << r.people
                       << " people in " << r.orgUnits << " org units, " << r.projects
                       << " projects, " << r.assignments << " assignments, " << r.raciEntries
                       << " RACI entries.\nContent checksum: " << checksum << "\n";
             return exit_code::Success;
         }});

    cli.add(
        {{QStringLiteral("history")},
         QStringLiteral("Show who changed what and when, newest first."),
         {},
         {option(QStringLiteral("table"),
                 QStringLiteral(
                     "Only this table (person, project, assignment, raci_entry, role, ...)."),
                 QStringLiteral("table")),
          option(QStringLiteral("key"), QStringLiteral("Only this row (its id or key)."),
                 QStringLiteral("key")),
          option(QStringLiteral("by"), QStringLiteral("Only changes made by this actor."),
                 QStringLiteral("name")),
          option(QStringLiteral("limit"), QStringLiteral("At most this many entries (default 50)."),
                 QStringLiteral("n"))},
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
             TextTable table({QStringLiteral("ID"), QStringLiteral("WHEN (UTC)"),
                              QStringLiteral("ACTOR"), QStringLiteral("CHANGE"),
                              QStringLiteral("ROW")});
             for (const HistoryEntry& e : entries)
                 table.addRow({QString::number(e.id),
                               e.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                               e.actor, e.operation.toLower(),
                               e.table + QLatin1Char(' ') + e.rowKey});
             table.print(inv.out());
             return exit_code::Success;
         }});
    cli.add({{QStringLiteral("history"), QStringLiteral("verify")},
             QStringLiteral(
                 "Check that the history's hash chain is intact (nothing altered or removed)."),
             QStringLiteral(
                 "Prints the head hash: keep it somewhere else, and pass it to --expect-head "
                 "later, to detect a chain that was rewritten or cut back and re-sealed by "
                 "someone with the table owner's power."),
             {option(QStringLiteral("expect-head"),
                     QStringLiteral("A head hash printed by an earlier verify; the history must "
                                    "still hold that entry."),
                     QStringLiteral("hash"))},
             {},
             true,
             [](Invocation& inv) {
                 const QString expected = inv.value(QStringLiteral("expect-head")).trimmed();
                 static const QRegularExpression sha256Hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
                 if (inv.isSet(QStringLiteral("expect-head")) &&
                     !sha256Hex.match(expected).hasMatch())
                     throw UsageError(QStringLiteral("--expect-head: '%1' is not a SHA-256 hash "
                                                     "(64 hexadecimal digits)")
                                          .arg(expected));
                 const HistoryVerification v = HistoryService(inv.session().db()).verify(expected);
                 const auto optionalId = [](const std::optional<qint64>& id) {
                     return id ? QJsonValue(*id) : QJsonValue();
                 };
                 if (inv.json()) {
                     QJsonObject o{{QStringLiteral("rows_checked"), v.rowsChecked},
                                   {QStringLiteral("intact"), v.intact},
                                   {QStringLiteral("first_bad_id"), optionalId(v.firstBadId)},
                                   {QStringLiteral("head_hash"), v.headHash},
                                   {QStringLiteral("head_id"), optionalId(v.headId)},
                                   {QStringLiteral("problem"),
                                    v.intact ? QJsonValue() : QJsonValue(v.problem)}};
                     if (!expected.isEmpty())
                         o.insert(QStringLiteral("expected_head_id"), optionalId(v.expectedHeadId));
                     inv.printJson(o);
                 } else if (v.intact) {
                     inv.out() << "History intact: " << v.rowsChecked << " entries, head hash "
                               << v.headHash << ".\n";
                     if (v.expectedHeadId)
                         inv.out() << "The head recorded earlier is entry " << *v.expectedHeadId
                                   << "; everything since follows it.\n";
                 } else {
                     inv.out() << "History BROKEN: " << v.problem << " (" << v.rowsChecked
                               << " entries checked).\n";
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
                     (f.severity == Severity::Error ? health[f.projectKey].first
                                                    : health[f.projectKey].second)++;
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
                 out << "Steward - " << db.description() << " (" << inv.session().origin()
                     << ")\n\n"
                     << "People:   " << people << " (" << active << " active)\n"
                     << "Projects: " << projects.size() << "\n\n";
                 TextTable table({QStringLiteral("PROJECT"), QStringLiteral("INDUSTRY"),
                                  QStringLiteral("RISK"), QStringLiteral("STAGE"),
                                  QStringLiteral("STATUS"), QStringLiteral("COVERAGE")});
                 for (const Project& p : projects) {
                     const auto h = health[p.key.toStdString()];
                     const bool checked = p.status != ProjectStatus::Completed &&
                                          p.status != ProjectStatus::Cancelled;
                     table.addRow({p.key, qs(toString(p.industry)), qs(toString(p.riskTier)),
                                   qs(toString(p.stage)), qs(toString(p.status)),
                                   !checked ? QStringLiteral("not checked")
                                   : h.first + h.second == 0
                                       ? QStringLiteral("covered")
                                       : QStringLiteral("%1 error(s), %2 warning(s)")
                                             .arg(h.first)
                                             .arg(h.second)});
                 }
                 table.print(out);
                 out << "\nRun 'steward coverage' for the findings and what to do about them.\n";
                 return exit_code::Success;
             }});
}

} // namespace steward
