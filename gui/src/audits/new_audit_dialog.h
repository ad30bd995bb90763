// Plans an audit: which project, against which checklist, led by whom, due when.
#pragma once

#include "audit/audit_service.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;

namespace steward {
class Database;
}

namespace steward::gui {

class NewAuditDialog : public QDialog {
    Q_OBJECT

public:
    // Reads the projects and the published checklists; throws steward::Error when it cannot.
    NewAuditDialog(Database& db, const QString& leadEmail, QWidget* parent = nullptr);

    AuditPlan plan() const;
    QComboBox* projectBox() const { return m_project; }
    QComboBox* checklistBox() const { return m_checklist; }
    QLineEdit* leadField() const { return m_lead; }
    QDateEdit* dueField() const { return m_due; }

private:
    void updateOk();

    QComboBox* m_project;
    QComboBox* m_checklist;
    QLineEdit* m_lead;
    QDateEdit* m_due;
    QDialogButtonBox* m_buttons;
};

} // namespace steward::gui
