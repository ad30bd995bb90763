#include "projects/project_page.h"

#include "common/labels.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "services/catalog_service.h"
#include "services/coverage_service.h"
#include "services/project_service.h"
#include "services/staffing_service.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace steward::gui {
namespace {

constexpr int kEmailRole = Qt::UserRole + 1;

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
    , m_message(new MessageBar(this))
    , m_coverageSummary(new QLabel(this))
    , m_team(new QTreeWidget(this))
    , m_findings(new QTableWidget(0, 3, this))
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

    m_team->setColumnCount(4);
    m_team->setHeaderLabels({tr("Role / person"), tr("From"), tr("To"), tr("Allocation")});
    m_team->setAlternatingRowColors(true);
    m_team->setAccessibleName(tr("Team by role"));
    m_team->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_team->header()->setStretchLastSection(false);

    m_findings->setHorizontalHeaderLabels({tr("Severity"), tr("Finding"), tr("What to do")});
    m_findings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findings->setWordWrap(true);
    m_findings->verticalHeader()->setVisible(false);
    m_findings->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_findings->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_findings->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_findings->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_findings->setAccessibleName(tr("Coverage findings"));

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_details);
    header->addLayout(titles, 1);
    header->addWidget(m_editRaci, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_description);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(tr("Team by role"), this));
    layout->addWidget(m_team, 1);
    layout->addWidget(m_coverageSummary);
    layout->addWidget(m_findings, 1);

    connect(m_editRaci, &QPushButton::clicked, this, [this] { emit editRaciRequested(m_key); });
    connect(m_team, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString email = item->data(0, kEmailRole).toString();
        if (!email.isEmpty())
            emit personActivated(email);
    });
    clear();
}

void ProjectPage::clear()
{
    m_key.clear();
    m_title->setText(tr("No project selected"));
    m_details->clear();
    m_description->clear();
    m_message->clear();
    m_coverageSummary->clear();
    m_team->clear();
    m_findings->setRowCount(0);
    m_editRaci->setEnabled(false);
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
        m_title->setText(tr("%1 — %2").arg(p.key, p.name));
        QStringList details{Labels::of(p.industry), tr("%1 risk").arg(Labels::of(p.riskTier)),
                            Labels::of(p.stage), Labels::of(p.status), Labels::of(p.aiActRole)};
        if (!p.ownerEmail.isEmpty())
            details << tr("owner %1").arg(p.ownerEmail);
        m_details->setText(details.join(QStringLiteral(" · ")));
        m_description->setText(p.description);
        m_editRaci->setEnabled(true);

        const QDate today = QDate::currentDate();
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
        m_findings->setRowCount(static_cast<int>(coverage.findings.size()));
        int row = 0;
        for (const Finding& f : coverage.findings) {
            auto* severity = new QTableWidgetItem(Labels::of(f.severity));
            severity->setForeground(severityColour(f.severity));
            severity->setToolTip(tr("%1 (from %2)").arg(qs(f.code), qs(f.source)));
            m_findings->setItem(row, 0, severity);
            m_findings->setItem(row, 1, new QTableWidgetItem(qs(f.message)));
            m_findings->setItem(row, 2, new QTableWidgetItem(qs(f.remedy)));
            ++row;
        }
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
}

} // namespace steward::gui
