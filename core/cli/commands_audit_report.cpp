// steward audit report, steward audit export: an audit's report for people (HTML, PDF) and
// programs (JSON, CSV), and its OSCAL assessment results, from one snapshot (AuditService).
#include "audit/audit_service.h"
#include "command.h"
#include "db/session.h"
#include "error.h"
#include "reports/audit_report.h"
#include "reports/oscal_export.h"

#include <QFile>
#include <QSaveFile>

#include <unistd.h>

namespace steward {
namespace {

qint64 auditId(Invocation& inv)
{
    bool ok = false;
    const qint64 id = inv.positional().at(0).toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError(QStringLiteral("'%1' is not an audit id").arg(inv.positional().at(0)));
    return id;
}

QString formatOption(Invocation& inv, const QStringList& formats)
{
    const QString format = inv.required(QStringLiteral("format")).toLower();
    if (!formats.contains(format))
        throw UsageError(
            QStringLiteral("unknown format '%1'; use %2")
                .arg(inv.value(QStringLiteral("format")), formats.join(QStringLiteral(", "))));
    return format;
}

// Writes the whole document to --output (all or nothing) or to standard output.
int writeDocument(Invocation& inv, const QByteArray& bytes, const QString& what, bool binary)
{
    const QString path = inv.value(QStringLiteral("output"));
    if (path.isEmpty()) {
        // A terminal would show binary PDF bytes as garbage and could be left in a strange state.
        if (binary && isatty(STDOUT_FILENO))
            throw UsageError(QStringLiteral(
                "a PDF is not for a terminal; give --output FILE or redirect the output"));
        inv.out().flush();
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size() ||
            !out.flush())
            throw Error(ErrorKind::Internal, QStringLiteral("cannot write to standard output"));
        return exit_code::Success;
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        throw validationError(QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    inv.out() << "Wrote " << what << " to " << path << " (" << bytes.size() << " bytes).\n";
    return exit_code::Success;
}

const QCommandLineOption kOutput =
    option(QStringLiteral("output"), QStringLiteral("Write to FILE instead of standard output."),
           QStringLiteral("FILE"));

} // namespace

void registerAuditReportCommands(CommandLine& cli)
{
    cli.add(
        {{QStringLiteral("audit"), QStringLiteral("report")},
         QStringLiteral("Write an audit's report as HTML, PDF, JSON or CSV"),
         QStringLiteral(
             "The report shows the project and scope, the checklist and its version, the lead, the "
             "dates, the scores by section and overall with their trend, every item with its "
             "result, "
             "note and evidence, the findings with owners and due dates, and the sign-off.\n"
             "html: a self-contained page that prints well; pdf: A4 with page numbers; json: the "
             "shape documented in the README; csv: one row per item."),
         {option(QStringLiteral("format"), QStringLiteral("html, pdf, json or csv."),
                 QStringLiteral("FORMAT")),
          kOutput},
         {{QStringLiteral("ID"), QStringLiteral("The audit's id.")}},
         false,
         [](Invocation& inv) {
             const QString format =
                 formatOption(inv, {QStringLiteral("html"), QStringLiteral("pdf"),
                                    QStringLiteral("json"), QStringLiteral("csv")});
             const qint64 id = auditId(inv);
             const AuditReportData data = AuditService(inv.session().db()).reportData(id);
             const QByteArray bytes = format == QLatin1String("html")
                                          ? renderHtmlReport(data).toUtf8()
                                      : format == QLatin1String("pdf")  ? renderPdfReport(data)
                                      : format == QLatin1String("json") ? renderJsonReport(data)
                                                                        : renderCsvReport(data);
             return writeDocument(inv, bytes,
                                  QStringLiteral("the %1 report of audit %2").arg(format).arg(id),
                                  format == QLatin1String("pdf"));
         }});

    cli.add({{QStringLiteral("audit"), QStringLiteral("export")},
             QStringLiteral("Export an audit as an OSCAL assessment-results document"),
             QStringLiteral(
                 "oscal: OSCAL 1.2.3 assessment results (JSON). Checklist items are controls "
                 "(\"GOVERN 1.1\" becomes \"govern-1.1\"), results are observations and findings, "
                 "evidence is the observations' relevant evidence, Steward findings are risks."),
             {option(QStringLiteral("format"), QStringLiteral("oscal."), QStringLiteral("FORMAT")),
              kOutput},
             {{QStringLiteral("ID"), QStringLiteral("The audit's id.")}},
             false,
             [](Invocation& inv) {
                 formatOption(inv, {QStringLiteral("oscal")});
                 const qint64 id = auditId(inv);
                 const AuditReportData data = AuditService(inv.session().db()).reportData(id);
                 return writeDocument(
                     inv, renderOscalAssessmentResults(data),
                     QStringLiteral("the OSCAL assessment results of audit %1").arg(id), false);
             }});
}

} // namespace steward
