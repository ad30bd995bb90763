#include "audits/new_audit_dialog.h"

#include "db/database.h"
#include "services/project_service.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSqlQuery>

#include <optional>

namespace steward::gui {

NewAuditDialog::NewAuditDialog(Database& db, const QString& leadEmail, QWidget* parent)
    : QDialog(parent)
    , m_project(new QComboBox(this))
    , m_checklist(new QComboBox(this))
    , m_lead(new QLineEdit(leadEmail, this))
    , m_due(new QDateEdit(QDate::currentDate().addDays(30), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New audit"));
    // Only the projects the database lets this login plan audits of (sql/0011): a manager's own.
    std::optional<QSet<QString>> managed;
    QSqlQuery all =
        db.exec(QStringLiteral("SELECT steward_is_admin() OR steward_caller_unrestricted()"));
    if (all.next() && !all.value(0).toBool()) {
        managed.emplace();
        QSqlQuery q =
            db.exec(QStringLiteral("SELECT key FROM project WHERE steward_may_manage_project(id)"));
        while (q.next())
            managed->insert(q.value(0).toString());
    }
    for (const Project& p : ProjectService(db).list())
        if (!managed || managed->contains(p.key))
            m_project->addItem(tr("%1 — %2").arg(p.key, p.name), p.key);
    // Typing a key or part of a name finds the project among thousands.
    m_project->setEditable(true);
    m_project->setInsertPolicy(QComboBox::NoInsert);
    m_project->completer()->setFilterMode(Qt::MatchContains);
    m_project->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_project->setAccessibleName(tr("Project"));

    // Only checklists with a published version can be audited against.
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT c.key, v.title, v.label FROM checklist c "
                       "JOIN checklist_version v ON v.id = c.current_version_id ORDER BY v.title"));
    while (q.next())
        m_checklist->addItem(tr("%1 (%2)").arg(q.value(1).toString(), q.value(2).toString()),
                             q.value(0).toString());
    m_checklist->setAccessibleName(tr("Checklist"));
    m_lead->setAccessibleName(tr("Lead"));
    m_lead->setPlaceholderText(tr("E-mail of the audit lead"));
    m_due->setCalendarPopup(true);
    m_due->setMinimumDate(QDate::currentDate());
    m_due->setAccessibleName(tr("Due date"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Project:"), m_project);
    form->addRow(tr("&Checklist:"), m_checklist);
    form->addRow(tr("&Lead:"), m_lead);
    form->addRow(tr("&Due:"), m_due);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_project, &QComboBox::currentIndexChanged, this, &NewAuditDialog::updateOk);
    connect(m_checklist, &QComboBox::currentIndexChanged, this, &NewAuditDialog::updateOk);
    connect(m_lead, &QLineEdit::textChanged, this, &NewAuditDialog::updateOk);
    setMinimumWidth(480);
    updateOk();
}

void NewAuditDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_project->currentIndex() >= 0 && m_checklist->currentIndex() >= 0 &&
                     m_lead->text().contains(QLatin1Char('@')));
}

AuditPlan NewAuditDialog::plan() const
{
    AuditPlan p;
    p.projectKey = m_project->currentData().toString();
    p.checklistKey = m_checklist->currentData().toString();
    p.leadEmail = m_lead->text().trimmed();
    p.dueDate = m_due->date();
    return p;
}

} // namespace steward::gui
