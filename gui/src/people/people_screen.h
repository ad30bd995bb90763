// The People screen: the searchable, sortable directory beside the selected person's page.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace steward::gui {

class ImportPeopleDialog;
class MessageBar;
class PersonListModel;
class PersonPage;
class Workspace;

class PeopleScreen : public QWidget {
    Q_OBJECT

public:
    explicit PeopleScreen(Workspace& workspace, QWidget* parent = nullptr);

    PersonListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* searchField() const { return m_search; }
    PersonPage* page() const { return m_page; }
    MessageBar* messageBar() const { return m_message; }
    // "Import people from CSV…": enabled and shown only to users who may edit people.
    QAction* importAction() const { return m_importAction; }

    // Selects the person with this e-mail when the current listing shows them.
    void showPerson(const QString& email);
    void reload();
    // Opens the import dialog on this file and starts its preview; null when the user may not
    // edit people. The dialog deletes itself when closed; on a committed import the list reloads
    // and the message bar says what changed.
    ImportPeopleDialog* importFile(const QString& path);

signals:
    void projectActivated(const QString& projectKey);
    void historyRequested(const QString& table, const QString& rowKey);

private:
    void updateCount();
    void chooseImportFile();

    Workspace& m_workspace;
    PersonListModel* m_model;
    QLineEdit* m_search;
    QLabel* m_count;
    MessageBar* m_message;
    QTableView* m_view;
    PersonPage* m_page;
    QTimer* m_searchDelay;
    QAction* m_importAction;
};

} // namespace steward::gui
