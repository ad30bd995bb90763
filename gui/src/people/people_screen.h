// The People screen: the searchable, sortable directory beside the selected person's page.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace steward::gui {

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

    // Selects the person with this e-mail when the current listing shows them.
    void showPerson(const QString& email);
    void reload();

signals:
    void projectActivated(const QString& projectKey);

private:
    void updateCount();

    PersonListModel* m_model;
    QLineEdit* m_search;
    QLabel* m_count;
    MessageBar* m_message;
    QTableView* m_view;
    PersonPage* m_page;
    QTimer* m_searchDelay;
};

} // namespace steward::gui
