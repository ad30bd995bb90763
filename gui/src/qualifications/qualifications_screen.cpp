#include "qualifications/qualifications_screen.h"

#include "common/background_task.h"
#include "common/message_bar.h"
#include "common/read_only_table.h"
#include "common/workspace.h"
#include "db/database.h"
#include "domain/records.h"
#include "people/person_qualifications.h"
#include "plugins/plugin_runtime.h"
#include "qualifications/import_qualifications_dialog.h"

#include <QBrush>
#include <QEventLoop>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace steward::gui {

// What the screen shows, read on a worker thread.
struct QualificationsScreen::Lists {
    QDate today;
    std::vector<Qualification> catalogue;
    std::vector<QualificationRecord> records;
    std::vector<QualificationRequirement> requirements;
};

namespace {

QTableWidget* makeTable(const QStringList& headers, const QString& accessibleName, QWidget* parent)
{
    QTableWidget* table = makeReadOnlyTable(headers, accessibleName, parent);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    return table;
}

constexpr int kKeyRole = Qt::UserRole + 1;

} // namespace

QualificationsScreen::QualificationsScreen(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_message(new MessageBar(this))
    , m_import(new QPushButton(tr("&Import…"), this))
    , m_catalogue(makeTable({tr("Key"), tr("Qualification"), tr("Provider"), tr("Valid for"),
                             tr("Source"), tr("Holders")},
                            tr("Qualification catalogue"), this))
    , m_title(new QLabel(this))
    , m_required(new QLabel(this))
    , m_holders(makeTable({tr("Person"), tr("Completed"), tr("Expires"), tr("State")},
                          tr("Holders of the qualification"), this))
{
    m_import->setAccessibleName(tr("Import completions from an LMS export"));
    m_import->setToolTip(
        tr("Record completions from a learning-management system's CSV export, all or nothing"));
    m_import->setEnabled(workspace.permissions().recordQualifications);
    if (!m_import->isEnabled())
        m_import->setToolTip(tr("Your login may not record qualifications"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAccessibleName(tr("Qualification name"));
    m_required->setWordWrap(true);
    m_required->setAccessibleName(tr("Required of"));

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Trainings and certifications people's roles require"), this), 1);
    bar->addWidget(m_import);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_catalogue, 1);
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_title);
    bottomLayout->addWidget(m_required);
    bottomLayout->addWidget(m_holders, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import qualifications"), QString(), tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            importFile(path)->show();
    });
    connect(m_catalogue, &QTableWidget::itemSelectionChanged, this,
            &QualificationsScreen::showDetails);
    connect(m_holders, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (QTableWidgetItem* item = m_holders->item(row, PersonColumn))
            emit personActivated(item->data(kKeyRole).toString());
    });
    reload();
}

QualificationsScreen::~QualificationsScreen() = default;

void QualificationsScreen::reload()
{
    if (m_task)
        m_task->cancel(); // superseded: its result is ignored
    const QString conninfo = m_workspace.db().conninfo();
    const QString actor = m_workspace.db().actor();
    const QDate today = QDate::currentDate();
    auto lists = std::make_shared<Lists>();
    auto* task = new BackgroundTask(
        [conninfo, actor, today, lists](const std::atomic<bool>&) {
            Database db(conninfo, actor);
            QualificationService service(db, today);
            lists->today = today;
            lists->catalogue = service.catalogue();
            lists->records = service.records();
            lists->requirements = service.requirements();
        },
        this);
    m_task = task;
    connect(task, &BackgroundTask::succeeded, this, [this, task, lists] {
        if (task != m_task)
            return;
        m_task = nullptr;
        m_message->clear();
        m_lists = lists;
        showLists();
        emit loaded();
    });
    connect(task, &BackgroundTask::failed, this, [this, task](const QString& message) {
        if (task != m_task)
            return;
        m_task = nullptr;
        m_message->showMessage(MessageBar::Kind::Error, message);
        emit loaded();
    });
    connect(task, &BackgroundTask::succeeded, task, &QObject::deleteLater);
    connect(task, &BackgroundTask::failed, task, &QObject::deleteLater);
    connect(task, &BackgroundTask::cancelled, task, &QObject::deleteLater);
    task->start();
}

bool QualificationsScreen::waitUntilIdle(int timeoutMs)
{
    if (!m_task)
        return true;
    QEventLoop loop;
    connect(this, &QualificationsScreen::loaded, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !m_task;
}

void QualificationsScreen::showLists()
{
    QString selected;
    if (const QTableWidgetItem* item = m_catalogue->item(m_catalogue->currentRow(), KeyColumn))
        selected = item->text();
    const QSignalBlocker blocker(m_catalogue);
    m_catalogue->setRowCount(static_cast<int>(m_lists->catalogue.size()));
    int row = 0;
    for (const Qualification& q : m_lists->catalogue) {
        QString source = tr("Added by an administrator");
        if (q.pack == QLatin1String("builtin"))
            source = tr("Built-in");
        else if (!q.pack.isEmpty())
            source = q.pack;
        if (const PluginRuntime* plugins = m_workspace.plugins(); plugins && !q.pack.isEmpty())
            if (const PluginRecord* r = plugins->record(q.pack.toStdString());
                r && !r->name.empty())
                source = qs(r->name);
        const QStringList cells{
            q.key,
            q.retired ? tr("%1 (retired)").arg(q.name) : q.name,
            q.provider,
            q.validityMonths ? tr("%n month(s)", nullptr, *q.validityMonths) : tr("does not lapse"),
            source,
            QString::number(q.holders)};
        for (int c = 0; c < CatalogueColumnCount; ++c)
            m_catalogue->setItem(row, c, new QTableWidgetItem(cells[c]));
        m_catalogue->item(row, NameColumn)->setToolTip(q.description);
        if (q.retired)
            for (int c = 0; c < CatalogueColumnCount; ++c)
                m_catalogue->item(row, c)->setForeground(QBrush(Qt::gray));
        ++row;
    }
    m_catalogue->resizeColumnsToContents();
    m_catalogue->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    if (selected.isEmpty() || !showQualification(selected)) {
        if (m_catalogue->rowCount() > 0)
            m_catalogue->selectRow(0);
    }
    showDetails();
}

bool QualificationsScreen::showQualification(const QString& key)
{
    for (int row = 0; row < m_catalogue->rowCount(); ++row)
        if (m_catalogue->item(row, KeyColumn)->text() == key) {
            m_catalogue->selectRow(row);
            return true;
        }
    return false;
}

void QualificationsScreen::showDetails()
{
    m_holders->setRowCount(0);
    m_title->clear();
    m_required->clear();
    const QTableWidgetItem* keyItem = m_catalogue->item(m_catalogue->currentRow(), KeyColumn);
    if (!m_lists || !keyItem)
        return;
    const QString key = keyItem->text();
    const auto q = std::find_if(m_lists->catalogue.begin(), m_lists->catalogue.end(),
                                [&key](const Qualification& c) { return c.key == key; });
    if (q == m_lists->catalogue.end())
        return;
    m_title->setText(q->provider.isEmpty() ? q->name : tr("%1 — %2").arg(q->name, q->provider));

    QStringList scopes;
    for (const QualificationRequirement& r : m_lists->requirements)
        if (r.qualificationKey == key)
            scopes << r.scope();
    m_required->setText(scopes.isEmpty()
                            ? tr("Required of nobody: no role, duty or project requires it.")
                            : tr("Required of %1.").arg(scopes.join(QStringLiteral("; "))));

    std::vector<QualificationRecord> records;
    for (const QualificationRecord& r : m_lists->records)
        if (r.qualificationKey == key)
            records.push_back(r);
    // The most urgent first: what lapsed, then what lapses soonest.
    std::stable_sort(records.begin(), records.end(),
                     [](const QualificationRecord& a, const QualificationRecord& b) {
                         return a.expiresOn.value_or(QDate(9999, 12, 31)) <
                                b.expiresOn.value_or(QDate(9999, 12, 31));
                     });
    const QDate& today = m_lists->today;
    m_holders->setRowCount(static_cast<int>(records.size()));
    int row = 0;
    for (const QualificationRecord& r : records) {
        // Whether a record still matters is about the person's records of it, not everyone's.
        std::vector<QualificationRecord> theirs;
        for (const QualificationRecord& o : records)
            if (o.personEmail.compare(r.personEmail, Qt::CaseInsensitive) == 0)
                theirs.push_back(o);
        const auto state = PersonQualifications::stateOf(r, theirs, today);
        const QStringList cells{r.personName.isEmpty() ? r.personEmail : r.personName,
                                QLocale().toString(r.completedOn, QLocale::ShortFormat),
                                r.expiresOn ? QLocale().toString(*r.expiresOn, QLocale::ShortFormat)
                                            : tr("never"),
                                PersonQualifications::stateLabel(state, r, today)};
        for (int c = 0; c < HolderColumnCount; ++c)
            m_holders->setItem(row, c, new QTableWidgetItem(cells[c]));
        m_holders->item(row, PersonColumn)->setData(kKeyRole, r.personEmail);
        m_holders->item(row, PersonColumn)->setToolTip(r.personEmail);
        if (state == PersonQualifications::State::Expired)
            m_holders->item(row, StateColumn)->setForeground(QBrush(QColor(0xb7, 0x1c, 0x1c)));
        else if (state == PersonQualifications::State::Expiring)
            m_holders->item(row, StateColumn)->setForeground(QBrush(QColor(0x9a, 0x67, 0x00)));
        ++row;
    }
    m_holders->resizeColumnsToContents();
}

ImportQualificationsDialog* QualificationsScreen::importFile(const QString& path)
{
    auto* dialog = new ImportQualificationsDialog(m_workspace, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportQualificationsDialog::imported, this, [this] {
        reload();
        emit qualificationsChanged();
    });
    return dialog;
}

} // namespace steward::gui
