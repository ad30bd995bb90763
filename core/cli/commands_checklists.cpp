// steward checklist import, steward checklist export: checklists as files, for governance officers
// who write their own or take them from another tool (CISO Assistant, OSCAL), and keep them in git.
#include "checklists/checklist_import.h"
#include "command.h"
#include "db/session.h"
#include "error.h"

#include <QFile>
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
}

} // namespace steward
