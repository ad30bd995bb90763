#include "history/history_screen.h"

#include "common/message_bar.h"
#include "common/workspace.h"
#include "services/history_service.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace steward::gui {
namespace {

constexpr int kBeforeRole = Qt::UserRole + 1;
constexpr int kAfterRole = Qt::UserRole + 2;

QString prettyJson(const QString& json)
{
    if (json.isEmpty())
        return HistoryScreen::tr("(none)");
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    return doc.isNull() ? json : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

// What a row is called in a sentence: its name, e-mail or key, whichever it has.
QString rowLabel(const QJsonObject& row)
{
    for (const char* field : {"name", "email", "key", "responsibility_key"}) {
        const QString value = row.value(QLatin1String(field)).toVariant().toString();
        if (!value.isEmpty()) {
            const QString kind = row.value(QLatin1String("kind")).toString();
            return kind.isEmpty() ? value : HistoryScreen::tr("%1 (%2)").arg(value, kind);
        }
    }
    return {};
}

// One line per change: "Added Ada Lovelace", "Changed title, active", "Removed ...".
QString summarise(const HistoryEntry& e)
{
    const QJsonObject before = QJsonDocument::fromJson(e.before.toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(e.after.toUtf8()).object();
    if (e.operation.startsWith(QLatin1String("INSERT"), Qt::CaseInsensitive))
        return HistoryScreen::tr("Added %1").arg(rowLabel(after)).trimmed();
    if (e.operation.startsWith(QLatin1String("DELETE"), Qt::CaseInsensitive))
        return HistoryScreen::tr("Removed %1").arg(rowLabel(before)).trimmed();
    QStringList changed;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (it.key() == QLatin1String("version") || it.key() == QLatin1String("updated_at"))
            continue;
        if (before.value(it.key()) != it.value())
            changed << it.key();
    }
    const QString fields = changed.join(QStringLiteral(", "));
    const QString label = rowLabel(after);
    return label.isEmpty() ? HistoryScreen::tr("Changed %1").arg(fields)
                           : HistoryScreen::tr("Changed %1 of %2").arg(fields, label);
}

} // namespace

HistoryScreen::HistoryScreen(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_tableFilter(new QComboBox(this))
    , m_rowKey(new QLineEdit(this))
    , m_actor(new QLineEdit(this))
    , m_limit(new QSpinBox(this))
    , m_message(new MessageBar(this))
    , m_table(new QTableWidget(0, 5, this))
    , m_details(new QPlainTextEdit(this))
{
    m_tableFilter->setEditable(true);
    m_tableFilter->addItem(tr("Everything"), QString());
    for (const char* t : {"person", "project", "assignment", "raci_entry", "role", "responsibility",
                          "org_unit", "audit", "audit_item", "audit_finding", "evidence", "plugin",
                          "checklist", "steward_user"})
        m_tableFilter->addItem(QString::fromLatin1(t), QString::fromLatin1(t));
    m_tableFilter->setAccessibleName(tr("What changed"));
    m_rowKey->setPlaceholderText(tr("Row id or key"));
    m_rowKey->setAccessibleName(tr("Row id or key"));
    m_actor->setPlaceholderText(tr("Who"));
    m_actor->setAccessibleName(tr("Who made the change"));
    m_limit->setRange(10, 10000);
    m_limit->setValue(500);
    m_limit->setSingleStep(100);
    m_limit->setPrefix(tr("Newest "));
    m_limit->setAccessibleName(tr("How many changes to show"));
    auto* apply = new QPushButton(tr("&Filter"), this);
    apply->setAccessibleName(tr("Apply the history filter"));

    m_table->setHorizontalHeaderLabels(
        {tr("When"), tr("Who"), tr("What"), tr("Row"), tr("Change")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Changes"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setAccessibleName(tr("Before and after"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("What:"), this));
    filters->addWidget(m_tableFilter);
    filters->addWidget(m_rowKey);
    filters->addWidget(new QLabel(tr("Who:"), this));
    filters->addWidget(m_actor);
    filters->addWidget(m_limit);
    filters->addWidget(apply);
    filters->addStretch(1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({720, 360});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(apply, &QPushButton::clicked, this, &HistoryScreen::reload);
    connect(m_rowKey, &QLineEdit::returnPressed, this, &HistoryScreen::reload);
    connect(m_actor, &QLineEdit::returnPressed, this, &HistoryScreen::reload);
    connect(m_tableFilter, &QComboBox::activated, this, &HistoryScreen::reload);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { showDetails(row); });
    reload();
}

void HistoryScreen::showFor(const QString& table, const QString& rowKey)
{
    const int index = m_tableFilter->findData(table);
    if (index >= 0)
        m_tableFilter->setCurrentIndex(index);
    else
        m_tableFilter->setEditText(table);
    m_rowKey->setText(rowKey);
    reload();
}

void HistoryScreen::reload()
{
    m_message->clear();
    m_table->setRowCount(0);
    m_details->clear();
    HistoryFilter filter;
    // An edited combo text that is not one of the items is a table name typed by hand.
    const int index = m_tableFilter->findText(m_tableFilter->currentText());
    filter.table = index >= 0 ? m_tableFilter->itemData(index).toString()
                              : m_tableFilter->currentText().trimmed();
    filter.rowKey = m_rowKey->text().trimmed();
    filter.actor = m_actor->text().trimmed();
    filter.limit = m_limit->value();
    try {
        const auto entries = HistoryService(m_workspace.db()).list(filter);
        m_table->setRowCount(static_cast<int>(entries.size()));
        int row = 0;
        for (const HistoryEntry& e : entries) {
            auto* when =
                new QTableWidgetItem(QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat));
            when->setData(kBeforeRole, e.before);
            when->setData(kAfterRole, e.after);
            m_table->setItem(row, 0, when);
            auto* who = new QTableWidgetItem(e.actor);
            who->setToolTip(tr("database user %1").arg(e.dbUser));
            m_table->setItem(row, 1, who);
            m_table->setItem(row, 2, new QTableWidgetItem(e.table));
            m_table->setItem(row, 3, new QTableWidgetItem(e.rowKey));
            auto* change = new QTableWidgetItem(summarise(e));
            change->setToolTip(change->text());
            m_table->setItem(row, 4, change);
            ++row;
        }
        for (int c = 0; c < 4; ++c)
            m_table->resizeColumnToContents(c);
        if (m_table->rowCount() > 0)
            m_table->setCurrentCell(0, 0);
    } catch (const std::exception& e) {
        m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
    }
}

void HistoryScreen::showDetails(int row)
{
    const QTableWidgetItem* item = row >= 0 ? m_table->item(row, 0) : nullptr;
    if (!item) {
        m_details->clear();
        return;
    }
    m_details->setPlainText(tr("Before:\n%1\n\nAfter:\n%2")
                                .arg(prettyJson(item->data(kBeforeRole).toString()),
                                     prettyJson(item->data(kAfterRole).toString())));
}

} // namespace steward::gui
