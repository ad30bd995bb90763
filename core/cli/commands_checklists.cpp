// steward checklist import, steward checklist export: checklists as files, for governance officers
// who write their own or take them from another tool (CISO Assistant, OSCAL), and keep them in git.
#include "checklists/checklist_import.h"
#include "checklists/crosswalk.h"
#include "command.h"
#include "db/session.h"
#include "error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace steward {
namespace {

int importChecklist(Invocation& inv)
{
    // The file first: a broken one is refused without opening a database.
    const ChecklistFile file =
        readChecklistFile(inv.positional().at(0), inv.value(QStringLiteral("key")));
    Session& session = inv.session();
    session.plugins(); // what the plugins ship is published first: their keys are taken
    ChecklistImport importer(session.db());
    const bool dryRun = inv.isSet(QStringLiteral("dry-run"));
    const ChecklistImportPreview result = dryRun ? importer.preview(file) : importer.import(file);
    QTextStream& out = inv.out();
    out << file.path << ": " << toString(file.format) << " file, SHA-256 " << file.sha256 << '\n';
    for (const QString& note : file.mappingNotes)
        out << "  " << note << '\n';
    out << (dryRun ? "Would do (nothing written): " : "") << result.summary() << ".\n";
    return exit_code::Success;
}

int exportChecklist(Invocation& inv)
{
    const QString key = inv.positional().at(0);
    const QString format = inv.isSet(QStringLiteral("format")) ? inv.value(QStringLiteral("format"))
                                                               : QStringLiteral("steward");
    if (format != QLatin1String("steward") && format != QLatin1String("oscal"))
        throw UsageError(QStringLiteral("--format is steward or oscal, not %1").arg(format));
    std::optional<int> number;
    if (inv.isSet(QStringLiteral("version")))
        number = inv.intOption(QStringLiteral("version"), 0);
    Session& session = inv.session();
    session.plugins();
    const StoredChecklist stored = loadChecklist(session.db(), key, number);
    const QByteArray bytes = format == QLatin1String("oscal")
                                 ? writeOscalCatalog(stored.spec, stored.publishedAt)
                                 : writeStewardChecklist(stored.spec);
    if (!inv.isSet(QStringLiteral("output"))) {
        inv.out() << QString::fromUtf8(bytes);
        return exit_code::Success;
    }
    QSaveFile f(inv.value(QStringLiteral("output")));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        throw validationError(QStringLiteral("%1: cannot be written: %2")
                                  .arg(inv.value(QStringLiteral("output")), f.errorString()));
    inv.out() << "Wrote checklist " << key << " version " << stored.number << " to "
              << inv.value(QStringLiteral("output")) << ".\n";
    return exit_code::Success;
}

int importMappings(Invocation& inv)
{
    const CrosswalkFile file = readCrosswalkFile(inv.positional().at(0));
    Session& session = inv.session();
    session.plugins();
    const CrosswalkImportResult r = importCrosswalk(session.db(), file);
    inv.out() << file.path << ": " << r.added << " mappings added, " << r.changed << " changed, "
              << r.unchanged << " unchanged.\n";
    return exit_code::Success;
}

int mappedEvidence(Invocation& inv)
{
    bool ok = false;
    const qint64 auditId = inv.positional().at(0).toLongLong(&ok);
    if (!ok)
        throw UsageError(
            QStringLiteral("AUDIT is an audit number, not %1").arg(inv.positional().at(0)));
    Session& session = inv.session();
    const std::vector<MappedEvidenceOffer> offers = mappedEvidenceOffers(session.db(), auditId);
    if (inv.json()) {
        QJsonArray list;
        for (const MappedEvidenceOffer& o : offers)
            list.append(QJsonObject{{QStringLiteral("audit_item"), o.auditItemId},
                                    {QStringLiteral("item"), o.itemId},
                                    {QStringLiteral("from_audit"), o.fromAuditId},
                                    {QStringLiteral("from_checklist"), o.fromChecklist},
                                    {QStringLiteral("from_item"), o.fromItemId},
                                    {QStringLiteral("relation"), o.relation},
                                    {QStringLiteral("rationale"), o.rationale},
                                    {QStringLiteral("evidence"), o.evidenceId},
                                    {QStringLiteral("location"), o.evidenceLocation}});
        inv.printJson(list);
        return exit_code::Success;
    }
    if (offers.empty())
        inv.out() << "No evidence of mapped items in other audits of this project to offer.\n";
    for (const MappedEvidenceOffer& o : offers)
        inv.out() << o.itemId << ": " << o.sentence() << '\n';
    return exit_code::Success;
}

int frameworkCoverage(Invocation& inv)
{
    Session& session = inv.session();
    const std::vector<FrameworkCoverage> coverage =
        crossFrameworkCoverage(session.db(), inv.positional().at(0));
    if (inv.json()) {
        QJsonArray list;
        for (const FrameworkCoverage& c : coverage) {
            QJsonArray items;
            for (const FrameworkCoverageItem& i : c.items)
                items.append(
                    QJsonObject{{QStringLiteral("id"), i.itemId},
                                {QStringLiteral("status"), i.status},
                                {QStringLiteral("through"),
                                 i.through.isEmpty() ? QJsonValue() : QJsonValue(i.through)}});
            list.append(QJsonObject{{QStringLiteral("checklist"), c.checklistKey},
                                    {QStringLiteral("title"), c.title},
                                    {QStringLiteral("audit"), c.auditId},
                                    {QStringLiteral("direct"), c.direct},
                                    {QStringLiteral("mapped"), c.mapped},
                                    {QStringLiteral("partly"), c.partly},
                                    {QStringLiteral("open"), c.open},
                                    {QStringLiteral("items"), items}});
        }
        inv.printJson(list);
        return exit_code::Success;
    }
    if (coverage.empty()) {
        inv.out() << "No audits on this project yet.\n";
        return exit_code::Success;
    }
    TextTable table({QStringLiteral("CHECKLIST"), QStringLiteral("AUDIT"), QStringLiteral("DIRECT"),
                     QStringLiteral("MAPPED"), QStringLiteral("PARTLY"), QStringLiteral("OPEN")});
    for (const FrameworkCoverage& c : coverage)
        table.addRow({c.checklistKey, QString::number(c.auditId), QString::number(c.direct),
                      QString::number(c.mapped), QString::number(c.partly),
                      QString::number(c.open)});
    table.print(inv.out());
    for (const FrameworkCoverage& c : coverage)
        for (const FrameworkCoverageItem& i : c.items)
            if (!i.through.isEmpty())
                inv.out() << c.checklistKey << ' ' << i.itemId << ": " << i.status << " through "
                          << i.through << '\n';
    return exit_code::Success;
}

} // namespace

void registerChecklistFileCommands(CommandLine& cli)
{
    cli.add(
        {{QStringLiteral("checklist"), QStringLiteral("import")},
         QStringLiteral("Publish a checklist from a file: Steward YAML, a CISO Assistant library "
                        "or an OSCAL catalog."),
         QStringLiteral(
             "The format is recognised from the file's top level. Every problem of a bad file is "
             "listed as FILE:LINE and nothing is written. An unchanged file writes nothing; a "
             "changed one publishes a new checklist version (audits keep theirs). Only "
             "administrators may import."),
         {option(QStringLiteral("key"),
                 QStringLiteral("Publish under this checklist key instead of the file's."),
                 QStringLiteral("key")),
          option(QStringLiteral("dry-run"),
                 QStringLiteral("Check the file and say what would be published; write nothing."))},
         {{QStringLiteral("FILE"), QStringLiteral("The checklist file (.yaml, .yml or .json).")}},
         false,
         importChecklist});
    cli.add(
        {{QStringLiteral("checklist"), QStringLiteral("export")},
         QStringLiteral("Write a checklist out as Steward YAML or an OSCAL catalog."),
         QStringLiteral("Writes the current version, or --version N; to standard output "
                        "unless --output names a file. Importing the result again publishes "
                        "nothing new."),
         {option(QStringLiteral("format"), QStringLiteral("steward (default) or oscal."),
                 QStringLiteral("format")),
          option(QStringLiteral("version"),
                 QStringLiteral("Export this published version (1, 2, ...)."), QStringLiteral("n")),
          option(QStringLiteral("output"), QStringLiteral("Write to this file."),
                 QStringLiteral("file"))},
         {{QStringLiteral("KEY"), QStringLiteral("The checklist's key.")}},
         false,
         exportChecklist});
    cli.add({{QStringLiteral("checklist"), QStringLiteral("map"), QStringLiteral("import")},
             QStringLiteral("Import a crosswalk: items of one checklist mapped to another's."),
             QStringLiteral("YAML (steward-crosswalk: 1) or CSV (.csv) with the columns "
                            "source_checklist, source_item, target_checklist, target_item, "
                            "relation, rationale. Relations are equal, subset, superset and "
                            "intersect; every mapping needs a rationale. Items must exist in the "
                            "checklists' current versions. Only administrators may import."),
             {},
             {{QStringLiteral("FILE"), QStringLiteral("The crosswalk (.yaml or .csv).")}},
             false,
             importMappings});
    cli.add({{QStringLiteral("audit"), QStringLiteral("mapped-evidence")},
             QStringLiteral("Evidence from other audits of the project that backs a mapped item."),
             QStringLiteral("For each item of the audit, evidence linked to an item mapped to it "
                            "(a crosswalk) in another audit of the same project, not yet linked "
                            "here."),
             {},
             {{QStringLiteral("AUDIT"), QStringLiteral("The audit's number.")}},
             true,
             mappedEvidence});
    cli.add({{QStringLiteral("project"), QStringLiteral("frameworks")},
             QStringLiteral("Coverage across frameworks: items satisfied directly or through a "
                            "mapped item."),
             QStringLiteral("For each checklist audited on the project (its latest audit): items "
                            "satisfied in that audit (direct), through an equal or wider mapped "
                            "item satisfied in another checklist's latest audit (mapped), through "
                            "an overlapping or narrower one (partly), or not at all (open)."),
             {},
             {{QStringLiteral("KEY"), QStringLiteral("The project's key.")}},
             true,
             frameworkCoverage});
}

} // namespace steward
