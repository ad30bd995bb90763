// The People screen on a large organisation, as issue 5 promises it: the first page within 150 ms
// of opening, smooth scrolling, and a GUI process under 300 MB. Then how long each other screen,
// and the whole main window, holds the GUI thread while it opens on the same data: the window
// must stay responsive. A throwaway cluster gets the
// synthetic organisation of `steward demo generate` (run as its own process, so that its memory
// is not counted as the GUI's); then the screen is opened offscreen and timed.
//
//   ninja -C <build> steward steward-bench-gui-people
//   <build>/bin/steward-bench-gui-people [--size small|medium|large] [--seed N]
//
// Figures are printed, not asserted: a timed test fails on a busy machine.
#include "app/main_window.h"
#include "audits/audits_screen.h"
#include "catalogue/catalogue_screen.h"
#include "common/workspace.h"
#include "database_fixture.h"
#include "db/database.h"
#include "history/history_screen.h"
#include "overview/overview_screen.h"
#include "people/people_screen.h"
#include "people/person_list_model.h"
#include "projects/projects_screen.h"
#include "raci/raci_editor.h"
#include "services/project_service.h"
#include "test_support.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTableView>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace steward::gui {
namespace {

double milliseconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// The process's peak resident set size in MB (VmHWM), or -1 where /proc does not say.
double peakRssMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    }
    return -1;
}

// Paints the view now, as the window system would ask, so that it asks the model for the rows it
// shows; true when the top visible row has its data.
bool paintedRows(QTableView* view)
{
    QApplication::processEvents();
    view->viewport()->repaint();
    const QModelIndex top = view->indexAt(QPoint(2, 2));
    return top.isValid() && !top.data().toString().isEmpty();
}

// Constructs a screen, shows it and lets it paint once: how long the GUI thread is held before
// the window answers again. `settled` (optional) then waits, with the event loop running, until
// the screen has the figures it computes in the background; that wait is printed as well.
void timeScreen(const char* what, const std::function<std::unique_ptr<QWidget>()>& make,
                const std::function<bool(QWidget*)>& settled = {})
{
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QWidget> screen = make();
    screen->resize(1280, 800);
    screen->show();
    QApplication::processEvents();
    screen->repaint();
    const double blocked = milliseconds(timer);
    if (settled) {
        // While the figures are computed elsewhere, the event loop must keep turning: the longest
        // gap between two turns is what a user clicking meanwhile would wait.
        double longestStall = 0;
        QElapsedTimer turn;
        turn.start();
        while (!settled(screen.get()) && timer.elapsed() < 600000) {
            QApplication::processEvents();
            longestStall = std::max(longestStall, milliseconds(turn));
            QThread::msleep(2);
            turn.restart();
        }
        std::printf("  %-34s %8.1f ms on the GUI thread; figures after %.1f ms, event loop held "
                    "at most %.1f ms meanwhile\n",
                    what, blocked, milliseconds(timer), longestStall);
    } else {
        std::printf("  %-34s %8.1f ms on the GUI thread\n", what, blocked);
    }
    std::fflush(stdout);
    screen.reset();
    QApplication::processEvents();
}

struct Options {
    QString size = QStringLiteral("large");
    QString seed = QStringLiteral("1");
};

Options parse(const QStringList& args)
{
    Options o;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--size") && i + 1 < args.size())
            o.size = args[++i];
        else if (args[i] == QLatin1String("--seed") && i + 1 < args.size())
            o.seed = args[++i];
        else
            throw std::invalid_argument(
                "usage: steward-bench-gui-people [--size small|medium|large] "
                "[--seed N]");
    }
    return o;
}

int run(const Options& options)
{
    useMigratedTemplate();
    TestDatabase testDb;
    std::printf("Generating the %s organisation (seed %s) with steward demo generate...\n",
                qPrintable(options.size), qPrintable(options.seed));
    std::fflush(stdout);
    QProcess generate;
    generate.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    generate.start(QStringLiteral(STEWARD_CLI_PATH),
                   {QStringLiteral("--database=") + testDb.conninfo(), QStringLiteral("demo"),
                    QStringLiteral("generate"), QStringLiteral("--size"), options.size,
                    QStringLiteral("--seed"), options.seed});
    if (!generate.waitForFinished(-1) || generate.exitStatus() != QProcess::NormalExit ||
        generate.exitCode() != 0) {
        std::fprintf(stderr, "steward demo generate failed\n");
        return 1;
    }
    std::printf("%s", generate.readAllStandardOutput().constData());
    // What autovacuum does soon after a bulk load: the visibility map lets the directory's
    // skips read the index only.
    executeSql(testDb.conninfo(), QStringLiteral("VACUUM ANALYZE"));

    Database db(testDb.conninfo(), QStringLiteral("bench"));
    Workspace workspace(db);

    QElapsedTimer timer;
    timer.start();
    auto screen = std::make_unique<PeopleScreen>(workspace);
    screen->resize(1280, 800);
    screen->show();
    QTableView* view = screen->view();
    PersonListModel* model = screen->model();
    while (!paintedRows(view)) {
        if (timer.elapsed() > 60000) {
            std::fprintf(stderr, "the first page never appeared\n");
            return 1;
        }
    }
    const double firstPage = milliseconds(timer);
    const int rows = model->rowCount();

    timer.restart();
    view->scrollTo(model->index(rows / 2, 0), QAbstractItemView::PositionAtTop);
    paintedRows(view);
    const double middle = milliseconds(timer);

    timer.restart();
    view->scrollToBottom();
    paintedRows(view);
    const double end = milliseconds(timer);

    // Scrolling by pages from the top, as a user holding Page Down does: each step's time.
    view->scrollToTop();
    paintedRows(view);
    std::vector<double> steps;
    for (int i = 0; i < 300; ++i) {
        timer.restart();
        view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
        paintedRows(view);
        steps.push_back(milliseconds(timer));
    }
    std::sort(steps.begin(), steps.end());
    double total = 0;
    for (const double s : steps)
        total += s;

    const int pagesRead = model->pagesRead();
    const int pagesKept = model->cachedPages();

    const auto searchFor = [&](const QString& text) {
        timer.restart();
        model->setSearch(text); // what the search field does after its typing pause
        paintedRows(view);
        return std::make_pair(milliseconds(timer), model->rowCount());
    };
    const auto [searchMs, searchRows] = searchFor(QStringLiteral("okafor"));
    const auto [shortSearchMs, shortSearchRows] = searchFor(QStringLiteral("an"));
    const auto [clearMs, clearRows] = searchFor(QString());

    std::printf("\nPeople screen, %d people (offscreen, %s):\n", rows,
                qPrintable(db.description()));
    std::printf("  first page shown after opening   %8.1f ms   (target < 150 ms)\n", firstPage);
    std::printf("  jump to the middle               %8.1f ms\n", middle);
    std::printf("  jump to the end                  %8.1f ms\n", end);
    std::printf("  page down, %zu steps: mean %.1f ms, median %.1f ms, max %.1f ms\n", steps.size(),
                total / static_cast<double>(steps.size()), steps[steps.size() / 2], steps.back());
    std::printf("  search 'okafor' (%d matches)     %8.1f ms\n", searchRows, searchMs);
    std::printf("  search 'an' (%d matches)        %8.1f ms\n", shortSearchRows, shortSearchMs);
    std::printf("  clear the search (%d people)     %8.1f ms\n", clearRows, clearMs);
    std::printf("  pages read while scrolling %d, kept %d (at most %d)\n", pagesRead, pagesKept,
                PersonListModel::kMaxCachedPages);
    std::printf("  peak resident memory (VmHWM)     %8.1f MB   (target < 300 MB)\n",
                peakRssMegabytes());
    screen.reset();

    // One project to open in the RACI editor: the first by key, as the editor's picker lists them.
    const auto projects = ProjectService(db).list();
    const QString projectKey = projects.empty() ? QString() : projects.front().key;
    std::printf("\nThe other screens on the same data (constructed, shown, painted once):\n");
    std::fflush(stdout);
    timeScreen(
        "Overview", [&] { return std::make_unique<OverviewScreen>(workspace); },
        [](QWidget* w) { return !static_cast<OverviewScreen*>(w)->isBusy(); });
    timeScreen("Projects", [&] { return std::make_unique<ProjectsScreen>(workspace); });
    timeScreen("Catalogue", [&] { return std::make_unique<CatalogueScreen>(workspace); });
    // The role held most often: its holders are the catalogue's longest list.
    QSqlQuery busiest = db.exec(QStringLiteral(
        "SELECT role_key FROM assignment GROUP BY role_key ORDER BY count(*) DESC LIMIT 1"));
    const QString busiestRole = busiest.next() ? busiest.value(0).toString() : QString();
    timeScreen(qPrintable(QStringLiteral("Catalogue showing %1").arg(busiestRole)), [&] {
        auto catalogue = std::make_unique<CatalogueScreen>(workspace);
        catalogue->showRole(busiestRole);
        return catalogue;
    });
    timeScreen("History", [&] { return std::make_unique<HistoryScreen>(workspace); });
    timeScreen("Audits", [&] { return std::make_unique<AuditsScreen>(workspace); });
    timeScreen("RACI editor (no project yet)",
               [&] { return std::make_unique<RaciEditor>(workspace); });
    timeScreen(qPrintable(QStringLiteral("RACI editor opening %1").arg(projectKey)), [&] {
        auto editor = std::make_unique<RaciEditor>(workspace);
        editor->openProject(projectKey);
        return editor;
    });
    timeScreen("Main window (every screen)",
               [&] { return std::make_unique<MainWindow>(workspace, db.description()); });
    std::printf("  peak resident memory (VmHWM)     %8.1f MB   (target < 300 MB)\n",
                peakRssMegabytes());
    return 0;
}

} // namespace
} // namespace steward::gui

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    int code = 1;
    try {
        code = steward::gui::run(steward::gui::parse(QApplication::arguments()));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
    }
    steward::TestCluster::shutdown();
    return code;
}
