#include "audits/report_export.h"

#include "common/message_bar.h"
#include "error.h"
#include "reports/audit_report.h"
#include "reports/oscal_export.h"

#include <QSaveFile>
#include <QThread>

#include <atomic>

namespace steward::gui {

// Shared by the GUI thread and the worker; the worker writes the outcome before its thread ends,
// the GUI thread reads it only after QThread::finished.
struct ReportExport::State {
    std::atomic<bool> cancelRequested{false};
    bool cancelled = false;
    QString error;
    qint64 bytes = 0;
};

QByteArray renderReport(const AuditReportData& data, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return renderPdfReport(data);
    case ReportFormat::Html:
        return renderHtmlReport(data).toUtf8();
    case ReportFormat::Oscal:
        return renderOscalAssessmentResults(data);
    }
    throw Error(ErrorKind::Internal, QStringLiteral("unknown report format"));
}

ReportExport::ReportExport(AuditReportData data, ReportFormat format, const QString& path,
                           QObject* parent)
    : QObject(parent)
    , m_data(std::move(data))
    , m_format(format)
    , m_path(path)
    , m_state(std::make_shared<State>())
{
}

ReportExport::~ReportExport()
{
    if (m_thread) {
        m_state->cancelRequested = true;
        m_thread->wait();
    }
}

void ReportExport::start()
{
    if (m_thread)
        return;
    // The worker gets its own copies: nothing it touches is shared with the GUI thread but State.
    m_thread = QThread::create([state = m_state, data = m_data, format = m_format, path = m_path] {
        try {
            const QByteArray bytes = renderReport(data, format);
            if (state->cancelRequested) {
                state->cancelled = true;
                return;
            }
            QSaveFile out(path);
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
                state->error = tr("Cannot write %1: %2").arg(path, out.errorString());
                return;
            }
            // The last moment a cancel can still leave the old file as it was.
            if (state->cancelRequested) {
                out.cancelWriting();
                state->cancelled = true;
                return;
            }
            if (!out.commit()) {
                state->error = tr("Cannot write %1: %2").arg(path, out.errorString());
                return;
            }
            state->bytes = bytes.size();
        } catch (const std::exception& e) {
            state->error = describeFailure(e);
        }
    });
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, &ReportExport::onThreadFinished);
    m_thread->start();
}

void ReportExport::cancel()
{
    m_state->cancelRequested = true;
}

bool ReportExport::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ReportExport::onThreadFinished()
{
    m_thread->wait();
    if (m_state->cancelled)
        emit cancelled();
    else if (!m_state->error.isEmpty())
        emit failed(m_state->error);
    else
        emit written(m_path, m_state->bytes);
}

} // namespace steward::gui
