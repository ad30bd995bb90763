#include "app/main_window.h"

#include "app/navigation_sidebar.h"
#include "audits/audits_screen.h"
#include "catalogue/catalogue_screen.h"
#include "catalogue/import_checklist_dialog.h"
#include "common/change_feed.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "db/database.h"
#include "history/history_screen.h"
#include "overview/overview_screen.h"
#include "people/people_screen.h"
#include "people/person_page.h"
#include "plugins/plugins_screen.h"
#include "projects/project_page.h"
#include "projects/projects_screen.h"
#include "qualifications/qualifications_screen.h"
#include "raci/raci_editor.h"
#include "raci/raci_matrix_model.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace steward::gui {

MainWindow::MainWindow(Workspace& workspace, const QString& connectionDescription, QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_sidebar(new NavigationSidebar(this))
    , m_stack(new QStackedWidget(this))
    , m_status(new QLabel(this))
    , m_overview(new OverviewScreen(workspace, this))
    , m_people(new PeopleScreen(workspace, this))
    , m_projects(new ProjectsScreen(workspace, this))
    , m_raci(new RaciEditor(workspace, this))
    , m_audits(new AuditsScreen(workspace, this))
    , m_catalogue(new CatalogueScreen(workspace, this))
    , m_qualifications(new QualificationsScreen(workspace, this))
    , m_plugins(new PluginsScreen(workspace, this))
    , m_history(new HistoryScreen(workspace, this))
    , m_changes(new ChangeFeed(workspace.db(), 250, this))
{
    setWindowTitle(tr("Steward"));
    for (int s = 0; s < ScreenCount; ++s) {
        QWidget* w = screen(static_cast<Screen>(s));
        w->setAccessibleName(screenTitle(static_cast<Screen>(s)));
        m_stack->addWidget(w);
        m_sidebar->addScreen(screenTitle(static_cast<Screen>(s)),
                             QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + s))
                                 .toString(QKeySequence::NativeText));
    }
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_status->setText(connectionStatus(workspace, connectionDescription));
    m_status->setAccessibleName(tr("Connection"));
    statusBar()->addWidget(m_status, 1);

    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_stack->setCurrentIndex(row);
    });
    // Moving between screens: whatever one screen points at, the other shows.
    connect(m_overview, &OverviewScreen::riskTierActivated, this, [this](RiskTier tier) {
        ProjectFilter f;
        f.riskTier = tier;
        m_projects->setFilter(f);
        showScreen(Projects);
    });
    connect(m_overview, &OverviewScreen::stageActivated, this, [this](ProjectStage stage) {
        ProjectFilter f;
        f.stage = stage;
        m_projects->setFilter(f);
        showScreen(Projects);
    });
    auto openProject = [this](const QString& key) {
        m_projects->showProject(key);
        showScreen(Projects);
    };
    auto openPerson = [this](const QString& email) {
        m_people->showPerson(email);
        showScreen(People);
    };
    connect(m_overview, &OverviewScreen::projectActivated, this, openProject);
    connect(m_people, &PeopleScreen::projectActivated, this, openProject);
    connect(m_catalogue, &CatalogueScreen::projectActivated, this, openProject);
    connect(m_projects, &ProjectsScreen::personActivated, this, openPerson);
    connect(m_catalogue, &CatalogueScreen::personActivated, this, openPerson);
    connect(m_qualifications, &QualificationsScreen::personActivated, this, openPerson);
    connect(m_overview, &OverviewScreen::personActivated, this, openPerson);
    // Completions change people's pages and the coverage findings of their projects.
    auto qualificationsChanged = [this] {
        m_overview->reload();
        m_people->reload();
        m_projects->reload();
        m_qualifications->reload();
        refreshStaffing(m_raci->model()->projectKey());
    };
    connect(m_qualifications, &QualificationsScreen::qualificationsChanged, this,
            [this, qualificationsChanged] {
                // The person page shows its person's records; the directory does not.
                m_people->page()->showPerson(m_people->page()->currentEmail());
                qualificationsChanged();
            });
    connect(m_people->page(), &PersonPage::qualificationsChanged, this, qualificationsChanged);
    connect(m_projects, &ProjectsScreen::editRaciRequested, this, [this](const QString& key) {
        if (m_raci->openProject(key))
            showScreen(Raci);
    });
    connect(m_audits, &AuditsScreen::auditsChanged, this, [this] { m_overview->reload(); });
    connect(m_raci, &RaciEditor::saved, this, [this] {
        m_projects->reload();
        m_overview->reload();
    });

    auto openAudit = [this](qint64 auditId) {
        if (m_audits->openAudit(auditId))
            showScreen(Audits);
    };
    connect(m_overview, &OverviewScreen::auditStatusActivated, this, [this](AuditStatus status) {
        m_audits->showList();
        m_audits->showStatus(status);
        showScreen(Audits);
    });
    connect(m_overview, &OverviewScreen::auditActivated, this, openAudit);
    connect(m_overview, &OverviewScreen::overdueFindingsActivated, this, [this] {
        m_audits->showOverdueFindings();
        showScreen(Audits);
    });
    connect(m_projects->page(), &ProjectPage::auditActivated, this, openAudit);
    connect(m_projects->page(), &ProjectPage::staffingChanged, this, [this](const QString& key) {
        refreshStaffing(key);
        m_overview->reload();
        m_people->reload();
    });

    auto openHistory = [this](const QString& table, const QString& rowKey) {
        m_history->showFor(table, rowKey);
        showScreen(History);
    };
    connect(m_people, &PeopleScreen::historyRequested, this, openHistory);
    connect(m_projects, &ProjectsScreen::historyRequested, this, openHistory);

    // Other Steward clients' commits, as they happen.
    connect(m_changes, &ChangeFeed::changed, this, &MainWindow::applyChanges);

    createMenus();
    showScreen(Overview);
    restoreWindowState();
}

QString MainWindow::connectionStatus(const Workspace& workspace, const QString& where)
{
    const Permissions& p = workspace.permissions();
    QString access;
    if (p.readOnly())
        access = tr("read only");
    else if (p.managePlugins && p.auditAdmin)
        access = tr("administrator");
    else if (p.managePlugins)
        access = tr("full access");
    else if (p.editStaffing && p.runAudits)
        access = tr("manager and auditor");
    else if (p.editStaffing)
        access = tr("manager");
    else if (p.runAudits)
        access = tr("auditor");
    else
        access = tr("limited access");
    QString acting;
    if (!workspace.actorEmail().isEmpty())
        acting = tr("acting as %1").arg(workspace.actorEmail());
    else if (!workspace.db().actor().isEmpty())
        acting = tr("changes recorded as %1").arg(workspace.db().actor());
    else
        acting = tr("changes recorded as your login name (File › Connect sets your e-mail)");
    return tr("Connected as %1 (%2) to %3 · %4").arg(workspace.db().user(), access, where, acting);
}

void MainWindow::applyChanges(const QStringList& tables)
{
    const ChangedAreas changed = changedAreas(tables);
    if (!changed.any())
        return;
    // Each screen reloads what it shows; selections and open pages are kept by their reload().
    m_overview->reload();
    m_history->reload();
    if (changed.people || changed.staffing || changed.qualifications)
        m_people->reload();
    if (changed.projects || changed.staffing || changed.audits || changed.qualifications)
        m_projects->reload();
    if (changed.people || changed.qualifications)
        m_qualifications->reload();
    if (changed.catalogue || changed.staffing)
        m_catalogue->reload();
    if (changed.plugins)
        m_plugins->reload();
    if (changed.audits || changed.projects)
        m_audits->reload();
    if (changed.people || changed.projects)
        m_raci->reloadProjects();
    if (changed.staffing || changed.catalogue || changed.qualifications)
        refreshStaffing(m_raci->model()->projectKey());
}

void MainWindow::refreshStaffing(const QString& projectKey)
{
    if (projectKey.isEmpty() || m_raci->model()->projectKey() != projectKey)
        return;
    if (m_raci->reload())
        return;
    // Never under the user's hands: their edits stay, and saving checks each row's version.
    m_raci->messageBar()->showMessage(
        MessageBar::Kind::Warning,
        tr("Someone else changed the staffing of %1 while you were editing. Your edits are kept; "
           "saving reports any row they changed too.")
            .arg(projectKey));
}

QWidget* MainWindow::screen(Screen s) const
{
    switch (s) {
    case Overview:
        return m_overview;
    case People:
        return m_people;
    case Projects:
        return m_projects;
    case Raci:
        return m_raci;
    case Audits:
        return m_audits;
    case Catalogue:
        return m_catalogue;
    case Qualifications:
        return m_qualifications;
    case Plugins:
        return m_plugins;
    case History:
        return m_history;
    case ScreenCount:
        break;
    }
    return nullptr;
}

QString MainWindow::screenTitle(Screen s) const
{
    switch (s) {
    case Overview:
        return tr("Overview");
    case People:
        return tr("People");
    case Projects:
        return tr("Projects");
    case Raci:
        return tr("RACI matrix");
    case Audits:
        return tr("Audits");
    case Catalogue:
        return tr("Role catalogue");
    case Qualifications:
        return tr("Qualifications");
    case Plugins:
        return tr("Plugins");
    case History:
        return tr("History");
    case ScreenCount:
        break;
    }
    return {};
}

QString MainWindow::screenSlug(Screen s)
{
    switch (s) {
    case Overview:
        return QStringLiteral("overview");
    case People:
        return QStringLiteral("people");
    case Projects:
        return QStringLiteral("projects");
    case Raci:
        return QStringLiteral("raci-matrix");
    case Audits:
        return QStringLiteral("audits");
    case Catalogue:
        return QStringLiteral("role-catalogue");
    case Qualifications:
        return QStringLiteral("qualifications");
    case Plugins:
        return QStringLiteral("plugins");
    case History:
        return QStringLiteral("history");
    case ScreenCount:
        break;
    }
    return {};
}

void MainWindow::showScreen(Screen s)
{
    m_sidebar->setCurrentRow(s);
    m_stack->setCurrentIndex(s);
}

MainWindow::Screen MainWindow::currentScreen() const
{
    return static_cast<Screen>(m_stack->currentIndex());
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

ImportChecklistDialog* MainWindow::importChecklist(const QString& path)
{
    auto* dialog = new ImportChecklistDialog(m_workspace, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportChecklistDialog::imported, this, [this] {
        m_audits->reload();
        m_plugins->reload();
        m_history->reload();
    });
    return dialog;
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* connectAction = file->addAction(tr("&Connect to a database…"));
    connect(connectAction, &QAction::triggered, this, &MainWindow::connectRequested);
    QAction* reload = file->addAction(tr("&Reload"));
    reload->setShortcut(QKeySequence::Refresh);
    connect(reload, &QAction::triggered, this, [this] {
        m_overview->reload();
        m_people->reload();
        m_projects->reload();
        m_audits->reload();
        m_catalogue->reload();
        m_qualifications->reload();
        m_plugins->reload();
        m_history->reload();
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* checklists = menuBar()->addMenu(tr("&Checklists"));
    QAction* importChecklistAction = checklists->addAction(tr("&Import…"));
    importChecklistAction->setToolTip(
        tr("Publish a checklist from a Steward YAML file, a CISO Assistant library or an OSCAL "
           "catalog, after a preview"));
    connect(importChecklistAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import a checklist"), QString(),
            tr("Checklist files (*.yaml *.yml *.json);;All files (*)"));
        if (!path.isEmpty())
            importChecklist(path)->show();
    });

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int s = 0; s < ScreenCount; ++s) {
        QAction* action = go->addAction(screenTitle(static_cast<Screen>(s)));
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + s)));
        connect(action, &QAction::triggered, this,
                [this, s] { showScreen(static_cast<Screen>(s)); });
    }
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const int last = settings.value(QStringLiteral("window/screen"), int{Overview}).toInt();
    if (last >= 0 && last < ScreenCount)
        showScreen(static_cast<Screen>(last));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_raci->confirmDiscard()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/screen"), int{currentScreen()});
    event->accept();
}

} // namespace steward::gui
