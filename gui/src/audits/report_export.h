// Writes an audit's report (PDF, HTML) or its OSCAL assessment results to a file on a thread of
// its own, so that laying out a long PDF never blocks the window. The report data is read on the
// GUI thread beforehand: a QtSql connection belongs to the thread that opened it.
#pragma once

#include "audit/audit_records.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace steward::gui {

enum class ReportFormat { Pdf, Html, Oscal };

class ReportExport : public QObject {
    Q_OBJECT

public:
    ReportExport(AuditReportData data, ReportFormat format, const QString& path,
                 QObject* parent = nullptr);
    // Cancels a running export and waits for its thread: the file is then not written.
    ~ReportExport() override;

    void start();
    // The rendering itself cannot be interrupted; a cancelled export discards its result
    // instead of writing it, and reports cancelled() once its thread is done.
    void cancel();
    bool isRunning() const;
    QString path() const { return m_path; }
    ReportFormat format() const { return m_format; }

signals:
    void written(const QString& path, qint64 bytes);
    void failed(const QString& message);
    void cancelled();

private:
    struct State;

    void onThreadFinished();

    AuditReportData m_data;
    ReportFormat m_format;
    QString m_path;
    std::shared_ptr<State> m_state;
    QThread* m_thread = nullptr;
};

// Renders the document in memory; throws steward::Error. Exposed for the export's worker.
QByteArray renderReport(const AuditReportData& data, ReportFormat format);

} // namespace steward::gui
