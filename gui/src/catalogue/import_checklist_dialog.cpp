#include "catalogue/import_checklist_dialog.h"

#include "common/workspace.h"
#include "domain/records.h"
#include "error.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace steward::gui {
namespace {

QString applicability(const Applicability& a)
{
    QStringList parts;
    for (const RiskTier t : a.riskTiers)
        parts << qs(toString(t));
    for (const AiActRole r : a.actors)
        parts << qs(toString(r));
    for (const Industry i : a.industries)
        parts << qs(toString(i));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ImportChecklistDialog::ImportChecklistDialog(Workspace& workspace, const QString& path,
                                             QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_summary(new QLabel(this))
    , m_notes(new QPlainTextEdit(this))
    , m_items(new QTreeWidget(this))
    , m_problems(new QTableWidget(0, 2, this))
    , m_import(new QPushButton(tr("&Import"), this))
{
    setWindowTitle(tr("Import a checklist"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setReadOnly(true);
    m_notes->setMaximumHeight(100);
    m_items->setHeaderLabels({tr("Item"), tr("Text"), tr("Answered by"), tr("Applies to")});
    m_items->setRootIsDecorated(true);
    m_items->setUniformRowHeights(true);
    m_items->header()->setStretchLastSection(false);
    m_items->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_items->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_items->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_items->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_problems->setHorizontalHeaderLabels({tr("Where"), tr("What is wrong")});
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->verticalHeader()->hide();
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &ImportChecklistDialog::startImport);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_notes);
    layout->addWidget(m_items, 1);
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);
    resize(900, 620);

    try {
        m_file = readChecklistFile(path);
        showPreview(ChecklistImport(m_workspace.db()).preview(m_file));
    } catch (const Error& e) {
        showProblems(e.message(), e.details());
    }
}

void ImportChecklistDialog::showPreview(const ChecklistImportPreview& preview)
{
    m_preview = preview;
    m_state = State::Previewed;
    const bool writes = preview.plan.outcome != PublishOutcome::Unchanged;
    const bool mayImport = m_workspace.permissions().publishChecklists;
    m_summary->setText(
        tr("<b>%1</b> (%2 file, SHA-256 %3…)<br>%4: <b>%5</b>.%6")
            .arg(m_file.name.toHtmlEscaped(), toString(m_file.format), m_file.sha256.left(16),
                 qs(m_file.spec.title).toHtmlEscaped(), preview.summary().toHtmlEscaped(),
                 mayImport || !writes
                     ? QString()
                     : tr("<br>Only administrators may import checklists; this login may "
                          "preview only.")));
    QStringList notes = m_file.mappingNotes;
    if (!m_file.spec.source.empty())
        notes << tr("Source: %1").arg(qs(m_file.spec.source));
    if (!m_file.spec.licence.empty())
        notes << tr("Licence: %1").arg(qs(m_file.spec.licence));
    m_notes->setPlainText(notes.join(u'\n'));
    m_items->clear();
    for (const ChecklistSection& s : m_file.spec.sections) {
        auto* section = new QTreeWidgetItem(m_items, {qs(s.id), qs(s.title)});
        QFont bold = section->font(0);
        bold.setBold(true);
        section->setFont(0, bold);
        section->setFont(1, bold);
        for (const ChecklistItem& i : s.items) {
            auto* item = new QTreeWidgetItem(section, {qs(i.id), qs(i.text).simplified(),
                                                       qs(i.roleKey), applicability(i.applies)});
            item->setToolTip(1, qs(i.text));
        }
    }
    m_items->expandAll();
    m_items->setVisible(true);
    m_problems->setVisible(false);
    m_import->setEnabled(writes && mayImport);
}

void ImportChecklistDialog::showProblems(const QString& message, const QStringList& problems)
{
    m_state = State::Refused;
    m_summary->setText(tr("<b>Nothing can be imported.</b> %1").arg(message.toHtmlEscaped()));
    m_notes->setVisible(false);
    m_items->setVisible(false);
    m_problems->setVisible(true);
    m_problems->setRowCount(0);
    // "FILE:LINE: what" -> "FILE:LINE" | "what"
    static const QRegularExpression where(QStringLiteral("^(.*?:\\d+): (.*)$"));
    for (const QString& p : problems) {
        const QRegularExpressionMatch m = where.match(p);
        const int row = m_problems->rowCount();
        m_problems->insertRow(row);
        m_problems->setItem(row, 0, new QTableWidgetItem(m.hasMatch() ? m.captured(1) : QString()));
        m_problems->setItem(row, 1, new QTableWidgetItem(m.hasMatch() ? m.captured(2) : p));
    }
    m_problems->resizeColumnToContents(0);
    m_import->setEnabled(false);
}

void ImportChecklistDialog::startImport()
{
    if (m_state != State::Previewed)
        return;
    try {
        const ChecklistImportPreview result = ChecklistImport(m_workspace.db()).import(m_file);
        m_state = State::Imported;
        m_summary->setText(tr("<b>Imported.</b> %1.").arg(result.summary().toHtmlEscaped()));
        m_import->setEnabled(false);
        emit imported(qs(m_file.spec.key));
    } catch (const Error& e) {
        m_state = State::Failed;
        m_summary->setText(
            tr("<b>The import was refused:</b> %1").arg(e.message().toHtmlEscaped()));
        m_import->setEnabled(false);
    }
}

} // namespace steward::gui
