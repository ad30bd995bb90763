#include "people/person_page.h"

#include "audit/audit_service.h"
#include "common/labels.h"
#include "common/message_bar.h"
#include "common/read_only_table.h"
#include "common/reminder_table.h"
#include "common/workspace.h"
#include "coverage/core_rules.h"
#include "people/person_qualifications.h"
#include "people/record_qualification_dialog.h"
#include "services/catalog_service.h"
#include "services/coverage_service.h"
#include "services/person_service.h"
#include "services/qualification_service.h"
#include "services/reminder_service.h"
#include "services/staffing_service.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <set>

namespace steward::gui {
namespace {

void setRow(QTableWidget* table, int row, const QStringList& cells)
{
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, new QTableWidgetItem(cells[c]));
}

QString dateText(const std::optional<QDate>& d, const QString& none)
{
    return d ? QLocale().toString(*d, QLocale::ShortFormat) : none;
}

QString severityLabel(FindingSeverity s)
{
    switch (s) {
    case FindingSeverity::Low:
        return PersonPage::tr("Low");
    case FindingSeverity::Medium:
        return PersonPage::tr("Medium");
    case FindingSeverity::High:
        return PersonPage::tr("High");
    case FindingSeverity::Critical:
        return PersonPage::tr("Critical");
    }
    return {};
}

// The same red the RACI editor uses for a broken shape.
const QColor kOverdue(0xb7, 0x1c, 0x1c);

} // namespace

PersonPage::PersonPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_name(new QLabel(this))
    , m_history(new QPushButton(tr("&History…"), this))
    , m_details(new QLabel(this))
    , m_warning(new MessageBar(this))
    , m_assignments(
          makeReadOnlyTable({tr("Project"), tr("Role"), tr("From"), tr("To"), tr("Allocation")},
                            tr("Roles held"), this))
    , m_raci(makeReadOnlyTable({tr("Project"), tr("Responsibility"), tr("RACI")},
                               tr("RACI entries"), this))
    , m_findingsTitle(new QLabel(tr("Open findings owned"), this))
    , m_findings(makeReadOnlyTable({tr("Severity"), tr("Project"), tr("Audit"), tr("Due")},
                                   tr("Open findings owned"), this))
    , m_qualifications(new PersonQualifications(this))
    , m_remindersTitle(new QLabel(tr("Reminders"), this))
    , m_reminders(new ReminderTable(this))
{
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setAccessibleName(tr("Person name"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAccessibleName(tr("Person details"));

    m_history->setAccessibleName(tr("Show the change history of this person"));
    auto* header = new QHBoxLayout;
    header->addWidget(m_name, 1);
    header->addWidget(m_history, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_details);
    layout->addWidget(m_warning);
    layout->addWidget(new QLabel(tr("Roles held"), this));
    layout->addWidget(m_assignments, 3);
    layout->addWidget(new QLabel(tr("RACI entries"), this));
    layout->addWidget(m_raci, 2);
    layout->addWidget(m_findingsTitle);
    layout->addWidget(m_findings, 2);
    // Full width: the page shares the window with the directory, and dates with their state need
    // the room.
    layout->addWidget(m_qualifications, 2);
    layout->addWidget(m_remindersTitle);
    layout->addWidget(m_reminders, 2);
    m_reminders->setPersonColumnVisible(false);
    connect(m_reminders, &ReminderTable::projectActivated, this, &PersonPage::projectActivated);
    connect(m_qualifications->recordButton(), &QPushButton::clicked, this,
            &PersonPage::recordQualification);

    connect(m_history, &QPushButton::clicked, this,
            [this] { emit historyRequested(QStringLiteral("person"), QString::number(m_id)); });
    connect(m_assignments, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (auto* item = m_assignments->item(row, 0))
            emit projectActivated(item->text());
    });
    connect(m_raci, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (auto* item = m_raci->item(row, 0))
            emit projectActivated(item->text());
    });
    connect(m_findings, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (auto* item = m_findings->item(row, ProjectColumn))
            emit projectActivated(item->text());
    });
    clear();
}

void PersonPage::clear()
{
    m_email.clear();
    m_id = 0;
    m_history->setEnabled(false);
    m_name->setText(tr("No person selected"));
    m_details->clear();
    m_warning->clear();
    m_assignments->setRowCount(0);
    m_raci->setRowCount(0);
    m_findings->setRowCount(0);
    m_findingsTitle->setText(tr("Open findings owned"));
    m_qualifications->clear();
    m_qualifications->recordButton()->setEnabled(false);
    m_reminders->setReminders({}, QDate::currentDate());
    m_remindersTitle->setText(tr("Reminders"));
}

void PersonPage::showPerson(const QString& email)
{
    clear();
    if (email.isEmpty())
        return;
    Database& db = m_workspace.db();
    try {
        const Person p = PersonService(db).byEmail(email);
        StaffingService staffing(db);
        const auto assignments = staffing.assignmentsOf(p.email);
        const auto raci = staffing.raciOf(p.email);

        std::map<QString, QString> roleNames;
        for (const Role& r : CatalogService(db).roles(true))
            roleNames[r.key] = r.name;
        std::map<QString, QString> responsibilityTexts;
        for (const Responsibility& r : CatalogService(db).responsibilities({}, true))
            responsibilityTexts[r.key] = r.text;

        m_email = p.email;
        m_id = p.id;
        m_history->setEnabled(true);
        m_name->setText(p.name);
        QStringList details{p.email};
        if (!p.title.isEmpty())
            details << p.title;
        if (!p.orgUnit.isEmpty())
            details << p.orgUnit;
        details << (p.active ? tr("Active") : tr("Inactive"));
        m_details->setText(details.join(QStringLiteral(" · ")));

        m_assignments->setRowCount(static_cast<int>(assignments.size()));
        int row = 0;
        for (const Assignment& a : assignments) {
            const auto name = roleNames.find(a.roleKey);
            setRow(m_assignments, row,
                   {a.projectKey, name != roleNames.end() ? name->second : a.roleKey,
                    dateText(a.from, {}), dateText(a.to, tr("open-ended")),
                    tr("%1 %").arg(a.allocationPercent)});
            m_assignments->item(row, 1)->setToolTip(a.roleKey);
            ++row;
        }
        // One row per duty, with every letter the person holds for it.
        std::map<std::pair<QString, QString>, std::set<RaciKind>> duties;
        for (const RaciEntry& r : raci)
            duties[{r.projectKey, r.responsibilityKey}].insert(r.kind);
        m_raci->setRowCount(static_cast<int>(duties.size()));
        row = 0;
        for (const auto& [duty, kinds] : duties) {
            const auto text = responsibilityTexts.find(duty.second);
            QStringList letters; // in R, A, C, I order
            for (RaciKind k : kinds)
                letters << Labels::of(k);
            setRow(m_raci, row,
                   {duty.first, text != responsibilityTexts.end() ? text->second : duty.second,
                    letters.join(QStringLiteral(", "))});
            m_raci->item(row, 1)->setToolTip(duty.second);
            ++row;
        }
        m_assignments->resizeColumnsToContents();
        m_raci->resizeColumnsToContents();
        m_raci->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);

        showFindings();
        showReminders();

        const std::vector<Finding> about = findingsAbout(assignments);
        std::vector<Finding> unfit;
        for (const Finding& f : about)
            if (f.code == coverage_code::UnqualifiedHolder ||
                f.code == coverage_code::QualificationExpiring)
                unfit.push_back(f);
        RecordFilter mine;
        mine.personEmail = p.email;
        m_qualifications->show(QualificationService(db).records(mine), unfit, QDate::currentDate());
        m_qualifications->recordButton()->setEnabled(
            m_workspace.permissions().recordQualifications);

        const QString overAllocated = overAllocationMessage(about);
        if (!overAllocated.isEmpty())
            m_warning->showMessage(MessageBar::Kind::Warning, overAllocated);
    } catch (const std::exception& e) {
        m_warning->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
}

void PersonPage::showFindings()
{
    const QDate today = QDate::currentDate();
    AuditService audits(m_workspace.db(), today);
    std::vector<AuditFinding> owned;
    for (AuditFinding& f : audits.openFindings())
        if (f.ownerEmail.compare(m_email, Qt::CaseInsensitive) == 0)
            owned.push_back(std::move(f));
    // Most severe first, then soonest due (openFindings orders by due date already).
    std::stable_sort(owned.begin(), owned.end(), [](const AuditFinding& a, const AuditFinding& b) {
        return static_cast<int>(a.severity) > static_cast<int>(b.severity);
    });
    std::map<qint64, QString> auditTitles;
    int overdue = 0;
    m_findings->setRowCount(static_cast<int>(owned.size()));
    int row = 0;
    for (const AuditFinding& f : owned) {
        auto title = auditTitles.find(f.auditId);
        if (title == auditTitles.end()) {
            const Audit a = audits.audit(f.auditId);
            title = auditTitles
                        .emplace(f.auditId, tr("#%1 %2").arg(a.id).arg(a.checklistTitle.isEmpty()
                                                                           ? a.checklistKey
                                                                           : a.checklistTitle))
                        .first;
        }
        const bool late = f.dueDate.isValid() && f.dueDate < today;
        const QString due = !f.dueDate.isValid() ? tr("no due date")
                            : late               ? tr("%1 (overdue by %n day(s))", nullptr,
                                                      static_cast<int>(f.dueDate.daysTo(today)))
                                         .arg(QLocale().toString(f.dueDate, QLocale::ShortFormat))
                                   : QLocale().toString(f.dueDate, QLocale::ShortFormat);
        setRow(m_findings, row, {severityLabel(f.severity), f.projectKey, title->second, due});
        const QString summary = f.itemId.isEmpty()
                                    ? f.description
                                    : QStringLiteral("%1: %2").arg(f.itemId, f.description);
        for (int c = 0; c < FindingColumnCount; ++c)
            m_findings->item(row, c)->setToolTip(
                f.remediation.isEmpty() ? summary
                                        : tr("%1\nRemediation: %2").arg(summary, f.remediation));
        if (late) {
            ++overdue;
            QTableWidgetItem* item = m_findings->item(row, DueColumn);
            item->setForeground(QBrush(kOverdue));
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        ++row;
    }
    m_findings->resizeColumnsToContents();
    // An empty table would take room from the roles and duties above it.
    m_findings->setVisible(!owned.empty());
    if (owned.empty())
        m_findingsTitle->setText(tr("No open findings owned"));
    else if (overdue > 0)
        m_findingsTitle->setText(
            tr("Open findings owned: %n, %1 overdue", nullptr, static_cast<int>(owned.size()))
                .arg(overdue));
    else
        m_findingsTitle->setText(
            tr("Open findings owned: %n", nullptr, static_cast<int>(owned.size())));
}

std::vector<Finding> PersonPage::findingsAbout(const std::vector<Assignment>& assignments)
{
    const QDate today = QDate::currentDate();
    std::set<QString> projects;
    for (const Assignment& a : assignments)
        if (!a.to || *a.to >= today)
            projects.insert(a.projectKey);
    std::vector<Finding> about;
    CoverageService coverage = m_workspace.coverage();
    for (const QString& key : projects)
        for (Finding& f : coverage.checkProject(key, today).findings)
            if (qs(f.subject).compare(m_email, Qt::CaseInsensitive) == 0)
                about.push_back(std::move(f));
    return about;
}

QString PersonPage::overAllocationMessage(const std::vector<Finding>& findings)
{
    // Every project involved reports the same over-allocation; say it once and name them.
    QString message;
    QStringList flaggedOn;
    for (const Finding& f : findings) {
        if (f.code != coverage_code::OverAllocated)
            continue;
        if (message.isEmpty())
            message = qs(f.message) + QLatin1Char(' ') + qs(f.remedy);
        flaggedOn << qs(f.projectKey);
    }
    if (message.isEmpty())
        return {};
    return tr("Over-allocated (flagged on %1): %2")
        .arg(flaggedOn.join(QStringLiteral(", ")), message);
}

void PersonPage::recordQualification()
{
    if (m_email.isEmpty())
        return;
    RecordQualificationDialog dialog(m_workspace, m_email, m_name->text(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    showPerson(m_email);
    emit qualificationsChanged();
}

void PersonPage::showReminders()
{
    const QDate today = QDate::currentDate();
    ReminderFilter filter;
    filter.asOf = today;
    filter.personEmail = m_email;
    m_reminders->setReminders(ReminderService(m_workspace.db()).due(filter), today);
    const int count = static_cast<int>(m_reminders->reminders().size());
    if (count == 0)
        m_remindersTitle->setText(tr("Nothing due in the next %n day(s)", nullptr, filter.days));
    else
        m_remindersTitle->setText(
            tr("Due in the next %n day(s): %1, %2 overdue", nullptr, filter.days)
                .arg(count)
                .arg(m_reminders->overdueCount()));
}

} // namespace steward::gui
