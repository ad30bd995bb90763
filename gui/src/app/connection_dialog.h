// Asks where to connect and as whom: Steward's embedded database on this computer, or a shared
// PostgreSQL server given by the usual settings (host, port, database, user, SSL mode) or by a URI
// or conninfo string. Passwords are never stored: libpq takes them from ~/.pgpass or PGPASSWORD.
#pragma once

#include <QDialog>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace steward::gui {

class ConnectionDialog : public QDialog {
    Q_OBJECT

public:
    // `database`: the current connection string (empty: the embedded database); `actorEmail`: who
    // the user said they are.
    explicit ConnectionDialog(const QString& database, const QString& actorEmail = {},
                              QWidget* parent = nullptr);

    // The connection string; empty for the embedded database.
    QString database() const;
    // The e-mail changes and audit steps are recorded under; may be empty.
    QString actorEmail() const;
    // Shows why the last attempt failed.
    void setError(const QString& message);

    // Splits a conninfo string or URI into the fields the dialog shows; what they cannot show stays
    // in `rest` as conninfo. Exposed for the tests.
    struct Fields {
        QString host;
        int port = 0; // 0: the default
        QString dbname;
        QString user;
        QString sslmode;
        QString rest;
    };
    static Fields split(const QString& conninfo);
    static QString join(const Fields& fields);

private:
    void showFields(const Fields& fields);
    void updateEnabled();

    QRadioButton* m_embedded;
    QRadioButton* m_server;
    QGroupBox* m_serverBox;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_dbname;
    QLineEdit* m_user;
    QComboBox* m_sslmode;
    QLineEdit* m_uri;
    QLineEdit* m_actor;
    QLabel* m_error;
    QString m_rest;
};

} // namespace steward::gui
