#include "people/people_screen.h"

#include "common/message_bar.h"
#include "common/workspace.h"
#include "people/import_people_dialog.h"
#include "people/person_list_model.h"
#include "people/person_page.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace steward::gui {

PeopleScreen::PeopleScreen(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new PersonListModel(workspace.db(), this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_message(new MessageBar(this))
    , m_view(new QTableView(this))
    , m_page(new PersonPage(workspace, this))
    , m_searchDelay(new QTimer(this))
    , m_importAction(new QAction(tr("&Import people from CSV…"), this))
{
    m_search->setPlaceholderText(tr("Search by name or e-mail"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search people"));

    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PersonListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    // Uniform rows let the view lay out 100k rows without asking for each one.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(PersonListModel::NameColumn, 170);
    m_view->setColumnWidth(PersonListModel::EmailColumn, 240);
    m_view->setColumnWidth(PersonListModel::OrgUnitColumn, 130);
    m_view->setColumnWidth(PersonListModel::TitleColumn, 170);
    m_view->setAccessibleName(tr("People directory"));

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this,
            [this] { m_model->setSearch(m_search->text().trimmed()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &PeopleScreen::updateCount);
    connect(m_model, &PersonListModel::loadFailed, this, [this](const QString& message) {
        m_message->showMessage(MessageBar::Kind::Error, message);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const Person* p = current.isValid() ? m_model->personAt(current.row()) : nullptr;
                m_page->showPerson(p ? p->email : QString());
            });
    connect(m_page, &PersonPage::projectActivated, this, &PeopleScreen::projectActivated);
    connect(m_page, &PersonPage::historyRequested, this, &PeopleScreen::historyRequested);

    // Offered only where PostgreSQL would accept the writes.
    const bool mayImport = workspace.permissions().editPeople;
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_importAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_importAction->setToolTip(tr("Add and update people from an HR export (CSV); shows the "
                                  "problems before anything is written"));
    m_importAction->setEnabled(mayImport);
    m_importAction->setVisible(mayImport);
    addAction(m_importAction);
    connect(m_importAction, &QAction::triggered, this, &PeopleScreen::chooseImportFile);
    auto* importButton = new QToolButton(this);
    importButton->setDefaultAction(m_importAction);
    importButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    importButton->setAccessibleName(tr("Import people from CSV"));
    importButton->setVisible(mayImport);

    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    top->addWidget(importButton);
    auto* listPane = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(top);
    listLayout->addWidget(m_message);
    listLayout->addWidget(m_view);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(listPane);
    splitter->addWidget(m_page);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 520});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    updateCount();
}

void PeopleScreen::updateCount()
{
    m_count->setText(tr("%n people", nullptr, m_model->rowCount()));
}

void PeopleScreen::reload()
{
    m_model->reload();
}

void PeopleScreen::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import people from CSV"), {},
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

ImportPeopleDialog* PeopleScreen::importFile(const QString& path)
{
    if (!m_workspace.permissions().editPeople)
        return nullptr;
    auto* dialog = new ImportPeopleDialog(m_workspace, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportPeopleDialog::imported, this, [this, dialog] {
        const ImportResult& r = dialog->result();
        reload();
        m_page->showPerson(m_page->currentEmail());
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("Imported people from %1: %2, %3, %4.")
                                   .arg(dialog->fileName(), tr("%n added", nullptr, r.inserted),
                                        tr("%n updated", nullptr, r.updated),
                                        tr("%n unchanged", nullptr, r.unchanged)));
    });
    dialog->open();
    return dialog;
}

void PeopleScreen::showPerson(const QString& email)
{
    auto select = [this, &email] {
        // Only the first page is searched: a large directory is never walked row by row.
        const int rows = std::min(m_model->rowCount(), int{PersonListModel::kPageSize});
        for (int row = 0; row < rows; ++row) {
            const Person* p = m_model->personAt(row);
            if (p && p->email.compare(email, Qt::CaseInsensitive) == 0) {
                m_view->setCurrentIndex(m_model->index(row, PersonListModel::NameColumn));
                m_view->scrollTo(m_view->currentIndex());
                return true;
            }
        }
        return false;
    };
    if (select())
        return;
    m_search->setText(email);
    m_searchDelay->stop();
    m_model->setSearch(email);
    select();
}

} // namespace steward::gui
