#include "audits/finding_dialog.h"

#include "audits/audit_labels.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace steward::gui {

FindingDialog::FindingDialog(const QString& itemId, const QStringList& owners, QWidget* parent)
    : QDialog(parent)
    , m_itemId(itemId)
    , m_severity(new QComboBox(this))
    , m_description(new QPlainTextEdit(this))
    , m_remediation(new QPlainTextEdit(this))
    , m_owner(new QComboBox(this))
    , m_due(new QDateEdit(QDate::currentDate().addDays(30), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Raise a finding on %1").arg(itemId));
    for (FindingSeverity s : kFindingSeverities)
        m_severity->addItem(AuditLabels::of(s), toText(s));
    m_severity->setCurrentIndex(1);
    m_severity->setAccessibleName(tr("Severity"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_remediation->setAccessibleName(tr("Remediation"));
    m_remediation->setTabChangesFocus(true);
    m_owner->setEditable(true);
    m_owner->addItems(owners);
    m_owner->setAccessibleName(tr("Remediation owner"));
    m_owner->lineEdit()->setPlaceholderText(tr("E-mail of the person who fixes it"));
    m_due->setCalendarPopup(true);
    m_due->setAccessibleName(tr("Due date"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(tr("&What is wrong:"), m_description);
    form->addRow(tr("&Remediation:"), m_remediation);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("D&ue:"), m_due);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_description, &QPlainTextEdit::textChanged, this, &FindingDialog::updateOk);
    connect(m_remediation, &QPlainTextEdit::textChanged, this, &FindingDialog::updateOk);
    connect(m_owner, &QComboBox::currentTextChanged, this, &FindingDialog::updateOk);
    resize(520, 420);
    updateOk();
}

void FindingDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_description->toPlainText().trimmed().isEmpty() &&
                     !m_remediation->toPlainText().trimmed().isEmpty() &&
                     !m_owner->currentText().trimmed().isEmpty());
}

FindingInput FindingDialog::input() const
{
    FindingInput f;
    f.itemId = m_itemId;
    f.severity = m_severity->currentData().toString();
    f.description = m_description->toPlainText().trimmed();
    f.remediation = m_remediation->toPlainText().trimmed();
    f.ownerEmail = m_owner->currentText().trimmed();
    f.dueDate = m_due->date();
    return f;
}

} // namespace steward::gui
