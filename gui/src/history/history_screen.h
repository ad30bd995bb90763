// The change history: who changed what and when, newest first, filtered by what was changed
// (a table and optionally one row, e.g. a person or a project) and by who changed it.
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace steward::gui {

class MessageBar;
class Workspace;

class HistoryScreen : public QWidget {
    Q_OBJECT

public:
    explicit HistoryScreen(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    // Shows the history of one row, e.g. ("project", "42").
    void showFor(const QString& table, const QString& rowKey);

    QTableWidget* table() const { return m_table; }
    QComboBox* tableFilter() const { return m_tableFilter; }
    QLineEdit* actorFilter() const { return m_actor; }
    QPlainTextEdit* details() const { return m_details; }

private:
    void showDetails(int row);

    Workspace& m_workspace;
    QComboBox* m_tableFilter;
    QLineEdit* m_rowKey;
    QLineEdit* m_actor;
    QSpinBox* m_limit;
    MessageBar* m_message;
    QTableWidget* m_table;
    QPlainTextEdit* m_details;
};

} // namespace steward::gui
