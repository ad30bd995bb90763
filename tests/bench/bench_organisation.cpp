// Organisation scale, as issue 12 asks for it: each figure of Steward beside a reference measured
// in the same run on the same machine, and their ratio (which holds on a busy machine where
// absolute times do not). On a throwaway cluster it generates the synthetic organisation with
// `steward demo generate`, then times, as separate processes from start to exit:
//   - `steward coverage --json` over every project, against one plain SQL aggregate of the two
//     core rules (no Accountable / no Responsible per required responsibility and project);
//   - `steward coverage --project KEY --json`;
//   - the People directory's keyset pages (first, a jump to the middle, Page Down, the last), as
//     the People screen reads them (services/person_pages.h), against LIMIT/OFFSET pages; and the
//     Projects screen's whole list;
//   - `steward audit report N --format html|pdf` of a real audit of one project (every item
//     assessed, evidence, findings, signed off), against the report's data read in process;
//   - `steward import people` of as many people as the organisation has, into an empty database,
//     against COPY into a staging table plus INSERT into a copy of `person` with its indexes; and
//     the import's peak memory;
//   - `steward history verify` over a million history entries (people changed statement by
//     statement after that import), against one pass of the same digests without the chain;
// and, in process, the per-project check (every project's whole staffing through every rule,
// what `coverage` did before the set-based check) for comparison.
//
//   ninja -C <build> steward steward-bench-organisation healthcare finance marketing
//       checklist-eu-ai-act
//   <build>/bin/steward-bench-organisation [--size small|medium|large] [--seed N] [--runs N]
//
// Figures are printed, not asserted: a timed test fails on a busy machine. The default test suite
// runs `--size small --runs 1` (steward-bench-organisation-smoke) to keep the program working.
#include "assessed_audit.h"
#include "audit/audit_service.h"
#include "database_fixture.h"
#include "db/database.h"
#include "io/copy_in.h"
#include "plugins/pluginhost.h"
#include "reports/audit_report.h"
#include "services/coverage_service.h"
#include "services/person_pages.h"
#include "services/person_service.h"
#include "services/project_service.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <stdexcept>
#include <vector>

namespace steward {
namespace {

const QString kDay = QStringLiteral("2026-01-01"); // the generator's reference day

struct Options {
    QString size = QStringLiteral("large");
    QString seed = QStringLiteral("1");
    int runs = 3;
};

Options parse(const QStringList& args)
{
    Options o;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--size") && i + 1 < args.size())
            o.size = args[++i];
        else if (args[i] == QLatin1String("--seed") && i + 1 < args.size())
            o.seed = args[++i];
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            o.runs = std::max(1, args[++i].toInt());
        else
            throw std::invalid_argument("usage: steward-bench-organisation [--size "
                                        "small|medium|large] [--seed N] [--runs N]");
    }
    return o;
}

double ms(const QElapsedTimer& t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct ProcessRun {
    double milliseconds = 0;
    double peakMegabytes = -1; // VmHWM, sampled while it runs
    QByteArray output;
};

// Runs the steward program to its end; throws unless it succeeds.
ProcessRun runCli(const QString& conninfo, const QStringList& args, bool keepOutput = false)
{
    QProcess p;
    if (!keepOutput)
        p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(STEWARD_CLI_PATH),
            QStringList{QStringLiteral("--database=") + conninfo} + args);
    if (!p.waitForStarted())
        throw std::runtime_error("cannot start " STEWARD_CLI_PATH);
    ProcessRun run;
    const QString status = QStringLiteral("/proc/%1/status").arg(p.processId());
    while (!p.waitForFinished(2)) {
        QFile f(status);
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray& line : f.readAll().split('\n'))
                if (line.startsWith("VmHWM:"))
                    run.peakMegabytes =
                        line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    }
    run.milliseconds = ms(t);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        throw std::runtime_error("steward " + args.join(QLatin1Char(' ')).toStdString() +
                                 " failed: " + p.readAllStandardError().toStdString());
    if (keepOutput)
        run.output = p.readAllStandardOutput();
    return run;
}

double timed(const std::function<void()>& work)
{
    QElapsedTimer t;
    t.start();
    work();
    return ms(t);
}

void row(const char* measure, double figure, std::optional<double> reference, const char* target)
{
    if (reference)
        std::printf("  %-46s %10.1f ms %10.1f ms %7.2fx   %s\n", measure, figure, *reference,
                    figure / *reference, target);
    else
        std::printf("  %-46s %10.1f ms %13s %8s   %s\n", measure, figure, "", "", target);
    std::fflush(stdout);
}

// The reference for the org-wide check: the two core rules as one aggregate.
const QString kPlainCoverageSql =
    QStringLiteral("SELECT p.key, r.key, count(e.id) FILTER (WHERE e.kind = 'A') = 0, "
                   "count(e.id) FILTER (WHERE e.kind = 'R') = 0 FROM project p "
                   "JOIN responsibility r ON r.required AND r.retired_at IS NULL "
                   "JOIN role ro ON ro.key = r.role_key AND ro.retired_at IS NULL "
                   "LEFT JOIN raci_entry e ON e.project_id = p.id AND e.responsibility_key = r.key "
                   "WHERE p.status NOT IN ('completed', 'cancelled') "
                   "AND (ro.industry IS NULL OR ro.industry = p.industry) "
                   "AND (r.stage <> 'operate' OR p.stage IN ('deployment', 'operation')) "
                   "GROUP BY p.key, r.key HAVING count(e.id) FILTER (WHERE e.kind = 'A') = 0 "
                   "OR count(e.id) FILTER (WHERE e.kind = 'R') = 0");

QByteArray peopleCsv(int people)
{
    QByteArray csv = "email,name,org_unit,title,external_id,active\n";
    for (int i = 0; i < people; ++i)
        csv += QStringLiteral("person%1@bench.example.org,Person %1 Bench,Unit %2,Engineer %3,"
                              "HR-%1,%4\n")
                   .arg(i)
                   .arg(i % 500)
                   .arg(i % 7)
                   .arg(i % 37 == 0 ? QStringLiteral("false") : QStringLiteral("true"))
                   .toUtf8();
    return csv;
}

// COPY into a staging table, then INSERT into a copy of `person` with the same indexes: what an
// import costs with no validation and no history.
double referenceImport(const QString& conninfo, const QByteArray& csv)
{
    Database db(conninfo, QStringLiteral("bench"));
    db.exec(QStringLiteral("CREATE TABLE person_copy (LIKE person INCLUDING ALL)"));
    const QList<QByteArray> lines = csv.split('\n');
    return timed([&] {
        Transaction tx(db);
        db.exec(QStringLiteral("CREATE TEMP TABLE staging (email text, name text, org_unit text, "
                               "title text, external_id text, active boolean) ON COMMIT DROP"));
        {
            CopyIn copy(db, QStringLiteral("COPY staging FROM STDIN"));
            for (qsizetype i = 1; i < lines.size(); ++i) {
                if (lines[i].isEmpty())
                    continue;
                std::vector<std::optional<QString>> values;
                for (const QByteArray& field : lines[i].split(','))
                    values.emplace_back(QString::fromUtf8(field));
                copy.putRow(values);
            }
            copy.finish();
        }
        db.exec(QStringLiteral("INSERT INTO person_copy (email, name, title, external_id, active) "
                               "SELECT email, name, title, external_id, active FROM staging"));
        tx.commit();
    });
}

double medianOf(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i)
        times.push_back(timed(work));
    return median(times);
}

// The People directory's pages (services/person_pages.h, the statements the People screen runs),
// sorted by name as the screen opens, beside the same page read with LIMIT/OFFSET (what
// `steward person list --limit --offset` does); and the Projects screen's list.
void directoryPages(Database& db, int runs)
{
    constexpr int kPage = 200; // the People screen's page (PersonListModel::kPageSize)
    const PersonFilter byName;
    const qint64 people = PersonService(db).count(byName);
    const auto offsetPage = [&](qint64 first) {
        PersonFilter f = byName;
        f.limit = kPage;
        f.offset = static_cast<int>(first);
        return PersonService(db).list(f).size();
    };
    const auto check = [](std::size_t got, std::size_t wanted, const char* which) {
        if (got != wanted)
            throw std::runtime_error(std::string(which) + ": " + std::to_string(got) +
                                     " people instead of " + std::to_string(wanted));
    };

    // The first page, with the count the screen reads before it.
    const double first = medianOf(runs, [&] {
        const qint64 count = PersonService(db).count(byName);
        check(PersonPages(db, byName, count).read({}, false, kPage).size(),
              static_cast<std::size_t>(std::min<qint64>(count, kPage)), "first page");
    });
    const double firstOffset = medianOf(runs, [&] { offsetPage(0); });
    row("people: first page (count + 200 rows)", first, firstOffset, "< 150 ms");

    // A jump to the middle: an index-only skip to the page's first row.
    const PersonPages pages(db, byName, people);
    const qint64 middle = people / 2 / kPage * kPage;
    std::vector<PersonPageRow> middlePage;
    const double jump = medianOf(runs, [&] {
        middlePage = pages.read({PersonSeek::From::Offset, {}, 0, true, static_cast<int>(middle)},
                                false, kPage);
        check(middlePage.size(), static_cast<std::size_t>(std::min<qint64>(people - middle, kPage)),
              "middle page");
    });
    row("people: jump to the middle page", jump, medianOf(runs, [&] { offsetPage(middle); }),
        "< 150 ms");

    // Page Down from there: the page after a known row.
    const PersonPageRow& last = middlePage.back();
    const double next = medianOf(runs, [&] {
        pages.read({PersonSeek::From::Row, last.sortKey, last.person.id, false, 0}, false, kPage);
    });
    row("people: the page after it (Page Down)", next,
        medianOf(runs, [&] { offsetPage(middle + kPage); }), "< 150 ms");

    // The last page: read backwards from the end of the listing.
    const qint64 lastFirst = (people - 1) / kPage * kPage;
    const double end = medianOf(runs, [&] {
        check(pages.read({}, true, static_cast<int>(people - lastFirst)).size(),
              static_cast<std::size_t>(people - lastFirst), "last page");
    });
    row("people: jump to the last page", end, medianOf(runs, [&] { offsetPage(lastFirst); }),
        "< 150 ms");

    // Projects are not paged: the Projects screen reads the filtered list whole.
    std::size_t projects = 0;
    const double list = medianOf(runs, [&] { projects = ProjectService(db).list({}).size(); });
    row("projects: the whole list (Projects screen)", list, std::nullopt, "< 150 ms");
    std::printf("    (%lld people in pages of %d, reference: LIMIT/OFFSET; %zu projects)\n", people,
                kPage, projects);
}

// A real audit of one project (every item assessed, evidence, findings, signed off, made by the
// audit service), then its reports as `steward audit report` writes them, as processes; beside
// them the same work in this process (AuditService::reportData and the renderer), so that the
// difference is the program's start: libraries, session, plugins.
void auditReports(const QString& conninfo, Database& db, const QString& project, int runs)
{
    const qint64 id = createAssessedAudit(db, project, QStringLiteral("eu-ai-act"),
                                          QDate::fromString(kDay, Qt::ISODate));
    const double data = medianOf(runs, [&] { AuditService(db).reportData(id); });
    const double html = medianOf(runs, [&] { renderHtmlReport(AuditService(db).reportData(id)); });
    const double pdf = medianOf(runs, [&] { renderPdfReport(AuditService(db).reportData(id)); });
    QTemporaryDir dir;
    for (const char* format : {"html", "pdf"}) {
        const QString file = dir.filePath(QStringLiteral("report.") + QLatin1String(format));
        std::vector<double> times;
        for (int i = 0; i < runs; ++i)
            times.push_back(
                runCli(conninfo, {QStringLiteral("audit"), QStringLiteral("report"),
                                  QString::number(id), QStringLiteral("--format"),
                                  QLatin1String(format), QStringLiteral("--output"), file})
                    .milliseconds);
        if (QFileInfo(file).size() < 1000)
            throw std::runtime_error("the " + std::string(format) + " report is nearly empty");
        const bool isHtml = format[0] == 'h';
        row(isHtml ? "audit report --format html (process)" : "audit report --format pdf (process)",
            median(times), isHtml ? html : pdf,
            isHtml ? "< 100 ms (reference: in process)" : "< 1 s (reference: in process)");
    }
    std::printf("    (in process: the report's data %.1f ms of it)\n", data);
    const AuditReportData report = AuditService(db).reportData(id);
    std::printf("    (audit %lld of %s: %zu items, %zu evidence, %zu findings)\n", id,
                qPrintable(project), report.items.size(), report.evidence.size(),
                report.findings.size());
}

int run(const Options& o)
{
    useMigratedTemplate();
    const int n = o.runs;
    std::printf("Generating the %s organisation (seed %s) with steward demo generate...\n",
                qPrintable(o.size), qPrintable(o.seed));
    std::fflush(stdout);
    TestDatabase org;
    runCli(org.conninfo(), {QStringLiteral("demo"), QStringLiteral("generate"),
                            QStringLiteral("--size"), o.size, QStringLiteral("--seed"), o.seed});
    executeSql(org.conninfo(), QStringLiteral("VACUUM ANALYZE")); // as autovacuum soon would
    Database db(org.conninfo(), QStringLiteral("bench"));
    QSqlQuery counts = db.exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM project), (SELECT count(*) "
        "FROM raci_entry), (SELECT min(key) FROM project WHERE status = 'active')"));
    counts.next();
    const int people = counts.value(0).toInt();
    const QString oneProject = counts.value(3).toString();
    std::printf("%d people, %d projects, %lld RACI entries; median of %d run(s)\n\n", people,
                counts.value(1).toInt(), counts.value(2).toLongLong(), n);
    std::printf("  %-46s %13s %13s %8s   %s\n", "measure", "Steward", "reference", "ratio",
                "target");

    // Coverage of every project, and the plain aggregate, alternated so that both see the same
    // machine.
    std::vector<double> all, plain;
    int findings = 0;
    for (int i = 0; i < n; ++i) {
        const ProcessRun r = runCli(
            org.conninfo(),
            {QStringLiteral("coverage"), QStringLiteral("--json"), QStringLiteral("--as-of"), kDay},
            true);
        all.push_back(r.milliseconds);
        findings = static_cast<int>(r.output.count("\"code\""));
        plain.push_back(timed([&] {
            QSqlQuery q = db.exec(kPlainCoverageSql);
            while (q.next()) {
            }
        }));
    }
    row("coverage --json, all projects (process)", median(all), median(plain),
        "<= 1.0x, <= 250 ms");
    std::vector<double> one;
    for (int i = 0; i < n; ++i)
        one.push_back(
            runCli(org.conninfo(), {QStringLiteral("coverage"), QStringLiteral("--project"),
                                    oneProject, QStringLiteral("--json")})
                .milliseconds);
    row("coverage --project KEY --json (process)", median(one), std::nullopt, "< 150 ms");

    // The per-project check in process, with the role packs' rules, for comparison.
    {
        PluginHostOptions options;
        options.searchStandardLocations = false;
        options.searchEnvironment = false;
        options.directories = {QStringLiteral(STEWARD_BENCH_PLUGIN_DIR)};
        PluginHost host(options);
        host.discover();
        host.loadAll();
        CoverageService service(db, host.rules());
        const QDate day = QDate::fromString(kDay, Qt::ISODate);
        std::size_t perProject = 0;
        std::size_t setBased = 0;
        const double before =
            timed([&] { perProject = service.checkAllProjectByProject(day).findings.size(); });
        const double after = timed([&] { setBased = service.checkAll(day).findings.size(); });
        row("checkAll() in process, set-based", after, before, "(reference: per project)");
        std::printf("    %d findings in the JSON; %zu set-based, %zu per project%s\n", findings,
                    setBased, perProject, setBased == perProject ? "" : "  ** DIFFERENT **");
    }

    directoryPages(db, n);
    // The audit covers the most of the checklist on a high-risk system that is both provider and
    // deployer.
    QSqlQuery audited = db.exec(QStringLiteral(
        "SELECT key FROM project WHERE status = 'active' ORDER BY risk_tier = 'high' DESC, "
        "ai_act_role = 'provider-and-deployer' DESC, key LIMIT 1"));
    audited.next();
    auditReports(org.conninfo(), db, audited.value(0).toString(), n);

    // Import into an empty database, against COPY + INSERT.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("people.csv"));
    const QByteArray csv = peopleCsv(people);
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size())
            throw std::runtime_error("cannot write " + file.toStdString());
    }
    std::vector<double> imports, copies;
    double peak = 0;
    std::optional<TestDatabase> imported;
    for (int i = 0; i < n; ++i) {
        imported.emplace();
        const ProcessRun r = runCli(imported->conninfo(),
                                    {QStringLiteral("import"), QStringLiteral("people"), file});
        imports.push_back(r.milliseconds);
        peak = std::max(peak, r.peakMegabytes);
        TestDatabase reference;
        copies.push_back(referenceImport(reference.conninfo(), csv));
    }
    row("import people into an empty database (process)", median(imports), median(copies),
        "<= 1.25x");
    std::printf("  %-46s %10.1f MB %13s %8s   %s\n", "import people, peak RSS", peak, "", "",
                "< 200 MB");

    // History verify over (about) a million entries: the import's, then every person changed
    // once per statement until there are enough.
    {
        Database h(imported->conninfo(), QStringLiteral("bench"));
        const auto entries = [&] {
            QSqlQuery q = h.exec(QStringLiteral("SELECT count(*) FROM history"));
            q.next();
            return q.value(0).toLongLong();
        };
        const qint64 wanted = std::max<qint64>(10LL * people, 1000);
        const double writing = timed([&] {
            for (int round = 1; entries() < wanted; ++round)
                h.exec(QStringLiteral("UPDATE person SET title = 'Round %1'").arg(round));
        });
        std::printf("    (%lld history entries written in %.1f s)\n", entries(), writing / 1000);
        executeSql(imported->conninfo(), QStringLiteral("VACUUM ANALYZE history"));
        std::vector<double> verify, digests;
        for (int i = 0; i < n; ++i) {
            verify.push_back(
                runCli(imported->conninfo(), {QStringLiteral("history"), QStringLiteral("verify")})
                    .milliseconds);
            digests.push_back(timed([&] {
                h.exec(QStringLiteral("SELECT count(*) FILTER (WHERE h.hash = "
                                      "sha256(history_digest_input(h))) FROM history h"));
            }));
        }
        row("history verify (process)", median(verify), median(digests),
            "(reference: the digests alone)");
    }
    return 0;
}

} // namespace
} // namespace steward

int main(int argc, char** argv)
{
    // The PDF report lays out text, which needs a QGuiApplication; offscreen, as the CLI's.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    try {
        return steward::run(steward::parse(app.arguments()));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "steward-bench-organisation: %s\n", e.what());
        return 1;
    }
}
