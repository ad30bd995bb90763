#include "audits/audit_runner.h"

#include "audits/audit_labels.h"
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
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace steward::gui {
namespace {

constexpr int ItemIdRole = Qt::UserRole;
constexpr int SectionRole = Qt::UserRole + 1;

QLabel* wrappingLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

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

AuditRunner::AuditRunner(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_back(new QPushButton(tr("← All audits"), this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_score(new QLabel(this))
    , m_actAs(new QPushButton(tr("Act &as…"), this))
    , m_submit(new QPushButton(tr("Submit for &review"), this))
    , m_close(new QPushButton(tr("C&lose with statement…"), this))
    , m_exportButton(new QToolButton(this))
    , m_message(new MessageBar(this))
    , m_exportBar(new QWidget(this))
    , m_exportLabel(new QLabel(m_exportBar))
    , m_cancelExport(new QPushButton(tr("Cancel"), m_exportBar))
    , m_tree(new QTreeWidget(this))
    , m_itemHeading(new QLabel(this))
    , m_itemView(new QTextBrowser(this))
    , m_respondent(wrappingLabel(this))
    , m_reassign(new QPushButton(tr("Reass&ign…"), this))
    , m_resultLine(new QLabel(this))
    , m_previous(new QPushButton(tr("◀ Previous"), this))
    , m_next(new QPushButton(tr("Next ▶"), this))
    , m_results(new QButtonGroup(this))
    , m_resultRow(new QWidget(this))
    , m_note(new QPlainTextEdit(this))
    , m_saveNote(new QPushButton(tr("Save &note"), this))
    , m_tabs(new QTabWidget(this))
    , m_evidenceList(new QTreeWidget(this))
    , m_attachFile(new QPushButton(tr("A&ttach file…"), this))
    , m_addUrl(new QPushButton(tr("Add &URL…"), this))
    , m_findingsList(new QTreeWidget(this))
    , m_raiseFinding(new QPushButton(tr("Raise a fin&ding…"), this))
    , m_findingActions(new FindingActions(this))
{
    m_back->setAccessibleName(tr("Back to all audits"));
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_back->setToolTip(m_back->shortcut().toString(QKeySequence::NativeText));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setAccessibleName(tr("Items assessed"));
    m_progress->setFormat(tr("%v of %m assessed"));
    m_progress->setMinimumWidth(180);
    m_score->setAccessibleName(tr("Score"));
    m_actAs->setAccessibleName(tr("Act as a person"));
    m_actAs->setToolTip(tr("Choose the person the audit steps are recorded for"));
    m_submit->setAccessibleName(tr("Submit for review"));
    m_close->setAccessibleName(tr("Close with statement"));
    m_exportButton->setText(tr("&Export"));
    m_exportButton->setAccessibleName(tr("Export the report"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Report as &PDF…"), this, [this] { askExport(ReportFormat::Pdf); });
    exportMenu->addAction(tr("Report as &HTML…"), this, [this] { askExport(ReportFormat::Html); });
    exportMenu->addAction(tr("&OSCAL assessment results (JSON)…"), this,
                          [this] { askExport(ReportFormat::Oscal); });
    m_exportButton->setMenu(exportMenu);

    auto* header = new QHBoxLayout;
    header->addWidget(m_back);
    header->addWidget(m_title, 1);
    header->addWidget(m_actAs);
    header->addWidget(m_submit);
    header->addWidget(m_close);
    header->addWidget(m_exportButton);
    auto* facts = new QHBoxLayout;
    facts->addWidget(m_details, 1);
    facts->addWidget(m_progress);
    facts->addWidget(m_score);

    // The export's progress: rendering cannot report steps, so the bar is a busy indicator.
    auto* exportProgress = new QProgressBar(m_exportBar);
    exportProgress->setRange(0, 0);
    exportProgress->setAccessibleName(tr("Export progress"));
    exportProgress->setMaximumWidth(200);
    m_cancelExport->setAccessibleName(tr("Cancel the export"));
    auto* exportLayout = new QHBoxLayout(m_exportBar);
    exportLayout->setContentsMargins(0, 0, 0, 0);
    exportLayout->addWidget(m_exportLabel, 1);
    exportLayout->addWidget(exportProgress);
    exportLayout->addWidget(m_cancelExport);
    m_exportBar->hide();
    connect(m_cancelExport, &QPushButton::clicked, this, [this] {
        if (m_export)
            m_export->cancel();
        m_exportLabel->setText(tr("Cancelling…"));
        m_cancelExport->setEnabled(false);
    });

    // Sections with their progress, each holding its items with their result.
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Section / item"), tr("Result")});
    m_tree->setAccessibleName(tr("Checklist sections and items"));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setMinimumWidth(300);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        if (m_updatingTree || !current)
            return;
        if (current->data(0, SectionRole).toBool() && current->childCount() > 0) {
            // A section stands for its first item.
            m_tree->setCurrentItem(current->child(0));
            return;
        }
        m_currentItemId = current->data(0, ItemIdRole).toString();
        showItem();
    });

    QFont headingFont = m_itemHeading->font();
    headingFont.setBold(true);
    m_itemHeading->setFont(headingFont);
    m_itemView->setAccessibleName(tr("Checklist item"));
    m_itemView->setOpenExternalLinks(true);
    m_itemView->setFrameShape(QFrame::NoFrame);
    m_respondent->setAccessibleName(tr("Suggested respondent"));
    m_reassign->setAccessibleName(tr("Reassign the item's respondent"));
    m_reassign->setToolTip(tr("Choose who answers this item"));
    connect(m_reassign, &QPushButton::clicked, this, &AuditRunner::askRespondent);
    m_resultLine->setAccessibleName(tr("Current result"));
    m_previous->setAccessibleName(tr("Previous item"));
    m_previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    m_previous->setToolTip(m_previous->shortcut().toString(QKeySequence::NativeText));
    m_next->setAccessibleName(tr("Next item"));
    m_next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    m_next->setToolTip(m_next->shortcut().toString(QKeySequence::NativeText));
    connect(m_previous, &QPushButton::clicked, this, &AuditRunner::previousItem);
    connect(m_next, &QPushButton::clicked, this, &AuditRunner::nextItem);

    // One button per result; Alt+1..4 record it without leaving the note.
    auto* resultLayout = new QHBoxLayout(m_resultRow);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(new QLabel(tr("Result:"), m_resultRow));
    int key = 0;
    for (ItemResult result : kAssessableResults) {
        auto* button = new QPushButton(AuditLabels::of(result), m_resultRow);
        button->setCheckable(true);
        button->setAccessibleName(AuditLabels::of(result));
        button->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + key++)));
        button->setToolTip(tr("Record “%1” (%2)")
                               .arg(AuditLabels::of(result),
                                    button->shortcut().toString(QKeySequence::NativeText)));
        m_results->addButton(button, static_cast<int>(result));
        resultLayout->addWidget(button);
    }
    resultLayout->addStretch(1);
    m_results->setExclusive(false); // the checked state follows the stored result, not clicks
    connect(m_results, &QButtonGroup::idClicked, this, [this](int id) {
        recordResult(static_cast<ItemResult>(id));
        // A click toggled the button; the stored result decides what stays checked.
        syncResultButtons();
    });

    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("What you saw, whom you asked, what is missing"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(64);
    m_saveNote->setAccessibleName(tr("Save the note"));
    m_saveNote->setShortcut(QKeySequence::Save);
    connect(m_saveNote, &QPushButton::clicked, this, &AuditRunner::saveNote);

    // The current item: its checklist text scrolls when a long guidance does not fit; who
    // should answer and what is recorded stay in view.
    auto* itemPane = new QWidget(this);
    auto* navigation = new QHBoxLayout;
    navigation->addWidget(m_itemHeading, 1);
    navigation->addWidget(m_previous);
    navigation->addWidget(m_next);
    auto* itemFacts = new QFormLayout;
    itemFacts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* respondentRow = new QHBoxLayout;
    respondentRow->addWidget(m_respondent, 1);
    respondentRow->addWidget(m_reassign, 0, Qt::AlignTop);
    itemFacts->addRow(tr("Suggested respondent:"), respondentRow);
    itemFacts->addRow(tr("Recorded:"), m_resultLine);
    auto* itemLayout = new QVBoxLayout(itemPane);
    itemLayout->setContentsMargins(0, 0, 0, 0);
    itemLayout->addLayout(navigation);
    itemLayout->addWidget(m_itemView, 1);
    itemLayout->addLayout(itemFacts);

    auto* noteRow = new QHBoxLayout;
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_saveNote, 0, Qt::AlignTop);

    // Evidence of the current item, and the findings of the whole audit.
    m_evidenceList->setColumnCount(5);
    m_evidenceList->setHeaderLabels(
        {tr("Evidence"), tr("SHA-256"), tr("Size"), tr("Effective"), tr("Recorded by")});
    m_evidenceList->setRootIsDecorated(false);
    m_evidenceList->setAccessibleName(tr("Evidence of the item"));
    m_evidenceList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_evidenceList->header()->setStretchLastSection(false);
    m_evidenceList->setColumnWidth(1, 160);
    m_attachFile->setAccessibleName(tr("Attach a file as evidence"));
    m_addUrl->setAccessibleName(tr("Add a URL as evidence"));
    connect(m_attachFile, &QPushButton::clicked, this, &AuditRunner::chooseFile);
    connect(m_addUrl, &QPushButton::clicked, this, &AuditRunner::askUrl);
    auto* evidencePane = new QWidget(this);
    auto* evidenceButtons = new QHBoxLayout;
    evidenceButtons->addWidget(m_attachFile);
    evidenceButtons->addWidget(m_addUrl);
    evidenceButtons->addStretch(1);
    auto* evidenceLayout = new QVBoxLayout(evidencePane);
    evidenceLayout->addWidget(m_evidenceList);
    evidenceLayout->addLayout(evidenceButtons);

    m_findingsList->setColumnCount(6);
    m_findingsList->setHeaderLabels(
        {tr("Item"), tr("Severity"), tr("Status"), tr("Owner"), tr("Due"), tr("Finding")});
    m_findingsList->setRootIsDecorated(false);
    m_findingsList->setAccessibleName(tr("Findings of the audit"));
    m_findingsList->header()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_findingsList->header()->setStretchLastSection(false);
    m_raiseFinding->setAccessibleName(tr("Raise a finding on the item"));
    connect(m_raiseFinding, &QPushButton::clicked, this, &AuditRunner::askFinding);
    connect(m_findingsList, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { selectItem(item->text(0)); });
    connect(m_findingsList, &QTreeWidget::currentItemChanged, this,
            &AuditRunner::updateFindingActions);
    connect(m_findingActions, &FindingActions::moveRequested, this, &AuditRunner::askMoveFinding);
    auto* findingsPane = new QWidget(this);
    auto* findingButtons = new QHBoxLayout;
    findingButtons->addWidget(m_raiseFinding);
    findingButtons->addWidget(m_findingActions);
    findingButtons->addStretch(1);
    auto* findingsLayout = new QVBoxLayout(findingsPane);
    findingsLayout->addWidget(m_findingsList);
    findingsLayout->addLayout(findingButtons);

    m_tabs->addTab(evidencePane, tr("Evidence"));
    m_tabs->addTab(findingsPane, tr("Findings"));
    m_tabs->setAccessibleName(tr("Evidence and findings"));

    auto* assessPane = new QWidget(this);
    auto* assessLayout = new QVBoxLayout(assessPane);
    assessLayout->setContentsMargins(0, 0, 0, 0);
    assessLayout->addWidget(m_resultRow);
    assessLayout->addLayout(noteRow);
    assessLayout->addWidget(m_tabs, 1);

    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(itemPane);
    right->addWidget(assessPane);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    right->setSizes({360, 340});
    right->setChildrenCollapsible(false);

    auto* body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(m_tree);
    body->addWidget(right);
    body->setStretchFactor(0, 2);
    body->setStretchFactor(1, 3);
    body->setSizes({380, 620});
    body->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(facts);
    layout->addWidget(m_message);
    layout->addWidget(m_exportBar);
    layout->addWidget(body, 1);

    connect(m_back, &QPushButton::clicked, this, &AuditRunner::backRequested);
    connect(m_actAs, &QPushButton::clicked, this, &AuditRunner::chooseActor);
    connect(m_submit, &QPushButton::clicked, this, &AuditRunner::submitForReview);
    connect(m_close, &QPushButton::clicked, this, &AuditRunner::askClose);
    updateActions();
}

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
    // Findings are followed up after the audit is closed too, so only the permission and an
    // acting person decide.
    m_findingActions->setVisible(m_audit.id > 0 && FindingActions::offered(m_workspace));
    const QTreeWidgetItem* row = m_findingsList->currentItem();
    m_findingActions->setCurrent(
        row ? std::optional(static_cast<FindingStatus>(row->data(2, Qt::UserRole).toInt()))
            : std::nullopt);
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
    if (!canEdit())
        return false;
    const QString actor = m_workspace.actorEmail();
    const bool lead =
        !actor.isEmpty() && actor.compare(m_audit.leadEmail, Qt::CaseInsensitive) == 0;
    return lead || m_workspace.permissions().auditAdmin;
}

void AuditRunner::updateActions()
{
    const bool edit = canEdit();
    const bool item = edit && currentItem();
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
    m_reassign->setVisible(edit);
    m_reassign->setEnabled(item);
    updateFindingActions();
    m_actAs->setVisible(edit && m_workspace.actorEmail().isEmpty());
    const bool signOff = canSignOff();
    m_submit->setVisible(signOff && m_audit.status == AuditStatus::InProgress);
    m_close->setVisible(signOff && m_audit.status == AuditStatus::InReview);
    m_exportButton->setEnabled(m_audit.id > 0 && !m_export);
}

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
    if (const QString why = FindingActions::refusal(m_workspace, next, justification);
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
