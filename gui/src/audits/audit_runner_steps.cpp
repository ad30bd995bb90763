// The audit runner: the audit steps a user takes, each written through the audit service and
// followed by a reload of what the database holds.
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

#include <QFileInfo>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTabWidget>

#include <algorithm>

namespace steward::gui {

bool AuditRunner::requireActor()
{
    if (!m_workspace.actorEmail().isEmpty())
        return true;
    m_message->showMessage(MessageBar::Kind::Warning,
                           tr("Audit steps record who took them: choose “Act as…” first."));
    return false;
}

template <typename F>
bool AuditRunner::write(F&& action, const QString& done)
{
    try {
        action();
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        // The database may have moved on (someone closed the audit): show what it holds now.
        const QString error = m_message->text();
        reload();
        m_message->showMessage(MessageBar::Kind::Error, error);
        return false;
    }
    m_message->showMessage(MessageBar::Kind::Information, done);
    const QString text = m_message->text();
    reload();
    m_message->showMessage(MessageBar::Kind::Information, text);
    emit auditChanged(m_audit.id);
    return true;
}

bool AuditRunner::recordResult(ItemResult result)
{
    const AuditItem* item = currentItem();
    if (!item || !canEdit() || !requireActor())
        return false;
    const QString itemId = item->itemId;
    const int version = item->version; // what the user saw: a concurrent change is refused
    const QString note = m_note->toPlainText().trimmed();
    return write(
        [&] {
            AuditService(m_workspace.db())
                .assess(m_audit.id, itemId, toText(result), note, m_workspace.actorEmail(),
                        version);
        },
        tr("%1 recorded as %2.").arg(itemId, AuditLabels::of(result)));
}

bool AuditRunner::saveNote()
{
    const AuditItem* item = currentItem();
    if (!item || item->result == ItemResult::NotAssessed)
        return false;
    return recordResult(item->result);
}

bool AuditRunner::attachFile(const QString& path, const QString& description)
{
    const AuditItem* item = currentItem();
    if (!item || !canEdit() || !requireActor())
        return false;
    const QString itemId = item->itemId;
    Evidence recorded;
    const bool ok = write(
        [&] {
            EvidenceInput input;
            input.filePath = path;
            input.description = description;
            recorded = AuditService(m_workspace.db())
                           .attachEvidence(m_audit.id, {itemId}, input, m_workspace.actorEmail());
        },
        QString());
    if (ok)
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("%1 attached to %2: SHA-256 %3, %4.")
                                   .arg(QFileInfo(path).fileName(), itemId, recorded.sha256,
                                        AuditLabels::size(recorded.sizeBytes)));
    return ok;
}

bool AuditRunner::attachUrl(const QString& url, const QString& description)
{
    const AuditItem* item = currentItem();
    if (!item || !canEdit() || !requireActor())
        return false;
    const QString itemId = item->itemId;
    return write(
        [&] {
            EvidenceInput input;
            input.url = url.trimmed();
            input.description = description;
            AuditService(m_workspace.db())
                .attachEvidence(m_audit.id, {itemId}, input, m_workspace.actorEmail());
        },
        tr("%1 attached to %2.").arg(url.trimmed(), itemId));
}

bool AuditRunner::raiseFinding(FindingInput input)
{
    if (input.itemId.isEmpty() && currentItem())
        input.itemId = currentItem()->itemId;
    if (input.itemId.isEmpty() || !canEdit())
        return false;
    const QString itemId = input.itemId;
    const bool ok = write([&] { AuditService(m_workspace.db()).raiseFinding(m_audit.id, input); },
                          tr("Finding raised on %1.").arg(itemId));
    if (ok)
        m_tabs->setCurrentIndex(1);
    return ok;
}

bool AuditRunner::moveFinding(qint64 findingId, FindingStatus next, const QString& justification)
{
    const auto finding =
        std::find_if(m_findings.begin(), m_findings.end(),
                     [findingId](const AuditFinding& f) { return f.id == findingId; });
    if (finding == m_findings.end())
        return false;
    if (const QString why = FindingActions::refusal(m_workspace, findingId, next, justification);
        !why.isEmpty()) {
        m_message->showMessage(MessageBar::Kind::Warning, why);
        return false;
    }
    const bool ok = write(
        [&] {
            AuditService(m_workspace.db())
                .updateFinding(findingId, toText(next),
                               next == FindingStatus::RiskAccepted ? justification.trimmed()
                                                                   : QString(),
                               m_workspace.actorEmail(), finding->version);
        },
        FindingActions::movedMessage(findingId, next));
    showFinding(findingId);
    return ok;
}

bool AuditRunner::assignRespondent(const QString& email)
{
    const AuditItem* item = currentItem();
    if (!item || !canEdit())
        return false;
    const QString itemId = item->itemId;
    const int version = item->version;
    AuditItem assigned;
    const bool ok = write(
        [&] {
            assigned = AuditService(m_workspace.db()).assign(m_audit.id, itemId, email, version);
        },
        QString());
    if (ok) {
        const QString name = personName(assigned.respondentEmail);
        m_message->showMessage(
            MessageBar::Kind::Information,
            tr("%1 now answers %2.").arg(name.isEmpty() ? assigned.respondentEmail : name, itemId));
    }
    return ok;
}

bool AuditRunner::submitForReview()
{
    if (!canSignOff() || !requireActor())
        return false;
    return write(
        [&] {
            AuditService(m_workspace.db())
                .submitForReview(m_audit.id, m_workspace.actorEmail(), m_audit.version);
        },
        tr("Audit %1 submitted for review.").arg(m_audit.id));
}

bool AuditRunner::closeAudit(const QString& statement)
{
    if (!canSignOff() || !requireActor())
        return false;
    return write(
        [&] {
            AuditService(m_workspace.db())
                .close(m_audit.id, statement.trimmed(), m_workspace.actorEmail(), m_audit.version);
        },
        tr("Audit %1 closed and signed off.").arg(m_audit.id));
}

QStringList AuditRunner::candidatePeople() const
{
    QStringList people;
    if (const AuditItem* item = currentItem(); item && !item->respondentEmail.isEmpty())
        people << item->respondentEmail;
    if (!m_audit.leadEmail.isEmpty())
        people << m_audit.leadEmail;
    for (const AuditItem& i : m_items)
        if (!i.respondentEmail.isEmpty())
            people << i.respondentEmail;
    people.removeDuplicates();
    return people;
}

bool AuditRunner::actAs(const QString& email)
{
    try {
        const auto person = PersonService(m_workspace.db()).findByEmail(email.trimmed());
        if (!person) {
            m_message->showMessage(
                MessageBar::Kind::Warning,
                tr("Nobody with the e-mail %1 is in the directory.").arg(email.trimmed()));
            return false;
        }
        m_workspace.setActorEmail(person->email);
        QSettings().setValue(QStringLiteral("identity/email"), person->email);
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("Audit steps are recorded for %1.").arg(person->name));
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        return false;
    }
    updateActions();
    return true;
}

} // namespace steward::gui
