// Asks for a finding against one checklist item: severity, what is wrong, what to do about it,
// who owns the remediation and by when.
#pragma once

#include "audit/audit_service.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QPlainTextEdit;

namespace steward::gui {

class FindingDialog : public QDialog {
    Q_OBJECT

public:
    // `owners` are offered first (the item's respondent, the audit's team); any e-mail may be
    // typed.
    FindingDialog(const QString& itemId, const QStringList& owners, QWidget* parent = nullptr);

    FindingInput input() const;

private:
    void updateOk();

    QString m_itemId;
    QComboBox* m_severity;
    QPlainTextEdit* m_description;
    QPlainTextEdit* m_remediation;
    QComboBox* m_owner;
    QDateEdit* m_due;
    QDialogButtonBox* m_buttons;
};

} // namespace steward::gui
