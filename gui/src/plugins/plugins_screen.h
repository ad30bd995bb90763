// The Plugins screen: every plugin file found, with its state, version, vendor, what it
// contributes and, for a failed one, why; plugins can be switched off and on for the next start.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace steward::gui {

class MessageBar;
class Workspace;

class PluginsScreen : public QWidget {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        VersionColumn,
        VendorColumn,
        StateColumn,
        ContributesColumn,
        ColumnCount
    };

    explicit PluginsScreen(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    QTableWidget* table() const { return m_table; }
    QLabel* details() const { return m_details; }
    MessageBar* messageBar() const { return m_message; }

private:
    void showDetails(int row);
    void toggleSelected();

    Workspace& m_workspace;
    MessageBar* m_message;
    QTableWidget* m_table;
    QLabel* m_details;
    QPushButton* m_toggle;
};

} // namespace steward::gui
