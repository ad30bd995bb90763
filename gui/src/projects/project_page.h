// One project: what it is, its team grouped by role, and its coverage findings (core and pack
// rules) with what to do about each.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace steward::gui {

class MessageBar;
class Workspace;

class ProjectPage : public QWidget {
    Q_OBJECT

public:
    explicit ProjectPage(Workspace& workspace, QWidget* parent = nullptr);

    void showProject(const QString& key);
    QString currentKey() const { return m_key; }

    QTreeWidget* teamTree() const { return m_team; }
    QTableWidget* findingsTable() const { return m_findings; }

signals:
    void editRaciRequested(const QString& projectKey);
    void personActivated(const QString& email);

private:
    void clear();

    Workspace& m_workspace;
    QString m_key;
    QLabel* m_title;
    QLabel* m_details;
    QLabel* m_description;
    QPushButton* m_editRaci;
    MessageBar* m_message;
    QLabel* m_coverageSummary;
    QTreeWidget* m_team;
    QTableWidget* m_findings;
};

} // namespace steward::gui
