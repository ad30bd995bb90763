// The People screen's import and person page on the demo organisation: a file with bad rows is
// previewed with every problem and its line while nothing is written; a good file is imported on
// a worker thread with its progress shown; a cancelled import leaves the database as it was; the
// person page lists the open findings a person owns; a viewer is not offered the import.
#include "audit/audit_service.h"
#include "common/message_bar.h"
#include "gui_fixture.h"
#include "people/import_people_dialog.h"
#include "people/people_screen.h"
#include "people/person_list_model.h"
#include "people/person_page.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QToolButton>

#include <set>

using namespace steward;
using namespace steward::gui;

namespace {

const QString kKwame = QStringLiteral("kwame.mensah@demo.steward.example");
constexpr int kLongWait = 120000; // ms: a 20,000-row preview on a loaded machine

// What an import could change, and the history that would record it.
struct Counts {
    int people = 0;
    int orgUnits = 0;
    int history = 0;
    QString fingerprint; // every person row, so that an update shows too

    bool operator==(const Counts&) const = default;
};

} // namespace

class PeopleTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DemoWorkspace> m_demo;
    QTemporaryDir m_dir;

    Counts counts()
    {
        return {m_demo->count(QStringLiteral("SELECT count(*) FROM person")),
                m_demo->count(QStringLiteral("SELECT count(*) FROM org_unit")),
                m_demo->count(QStringLiteral("SELECT count(*) FROM history")),
                m_demo
                    ->scalar(QStringLiteral("SELECT md5(string_agg(p::text, ',' ORDER BY id)) "
                                            "FROM person p"))
                    .toString()};
    }

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // Waits for `state`; a failure on the way ends the wait early and is printed.
    static bool waitFor(const QPointer<ImportPeopleDialog>& dialog, ImportPeopleDialog::State state)
    {
        const bool settled = QTest::qWaitFor(
            [&] {
                return !dialog || dialog->state() == state ||
                       dialog->state() == ImportPeopleDialog::State::Failed;
            },
            kLongWait);
        if (settled && dialog && dialog->state() != state)
            qWarning("import dialog: %s", qPrintable(dialog->statusLabel()->text()));
        return dialog && dialog->state() == state;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_demo = std::make_unique<DemoWorkspace>();
    }

    void cleanup() { m_demo.reset(); }

    void previewListsEveryProblemWithItsLineAndWritesNothing()
    {
        const QString path = writeFile(QStringLiteral("bad.csv"),
                                       "email,name,org_unit,active\n"
                                       "new.person@example.org,New Person,Brand New Unit,yes\n"
                                       "not-an-email,Bad Address,,yes\n"
                                       "dup@example.org,Dup One,,maybe\n"
                                       "DUP@example.org,Dup Two,,no\n"
                                       "short@example.org\n");
        const Counts before = counts();
        PeopleScreen screen(m_demo->workspace());
        QVERIFY(screen.importAction()->isEnabled());
        QPointer<ImportPeopleDialog> dialog = screen.importFile(path);
        QVERIFY(dialog);
        QVERIFY(waitFor(dialog, ImportPeopleDialog::State::Previewed));

        QTableWidget* problems = dialog->problemsTable();
        QVERIFY(problems->isVisibleTo(dialog));
        QCOMPARE(problems->rowCount(), 4);
        const QStringList where{QStringLiteral("bad.csv:3"), QStringLiteral("bad.csv:4"),
                                QStringLiteral("bad.csv:5"), QStringLiteral("bad.csv:6")};
        const QStringList columns{QStringLiteral("email"), QStringLiteral("active"),
                                  QStringLiteral("email"), QStringLiteral("row")};
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(problems->item(row, 0)->text(), where[row]);
            QCOMPARE(problems->item(row, 1)->text(), columns[row]);
            QVERIFY(!problems->item(row, 2)->text().isEmpty());
        }
        QVERIFY2(problems->item(1, 2)->text().contains(QStringLiteral("'maybe'")),
                 qPrintable(problems->item(1, 2)->text()));
        QVERIFY2(problems->item(2, 2)->text().contains(QStringLiteral("line 4")),
                 qPrintable(problems->item(2, 2)->text()));
        QVERIFY2(dialog->summaryLabel()->text().contains(QStringLiteral("4 problem")),
                 qPrintable(dialog->summaryLabel()->text()));
        // All or nothing: a file with problems is not offered for import.
        QVERIFY(!dialog->importButton()->isEnabled());
        dialog->startImport();
        QCOMPARE(dialog->state(), ImportPeopleDialog::State::Previewed);

        // The preview ran the real import, org unit and history included, and rolled it back.
        QVERIFY(counts() == before);
        QCOMPARE(m_demo->count(QStringLiteral("SELECT count(*) FROM org_unit WHERE name = ?"),
                               {QStringLiteral("Brand New Unit")}),
                 0);
    }

    void goodFileImportsOnAWorkerWithProgress()
    {
        const QString path =
            writeFile(QStringLiteral("good.csv"),
                      QStringLiteral("email,name,org_unit,title\n"
                                     "grace.new@example.org,Grace New,Imported Unit,Analyst\n"
                                     "%1,Kwame Mensah,,Head of Data Science\n"
                                     "alan.new@example.org,Alan New,Imported Unit,Engineer\n")
                          .arg(kKwame)
                          .toUtf8());
        const int peopleBefore = m_demo->count(QStringLiteral("SELECT count(*) FROM person"));
        const int lastHistory = m_demo->count(QStringLiteral("SELECT max(id) FROM history"));
        PeopleScreen screen(m_demo->workspace());
        const int rowsBefore = screen.model()->rowCount();
        QPointer<ImportPeopleDialog> dialog = screen.importFile(path);
        QVERIFY(waitFor(dialog, ImportPeopleDialog::State::Previewed));
        QCOMPARE(dialog->preview().problems.size(), std::size_t{0});
        QCOMPARE(dialog->preview().result.inserted, 2);
        QCOMPARE(dialog->preview().result.updated, 1);
        QVERIFY2(dialog->summaryLabel()->text().contains(QStringLiteral("2 new")),
                 qPrintable(dialog->summaryLabel()->text()));
        QVERIFY(!dialog->problemsTable()->isVisibleTo(dialog));
        QCOMPARE(m_demo->count(QStringLiteral("SELECT count(*) FROM person")), peopleBefore);
        QVERIFY(dialog->importButton()->isEnabled());

        int progressAtEnd = -1;
        int maximum = 0;
        QThread* importThread = nullptr;
        connect(dialog->progressBar(), &QProgressBar::valueChanged, dialog.data(),
                [&](int value) { progressAtEnd = value; });
        connect(dialog.data(), &ImportPeopleDialog::imported, &screen, [&] {
            maximum = dialog->progressBar()->maximum();
            importThread = QThread::currentThread();
        });
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        // The click returned while the import is still running: it is not on this thread.
        QCOMPARE(dialog->state(), ImportPeopleDialog::State::Importing);
        QVERIFY(dialog->cancelButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(maximum > 0, kLongWait);
        QCOMPARE(progressAtEnd, maximum);
        QCOMPARE(importThread, QThread::currentThread()); // results are shown on the GUI thread

        QCOMPARE(m_demo->count(QStringLiteral("SELECT count(*) FROM person")), peopleBefore + 2);
        QCOMPARE(
            m_demo->scalar(QStringLiteral("SELECT title FROM person WHERE email = ?"), {kKwame})
                .toString(),
            QStringLiteral("Head of Data Science"));
        QCOMPARE(m_demo->count(QStringLiteral("SELECT count(*) FROM person p JOIN org_unit u ON "
                                              "u.id = p.org_unit_id WHERE u.name = ?"),
                               {QStringLiteral("Imported Unit")}),
                 2);
        // The history names the window's actor, not the worker's connection.
        QCOMPARE(m_demo->count(QStringLiteral("SELECT count(*) FROM history WHERE id > ? AND "
                                              "actor = ? AND table_name = 'person'"),
                               {lastHistory, m_demo->db().actor()}),
                 3);
        QCOMPARE(screen.model()->rowCount(), rowsBefore + 2);
        QCOMPARE(screen.messageBar()->kind(), MessageBar::Kind::Information);
        QVERIFY2(screen.messageBar()->text().contains(QStringLiteral("2 added")) &&
                     screen.messageBar()->text().contains(QStringLiteral("1 updated")),
                 qPrintable(screen.messageBar()->text()));
        QTRY_VERIFY(!dialog); // accepted, and deleted on close
    }

    void cancelledImportLeavesTheDatabaseUnchanged()
    {
        constexpr int kRows = 20000;
        QByteArray data = "email,name,org_unit,title,external_id\n";
        for (int i = 0; i < kRows; ++i)
            data += QStringLiteral("bulk%1@example.org,Bulk Person %1,Bulk Unit %2,Tester,B-%1\n")
                        .arg(i)
                        .arg(i % 40)
                        .toUtf8();
        const QString path = writeFile(QStringLiteral("big.csv"), data);
        const Counts before = counts();
        PeopleScreen screen(m_demo->workspace());
        QPointer<ImportPeopleDialog> dialog = screen.importFile(path);
        QVERIFY(waitFor(dialog, ImportPeopleDialog::State::Previewed));
        QCOMPARE(dialog->preview().result.inserted, kRows);
        QVERIFY(counts() == before);

        QSignalSpy imported(dialog.data(), &ImportPeopleDialog::imported);
        QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        QCOMPARE(dialog->state(), ImportPeopleDialog::State::Importing);
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QVERIFY(waitFor(dialog, ImportPeopleDialog::State::Cancelled));
        QCOMPARE(imported.count(), 0);
        QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("nothing was changed")),
                 qPrintable(dialog->statusLabel()->text()));
        QVERIFY(counts() == before);
        QVERIFY(!screen.messageBar()->isVisibleTo(&screen));
        // The preview still stands: the import can be run again.
        QVERIFY(dialog->importButton()->isEnabled());
    }

    void personPageListsTheOpenFindingsAPersonOwns()
    {
        // The demo's audits need the bundled checklist plugins (from the build tree), synchronised
        // before the demo is loaded.
        TestDatabase testDb;
        Database db(testDb.conninfo(), QStringLiteral("tester"));
        PluginRuntime plugins(db);
        DemoOrganisation::load(db, QDate::currentDate());
        Workspace workspace(db, &plugins);
        const auto count = [&](const QString& sql, const QVariantList& params) {
            QSqlQuery q = db.exec(sql, params);
            return q.next() ? q.value(0).toInt() : -1;
        };

        // Make one open finding overdue (of an audit still open: a closed one is immutable).
        QSqlQuery q = db.exec(QStringLiteral(
            "SELECT f.id, p.email, pr.key FROM audit_finding f JOIN person p ON p.id = f.owner_id "
            "JOIN audit a ON a.id = f.audit_id JOIN project pr ON pr.id = a.project_id "
            "WHERE f.status IN ('open', 'in-progress') AND a.status <> 'closed' ORDER BY f.id "
            "LIMIT 1"));
        QVERIFY2(q.next(), "the demo organisation has no open finding");
        const qint64 findingId = q.value(0).toLongLong();
        const QString owner = q.value(1).toString();
        const QString project = q.value(2).toString();
        db.exec(QStringLiteral("UPDATE audit_finding SET due_date = current_date - 3 WHERE id = ?"),
                {findingId});
        const int owned = count(
            QStringLiteral("SELECT count(*) FROM audit_finding f JOIN person p ON p.id = "
                           "f.owner_id WHERE p.email = ? AND f.status IN ('open', 'in-progress')"),
            {owner});

        PeopleScreen screen(workspace);
        PersonPage* page = screen.page();
        page->showPerson(owner);
        QTableWidget* findings = page->findingsTable();
        QCOMPARE(findings->rowCount(), owned);
        QVERIFY(findings->isVisibleTo(page));
        int overdueRow = -1;
        for (int row = 0; row < findings->rowCount(); ++row)
            if (findings->item(row, PersonPage::DueColumn)
                    ->text()
                    .contains(QStringLiteral("overdue")))
                overdueRow = row;
        QVERIFY(overdueRow >= 0);
        QCOMPARE(findings->item(overdueRow, PersonPage::ProjectColumn)->text(), project);
        QVERIFY(findings->item(overdueRow, PersonPage::DueColumn)->font().bold());
        QVERIFY(!findings->item(overdueRow, PersonPage::SeverityColumn)->text().isEmpty());
        QVERIFY(!findings->item(overdueRow, PersonPage::AuditColumn)->text().isEmpty());

        QSignalSpy activated(&screen, &PeopleScreen::projectActivated);
        emit findings->cellActivated(overdueRow, PersonPage::ProjectColumn);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), project);

        // Somebody who owns no open finding gets an empty list.
        const QString nobody =
            m_demo
                ->scalar(QStringLiteral("SELECT email FROM person p WHERE NOT EXISTS (SELECT 1 "
                                        "FROM audit_finding f WHERE f.owner_id = p.id) LIMIT 1"))
                .toString();
        page->showPerson(nobody);
        QCOMPARE(page->currentEmail(), nobody);
        QCOMPARE(findings->rowCount(), 0);
        QVERIFY(!findings->isVisibleTo(page));
    }

    void aViewerIsNotOfferedTheImport()
    {
        // A PostgreSQL login that may only read, as a viewer connects.
        const QString role =
            QStringLiteral("people_viewer_%1")
                .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        const QString password = QStringLiteral("pw%1").arg(QRandomGenerator::global()->generate());
        m_demo->db().exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password));
        m_demo->db().exec(
            QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(role));
        Database viewerDb(m_demo->testDatabase().conninfo() +
                              QStringLiteral(" user=%1 password=%2").arg(role, password),
                          QStringLiteral("viewer"));
        Workspace viewer(viewerDb);
        QVERIFY(!viewer.permissions().editPeople);

        PeopleScreen screen(viewer);
        QVERIFY(!screen.importAction()->isEnabled());
        QVERIFY(!screen.importAction()->isVisible());
        for (QToolButton* button : screen.findChildren<QToolButton*>())
            QVERIFY(button->defaultAction() != screen.importAction() ||
                    !button->isVisibleTo(&screen));
        QVERIFY(!screen.importFile(writeFile(QStringLiteral("any.csv"), "email,name\n")));
        // The directory itself still works for a viewer.
        QCOMPARE(screen.model()->rowCount(),
                 m_demo->count(QStringLiteral("SELECT count(*) FROM person")));

        // The manager connection of the fixture is offered it.
        PeopleScreen managerScreen(m_demo->workspace());
        QVERIFY(managerScreen.importAction()->isEnabled());
        QVERIFY(managerScreen.importAction()->isVisible());
    }
};

STEWARD_GUI_TEST_MAIN(PeopleTest)

#include "people_test.moc"
