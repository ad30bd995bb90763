// The role catalogue: roles by pack (built-in and every plugin pack), each role's
// responsibilities by lifecycle stage, and who holds it on which project.
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;
class QTreeWidget;

namespace steward::gui {

class MessageBar;
class Workspace;

class CatalogueScreen : public QWidget {
    Q_OBJECT

public:
    explicit CatalogueScreen(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    // Selects a role by key; false when the catalogue has no such role.
    bool showRole(const QString& key);

    QTreeWidget* rolesTree() const { return m_roles; }
    QTableWidget* responsibilitiesTable() const { return m_responsibilities; }
    QTableWidget* holdersTable() const { return m_holders; }

signals:
    void projectActivated(const QString& projectKey);
    void personActivated(const QString& email);

private:
    void showRoleDetails(const QString& key);

    Workspace& m_workspace;
    MessageBar* m_message;
    QTreeWidget* m_roles;
    QLabel* m_roleTitle;
    QLabel* m_roleSummary;
    QTableWidget* m_responsibilities;
    QTableWidget* m_holders;
};

} // namespace steward::gui
