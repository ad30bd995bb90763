// Prints a sample audit's report or export, for validate_oscal.py (NIST's schema) and for looking
// at the output by eye:   steward-report-sample html|pdf|json|csv|oscal closed|planned
#include "reports/audit_report.h"
#include "reports/oscal_export.h"
#include "sample_report.h"

#include <QGuiApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    // The PDF needs a QGuiApplication; no display is needed for it.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QStringList formats{QStringLiteral("html"), QStringLiteral("pdf"), QStringLiteral("json"),
                              QStringLiteral("csv"), QStringLiteral("oscal")};
    if (args.size() != 3 || !formats.contains(args[1]) ||
        (args[2] != QLatin1String("closed") && args[2] != QLatin1String("planned"))) {
        std::fprintf(stderr,
                     "usage: steward-report-sample html|pdf|json|csv|oscal closed|planned\n");
        return 2;
    }
    const steward::AuditReportData data = args[2] == QLatin1String("closed")
                                              ? steward::test::sampleReport()
                                              : steward::test::plannedReport();
    const QString& format = args[1];
    const QByteArray bytes =
        format == QLatin1String("html")   ? steward::renderHtmlReport(data).toUtf8()
        : format == QLatin1String("pdf")  ? steward::renderPdfReport(data)
        : format == QLatin1String("json") ? steward::renderJsonReport(data)
        : format == QLatin1String("csv")  ? steward::renderCsvReport(data)
                                          : steward::renderOscalAssessmentResults(data);
    return std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size())
               ? 0
               : 1;
}
