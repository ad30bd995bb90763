#include "plugins/plugins_screen.h"

#include "common/message_bar.h"
#include "common/workspace.h"
#include "domain/records.h"
#include "plugins/plugin_runtime.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace steward::gui {
namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString stateLabel(PluginState state)
{
    switch (state) {
    case PluginState::Found:
        return PluginsScreen::tr("Found");
    case PluginState::Loaded:
        return PluginsScreen::tr("Loaded");
    case PluginState::Active:
        return PluginsScreen::tr("Active");
    case PluginState::Failed:
        return PluginsScreen::tr("Failed");
    case PluginState::Disabled:
        return PluginsScreen::tr("Disabled");
    }
    return {};
}

QString contributes(const PluginRecord& r)
{
    QStringList parts;
    if (!r.roleKeys.empty())
        parts << PluginsScreen::tr("%n role(s)", nullptr, static_cast<int>(r.roleKeys.size()));
    if (!r.responsibilityKeys.empty())
        parts << PluginsScreen::tr("%n responsibilities", nullptr,
                                   static_cast<int>(r.responsibilityKeys.size()));
    if (!r.ruleKeys.empty())
        parts << PluginsScreen::tr("%n rule(s)", nullptr, static_cast<int>(r.ruleKeys.size()));
    if (!r.checklistKeys.empty())
        parts << PluginsScreen::tr("%n checklist(s)", nullptr,
                                   static_cast<int>(r.checklistKeys.size()));
    return parts.join(QStringLiteral(", "));
}

QString joined(const std::vector<std::string>& keys)
{
    QStringList list;
    for (const std::string& k : keys)
        list << qs(k);
    return list.join(QStringLiteral(", "));
}

} // namespace

PluginsScreen::PluginsScreen(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_message(new MessageBar(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_details(new QLabel(this))
    , m_toggle(new QPushButton(tr("&Disable"), this))
{
    m_table->setHorizontalHeaderLabels(
        {tr("Plugin"), tr("Version"), tr("Vendor"), tr("State"), tr("Contributes")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ContributesColumn, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Plugins"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAccessibleName(tr("Plugin details"));
    m_toggle->setAccessibleName(tr("Switch the selected plugin off or on"));
    m_toggle->setEnabled(false);
    // Switching plugins is an administrator's; others are not offered it.
    m_toggle->setVisible(m_workspace.permissions().managePlugins);

    auto* bar = new QHBoxLayout;
    bar->addWidget(
        new QLabel(
            tr("Changes to which plugins are switched on take effect when Steward next starts."),
            this),
        1);
    bar->addWidget(m_toggle);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { showDetails(row); });
    connect(m_toggle, &QPushButton::clicked, this, &PluginsScreen::toggleSelected);
    reload();
}

void PluginsScreen::reload()
{
    m_table->setRowCount(0);
    const PluginRuntime* plugins = m_workspace.plugins();
    if (!plugins)
        return;
    std::set<std::string> disabled;
    try {
        disabled = PluginRuntime::disabledIds(m_workspace.db());
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
    m_table->setRowCount(static_cast<int>(plugins->records().size()));
    int row = 0;
    for (const PluginRecord& r : plugins->records()) {
        auto* name =
            new QTableWidgetItem(r.name.empty() ? QFileInfo(r.path).fileName() : qs(r.name));
        name->setData(kIdRole, qs(r.id));
        name->setToolTip(r.path);
        m_table->setItem(row, NameColumn, name);
        m_table->setItem(row, VersionColumn, new QTableWidgetItem(qs(r.version)));
        m_table->setItem(row, VendorColumn, new QTableWidgetItem(qs(r.vendor)));
        QString state = stateLabel(r.state);
        if (r.state != PluginState::Disabled && disabled.count(r.id))
            state = tr("%1, off from the next start").arg(state);
        auto* stateItem = new QTableWidgetItem(state);
        if (r.state == PluginState::Failed) {
            stateItem->setForeground(QColor(0xb7, 0x1c, 0x1c));
            stateItem->setToolTip(r.error);
        }
        m_table->setItem(row, StateColumn, stateItem);
        m_table->setItem(
            row, ContributesColumn,
            new QTableWidgetItem(r.state == PluginState::Failed ? r.error : contributes(r)));
        ++row;
    }
    m_table->resizeColumnToContents(VersionColumn);
    m_table->resizeColumnToContents(VendorColumn);
    m_table->resizeColumnToContents(StateColumn);
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
}

void PluginsScreen::showDetails(int row)
{
    const PluginRuntime* plugins = m_workspace.plugins();
    if (!plugins || row < 0 || row >= static_cast<int>(plugins->records().size())) {
        m_details->clear();
        m_toggle->setEnabled(false);
        return;
    }
    const PluginRecord& r = plugins->records()[static_cast<std::size_t>(row)];
    QStringList lines;
    lines << tr("<b>%1</b> (%2) — %3")
                 .arg(qs(r.name).toHtmlEscaped(), qs(r.id).toHtmlEscaped(),
                      qs(r.description).toHtmlEscaped());
    lines << tr("File: %1").arg(r.path.toHtmlEscaped());
    if (r.state == PluginState::Failed)
        lines << tr("<span style='color:#b71c1c'>Failed: %1</span>").arg(r.error.toHtmlEscaped());
    if (!r.roleKeys.empty())
        lines << tr("Roles: %1").arg(joined(r.roleKeys).toHtmlEscaped());
    if (!r.ruleKeys.empty())
        lines << tr("Rules: %1").arg(joined(r.ruleKeys).toHtmlEscaped());
    if (!r.checklistKeys.empty())
        lines << tr("Checklists: %1").arg(joined(r.checklistKeys).toHtmlEscaped());
    if (!r.requiredIds.empty())
        lines << tr("Needs: %1").arg(joined(r.requiredIds).toHtmlEscaped());
    m_details->setText(lines.join(QStringLiteral("<br>")));

    bool off = r.state == PluginState::Disabled;
    try {
        off = PluginRuntime::disabledIds(m_workspace.db()).count(r.id) > 0;
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
    m_toggle->setText(off ? tr("&Enable") : tr("&Disable"));
    m_toggle->setEnabled(!r.id.empty());
}

void PluginsScreen::toggleSelected()
{
    const int row = m_table->currentRow();
    const PluginRuntime* plugins = m_workspace.plugins();
    if (!plugins || row < 0)
        return;
    const PluginRecord& r = plugins->records()[static_cast<std::size_t>(row)];
    try {
        const bool off = PluginRuntime::disabledIds(m_workspace.db()).count(r.id) > 0;
        PluginRuntime::setEnabled(m_workspace.db(), r.id, off);
        m_message->showMessage(
            MessageBar::Kind::Information,
            off ? tr("%1 will be loaded when Steward next starts.").arg(qs(r.name))
                : tr("%1 will not be loaded when Steward next starts.").arg(qs(r.name)));
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
    reload();
    m_table->setCurrentCell(row, 0);
}

} // namespace steward::gui
