#include "catalogue/catalogue_screen.h"

#include "common/labels.h"
#include "common/message_bar.h"
#include "common/read_only_table.h"
#include "common/workspace.h"
#include "plugins/plugin_runtime.h"
#include "services/catalog_service.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace steward::gui {
namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

QTableWidget* makeTable(const QStringList& headers, const QString& accessibleName, QWidget* parent)
{
    QTableWidget* table = makeReadOnlyTable(headers, accessibleName, parent);
    table->setWordWrap(true);
    return table;
}

// A pack is named by its plugin when that is loaded, else by its id.
QString packTitle(const Workspace& workspace, const QString& pack)
{
    if (pack == QLatin1String("builtin"))
        return CatalogueScreen::tr("Built-in");
    if (const PluginRuntime* plugins = workspace.plugins())
        if (const PluginRecord* r = plugins->record(pack.toStdString()); r && !r->name.empty())
            return qs(r->name);
    return pack;
}

} // namespace

CatalogueScreen::CatalogueScreen(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_message(new MessageBar(this))
    , m_roles(new QTreeWidget(this))
    , m_roleTitle(new QLabel(this))
    , m_roleSummary(new QLabel(this))
    , m_responsibilities(makeTable({tr("Stage"), tr("Responsibility"), tr("Required")},
                                   tr("Responsibilities of the role"), this))
    , m_holders(makeTable({tr("Project"), tr("Person"), tr("From"), tr("To"), tr("Allocation")},
                          tr("Holders of the role"), this))
{
    m_roles->setHeaderLabels({tr("Role")});
    m_roles->setAccessibleName(tr("Roles by pack"));
    m_roles->setRootIsDecorated(true);
    QFont big = m_roleTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_roleTitle->setFont(big);
    m_roleTitle->setAccessibleName(tr("Role name"));
    m_roleSummary->setWordWrap(true);
    m_roleSummary->setAccessibleName(tr("Role summary"));
    m_responsibilities->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_responsibilities->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_responsibilities->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_responsibilities->horizontalHeader()->setStretchLastSection(false);
    m_responsibilities->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* details = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_roleTitle);
    detailsLayout->addWidget(m_roleSummary);
    detailsLayout->addWidget(new QLabel(tr("Responsibilities"), this));
    detailsLayout->addWidget(m_responsibilities, 3);
    detailsLayout->addWidget(new QLabel(tr("Who holds it"), this));
    detailsLayout->addWidget(m_holders, 2);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_roles);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_roles, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        showRoleDetails(current ? current->data(0, kKeyRole).toString() : QString());
    });
    connect(m_holders, &QTableWidget::cellActivated, this, [this](int row, int column) {
        if (column == 1)
            emit personActivated(m_holders->item(row, 1)->data(kKeyRole).toString());
        else
            emit projectActivated(m_holders->item(row, 0)->text());
    });
    reload();
}

void CatalogueScreen::reload()
{
    m_roles->clear();
    m_message->clear();
    try {
        std::map<QString, QTreeWidgetItem*> packs;
        for (const Role& r : CatalogService(m_workspace.db()).roles()) {
            QTreeWidgetItem*& pack = packs[r.pack];
            if (!pack) {
                pack = new QTreeWidgetItem(m_roles, {packTitle(m_workspace, r.pack)});
                pack->setFlags(Qt::ItemIsEnabled);
                QFont bold = pack->font(0);
                bold.setBold(true);
                pack->setFont(0, bold);
            }
            auto* item = new QTreeWidgetItem(pack, {r.name});
            item->setData(0, kKeyRole, r.key);
            item->setToolTip(0, r.key);
        }
        m_roles->expandAll();
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
    showRoleDetails({});
}

bool CatalogueScreen::showRole(const QString& key)
{
    for (int p = 0; p < m_roles->topLevelItemCount(); ++p) {
        QTreeWidgetItem* pack = m_roles->topLevelItem(p);
        for (int r = 0; r < pack->childCount(); ++r) {
            if (pack->child(r)->data(0, kKeyRole).toString() == key) {
                m_roles->setCurrentItem(pack->child(r));
                return true;
            }
        }
    }
    return false;
}

void CatalogueScreen::showRoleDetails(const QString& key)
{
    m_responsibilities->setRowCount(0);
    m_holders->setRowCount(0);
    if (key.isEmpty()) {
        m_roleTitle->setText(tr("Select a role"));
        m_roleSummary->clear();
        return;
    }
    try {
        CatalogService catalog(m_workspace.db());
        const Role role = catalog.role(key);
        m_roleTitle->setText(role.name);
        QString summary = role.summary;
        if (!role.category.isEmpty())
            summary = tr("%1 · %2 · %3")
                          .arg(role.category, packTitle(m_workspace, role.pack), role.summary);
        m_roleSummary->setText(summary);

        auto responsibilities = catalog.responsibilities(key);
        std::stable_sort(
            responsibilities.begin(), responsibilities.end(),
            [](const Responsibility& a, const Responsibility& b) { return a.stage < b.stage; });
        m_responsibilities->setRowCount(static_cast<int>(responsibilities.size()));
        int row = 0;
        for (const Responsibility& r : responsibilities) {
            m_responsibilities->setItem(row, 0, new QTableWidgetItem(Labels::of(r.stage)));
            auto* text = new QTableWidgetItem(r.text);
            text->setToolTip(r.key);
            m_responsibilities->setItem(row, 1, text);
            m_responsibilities->setItem(row, 2,
                                        new QTableWidgetItem(r.required ? tr("Yes") : tr("No")));
            ++row;
        }

        const auto holders = catalog.holders(key);
        m_holders->setRowCount(static_cast<int>(holders.size()));
        row = 0;
        for (const Assignment& a : holders) {
            m_holders->setItem(row, 0, new QTableWidgetItem(a.projectKey));
            auto* person = new QTableWidgetItem(a.personName);
            person->setData(kKeyRole, a.personEmail);
            person->setToolTip(a.personEmail);
            m_holders->setItem(row, 1, person);
            m_holders->setItem(
                row, 2, new QTableWidgetItem(QLocale().toString(a.from, QLocale::ShortFormat)));
            m_holders->setItem(
                row, 3,
                new QTableWidgetItem(a.to ? QLocale().toString(*a.to, QLocale::ShortFormat)
                                          : tr("open-ended")));
            m_holders->setItem(row, 4, new QTableWidgetItem(tr("%1 %").arg(a.allocationPercent)));
            ++row;
        }
        m_holders->resizeColumnsToContents();
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
}

} // namespace steward::gui
