#include "app/connection_dialog.h"

#include "db/conninfo.h"
#include "error.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace steward::gui {

ConnectionDialog::Fields ConnectionDialog::split(const QString& conninfo)
{
    Fields fields;
    if (conninfo.trimmed().isEmpty())
        return fields;
    ConninfoOptions options;
    try {
        options = parseConninfoOptions(conninfo);
    } catch (const Error&) {
        fields.rest = conninfo; // shown as typed, so the user can correct it
        return fields;
    }
    ConninfoOptions rest;
    for (auto& [key, value] : options) {
        if (key == QLatin1String("host"))
            fields.host = value;
        else if (key == QLatin1String("port") && value.toInt() > 0)
            fields.port = value.toInt();
        else if (key == QLatin1String("dbname"))
            fields.dbname = value;
        else if (key == QLatin1String("user"))
            fields.user = value;
        else if (key == QLatin1String("sslmode"))
            fields.sslmode = value;
        else
            rest.emplace_back(std::move(key), std::move(value));
    }
    fields.rest = joinConninfo(rest);
    return fields;
}

QString ConnectionDialog::join(const Fields& fields)
{
    ConninfoOptions options;
    auto add = [&options](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty())
            options.emplace_back(QString::fromLatin1(key), value.trimmed());
    };
    add("host", fields.host);
    if (fields.port > 0)
        add("port", QString::number(fields.port));
    add("dbname", fields.dbname);
    add("user", fields.user);
    add("sslmode", fields.sslmode);
    QString joined = joinConninfo(options);
    if (!fields.rest.trimmed().isEmpty())
        joined += (joined.isEmpty() ? QString() : QStringLiteral(" ")) + fields.rest.trimmed();
    return joined;
}

ConnectionDialog::ConnectionDialog(const QString& database, const QString& actorEmail,
                                   QWidget* parent)
    : QDialog(parent)
    , m_embedded(new QRadioButton(tr("Steward's &embedded database on this computer"), this))
    , m_server(new QRadioButton(tr("A shared PostgreSQL &server"), this))
    , m_serverBox(new QGroupBox(tr("Server"), this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_dbname(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_sslmode(new QComboBox(this))
    , m_uri(new QLineEdit(this))
    , m_actor(new QLineEdit(actorEmail, this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Connect to a database"));

    m_host->setPlaceholderText(tr("db.example.org, or empty for PGHOST / the local socket"));
    m_host->setAccessibleName(tr("Host"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default (5432)"));
    m_port->setAccessibleName(tr("Port"));
    m_dbname->setPlaceholderText(tr("steward"));
    m_dbname->setAccessibleName(tr("Database name"));
    m_user->setPlaceholderText(tr("empty: PGUSER or your login name"));
    m_user->setAccessibleName(tr("User name"));
    for (const char* mode : {"", "disable", "prefer", "require", "verify-ca", "verify-full"})
        m_sslmode->addItem(*mode ? QString::fromLatin1(mode) : tr("default (prefer)"),
                           QString::fromLatin1(mode));
    m_sslmode->setAccessibleName(tr("SSL mode"));
    m_uri->setPlaceholderText(tr("postgresql://steward@db.example.org/steward or service=steward"));
    m_uri->setAccessibleName(tr("Connection URI"));
    m_uri->setToolTip(tr("A URI or libpq conninfo string. When given, it is used instead of the "
                         "fields above."));
    m_actor->setPlaceholderText(tr("you@example.org"));
    m_actor->setAccessibleName(tr("Your e-mail"));
    m_actor->setToolTip(tr("Recorded in the history as the author of your changes, and as the "
                           "person who takes audit steps."));

    auto* form = new QFormLayout(m_serverBox);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_dbname);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("SS&L mode:"), m_sslmode);
    form->addRow(tr("or &URI:"), m_uri);
    auto* passwords = new QLabel(
        tr("Passwords are not stored here: they come from ~/.pgpass or PGPASSWORD, and the other "
           "PG* variables and service files apply as they do for psql."),
        m_serverBox);
    passwords->setWordWrap(true);
    form->addRow(passwords);

    auto* identity = new QFormLayout;
    identity->addRow(tr("Your &e-mail:"), m_actor);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c"));
    m_error->setVisible(false);
    m_error->setAccessibleName(tr("Connection error"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_server, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    connect(m_uri, &QLineEdit::textChanged, this, &ConnectionDialog::updateEnabled);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_embedded);
    layout->addWidget(m_server);
    layout->addWidget(m_serverBox);
    layout->addLayout(identity);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    const bool embedded = database.trimmed().isEmpty();
    (embedded ? m_embedded : m_server)->setChecked(true);
    // A URI is shown as fields: that is what most people find easier to correct.
    showFields(split(database));
    updateEnabled();
}

void ConnectionDialog::showFields(const Fields& fields)
{
    m_host->setText(fields.host);
    m_port->setValue(fields.port);
    m_dbname->setText(fields.dbname);
    m_user->setText(fields.user);
    m_sslmode->setCurrentIndex(qMax(0, m_sslmode->findData(fields.sslmode)));
    m_rest = fields.rest;
    m_uri->setText(fields.rest);
}

void ConnectionDialog::updateEnabled()
{
    m_serverBox->setEnabled(m_server->isChecked());
    // A full URI replaces the fields; settings such as service=... combine with them.
    const bool uri = m_uri->text().trimmed().startsWith(QLatin1String("postgres"));
    for (QWidget* w : {static_cast<QWidget*>(m_host), static_cast<QWidget*>(m_port),
                       static_cast<QWidget*>(m_dbname), static_cast<QWidget*>(m_user),
                       static_cast<QWidget*>(m_sslmode)})
        w->setEnabled(!uri);
}

QString ConnectionDialog::database() const
{
    if (m_embedded->isChecked())
        return {};
    const QString uri = m_uri->text().trimmed();
    if (uri.startsWith(QLatin1String("postgres")))
        return uri;
    Fields fields;
    fields.host = m_host->text();
    fields.port = m_port->value();
    fields.dbname = m_dbname->text();
    fields.user = m_user->text();
    fields.sslmode = m_sslmode->currentData().toString();
    fields.rest = uri;
    const QString conninfo = join(fields);
    // Nothing at all still means a server: the one the PG* variables or a service file name. An
    // empty URI says so without overriding any of them.
    return conninfo.isEmpty() ? QStringLiteral("postgresql://") : conninfo;
}

QString ConnectionDialog::actorEmail() const
{
    return m_actor->text().trimmed();
}

void ConnectionDialog::setError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace steward::gui
