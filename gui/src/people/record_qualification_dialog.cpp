#include "people/record_qualification_dialog.h"

#include "common/message_bar.h"
#include "common/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace steward::gui {

RecordQualificationDialog::RecordQualificationDialog(Workspace& workspace,
                                                     const QString& personEmail,
                                                     const QString& personName, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_email(personEmail)
    , m_message(new MessageBar(this))
    , m_qualification(new QComboBox(this))
    , m_completed(new QDateEdit(QDate::currentDate(), this))
    , m_fromValidity(new QCheckBox(tr("From the qualification's validity"), this))
    , m_expires(new QDateEdit(QDate::currentDate().addYears(1), this))
    , m_evidenceUrl(new QLineEdit(this))
    , m_externalId(new QLineEdit(this))
    , m_note(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Record a qualification for %1").arg(personName));
    try {
        for (const Qualification& q : QualificationService(workspace.db()).catalogue())
            if (!q.retired)
                m_qualification->addItem(tr("%1 (%2)").arg(q.name, q.key), q.key);
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
    m_qualification->setAccessibleName(tr("Qualification"));
    m_completed->setCalendarPopup(true);
    m_completed->setMaximumDate(QDate::currentDate());
    m_completed->setAccessibleName(tr("Completed on"));
    m_fromValidity->setChecked(true);
    m_fromValidity->setAccessibleName(tr("Expiry from the qualification's validity"));
    m_expires->setCalendarPopup(true);
    m_expires->setEnabled(false);
    m_expires->setAccessibleName(tr("Expires on"));
    m_expires->setToolTip(tr("The first day it no longer counts"));
    m_evidenceUrl->setPlaceholderText(tr("https://… where the certificate is (optional)"));
    m_evidenceUrl->setAccessibleName(tr("Evidence URL"));
    m_externalId->setPlaceholderText(tr("The learning system's id (optional)"));
    m_externalId->setAccessibleName(tr("External id"));
    m_note->setAccessibleName(tr("Note"));

    auto* form = new QFormLayout(this);
    form->addRow(m_message);
    form->addRow(tr("&Qualification:"), m_qualification);
    form->addRow(tr("&Completed on:"), m_completed);
    form->addRow(tr("E&xpires:"), m_fromValidity);
    form->addRow(QString(), m_expires);
    form->addRow(tr("&Evidence URL:"), m_evidenceUrl);
    form->addRow(tr("External &id:"), m_externalId);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(m_buttons);
    connect(m_fromValidity, &QCheckBox::toggled, m_expires,
            [this](bool fromValidity) { m_expires->setEnabled(!fromValidity); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordQualificationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_qualification->count() > 0);
    resize(520, 320);
}

RecordInput RecordQualificationDialog::input() const
{
    RecordInput in;
    in.personEmail = m_email;
    in.qualificationKey = m_qualification->currentData().toString();
    in.completedOn = m_completed->date();
    if (!m_fromValidity->isChecked())
        in.expiresOn = m_expires->date();
    in.evidenceUrl = m_evidenceUrl->text().trimmed();
    in.externalId = m_externalId->text().trimmed();
    in.note = m_note->text().trimmed();
    return in;
}

void RecordQualificationDialog::accept()
{
    try {
        m_recorded = QualificationService(m_workspace.db()).record(input());
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        return;
    }
    QDialog::accept();
}

} // namespace steward::gui
