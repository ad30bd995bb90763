// The audit runner: showing the audit, its items, evidence and findings, and which actions
// the login may take.
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
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>

namespace steward::gui {

bool AuditRunner::openAudit(qint64 auditId)
{
    try {
        AuditService service(m_workspace.db());
        Audit audit = service.audit(auditId);
        std::vector<AuditItem> items = service.items(auditId);
        std::vector<Evidence> evidence = service.evidence(auditId);
        std::vector<AuditFinding> findings = service.findings(auditId);
        const bool sameAudit = audit.id == m_audit.id;
        // Per audit: an auditor answers only the audits they lead or have items in.
        m_takesPart = m_workspace.takesPartInAudit(audit.id);
        m_audit = std::move(audit);
        m_items = std::move(items);
        m_evidence = std::move(evidence);
        m_findings = std::move(findings);
        m_scores = computeScores(m_items);
        if (!sameAudit) {
            m_message->clear();
            m_currentItemId.clear();
            const auto open = std::find_if(m_items.begin(), m_items.end(), [](const AuditItem& i) {
                return i.result == ItemResult::NotAssessed;
            });
            if (open != m_items.end())
                m_currentItemId = open->itemId;
            else if (!m_items.empty())
                m_currentItemId = m_items.front().itemId;
        }
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        return false;
    }
    buildTree();
    updateHeader();
    showItem();
    showFindings();
    updateActions();
    return true;
}

void AuditRunner::reload()
{
    if (m_audit.id > 0)
        openAudit(m_audit.id);
}

void AuditRunner::buildTree()
{
    m_updatingTree = true;
    m_tree->clear();
    QTreeWidgetItem* section = nullptr;
    QTreeWidgetItem* current = nullptr;
    for (const AuditItem& item : m_items) {
        if (!section || section->data(0, ItemIdRole).toString() != item.sectionId) {
            section = new QTreeWidgetItem(m_tree);
            section->setData(0, ItemIdRole, item.sectionId);
            section->setData(0, SectionRole, true);
            QFont bold = section->font(0);
            bold.setBold(true);
            section->setFont(0, bold);
        }
        auto* row = new QTreeWidgetItem(section);
        row->setData(0, ItemIdRole, item.itemId);
        row->setText(0, tr("%1  %2").arg(item.itemId, item.text.simplified()));
        row->setToolTip(0, item.text);
        if (item.itemId == m_currentItemId)
            current = row;
    }
    m_tree->expandAll();
    updateTree();
    if (current) {
        m_tree->setCurrentItem(current);
        m_tree->scrollToItem(current, QAbstractItemView::PositionAtCenter);
    }
    m_updatingTree = false;
}

void AuditRunner::updateTree()
{
    for (int s = 0; s < m_tree->topLevelItemCount(); ++s) {
        QTreeWidgetItem* section = m_tree->topLevelItem(s);
        const QString sectionId = section->data(0, ItemIdRole).toString();
        const auto score = std::find_if(m_scores.sections.begin(), m_scores.sections.end(),
                                        [&](const Score& sc) { return sc.sectionId == sectionId; });
        if (score != m_scores.sections.end()) {
            // Some checklists' titles already name the section ("Govern — GOVERN 1").
            section->setText(
                0, score->sectionTitle.isEmpty() || score->sectionTitle.contains(sectionId)
                       ? (score->sectionTitle.isEmpty() ? sectionId : score->sectionTitle)
                       : tr("%1 — %2").arg(sectionId, score->sectionTitle));
            const int assessed = score->applicable - score->notAssessed;
            section->setText(1, score->applicable > 0
                                    ? tr("%1/%2 · %3")
                                          .arg(assessed)
                                          .arg(score->applicable)
                                          .arg(AuditLabels::percent(score->percent))
                                    : tr("not applicable"));
            section->setToolTip(
                1, tr("%1 of %n applicable item(s) assessed; score %2", nullptr, score->applicable)
                       .arg(assessed)
                       .arg(AuditLabels::percent(score->percent)));
        }
        for (int c = 0; c < section->childCount(); ++c) {
            QTreeWidgetItem* row = section->child(c);
            const QString itemId = row->data(0, ItemIdRole).toString();
            const auto item = std::find_if(m_items.begin(), m_items.end(),
                                           [&](const AuditItem& i) { return i.itemId == itemId; });
            if (item != m_items.end())
                row->setText(1, tr("%1 %2").arg(AuditLabels::mark(item->result),
                                                AuditLabels::of(item->result)));
        }
    }
}

void AuditRunner::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Scrolling a hidden tree does not stick: bring the current item into view once shown.
    if (QTreeWidgetItem* current = m_tree->currentItem())
        m_tree->scrollToItem(current, QAbstractItemView::PositionAtCenter);
}

const AuditItem* AuditRunner::currentItem() const
{
    const auto it = std::find_if(m_items.begin(), m_items.end(), [this](const AuditItem& i) {
        return i.itemId == m_currentItemId;
    });
    return it == m_items.end() ? nullptr : &*it;
}

QString AuditRunner::currentItemId() const
{
    return m_currentItemId;
}

int AuditRunner::currentIndex() const
{
    const AuditItem* item = currentItem();
    return item ? static_cast<int>(item - m_items.data()) : -1;
}

bool AuditRunner::selectItem(const QString& itemId)
{
    for (int s = 0; s < m_tree->topLevelItemCount(); ++s) {
        QTreeWidgetItem* section = m_tree->topLevelItem(s);
        for (int c = 0; c < section->childCount(); ++c) {
            if (section->child(c)->data(0, ItemIdRole).toString() == itemId) {
                m_tree->setCurrentItem(section->child(c));
                m_tree->scrollToItem(section->child(c));
                return true;
            }
        }
    }
    return false;
}

void AuditRunner::nextItem()
{
    const int i = currentIndex();
    if (i >= 0 && i + 1 < static_cast<int>(m_items.size()))
        selectItem(m_items[i + 1].itemId);
}

void AuditRunner::previousItem()
{
    const int i = currentIndex();
    if (i > 0)
        selectItem(m_items[i - 1].itemId);
}

QString AuditRunner::personName(const QString& email)
{
    if (email.isEmpty())
        return {};
    const QString key = email.toLower();
    if (!m_personNames.contains(key)) {
        QString name;
        try {
            if (const auto person = PersonService(m_workspace.db()).findByEmail(email))
                name = person->name;
        } catch (const std::exception& e) {
            m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        }
        m_personNames.insert(key, name);
    }
    return m_personNames.value(key);
}

QString AuditRunner::roleName(const QString& key)
{
    if (key.isEmpty())
        return {};
    if (!m_roleNames.contains(key)) {
        QString name;
        try {
            name = CatalogService(m_workspace.db()).role(key).name;
        } catch (const std::exception&) {
            // A role a plugin no longer offers: its key is all there is to show.
            name = key;
        }
        m_roleNames.insert(key, name);
    }
    return m_roleNames.value(key);
}

void AuditRunner::showItem()
{
    const AuditItem* item = currentItem();
    const int index = currentIndex();
    m_previous->setEnabled(index > 0);
    m_next->setEnabled(index >= 0 && index + 1 < static_cast<int>(m_items.size()));
    if (!item) {
        m_itemHeading->setText(m_items.empty() ? tr("This audit has no items.") : QString());
        m_itemView->clear();
        m_respondent->clear();
        m_reassign->setEnabled(false);
        m_resultLine->clear();
        m_note->clear();
        showEvidence();
        updateActions();
        return;
    }
    m_itemHeading->setText(
        tr("%1 · item %2 of %3").arg(item->itemId).arg(index + 1).arg(m_items.size()));
    QString html = QStringLiteral("<p>%1</p><table cellspacing=\"0\" cellpadding=\"3\">")
                       .arg(item->text.toHtmlEscaped());
    for (const auto& [label, value] : {std::pair{tr("Guidance"), item->guidance},
                                       std::pair{tr("Expected evidence"), item->expectedEvidence},
                                       std::pair{tr("Reference"), item->reference}}) {
        html += QStringLiteral("<tr><td valign=\"top\"><b>%1</b></td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.isEmpty() ? tr("—") : value.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_itemView->setHtml(html);
    const QString role = roleName(item->roleKey);
    if (item->respondentEmail.isEmpty()) {
        m_respondent->setText(role.isEmpty()
                                  ? tr("Nobody suggested")
                                  : tr("Nobody holds the role %1 on the project").arg(role));
    } else {
        const QString name = personName(item->respondentEmail);
        const QString who =
            name.isEmpty() ? item->respondentEmail : tr("%1 <%2>").arg(name, item->respondentEmail);
        m_respondent->setText(role.isEmpty() ? who : tr("%1, as %2").arg(who, role));
    }
    QString recorded = AuditLabels::of(item->result);
    if (!item->notApplicableReason.isEmpty())
        recorded = tr("%1: %2").arg(recorded, item->notApplicableReason);
    else if (!item->assessedBy.isEmpty())
        recorded =
            tr("%1, by %2 on %3")
                .arg(recorded, item->assessedBy,
                     QLocale().toString(item->assessedAt.toLocalTime(), QLocale::ShortFormat));
    m_resultLine->setText(recorded);
    syncResultButtons();
    m_note->setPlainText(item->note);
    showEvidence();
    updateActions();
}

void AuditRunner::syncResultButtons()
{
    const AuditItem* item = currentItem();
    for (QAbstractButton* b : m_results->buttons())
        b->setChecked(item && m_results->id(b) == static_cast<int>(item->result));
}

void AuditRunner::showEvidence()
{
    m_evidenceList->clear();
    const AuditItem* item = currentItem();
    int n = 0;
    if (item) {
        for (qint64 id : item->evidenceIds) {
            const auto ev = std::find_if(m_evidence.begin(), m_evidence.end(),
                                         [id](const Evidence& e) { return e.id == id; });
            if (ev == m_evidence.end())
                continue;
            auto* row = new QTreeWidgetItem(m_evidenceList);
            const QString what = ev->description.isEmpty()
                                     ? ev->location
                                     : tr("%1 — %2").arg(ev->description, ev->location);
            row->setText(0, what);
            row->setToolTip(0, ev->location);
            row->setText(1, ev->sha256);
            row->setToolTip(1, ev->sha256);
            row->setText(2, ev->sizeBytes >= 0 ? AuditLabels::size(ev->sizeBytes) : QString());
            row->setText(3, QLocale().toString(ev->effectiveDate, QLocale::ShortFormat));
            row->setText(4, ev->recordedBy);
            row->setData(0, Qt::UserRole, ev->id);
            ++n;
        }
    }
    m_tabs->setTabText(0, tr("Evidence (%n)", nullptr, n));
    showMappedEvidence();
}

void AuditRunner::showMappedEvidence()
{
    m_offers.clear();
    if (const AuditItem* item = currentItem())
        for (MappedEvidenceOffer& o : mappedEvidenceOffers(m_workspace.db(), m_audit.id))
            if (o.auditItemId == item->id)
                m_offers.push_back(std::move(o));
    m_mappedEvidence->setVisible(!m_offers.empty());
    m_attachMapped->setVisible(!m_offers.empty());
    m_attachMapped->setEnabled(!m_offers.empty() && canEdit());
    if (m_offers.empty())
        return;
    const MappedEvidenceOffer& o = m_offers.front();
    QString text =
        tr("This evidence backs %1 %2 in audit %3: attach it here too?")
            .arg(o.fromChecklist, o.fromItemId)
            .arg(o.fromAuditId) +
        QStringLiteral("<br>") +
        tr("<i>%1</i> (%2; %3)")
            .arg(o.evidenceLocation.toHtmlEscaped(), o.relation, o.rationale.toHtmlEscaped());
    if (m_offers.size() > 1)
        text += QStringLiteral("<br>") + tr("%n other offer(s) for this item.", nullptr,
                                            static_cast<int>(m_offers.size() - 1));
    m_mappedEvidence->setText(text);
}

void AuditRunner::attachMappedEvidence()
{
    if (m_offers.empty())
        return;
    const MappedEvidenceOffer o = m_offers.front();
    if (o.evidenceKind == QLatin1String("file"))
        attachFile(o.evidenceLocation, o.evidenceDescription);
    else
        attachUrl(o.evidenceLocation, o.evidenceDescription);
}

void AuditRunner::showFindings()
{
    m_findingsList->clear();
    for (const AuditFinding& f : m_findings) {
        auto* row = new QTreeWidgetItem(m_findingsList);
        row->setText(0, f.itemId);
        row->setText(1, AuditLabels::of(f.severity));
        row->setText(2, AuditLabels::of(f.status));
        row->setText(3, f.ownerName.isEmpty() ? f.ownerEmail : f.ownerName);
        row->setToolTip(3, f.ownerEmail);
        row->setText(4, QLocale().toString(f.dueDate, QLocale::ShortFormat));
        row->setText(5, f.description);
        row->setToolTip(5, tr("%1\n\nRemediation: %2").arg(f.description, f.remediation));
        row->setData(0, Qt::UserRole, f.id);
        row->setData(2, Qt::UserRole, static_cast<int>(f.status));
    }
    for (int c = 0; c < 5; ++c)
        m_findingsList->resizeColumnToContents(c);
    m_tabs->setTabText(1, tr("Findings (%n)", nullptr, static_cast<int>(m_findings.size())));
    updateFindingActions();
}

qint64 AuditRunner::currentFindingId() const
{
    const QTreeWidgetItem* row = m_findingsList->currentItem();
    return row ? row->data(0, Qt::UserRole).toLongLong() : 0;
}

void AuditRunner::updateFindingActions()
{
    // Findings are followed up after the audit is closed too, so only who may move the selected
    // finding on decides.
    const QTreeWidgetItem* row = m_findingsList->currentItem();
    const qint64 id = row ? row->data(0, Qt::UserRole).toLongLong() : 0;
    m_findingActions->setVisible(m_audit.id > 0 && id > 0 &&
                                 FindingActions::offered(m_workspace, id));
    m_findingActions->setCurrent(
        row ? std::optional(static_cast<FindingStatus>(row->data(2, Qt::UserRole).toInt()))
            : std::nullopt,
        id > 0 && m_workspace.mayMoveFinding(id, true));
}

bool AuditRunner::showFinding(qint64 findingId)
{
    for (int i = 0; i < m_findingsList->topLevelItemCount(); ++i) {
        QTreeWidgetItem* row = m_findingsList->topLevelItem(i);
        if (row->data(0, Qt::UserRole).toLongLong() != findingId)
            continue;
        selectItem(row->text(0));
        m_tabs->setCurrentIndex(1);
        m_findingsList->setCurrentItem(row);
        return true;
    }
    return false;
}

void AuditRunner::updateHeader()
{
    const Audit& a = m_audit;
    m_title->setText(tr("Audit %1 · %2 — %3").arg(a.id).arg(a.projectKey, a.projectName));
    QString details = tr("%1 (%2) · %3 · lead %4 · due %5")
                          .arg(a.checklistTitle, a.checklistVersionLabel, AuditLabels::of(a.status),
                               a.leadName.isEmpty() ? a.leadEmail : a.leadName,
                               QLocale().toString(a.dueDate, QLocale::ShortFormat));
    if (a.status == AuditStatus::Closed)
        details += tr(" · signed off by %1").arg(a.signedOffBy);
    m_details->setText(details);
    m_details->setToolTip(a.signOffStatement);
    const Score& overall = m_scores.overall;
    m_progress->setRange(0, std::max(overall.applicable, 1));
    m_progress->setValue(overall.applicable - overall.notAssessed);
    m_score->setText(tr("Score %1").arg(AuditLabels::percent(overall.percent)));
    m_score->setToolTip(tr("Satisfied items count fully, partially satisfied ones half; "
                           "items not yet assessed count as not satisfied."));
    updateTree();
}

bool AuditRunner::canEdit() const
{
    return m_audit.id > 0 && m_takesPart && m_audit.status != AuditStatus::Closed;
}

bool AuditRunner::canSignOff() const
{
    return canEdit() && m_workspace.mayLeadAudit(m_audit.id, m_audit.leadEmail);
}

bool AuditRunner::canAnswerCurrentItem() const
{
    const AuditItem* item = currentItem();
    return canEdit() && item && m_workspace.mayAnswerItem(item->id);
}

void AuditRunner::updateActions()
{
    const bool edit = canEdit();
    // Row by row: a respondent answers their own items only.
    const bool item = canAnswerCurrentItem();
    // A result on an item applicability ruled out would contradict the checklist's scope.
    const bool assessable = item && currentItem()->notApplicableReason.isEmpty();
    m_resultRow->setVisible(edit);
    m_resultRow->setEnabled(assessable);
    m_note->setReadOnly(!assessable);
    m_saveNote->setVisible(edit);
    m_saveNote->setEnabled(assessable && currentItem()->result != ItemResult::NotAssessed);
    m_attachFile->setVisible(edit);
    m_addUrl->setVisible(edit);
    m_attachFile->setEnabled(item);
    m_addUrl->setEnabled(item);
    m_raiseFinding->setVisible(edit);
    m_raiseFinding->setEnabled(item);
    // The lead's steps, asked of the database once per update for a login that is a person.
    const bool signOff = canSignOff();
    // Reassigning is the lead's (or an administrator's) for a login that is a person.
    const bool reassign = edit && (!m_workspace.isLinkedToPerson() || signOff);
    m_reassign->setVisible(reassign);
    m_reassign->setEnabled(reassign && currentItem());
    updateFindingActions();
    m_actAs->setVisible(edit && m_workspace.actorEmail().isEmpty());
    m_submit->setVisible(signOff && m_audit.status == AuditStatus::InProgress);
    m_close->setVisible(signOff && m_audit.status == AuditStatus::InReview);
    m_exportButton->setEnabled(m_audit.id > 0 && !m_export);
}

} // namespace steward::gui
