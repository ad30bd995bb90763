// Asks where to connect: a shared PostgreSQL server (a URI, a conninfo string, or blank to rely
// on the usual PG* settings via a service name) or, left empty, Steward's embedded database.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace steward::gui {

class ConnectionDialog : public QDialog {
    Q_OBJECT

public:
    explicit ConnectionDialog(const QString& current, QWidget* parent = nullptr);

    // The connection string; empty for the embedded database.
    QString database() const;
    // Shows why the last attempt failed.
    void setError(const QString& message);

private:
    QLineEdit* m_database;
    QLabel* m_error;
};

} // namespace steward::gui
