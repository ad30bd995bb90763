#include "overview/overview_screen.h"

#include "audits/audit_labels.h"
#include "common/background_task.h"
#include "common/labels.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "db/database.h"
#include "overview/overview_charts.h"
#include "overview/overview_figures.h"
#include "overview/overview_reminders.h"
#include "plugins/plugin_runtime.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEventLoop>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>

namespace steward::gui {

OverviewScreen::OverviewScreen(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_message(new MessageBar(this))
    , m_summary(new QLabel(this))
    , m_busy(new QWidget(this))
    , m_busyBar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_riskChart(new QChart)
    , m_stageChart(new QChart)
    , m_coverageChart(new QChart)
    , m_auditChart(new QChart)
    , m_trendChart(new QChart)
    , m_overdueButton(new QPushButton(this))
    , m_overdueBySeverity(new QLabel(this))
    , m_overdueList(new QListWidget(this))
    , m_reminders(new OverviewReminders(this))
{
    m_riskChart->setTitle(tr("Projects by EU AI Act risk tier"));
    m_stageChart->setTitle(tr("Projects by lifecycle stage"));
    m_coverageChart->setTitle(tr("Coverage findings per project (most first)"));
    m_auditChart->setTitle(tr("Audits by status"));
    m_trendChart->setTitle(tr("Audit scores over time"));
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_summary->setFont(big);
    m_summary->setAccessibleName(tr("Organisation summary"));
    m_summary->setText(tr("Reading the figures…"));

    // While the figures are read: a busy bar (the coverage check cannot say how far it is) and
    // a way out. Shown only when the reading lasts, so that a quick reload does not flicker.
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(200);
    m_busyBar->setAccessibleName(tr("Reading the overview's figures"));
    m_cancel->setAccessibleName(tr("Cancel reading the figures"));
    m_cancel->setToolTip(tr("Stop reading; the figures shown stay as they are"));
    auto* busyLayout = new QHBoxLayout(m_busy);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(new QLabel(tr("Checking the coverage of every project…"), m_busy));
    busyLayout->addWidget(m_busyBar);
    busyLayout->addWidget(m_cancel);
    busyLayout->addStretch(1);
    m_busy->hide();
    connect(m_cancel, &QPushButton::clicked, this, &OverviewScreen::cancelReload);

    // The overdue findings: a headline to open them all, the count by severity, and the worst
    // ones to open one by one.
    QFont headline = m_overdueButton->font();
    headline.setPointSizeF(headline.pointSizeF() * 1.3);
    headline.setBold(true);
    m_overdueButton->setFont(headline);
    m_overdueButton->setFlat(true);
    m_overdueButton->setCursor(Qt::PointingHandCursor);
    m_overdueButton->setAccessibleName(tr("Open the overdue audit findings"));
    m_overdueButton->setToolTip(tr("Open the list of overdue audit findings"));
    m_overdueBySeverity->setAccessibleName(tr("Overdue findings by severity"));
    m_overdueBySeverity->setWordWrap(true);
    m_overdueList->setAccessibleName(tr("Overdue audit findings"));
    m_overdueList->setToolTip(tr("Double-click or press Enter to open the finding's audit"));
    m_overdueList->setWordWrap(true);
    m_overdueList->setTextElideMode(Qt::ElideRight);
    auto* overdue = new QFrame(this);
    overdue->setFrameShape(QFrame::StyledPanel);
    overdue->setMinimumHeight(170);
    auto* overdueLayout = new QVBoxLayout(overdue);
    overdueLayout->addWidget(m_overdueButton, 0, Qt::AlignLeft);
    overdueLayout->addWidget(m_overdueBySeverity);
    overdueLayout->addWidget(m_overdueList, 1);
    connect(m_overdueButton, &QPushButton::clicked, this,
            &OverviewScreen::overdueFindingsActivated);
    connect(m_overdueList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit auditActivated(item->data(Qt::UserRole).toLongLong());
    });

    auto* grid = new QGridLayout;
    // Projects on top, side by side, with what is due soon; below, coverage, the audit trends and
    // the audit status with what is overdue, each a third of the width.
    auto* top = new QHBoxLayout;
    // The reminders' dates, names and sentences need more room than a chart's bars.
    top->addWidget(makeView(m_riskChart, tr("Projects by risk tier"), this), 2);
    top->addWidget(makeView(m_stageChart, tr("Projects by lifecycle stage"), this), 2);
    top->addWidget(m_reminders, 3);
    connect(m_reminders, &OverviewReminders::projectActivated, this,
            &OverviewScreen::projectActivated);
    connect(m_reminders, &OverviewReminders::personActivated, this,
            &OverviewScreen::personActivated);
    QChartView* auditView = makeView(m_auditChart, tr("Audits by status"), this);
    auditView->setMinimumHeight(170);
    auto* audits = new QVBoxLayout;
    audits->addWidget(auditView, 1);
    audits->addWidget(overdue, 1);
    grid->addLayout(top, 0, 0, 1, 3);
    grid->addWidget(makeView(m_coverageChart, tr("Coverage health per project"), this), 1, 0);
    grid->addWidget(makeView(m_trendChart, tr("Audit score trends"), this), 1, 1);
    grid->addLayout(audits, 1, 2);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
    grid->setRowStretch(0, 2);
    grid->setRowStretch(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_busy);
    layout->addWidget(m_message);
    layout->addLayout(grid, 1);
    reload();
}

OverviewScreen::~OverviewScreen() = default;

void OverviewScreen::reload()
{
    if (m_task)
        m_task->cancel(); // superseded: whatever it still reads is ignored
    const QString conninfo = m_workspace.db().conninfo();
    const QString actor = m_workspace.db().actor();
    std::vector<std::shared_ptr<const Rule>> rules;
    if (const PluginRuntime* plugins = m_workspace.plugins())
        rules = plugins->rules();
    const QDate today = QDate::currentDate();
    auto figures = std::make_shared<OverviewFigures>();
    auto* task = new BackgroundTask(
        [figures, conninfo, actor, rules, today](const std::atomic<bool>& cancelRequested) {
            try {
                // The worker's own connection, as the same user and actor as the window's.
                Database db(conninfo, actor);
                *figures = readFigures(db, rules, today, cancelRequested);
            } catch (const ReadingCancelled&) {
                // reported as cancelled(): the task knows it was asked to stop
            }
        },
        this);
    m_task = task;
    connect(task, &BackgroundTask::succeeded, this, [this, task, figures] {
        if (task != m_task)
            return;
        finishReload(task);
        m_message->clear();
        try {
            showFigures(*figures);
        } catch (const std::exception& e) {
            m_message->showMessage(MessageBar::Kind::Error, describeFailure(e));
        }
        emit loaded();
    });
    connect(task, &BackgroundTask::failed, this, [this, task](const QString& message) {
        if (task != m_task)
            return;
        finishReload(task);
        m_message->showMessage(MessageBar::Kind::Error, message);
        emit loaded();
    });
    // A cancelled task has already been let go (cancelReload, or a newer reload): it reports
    // nothing. Every task goes once its thread has ended.
    connect(task, &BackgroundTask::succeeded, task, &QObject::deleteLater);
    connect(task, &BackgroundTask::failed, task, &QObject::deleteLater);
    connect(task, &BackgroundTask::cancelled, task, &QObject::deleteLater);
    task->start();
    // Most reloads end well within this; only a longer one shows that it is busy.
    QTimer::singleShot(200, this, [this, task] {
        if (task == m_task)
            m_busy->show();
    });
}

void OverviewScreen::cancelReload()
{
    if (!m_task)
        return;
    // The coverage check cannot stop halfway: the worker ends on its own time, its result unread,
    // while the screen is free again at once.
    m_task->cancel();
    finishReload(m_task);
    m_message->showMessage(
        MessageBar::Kind::Information,
        tr("Reading the figures was cancelled; those shown may be out of date."));
    emit loaded();
}

bool OverviewScreen::waitUntilIdle(int timeoutMs)
{
    if (!m_task)
        return true;
    QEventLoop loop;
    connect(this, &OverviewScreen::loaded, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !m_task;
}

void OverviewScreen::finishReload(BackgroundTask* task)
{
    if (task == m_task)
        m_task = nullptr;
    m_busy->hide();
}

void OverviewScreen::showFigures(const OverviewFigures& figures)
{
    QStringList categories;
    QList<int> values;
    for (RiskTier t : kRiskTiers) {
        categories << Labels::of(t);
        values << (figures.byTier.count(t) ? figures.byTier.at(t) : 0);
    }
    QBarSet* risk =
        fillBarChart(m_riskChart, categories, values, QColor(0x3f, 0x6e, 0xb5), tr("Projects"));
    connect(risk, &QBarSet::clicked, this, [this](int index) {
        if (index >= 0 && index < static_cast<int>(kRiskTiers.size()))
            emit riskTierActivated(kRiskTiers[static_cast<std::size_t>(index)]);
    });
    categories.clear();
    values.clear();
    for (ProjectStage s : kProjectStages) {
        categories << Labels::of(s);
        values << (figures.byStage.count(s) ? figures.byStage.at(s) : 0);
    }
    QBarSet* stage =
        fillBarChart(m_stageChart, categories, values, QColor(0x2e, 0x8b, 0x7a), tr("Projects"));
    connect(stage, &QBarSet::clicked, this, [this](int index) {
        if (index >= 0 && index < static_cast<int>(kProjectStages.size()))
            emit stageActivated(kProjectStages[static_cast<std::size_t>(index)]);
    });

    m_coverageChart->removeAllSeries();
    for (QAbstractAxis* axis : m_coverageChart->axes())
        m_coverageChart->removeAxis(axis);
    auto* errors = new QBarSet(tr("Errors"));
    errors->setColor(QColor(0xc6, 0x28, 0x28));
    auto* warnings = new QBarSet(tr("Warnings"));
    warnings->setColor(QColor(0xf9, 0xa8, 0x25));
    m_coverageProjects.clear();
    int most = 1;
    for (const OverviewFigures::Health& h : figures.worstCovered) {
        m_coverageProjects << h.key;
        *errors << h.errors;
        *warnings << h.warnings;
        most = std::max(most, h.errors + h.warnings);
    }
    auto* series = new QHorizontalStackedBarSeries;
    series->append(errors);
    series->append(warnings);
    m_coverageChart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(m_coverageProjects);
    QFont small = y->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    y->setLabelsFont(small);
    m_coverageChart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto* x = new QValueAxis;
    x->setRange(0, most);
    x->setTickCount(std::min(most, 6) + 1);
    x->setLabelFormat(QStringLiteral("%d"));
    m_coverageChart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    m_coverageChart->legend()->setVisible(true);
    m_coverageChart->legend()->setAlignment(Qt::AlignBottom);
    connect(series, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet*) {
        if (index >= 0 && index < m_coverageProjects.size())
            emit projectActivated(m_coverageProjects.at(index));
    });

    m_summary->setText(
        tr("%1 · %2 · %3 · %4")
            .arg(tr("%n people", nullptr, static_cast<int>(figures.people)),
                 tr("%n project(s)", nullptr, figures.projects),
                 tr("%n coverage error(s)", nullptr, figures.coverageErrors),
                 tr("%1 of %n checked project(s) fully covered", nullptr, figures.checkedProjects)
                     .arg(figures.healthyProjects)));
    showAudits(figures);
    m_reminders->show(figures.reminders, figures.today, kReminderDays);
}

AuditStatus OverviewScreen::auditStatusOfBar(int index)
{
    // Horizontal bars are drawn bottom up.
    return kAuditStatuses[kAuditStatuses.size() - 1 -
                          static_cast<std::size_t>(std::clamp<int>(
                              index, 0, static_cast<int>(kAuditStatuses.size()) - 1))];
}

qint64 OverviewScreen::trendAudit(const QLineSeries* series, int index) const
{
    const auto it = m_trendAudits.find(series);
    return it != m_trendAudits.end() && index >= 0 && index < it->second.size()
               ? it->second.at(index)
               : 0;
}

void OverviewScreen::showAudits(const OverviewFigures& figures)
{
    const QDate& today = figures.today;
    // Audits by status, in the order an audit goes through them from the top.
    QStringList categories;
    QList<int> values;
    for (int bar = 0; bar < static_cast<int>(kAuditStatuses.size()); ++bar) {
        const auto it = figures.auditsByStatus.find(auditStatusOfBar(bar));
        categories << AuditLabels::of(auditStatusOfBar(bar));
        values << (it != figures.auditsByStatus.end() ? it->second : 0);
    }
    QBarSet* status = fillBarChart(m_auditChart, categories, values, QColor(0x6a, 0x4c, 0x93),
                                   tr("Audits"), Qt::Horizontal);
    connect(status, &QBarSet::clicked, this, [this](int index) {
        if (index >= 0 && index < static_cast<int>(kAuditStatuses.size()))
            emit auditStatusActivated(auditStatusOfBar(index));
    });

    // Overdue findings, the most severe and the longest overdue first.
    const std::vector<AuditFinding>& overdue = figures.overdue;
    m_overdueCount = static_cast<int>(overdue.size());
    m_overdueButton->setText(tr("%n overdue audit finding(s)", nullptr, m_overdueCount));
    m_overdueButton->setEnabled(m_overdueCount > 0);
    std::map<FindingSeverity, int> bySeverity;
    for (const AuditFinding& f : overdue)
        ++bySeverity[f.severity];
    QStringList parts;
    for (FindingSeverity s : kSeveritiesWorstFirst)
        if (bySeverity[s] > 0)
            parts << tr("<span style=\"color:%1\"><b>%2</b> %3</span>")
                         .arg(severityColour(s).name())
                         .arg(bySeverity[s])
                         .arg(AuditLabels::of(s).toHtmlEscaped());
    m_overdueBySeverity->setText(parts.isEmpty() ? tr("Every open finding is within its due date.")
                                                 : parts.join(QStringLiteral(" · ")));
    m_overdueList->clear();
    for (const AuditFinding& f : overdue) {
        const qint64 days = f.dueDate.daysTo(today);
        auto* item = new QListWidgetItem(
            tr("%1 · %2 · %n day(s) overdue\n%3", nullptr, static_cast<int>(days))
                .arg(AuditLabels::of(f.severity), f.projectKey, f.description),
            m_overdueList);
        item->setData(Qt::UserRole, f.auditId);
        item->setForeground(severityColour(f.severity));
        item->setToolTip(tr("%1\nOwner: %2\nDue %3")
                             .arg(f.description, f.ownerName.isEmpty() ? f.ownerEmail : f.ownerName,
                                  QLocale().toString(f.dueDate, QLocale::ShortFormat)));
    }

    // Score trends: one line per project and checklist, a point per audit.
    m_trendChart->removeAllSeries();
    for (QAbstractAxis* axis : m_trendChart->axes())
        m_trendChart->removeAxis(axis);
    m_trendAudits.clear();
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("d MMM yy"));
    x->setTickCount(4);
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setTickCount(6);
    y->setLabelFormat(QStringLiteral("%d %%"));
    m_trendChart->addAxis(x, Qt::AlignBottom);
    m_trendChart->addAxis(y, Qt::AlignLeft);
    QDateTime first;
    QDateTime last;
    for (const OverviewFigures::TrendLine& line : figures.trends) {
        auto* series = new QLineSeries;
        series->setName(tr("%1 · %2").arg(line.projectKey, line.checklistKey));
        series->setPointsVisible(true);
        series->setPointLabelsVisible(true);
        series->setPointLabelsFormat(QStringLiteral("@yPoint %"));
        series->setPointLabelsClipping(false);
        QList<qint64>& ids = m_trendAudits[series];
        for (const OverviewFigures::TrendPoint& p : line.points) {
            series->append(static_cast<qreal>(p.at.toMSecsSinceEpoch()), p.percent);
            ids << p.auditId;
            first = first.isValid() ? std::min(first, p.at) : p.at;
            last = last.isValid() ? std::max(last, p.at) : p.at;
        }
        m_trendChart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        QPen pen = series->pen();
        pen.setWidth(2);
        series->setPen(pen);
        connect(series, &QLineSeries::clicked, this, [this, series](const QPointF& point) {
            // The click lands near a point or on a line between two: the nearest point's audit.
            int nearest = -1;
            qreal distance = 0;
            for (int i = 0; i < series->count(); ++i) {
                const qreal d = std::abs(series->at(i).x() - point.x());
                if (nearest < 0 || d < distance) {
                    nearest = i;
                    distance = d;
                }
            }
            if (const qint64 id = trendAudit(series, nearest))
                emit auditActivated(id);
        });
    }
    if (!first.isValid()) {
        first = QDateTime(today, QTime(0, 0));
        last = first;
    }
    // A little room on each side, so that a single audit is not drawn on the frame.
    const qint64 span = std::max<qint64>(first.daysTo(last), 30);
    x->setRange(first.addDays(-span / 4), last.addDays(span / 4));
    m_trendChart->legend()->setVisible(!figures.trends.empty());
    m_trendChart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = m_trendChart->legend()->font();
    legendFont.setPointSizeF(QFont().pointSizeF() * 0.85);
    m_trendChart->legend()->setFont(legendFont);
    if (figures.trends.empty())
        m_trendChart->setTitle(tr("Audit scores over time (no audits yet)"));
    else
        m_trendChart->setTitle(tr("Audit scores over time"));
}

} // namespace steward::gui
