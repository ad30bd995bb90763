#include "app/connection_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace steward::gui {

ConnectionDialog::ConnectionDialog(const QString& current, QWidget* parent)
    : QDialog(parent)
    , m_database(new QLineEdit(current, this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Connect to a database"));
    auto* intro =
        new QLabel(tr("Enter a PostgreSQL connection URI such as "
                      "postgresql://steward@db.example.org/steward, or libpq settings such as "
                      "\"service=steward\". Passwords come from ~/.pgpass or PGPASSWORD; the "
                      "other PG* variables apply as usual.\n\n"
                      "Leave it empty to use Steward's own embedded database on this computer."),
                   this);
    intro->setWordWrap(true);
    m_database->setPlaceholderText(tr("Empty: the embedded database"));
    m_database->setAccessibleName(tr("Connection URI"));
    m_database->setMinimumWidth(420);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c"));
    m_error->setVisible(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_database);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString ConnectionDialog::database() const
{
    return m_database->text().trimmed();
}

void ConnectionDialog::setError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace steward::gui
