#include "app/screenshots.h"

#include "app/main_window.h"
#include "audits/audit_list_model.h"
#include "audits/audits_screen.h"
#include "catalogue/catalogue_screen.h"
#include "catalogue/import_checklist_dialog.h"
#include "error.h"
#include "overview/overview_screen.h"
#include "people/people_screen.h"
#include "projects/projects_screen.h"
#include "qualifications/qualifications_screen.h"
#include "raci/raci_editor.h"

#include <QApplication>
#include <QDir>
#include <QListWidget>
#include <QPixmap>
#include <QTableView>

namespace steward::gui {
namespace {

// The demo organisation's most telling examples: an over-allocated person, a project with a
// coverage gap, and that gap in the RACI matrix.
const QString kDemoPerson = QStringLiteral("kwame.mensah@demo.steward.example");
const QString kDemoProject = QStringLiteral("SEPSIS-ALERT");
const QString kDemoRole = QStringLiteral("ai-ethicist");
// The person whose oversight training lapsed, and the course every role requires: its holders
// list Hannah's, which lapses soon, first.
const QString kDemoUnqualified = QStringLiteral("elena.popescu@demo.steward.example");
const QString kDemoQualification = QStringLiteral("ai-literacy-basics");
// The demo's audit still being run, shown in its runner.
const QString kDemoAuditProject = QStringLiteral("CARDIO-TRIAGE");

void settle()
{
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
}

qint64 demoAuditInProgress(const AuditListModel& audits)
{
    for (int row = 0; row < audits.rowCount(); ++row) {
        const AuditListModel::Row* r = audits.rowAt(row);
        if (r->audit.projectKey == kDemoAuditProject && r->audit.status != AuditStatus::Closed)
            return r->audit.id;
    }
    return 0;
}

void save(MainWindow& window, const QString& file, QStringList& written)
{
    if (!window.grab().save(file))
        throw Error(ErrorKind::Internal, QStringLiteral("cannot write %1").arg(file));
    written << file;
}

} // namespace

QStringList renderScreenshots(MainWindow& window, const QString& directory, const QSize& size)
{
    if (!QDir().mkpath(directory))
        throw Error(ErrorKind::Validation,
                    QStringLiteral("cannot create the folder %1").arg(directory));
    window.resize(size);
    window.show();
    window.overview()->waitUntilIdle(); // its figures are read in the background
    window.people()->showPerson(kDemoPerson);
    window.projects()->showProject(kDemoProject);
    window.raci()->openProject(kDemoProject);
    window.catalogue()->showRole(kDemoRole);
    window.qualifications()->waitUntilIdle();
    window.qualifications()->showQualification(kDemoQualification);
    window.audits()->showAllStatuses();

    QStringList written;
    for (int s = 0; s < MainWindow::ScreenCount; ++s) {
        window.showScreen(static_cast<MainWindow::Screen>(s));
        settle();
        if (s == MainWindow::Raci && window.raci()->findingsList()->count() > 0) {
            window.raci()->findingsList()->setCurrentRow(0); // scrolls to the gap
            settle();
        }
        const QString file = QDir(directory).filePath(
            QStringLiteral("%1-%2.png")
                .arg(s + 1, 2, 10, QLatin1Char('0'))
                .arg(MainWindow::screenSlug(static_cast<MainWindow::Screen>(s))));
        save(window, file, written);
        // A person's page again, for one whose qualifications have lapsed.
        if (s == MainWindow::People) {
            window.people()->showPerson(kDemoUnqualified);
            settle();
            save(window,
                 QString(file).replace(QStringLiteral(".png"),
                                       QStringLiteral("-qualifications.png")),
                 written);
            window.people()->showPerson(kDemoPerson);
        }
        // The role catalogue, then Checklists › Import… previewing the bundled ISO/IEC 42001 file.
        if (s == MainWindow::Catalogue) {
            ImportChecklistDialog* dialog = window.importChecklist(
                QStringLiteral(":/steward/checklists/iso-iec-42001-2023.yaml"));
            dialog->show();
            settle();
            const QString preview = QString(file).replace(QStringLiteral(".png"),
                                                          QStringLiteral("-import-checklist.png"));
            if (!dialog->grab().save(preview))
                throw Error(ErrorKind::Internal, QStringLiteral("cannot write %1").arg(preview));
            written << preview;
            dialog->close();
        }
        // The Audits screen three times: the list above, the organisation's open findings, and
        // the runner on the audit in progress.
        if (s == MainWindow::Audits) {
            auto variant = [&file](const char* suffix) {
                return QString(file).replace(QStringLiteral(".png"),
                                             QStringLiteral("-%1.png").arg(QLatin1String(suffix)));
            };
            window.audits()->showFindings();
            settle();
            save(window, variant("findings"), written);
            window.audits()->showList();
            if (const qint64 id = demoAuditInProgress(*window.audits()->model());
                id > 0 && window.audits()->openAudit(id)) {
                settle();
                save(window, variant("runner"), written);
            }
        }
    }
    return written;
}

} // namespace steward::gui
