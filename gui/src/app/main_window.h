// The main window: the navigation sidebar beside a stack of screens, a status bar saying whom
// you are connected as and where, and the window state remembered between runs.
#pragma once

#include <QMainWindow>

class QLabel;
class QStackedWidget;

namespace steward::gui {

class AuditsScreen;
class ChangeFeed;
class CatalogueScreen;
class HistoryScreen;
class NavigationSidebar;
class OverviewScreen;
class PeopleScreen;
class PluginsScreen;
class QualificationsScreen;
class ImportChecklistDialog;
class ProjectsScreen;
class RaciEditor;
class Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum Screen {
        Overview,
        People,
        Projects,
        Raci,
        Audits,
        Catalogue,
        Qualifications,
        Plugins,
        History,
        ScreenCount
    };

    // `connectionDescription` is the status bar's "where", e.g. the embedded cluster's folder.
    MainWindow(Workspace& workspace, const QString& connectionDescription,
               QWidget* parent = nullptr);

    void showScreen(Screen screen);
    Screen currentScreen() const;
    QWidget* screen(Screen screen) const;
    QString screenTitle(Screen screen) const;
    // A file-name-friendly name of the screen: "overview", "raci-matrix", ...
    static QString screenSlug(Screen screen);
    QString statusText() const;

    OverviewScreen* overview() const { return m_overview; }
    PeopleScreen* people() const { return m_people; }
    ProjectsScreen* projects() const { return m_projects; }
    RaciEditor* raci() const { return m_raci; }
    AuditsScreen* audits() const { return m_audits; }
    CatalogueScreen* catalogue() const { return m_catalogue; }
    QualificationsScreen* qualifications() const { return m_qualifications; }
    PluginsScreen* plugins() const { return m_plugins; }
    HistoryScreen* history() const { return m_history; }
    // What other clients changed; the window reloads its screens from it.
    ChangeFeed* changes() const { return m_changes; }

    // Checklists › Import…: the preview of the checklist file at `path`, shown as a window of its
    // own; importing it reloads the screens that show checklists.
    ImportChecklistDialog* importChecklist(const QString& path);

signals:
    // The user asked to connect elsewhere (File > Connect).
    void connectRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // "Connected as alice (manager) to db.example.org/steward · acting as alice@example.org".
    static QString connectionStatus(const Workspace& workspace, const QString& where);
    // Reloads the screens that show what other clients changed in `tables`.
    void applyChanges(const QStringList& tables);
    // Reloads the RACI editor when it shows `projectKey`, unless the user is editing it.
    void refreshStaffing(const QString& projectKey);
    void createMenus();
    void restoreWindowState();

    Workspace& m_workspace;
    NavigationSidebar* m_sidebar;
    QStackedWidget* m_stack;
    QLabel* m_status;
    OverviewScreen* m_overview;
    PeopleScreen* m_people;
    ProjectsScreen* m_projects;
    RaciEditor* m_raci;
    AuditsScreen* m_audits;
    CatalogueScreen* m_catalogue;
    QualificationsScreen* m_qualifications;
    PluginsScreen* m_plugins;
    HistoryScreen* m_history;
    ChangeFeed* m_changes;
};

} // namespace steward::gui
