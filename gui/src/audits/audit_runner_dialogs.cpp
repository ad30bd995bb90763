// The audit runner: what it asks the user (actor, files, links, findings, respondents, the
// sign-off) and the report exports.
#include "audits/audit_labels.h"
#include "audits/audit_runner.h"
#include "audits/finding_actions.h"
#include "audits/finding_dialog.h"
#include "common/message_bar.h"
#include "common/person_picker.h"
#include "common/workspace.h"
#include "db/database.h"
#include "services/catalog_service.h"
#include "services/person_service.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace steward::gui {
namespace {

QString formatSuffix(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    case ReportFormat::Html:
        return QStringLiteral("html");
    case ReportFormat::Oscal:
        return QStringLiteral("json");
    }
    return {};
}

} // namespace

void AuditRunner::chooseActor()
{
    bool ok = false;
    const QString email = QInputDialog::getItem(
        this, tr("Act as"), tr("Your e-mail in the directory:"), candidatePeople(), 0, true, &ok);
    if (ok && !email.trimmed().isEmpty())
        actAs(email);
}

void AuditRunner::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Attach a file as evidence"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (!path.isEmpty())
        attachFile(path);
}

void AuditRunner::askUrl()
{
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Add a URL as evidence"), tr("URL:"),
                                              QLineEdit::Normal, QStringLiteral("https://"), &ok);
    if (!ok || url.trimmed().isEmpty())
        return;
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme().isEmpty()) {
        m_message->showMessage(MessageBar::Kind::Warning,
                               tr("“%1” is not a URL.").arg(url.trimmed()));
        return;
    }
    attachUrl(url);
}

void AuditRunner::askFinding()
{
    const AuditItem* item = currentItem();
    if (!item)
        return;
    FindingDialog dialog(item->itemId, candidatePeople(), this);
    if (dialog.exec() == QDialog::Accepted)
        raiseFinding(dialog.input());
}

void AuditRunner::askMoveFinding(FindingStatus next)
{
    const qint64 id = currentFindingId();
    if (id <= 0)
        return;
    if (const auto justification = FindingActions::askJustification(this, id, next))
        moveFinding(id, next, *justification);
}

void AuditRunner::askRespondent()
{
    const AuditItem* item = currentItem();
    if (!item)
        return;
    const QString itemId = item->itemId;
    const QString role = roleName(item->roleKey);
    PersonPicker picker(m_workspace, tr("Respondent of %1").arg(itemId),
                        role.isEmpty()
                            ? tr("Choose who answers %1 in this audit.").arg(itemId)
                            : tr("Choose who answers %1 in this audit; it is usually asked of "
                                 "the %2.")
                                  .arg(itemId, role),
                        this);
    std::vector<PersonPicker::Candidate> suggestions;
    if (!item->respondentEmail.isEmpty())
        suggestions.push_back(
            {item->respondentEmail, personName(item->respondentEmail), tr("answers it now")});
    if (!m_audit.leadEmail.isEmpty())
        suggestions.push_back(
            {m_audit.leadEmail, personName(m_audit.leadEmail), tr("leads the audit")});
    picker.setSuggestions(std::move(suggestions));
    if (picker.exec() == QDialog::Accepted && !picker.selectedEmail().isEmpty())
        assignRespondent(picker.selectedEmail());
}

void AuditRunner::askClose()
{
    bool ok = false;
    const QString statement = QInputDialog::getMultiLineText(
        this, tr("Close audit %1").arg(m_audit.id),
        tr("Sign-off statement (it is kept with the audit, which cannot be changed afterwards):"),
        QString(), &ok);
    if (ok && !statement.trimmed().isEmpty())
        closeAudit(statement);
}

void AuditRunner::askExport(ReportFormat format)
{
    QString filter;
    switch (format) {
    case ReportFormat::Pdf:
        filter = tr("PDF documents (*.pdf)");
        break;
    case ReportFormat::Html:
        filter = tr("Web pages (*.html)");
        break;
    case ReportFormat::Oscal:
        filter = tr("OSCAL assessment results (*.json)");
        break;
    }
    QSettings settings;
    const QString folder =
        settings
            .value(QStringLiteral("audits/exportFolder"),
                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    const QString suggested =
        QDir(folder).filePath(QStringLiteral("audit-%1-%2.%3")
                                  .arg(m_audit.id)
                                  .arg(m_audit.projectKey.toLower(),
                                       format == ReportFormat::Oscal ? QStringLiteral("oscal.json")
                                                                     : formatSuffix(format)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export audit %1").arg(m_audit.id),
                                                      suggested, filter);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("audits/exportFolder"), QFileInfo(path).absolutePath());
    startExport(format, path);
}

bool AuditRunner::startExport(ReportFormat format, const QString& path)
{
    if (m_audit.id <= 0 || m_export)
        return false;
    AuditReportData data;
    try {
        data = AuditService(m_workspace.db()).reportData(m_audit.id);
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        return false;
    }
    m_export = new ReportExport(std::move(data), format, path, this);
    auto finish = [this] {
        m_exportBar->hide();
        m_export->deleteLater();
        m_export = nullptr;
        updateActions();
        emit exportFinished();
    };
    connect(m_export, &ReportExport::written, this, [this, finish](const QString& p, qint64 bytes) {
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("Report written to %1 (%2).")
                                   .arg(QDir::toNativeSeparators(p), AuditLabels::size(bytes)));
        finish();
    });
    connect(m_export, &ReportExport::failed, this, [this, finish](const QString& message) {
        m_message->showMessage(MessageBar::Kind::Error, message);
        finish();
    });
    connect(m_export, &ReportExport::cancelled, this, [this, finish] {
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("Export cancelled; nothing was written."));
        finish();
    });
    m_exportLabel->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    m_cancelExport->setEnabled(true);
    m_exportBar->show();
    m_export->start();
    updateActions();
    return true;
}

QAbstractButton* AuditRunner::resultButton(ItemResult result) const
{
    return m_results->button(static_cast<int>(result));
}

} // namespace steward::gui
