// The audit runner: building its widgets and wiring them (the rest of the class is in
// audit_runner_view.cpp, audit_runner_steps.cpp and audit_runner_dialogs.cpp).
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
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace steward::gui {
namespace {

QLabel* wrappingLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
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
    , m_mappedEvidence(new QLabel(this))
    , m_attachMapped(new QPushButton(tr("Attach here &too"), this))
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
    m_mappedEvidence->setWordWrap(true);
    m_mappedEvidence->setAccessibleName(tr("Evidence of mapped items"));
    connect(m_attachMapped, &QPushButton::clicked, this, &AuditRunner::attachMappedEvidence);
    auto* mappedRow = new QHBoxLayout;
    mappedRow->addWidget(m_mappedEvidence, 1);
    mappedRow->addWidget(m_attachMapped, 0, Qt::AlignTop);
    auto* evidenceLayout = new QVBoxLayout(evidencePane);
    evidenceLayout->addWidget(m_evidenceList);
    evidenceLayout->addLayout(mappedRow);
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

} // namespace steward::gui
