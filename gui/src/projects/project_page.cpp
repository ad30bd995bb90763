#include "projects/project_page.h"

#include "audit/audit_service.h"
#include "audits/audit_labels.h"
#include "checklists/crosswalk.h"
#include "common/labels.h"
#include "common/message_bar.h"
#include "common/person_picker.h"
#include "common/workspace.h"
#include "coverage/core_rules.h"
#include "db/database.h"
#include "services/catalog_service.h"
#include "services/coverage_service.h"
#include "services/project_service.h"
#include "services/staffing_service.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace steward::gui {
namespace {

constexpr int kEmailRole = Qt::UserRole + 1;
constexpr int kAuditIdRole = Qt::UserRole + 2;
constexpr int kUnfitRole = ProjectPage::UnqualifiedRole;

enum FindingColumn { SeverityColumn, MessageColumn, RemedyColumn, ActionColumn };

QColor severityColour(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QColor(0xb7, 0x1c, 0x1c);
    case Severity::Warning:
        return QColor(0x9a, 0x67, 0x00);
    case Severity::Info:
        return QColor(0x1e, 0x5a, 0x9c);
    }
    return {};
}

} // namespace

ProjectPage::ProjectPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_description(new QLabel(this))
    , m_editRaci(new QPushButton(tr("Edit RACI &matrix…"), this))
    , m_history(new QPushButton(tr("&History…"), this))
    , m_message(new MessageBar(this))
    , m_coverageSummary(new QLabel(this))
    , m_team(new QTreeWidget(this))
    , m_findings(new QTableWidget(0, 4, this))
    , m_auditsTitle(new QLabel(this))
    , m_audits(new QTableWidget(0, 5, this))
    , m_frameworks(new QTableWidget(0, 5, this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAccessibleName(tr("Project name"));
    m_details->setAccessibleName(tr("Project details"));
    m_description->setWordWrap(true);
    m_description->setAccessibleName(tr("Project description"));
    m_editRaci->setAccessibleName(tr("Edit the RACI matrix of this project"));
    m_history->setAccessibleName(tr("Show the change history of this project"));

    m_team->setColumnCount(4);
    m_team->setHeaderLabels({tr("Role / person"), tr("From"), tr("To"), tr("Allocation")});
    m_team->setAlternatingRowColors(true);
    m_team->setAccessibleName(tr("Team by role"));
    m_team->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_team->header()->setStretchLastSection(false);

    m_findings->setHorizontalHeaderLabels(
        {tr("Severity"), tr("Finding"), tr("What to do"), QString()});
    m_findings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findings->setWordWrap(true);
    m_findings->verticalHeader()->setVisible(false);
    m_findings->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_findings->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_findings->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_findings->horizontalHeader()->setSectionResizeMode(ActionColumn,
                                                         QHeaderView::ResizeToContents);
    m_findings->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_findings->setAccessibleName(tr("Coverage findings"));

    m_audits->setHorizontalHeaderLabels(
        {tr("Checklist"), tr("Status"), tr("Lead"), tr("Due"), tr("Score")});
    m_audits->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_audits->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_audits->setSelectionMode(QAbstractItemView::SingleSelection);
    m_audits->verticalHeader()->setVisible(false);
    m_audits->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_audits->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_audits->setAccessibleName(tr("Audits of the project"));
    m_audits->setToolTip(tr("Double-click or press Enter to open an audit"));
    m_audits->setMaximumHeight(150);
    m_frameworks->setHorizontalHeaderLabels(
        {tr("Coverage across frameworks"), tr("Direct"), tr("Mapped"), tr("Partly"), tr("Open")});
    m_frameworks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frameworks->verticalHeader()->setVisible(false);
    m_frameworks->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_frameworks->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_frameworks->setAccessibleName(tr("Coverage across frameworks"));
    m_frameworks->setMaximumHeight(120);

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_details);
    header->addLayout(titles, 1);
    header->addWidget(m_history, 0, Qt::AlignTop);
    header->addWidget(m_editRaci, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_description);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(tr("Team by role"), this));
    layout->addWidget(m_team, 1);
    layout->addWidget(m_coverageSummary);
    layout->addWidget(m_findings, 1);
    layout->addWidget(m_auditsTitle);
    layout->addWidget(m_audits);
    layout->addWidget(m_frameworks);

    connect(m_editRaci, &QPushButton::clicked, this, [this] { emit editRaciRequested(m_key); });
    connect(m_history, &QPushButton::clicked, this,
            [this] { emit historyRequested(QStringLiteral("project"), QString::number(m_id)); });
    connect(m_team, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString email = item->data(0, kEmailRole).toString();
        if (!email.isEmpty())
            emit personActivated(email);
    });
    connect(m_audits, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
        const QTableWidgetItem* first = m_audits->item(item->row(), 0);
        if (first)
            emit auditActivated(first->data(kAuditIdRole).toLongLong());
    });
    clear();
}

void ProjectPage::clear()
{
    m_key.clear();
    m_id = 0;
    m_history->setEnabled(false);
    m_title->setText(tr("No project selected"));
    m_details->clear();
    m_description->clear();
    m_message->clear();
    m_coverageSummary->clear();
    m_team->clear();
    m_findings->setRowCount(0);
    m_findingList.clear();
    m_gaps.clear();
    m_auditsTitle->setText(tr("Audits"));
    m_audits->setRowCount(0);
    m_frameworks->setRowCount(0);
    m_editRaci->setEnabled(false);
}

const Finding* ProjectPage::finding(int row) const
{
    return row >= 0 && row < static_cast<int>(m_findingList.size())
               ? &m_findingList[static_cast<std::size_t>(row)]
               : nullptr;
}

QPushButton* ProjectPage::assignButton(int row) const
{
    return qobject_cast<QPushButton*>(m_findings->cellWidget(row, ActionColumn));
}

void ProjectPage::showAudits()
{
    AuditService service(m_workspace.db());
    const auto audits = service.list(m_key);
    m_auditsTitle->setText(audits.empty()
                               ? tr("Audits: none yet")
                               : tr("Audits (%n)", nullptr, static_cast<int>(audits.size())));
    m_audits->setRowCount(static_cast<int>(audits.size()));
    m_audits->setVisible(!audits.empty());
    const QDate today = QDate::currentDate();
    int row = 0;
    for (const Audit& a : audits) {
        auto* checklist =
            new QTableWidgetItem(tr("%1 (%2)").arg(a.checklistTitle, a.checklistVersionLabel));
        checklist->setData(kAuditIdRole, a.id);
        checklist->setToolTip(tr("Audit #%1 of %2").arg(a.id).arg(a.checklistKey));
        m_audits->setItem(row, 0, checklist);
        m_audits->setItem(row, 1, new QTableWidgetItem(AuditLabels::of(a.status)));
        m_audits->setItem(row, 2,
                          new QTableWidgetItem(a.leadName.isEmpty() ? a.leadEmail : a.leadName));
        auto* due = new QTableWidgetItem(QLocale().toString(a.dueDate, QLocale::ShortFormat));
        if (a.status != AuditStatus::Closed && a.dueDate.isValid() && a.dueDate < today) {
            due->setForeground(severityColour(Severity::Error));
            due->setToolTip(tr("Overdue"));
        }
        m_audits->setItem(row, 3, due);
        const Score overall = service.scores(a.id).overall;
        auto* score = new QTableWidgetItem(
            a.status == AuditStatus::Closed
                ? tr("%1 %").arg(QLocale().toString(overall.percent, 'f', 0))
                : tr("%1 % so far").arg(QLocale().toString(overall.percent, 'f', 0)));
        score->setToolTip(tr("%1 satisfied, %2 partially, %3 not satisfied, %4 not assessed of "
                             "%5 applicable items")
                              .arg(overall.satisfied)
                              .arg(overall.partial)
                              .arg(overall.notSatisfied)
                              .arg(overall.notAssessed)
                              .arg(overall.applicable));
        score->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_audits->setItem(row, 4, score);
        ++row;
    }
}

void ProjectPage::showFrameworks()
{
    const std::vector<FrameworkCoverage> coverage = crossFrameworkCoverage(m_workspace.db(), m_key);
    m_frameworks->setRowCount(static_cast<int>(coverage.size()));
    m_frameworks->setVisible(!coverage.empty());
    int row = 0;
    for (const FrameworkCoverage& c : coverage) {
        auto* name = new QTableWidgetItem(tr("%1 (audit #%2)").arg(c.title).arg(c.auditId));
        QStringList through;
        for (const FrameworkCoverageItem& i : c.items)
            if (!i.through.isEmpty())
                through << tr("%1: %2 through %3").arg(i.itemId, i.status, i.through);
        name->setToolTip(through.isEmpty() ? tr("No item is satisfied through a mapped item")
                                           : through.join(u'\n'));
        m_frameworks->setItem(row, 0, name);
        int column = 1;
        for (const int n : {c.direct, c.mapped, c.partly, c.open}) {
            auto* cell = new QTableWidgetItem(QLocale().toString(n));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_frameworks->setItem(row, column++, cell);
        }
        ++row;
    }
}

void ProjectPage::chooseForGap(int row)
{
    if (row < 0 || row >= static_cast<int>(m_gaps.size()))
        return;
    const CoverageGap& gap = m_gaps[static_cast<std::size_t>(row)];
    std::vector<PersonPicker::Candidate> suggestions;
    QString title;
    QString explanation;
    try {
        if (gap.kind == CoverageGap::Kind::Raci) {
            title = tr("Make someone %1").arg(Labels::of(gap.raciKind));
            explanation =
                tr("Choose who is %1 for \"%2\" on %3. Someone who does not hold the %4 role on "
                   "the project yet is also assigned to it from today, with the allocation below.")
                    .arg(Labels::of(gap.raciKind), gap.responsibilityText, m_key, gap.roleName);
            const QDate today = QDate::currentDate();
            for (const Assignment& a : StaffingService(m_workspace.db()).assignments(m_key))
                if (a.roleKey == gap.roleKey && (!a.to || *a.to >= today))
                    suggestions.push_back({a.personEmail, a.personName,
                                           tr("holds %1 on the project").arg(gap.roleName)});
        } else {
            title = tr("Assign the %1 role").arg(gap.roleName);
            explanation =
                tr("Choose who takes the %1 role on %2 from today.").arg(gap.roleName, m_key);
            // People who hold the role elsewhere know the work; a few are enough as a start.
            for (const Assignment& a : CatalogService(m_workspace.db()).holders(gap.roleKey)) {
                if (suggestions.size() >= 8)
                    break;
                suggestions.push_back({a.personEmail, a.personName,
                                       tr("holds %1 on %2").arg(gap.roleName, a.projectKey)});
            }
        }
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        return;
    }
    PersonPicker picker(m_workspace, title, explanation, this);
    picker.setSuggestions(std::move(suggestions));
    picker.setAllocationVisible(true);
    if (picker.exec() != QDialog::Accepted || picker.selectedEmail().isEmpty())
        return;
    assignFromGap(row, picker.selectedEmail(), picker.allocationPercent());
}

bool ProjectPage::assignFromGap(int row, const QString& email, int allocationPercent)
{
    if (!m_workspace.mayManageProject(m_key) || row < 0 || row >= static_cast<int>(m_gaps.size()))
        return false;
    const CoverageGap gap = m_gaps[static_cast<std::size_t>(row)];
    if (!gap.fillable())
        return false;
    const QString key = m_key;
    Database& db = m_workspace.db();
    try {
        StaffingService staffing(db);
        Transaction tx(db);
        const QDate today = QDate::currentDate();
        const auto team = staffing.assignments(key);
        const bool holdsRole = std::any_of(team.begin(), team.end(), [&](const Assignment& a) {
            return a.roleKey == gap.roleKey &&
                   a.personEmail.compare(email, Qt::CaseInsensitive) == 0 && a.from <= today &&
                   (!a.to || *a.to >= today);
        });
        if (!holdsRole) {
            Assignment a;
            a.projectKey = key;
            a.personEmail = email;
            a.roleKey = gap.roleKey;
            a.from = today;
            a.allocationPercent = allocationPercent;
            staffing.assign(a);
        }
        if (gap.kind == CoverageGap::Kind::Raci)
            staffing.setRaci(key, gap.responsibilityKey, email, gap.raciKind);
        tx.commit();
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error,
                               tr("Nothing was assigned: %1").arg(describeFailure(e)));
        return false;
    }
    showProject(key); // coverage runs again: the filled gap is gone
    m_message->showMessage(
        MessageBar::Kind::Information,
        gap.kind == CoverageGap::Kind::Raci
            ? tr("%1 is now %2 for \"%3\".")
                  .arg(email, Labels::of(gap.raciKind), gap.responsibilityText)
            : tr("%1 now holds the %2 role on %3.").arg(email, gap.roleName, key));
    emit staffingChanged(key);
    return true;
}

void ProjectPage::showProject(const QString& key)
{
    clear();
    if (key.isEmpty())
        return;
    Database& db = m_workspace.db();
    try {
        const Project p = ProjectService(db).byKey(key);
        const auto team = StaffingService(db).assignments(p.key);
        const CoverageReport coverage = m_workspace.coverage().checkProject(p.key);
        std::map<QString, QString> roleNames;
        for (const Role& r : CatalogService(db).roles(true))
            roleNames[r.key] = r.name;

        m_key = p.key;
        m_id = p.id;
        m_history->setEnabled(true);
        m_title->setText(tr("%1 — %2").arg(p.key, p.name));
        QStringList details{Labels::of(p.industry), tr("%1 risk").arg(Labels::of(p.riskTier)),
                            Labels::of(p.stage), Labels::of(p.status), Labels::of(p.aiActRole)};
        if (!p.ownerEmail.isEmpty())
            details << tr("owner %1").arg(p.ownerEmail);
        m_details->setText(details.join(QStringLiteral(" · ")));
        m_description->setText(p.description);
        m_editRaci->setEnabled(true);

        const QDate today = QDate::currentDate();
        // Who lacks, or will soon lack, a qualification their roles or duties here require.
        std::map<QString, std::vector<const Finding*>> unfit; // by lower-case e-mail
        for (const Finding& f : coverage.findings)
            if (f.code == coverage_code::UnqualifiedHolder ||
                f.code == coverage_code::QualificationExpiring)
                unfit[qs(f.subject).toLower()].push_back(&f);
        std::map<QString, QTreeWidgetItem*> roles;
        for (const Assignment& a : team) {
            QTreeWidgetItem*& roleItem = roles[a.roleKey];
            if (!roleItem) {
                const auto name = roleNames.find(a.roleKey);
                roleItem = new QTreeWidgetItem(
                    m_team, {name != roleNames.end() ? name->second : a.roleKey});
                roleItem->setToolTip(0, a.roleKey);
                QFont bold = roleItem->font(0);
                bold.setBold(true);
                roleItem->setFont(0, bold);
                roleItem->setFirstColumnSpanned(true);
            }
            auto* person = new QTreeWidgetItem(
                roleItem,
                {a.personName, QLocale().toString(a.from, QLocale::ShortFormat),
                 a.to ? QLocale().toString(*a.to, QLocale::ShortFormat) : tr("open-ended"),
                 tr("%1 %").arg(a.allocationPercent)});
            person->setData(0, kEmailRole, a.personEmail);
            person->setToolTip(0, a.personEmail);
            if ((a.to && *a.to < today) || a.from > today) {
                for (int c = 0; c < person->columnCount(); ++c)
                    person->setForeground(c, QColor(Qt::gray));
            } else if (const auto lacks = unfit.find(a.personEmail.toLower());
                       lacks != unfit.end()) {
                QStringList why{a.personEmail};
                Severity worst = Severity::Warning;
                for (const Finding* f : lacks->second) {
                    why << qs(f->message);
                    if (f->severity == Severity::Error)
                        worst = Severity::Error;
                }
                person->setText(0, QStringLiteral("\u26a0 ") + a.personName);
                person->setForeground(0, severityColour(worst));
                person->setToolTip(0, why.join(QLatin1Char('\n')));
                person->setData(0, kUnfitRole, true);
            }
        }
        m_team->expandAll();
        for (int c = 1; c < m_team->columnCount(); ++c)
            m_team->resizeColumnToContents(c);

        const int errors = coverage.count(Severity::Error);
        const int warnings = coverage.count(Severity::Warning);
        m_coverageSummary->setText(coverage.findings.empty()
                                       ? tr("Coverage: no findings")
                                       : tr("Coverage: %1, %2")
                                             .arg(tr("%n error(s)", nullptr, errors),
                                                  tr("%n warning(s)", nullptr, warnings)));
        m_findingList = coverage.findings;
        const CoverageGaps gaps(db);
        const bool mayAssign =
            m_workspace.permissions().editStaffing && m_workspace.mayManageProject(m_key);
        m_findings->setRowCount(static_cast<int>(coverage.findings.size()));
        int row = 0;
        for (const Finding& f : coverage.findings) {
            m_gaps.push_back(gaps.of(f));
            if (mayAssign && m_gaps.back().fillable()) {
                auto* assign = new QPushButton(tr("Assign…"), m_findings);
                assign->setAccessibleName(tr("Assign a person to fill this gap"));
                assign->setToolTip(
                    m_gaps.back().kind == CoverageGap::Kind::Raci
                        ? tr("Choose who is %1 for this responsibility")
                              .arg(Labels::of(m_gaps.back().raciKind))
                        : tr("Choose who takes the %1 role").arg(m_gaps.back().roleName));
                connect(assign, &QPushButton::clicked, this, [this, row] { chooseForGap(row); });
                m_findings->setCellWidget(row, ActionColumn, assign);
            }
            auto* severity = new QTableWidgetItem(Labels::of(f.severity));
            severity->setForeground(severityColour(f.severity));
            severity->setToolTip(tr("%1 (from %2)").arg(qs(f.code), qs(f.source)));
            m_findings->setItem(row, 0, severity);
            m_findings->setItem(row, 1, new QTableWidgetItem(qs(f.message)));
            m_findings->setItem(row, 2, new QTableWidgetItem(qs(f.remedy)));
            ++row;
        }
        showAudits();
        showFrameworks();
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
}

} // namespace steward::gui
