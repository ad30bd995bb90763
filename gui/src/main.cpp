// steward-gui: the Steward desktop application.
#include "app/application.h"
#include "app/connection_settings.h"
#include "app/main_window.h"
#include "app/screenshots.h"
#include "app/translations.h"
#include "common/message_bar.h"
#include "common/workspace.h"
#include "db/database.h"
#include "db/session.h"
#include "demo/demo_organisation.h"
#include "plugins/plugin_runtime.h"
#include "services/person_service.h"
#include "services/project_service.h"

#include <steward/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTextStream>

#include <string_view>

namespace {

// Renders the screens of the database the session opens, loading the demo organisation into an
// empty one first, as `./dev.sh run` does.
int renderScreenshots(const QString& database, const QString& cluster, const QString& directory)
{
    using namespace steward;
    try {
        auto session = gui::openSessionResponsively(database, cluster);
        Database& db = session->db();
        if (PersonService(db).count() == 0 && ProjectService(db).list().empty())
            DemoOrganisation::load(db, QDate::currentDate());
        gui::Workspace workspace(db, &session->plugins());
        gui::MainWindow window(workspace, gui::describeConnection(*session));
        const QStringList files = gui::renderScreenshots(window, directory, QSize(1280, 800));
        QTextStream out(stdout);
        for (const QString& f : files)
            out << f << '\n';
        window.close();
        return 0;
    } catch (const std::exception& e) {
        QTextStream(stderr) << "steward-gui: " << gui::describeFailure(e) << '\n';
        return 1;
    }
}

// --help and --version only print: they must work without a display (over ssh, or for help2man
// writing the manual page at build time).
bool onlyPrints(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (onlyPrints(argc, argv))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Steward"));
    QApplication::setApplicationName(QStringLiteral("steward-gui"));
    QApplication::setApplicationDisplayName(QStringLiteral("Steward"));
    QApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION_STRING));
    // The desktop entry's name, so that a Wayland compositor finds the menu entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.example.Steward"));
    steward::gui::installTranslations(app, QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Steward: who holds which AI role on which project.") +
        QStringLiteral("\n\n") + steward::Session::environmentHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        QStringLiteral("database"),
        QApplication::translate("main",
                                "PostgreSQL URI or conninfo; overrides the remembered connection."),
        QStringLiteral("uri"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QApplication::translate("main", "Render every screen to PNG files in DIR and exit."),
        QStringLiteral("dir"));
    const QCommandLineOption cluster(
        QStringLiteral("cluster"),
        QApplication::translate("main",
                                "Use the embedded database in DIR instead of the default folder."),
        QStringLiteral("dir"));
    parser.addOption(database);
    parser.addOption(cluster);
    parser.addOption(screenshots);
    parser.process(app);

    const QString target = parser.isSet(database) ? parser.value(database)
                                                  : steward::gui::ConnectionSettings::database();
    if (parser.isSet(screenshots))
        return renderScreenshots(target, parser.value(cluster), parser.value(screenshots));

    steward::gui::Application application;
    if (!application.start(target, parser.value(cluster)))
        return 1;
    return QApplication::exec();
}
