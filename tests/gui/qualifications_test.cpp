// Qualifications in the window, on the demo organisation and its three intended gaps: Fatima never
// took the AI-literacy course her roles require, Elena's oversight training lapsed, Hannah's AI
// literacy lapses in about two weeks. Her page, the Qualifications screen, the RACI editor, the
// project page and the Overview each show them; an LMS import with a bad row is refused whole with
// its line, and a good one records the completion that closes Fatima's gap.
#include "common/message_bar.h"
#include "common/reminder_table.h"
#include "coverage/core_rules.h"
#include "gui_fixture.h"
#include "overview/overview_reminders.h"
#include "overview/overview_screen.h"
#include "people/person_page.h"
#include "people/person_qualifications.h"
#include "people/record_qualification_dialog.h"
#include "projects/project_page.h"
#include "qualifications/import_qualifications_dialog.h"
#include "qualifications/qualifications_screen.h"
#include "raci/raci_editor.h"
#include "raci/raci_matrix_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace steward;
using namespace steward::gui;

namespace {

QString demoEmail(const char* local)
{
    return QString::fromLatin1(local) + QStringLiteral("@demo.steward.example");
}

const QString kFatima = demoEmail("fatima.elamrani");
const QString kHannah = demoEmail("hannah.schmidt");
const QString kElena = demoEmail("elena.popescu");

// The rows of a table whose `column` reads `text`.
QList<int> rowsWith(const QTableWidget* table, int column, const QString& text)
{
    QList<int> rows;
    for (int r = 0; r < table->rowCount(); ++r)
        if (const QTableWidgetItem* item = table->item(r, column); item && item->text() == text)
            rows << r;
    return rows;
}

QString cellText(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class QualificationsTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DemoWorkspace> m_demo;
    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static bool waitForImport(const QPointer<ImportQualificationsDialog>& dialog)
    {
        return QTest::qWaitFor(
            [&] {
                return !dialog || dialog->state() != ImportQualificationsDialog::State::Importing;
            },
            60000);
    }

    // Runs `body` with a workspace on a fresh login that is a member of `group` (steward_viewer,
    // steward_manager), as the window would be for such a user.
    template <class Body>
    void asMemberOf(const QString& group, Body body)
    {
        const QString role =
            QStringLiteral("steward_gui_q_%1")
                .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        const QString password = QStringLiteral("pw-%1").arg(QRandomGenerator::global()->generate(),
                                                             8, 16, QLatin1Char('0'));
        m_demo->db().exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE %3")
                              .arg(role, password, group));
        const QString database =
            m_demo->scalar(QStringLiteral("SELECT current_database()")).toString();
        const QString conninfo = withDatabase(m_demo->testDatabase().conninfo(), database) +
                                 QStringLiteral(" user=%1 password=%2").arg(role, password);
        {
            Database db(conninfo, group);
            Workspace workspace(db);
            body(workspace);
        }
        m_demo->db().exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        m_demo->db().exec(QStringLiteral("DROP ROLE %1").arg(role));
    }

    int records()
    {
        return m_demo->count(QStringLiteral("SELECT count(*) FROM qualification_record"));
    }

private slots:
    void init() { m_demo = std::make_unique<DemoWorkspace>(); }
    void cleanup() { m_demo.reset(); }

    void personPageShowsWhatIsMissingExpiredAndExpiring()
    {
        PersonPage page(m_demo->workspace());
        const QDate today = QDate::currentDate();

        // Fatima holds nothing; the page says what her projects require of her.
        page.showPerson(kFatima);
        PersonQualifications* q = page.qualifications();
        QCOMPARE(q->table()->rowCount(), 0);
        QCOMPARE(q->titleLabel()->text(), QStringLiteral("Qualifications: none recorded"));
        QVERIFY(!q->gapsLabel()->isHidden());
        const QString gaps = q->gapsLabel()->text();
        QVERIFY2(gaps.contains(QStringLiteral("SEPSIS-ALERT: ")), qPrintable(gaps));
        QVERIFY2(gaps.contains(QStringLiteral("POLICY-ASSIST: ")), qPrintable(gaps));
        QVERIFY2(gaps.contains(QStringLiteral("ai-literacy-basics")), qPrintable(gaps));

        // Elena's oversight training lapsed: expired, with how long ago.
        page.showPerson(kElena);
        q = page.qualifications();
        const QList<int> oversight = rowsWith(q->table(), PersonQualifications::NameColumn,
                                              QStringLiteral("Human oversight of high-risk AI"));
        QCOMPARE(oversight.size(), 1);
        QVERIFY2(cellText(q->table(), oversight[0], PersonQualifications::StateColumn)
                     .startsWith(QStringLiteral("Expired ")),
                 qPrintable(cellText(q->table(), oversight[0], PersonQualifications::StateColumn)));
        QVERIFY(cellText(q->table(), oversight[0], PersonQualifications::EvidenceColumn)
                    .contains(QStringLiteral("LMS-48812")));
        QVERIFY(q->gapsLabel()->text().contains(QStringLiteral("CARDIO-TRIAGE: ")));
        // Her lapsed training is overdue in her reminders.
        ReminderTable* reminders = page.remindersTable();
        QVERIFY(
            !rowsWith(reminders, ReminderTable::KindColumn, QStringLiteral("Qualification expires"))
                 .isEmpty());
        QVERIFY(reminders->overdueCount() >= 1);

        // Hannah's AI literacy is valid but lapses within the warning window.
        page.showPerson(kHannah);
        q = page.qualifications();
        QCOMPARE(q->table()->rowCount(), 1);
        const QString state = cellText(q->table(), 0, PersonQualifications::StateColumn);
        QVERIFY2(state.startsWith(QStringLiteral("Expires in ")), qPrintable(state));
        QCOMPARE(q->titleLabel()->text(),
                 QStringLiteral("Qualifications: 1 recorded, 1 valid today"));
        QVERIFY(q->gapsLabel()->text().contains(QStringLiteral("CREDIT-SCORE: ")));
        reminders = page.remindersTable();
        const QList<int> due =
            rowsWith(reminders, ReminderTable::KindColumn, QStringLiteral("Qualification expires"));
        QCOMPARE(due.size(), 1);
        const Reminder& r = reminders->reminders()[static_cast<std::size_t>(due[0])];
        QVERIFY(r.due > today && r.due <= today.addDays(30));
        QVERIFY(reminders->isColumnHidden(ReminderTable::PersonColumn));
        QVERIFY(
            page.remindersTitle()->text().startsWith(QStringLiteral("Due in the next 30 days")));
    }

    void screenListsTheCatalogueAndWhoHoldsWhat()
    {
        QualificationsScreen screen(m_demo->workspace());
        QVERIFY(screen.waitUntilIdle());
        QTableWidget* catalogue = screen.catalogueTable();
        const QList<int> literacy = rowsWith(catalogue, QualificationsScreen::KeyColumn,
                                             QStringLiteral("ai-literacy-basics"));
        QCOMPARE(literacy.size(), 1);
        QCOMPARE(cellText(catalogue, literacy[0], QualificationsScreen::SourceColumn),
                 QStringLiteral("Built-in"));
        QCOMPARE(cellText(catalogue, literacy[0], QualificationsScreen::ValidityColumn),
                 QStringLiteral("24 months"));
        QVERIFY(!rowsWith(catalogue, QualificationsScreen::KeyColumn,
                          QStringLiteral("human-oversight-high-risk-ai"))
                     .isEmpty());
        // The administrator may import (the test's login owns the database).
        QVERIFY(screen.importButton()->isEnabled());

        QVERIFY(screen.showQualification(QStringLiteral("ai-literacy-basics")));
        QTableWidget* holders = screen.holdersTable();
        QVERIFY(holders->rowCount() > 10);
        const QList<int> hannah =
            rowsWith(holders, QualificationsScreen::PersonColumn, QStringLiteral("Hannah Schmidt"));
        QCOMPARE(hannah.size(), 1);
        QVERIFY(cellText(holders, hannah[0], QualificationsScreen::StateColumn)
                    .startsWith(QStringLiteral("Expires in ")));
        // The soonest to lapse first: Hannah's is the only one within a month.
        QCOMPARE(hannah[0], 0);
        QVERIFY(rowsWith(holders, QualificationsScreen::PersonColumn,
                         QStringLiteral("Fatima Zahra El Amrani"))
                    .isEmpty());
        QVERIFY2(screen.requiredLabel()->text().contains(QStringLiteral("everyone")),
                 qPrintable(screen.requiredLabel()->text()));

        QVERIFY(screen.showQualification(QStringLiteral("human-oversight-high-risk-ai")));
        const QList<int> elena =
            rowsWith(holders, QualificationsScreen::PersonColumn, QStringLiteral("Elena Popescu"));
        QCOMPARE(elena.size(), 1);
        QVERIFY(cellText(holders, elena[0], QualificationsScreen::StateColumn)
                    .startsWith(QStringLiteral("Expired ")));

        QSignalSpy opened(&screen, &QualificationsScreen::personActivated);
        emit holders->cellActivated(elena[0], 0);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), kElena);
    }

    void raciEditorAndProjectPageMarkUnqualifiedHolders()
    {
        RaciEditor editor(m_demo->workspace());
        QVERIFY(editor.openProject(QStringLiteral("SEPSIS-ALERT")));
        const RaciMatrixModel* model = editor.model();
        auto codes = [model](const QString& email) {
            return model
                ->headerData(model->personColumn(email), Qt::Horizontal,
                             RaciMatrixModel::QualificationFindingsRole)
                .toStringList();
        };
        QVERIFY(model->personColumn(kFatima) > 0);
        QCOMPARE(codes(kFatima),
                 QStringList{QString::fromLatin1(coverage_code::UnqualifiedHolder)});
        QCOMPARE(codes(kHannah),
                 QStringList{QString::fromLatin1(coverage_code::QualificationExpiring)});
        const QString name =
            model->headerData(model->personColumn(kFatima), Qt::Horizontal, Qt::DisplayRole)
                .toString();
        QVERIFY2(name.startsWith(QStringLiteral("\u26a0 ")), qPrintable(name));
        const QString tip =
            model->headerData(model->personColumn(kFatima), Qt::Horizontal, Qt::ToolTipRole)
                .toString();
        QVERIFY2(tip.contains(QStringLiteral("AI literacy")), qPrintable(tip));
        // Everyone else on the project holds what they need and is not marked.
        int marked = 0;
        for (int c = 1; c < model->columnCount(); ++c)
            if (!model->headerData(c, Qt::Horizontal, RaciMatrixModel::QualificationFindingsRole)
                     .toStringList()
                     .isEmpty())
                ++marked;
        QCOMPARE(marked, 2);

        ProjectPage page(m_demo->workspace());
        page.showProject(QStringLiteral("SEPSIS-ALERT"));
        int unfit = 0;
        bool fatimaMarked = false;
        for (QTreeWidgetItemIterator it(page.teamTree()); *it; ++it) {
            if (!(*it)->data(0, ProjectPage::UnqualifiedRole).toBool())
                continue;
            ++unfit;
            if ((*it)->toolTip(0).startsWith(kFatima)) {
                fatimaMarked = true;
                QVERIFY((*it)->text(0).startsWith(QStringLiteral("\u26a0 ")));
                QVERIFY((*it)->toolTip(0).contains(QStringLiteral("ai-literacy-basics")));
            }
        }
        QVERIFY(fatimaMarked);
        QCOMPARE(unfit, 2); // Fatima and Hannah
    }

    void importRefusesABadFileWholeWithItsLines()
    {
        QualificationsScreen screen(m_demo->workspace());
        QVERIFY(screen.waitUntilIdle());
        const int before = records();
        const QDate done = QDate::currentDate().addDays(-3);
        // A good row first, then a person who does not exist and a day that is no date.
        const QString path = writeFile(QStringLiteral("lms-bad.csv"),
                                       QStringLiteral("email,qualification,completed_on\n"
                                                      "%1,ai-literacy-basics,%2\n"
                                                      "nobody@example.org,ai-literacy-basics,%2\n"
                                                      "%1,ai-literacy-basics,01/03/2026\n")
                                           .arg(kFatima, done.toString(Qt::ISODate))
                                           .toUtf8());
        QPointer<ImportQualificationsDialog> dialog = screen.importFile(path);
        QVERIFY(waitForImport(dialog));
        QCOMPARE(dialog->state(), ImportQualificationsDialog::State::Refused);
        QTableWidget* problems = dialog->problemsTable();
        QCOMPARE(problems->rowCount(), 2);
        QCOMPARE(cellText(problems, 0, 0), QStringLiteral("3"));
        QCOMPARE(cellText(problems, 0, 1), QStringLiteral("email"));
        QCOMPARE(cellText(problems, 1, 0), QStringLiteral("4"));
        QCOMPARE(cellText(problems, 1, 1), QStringLiteral("completed_on"));
        QVERIFY(dialog->summaryLabel()->text().contains(QStringLiteral("nothing was imported")));
        QCOMPARE(records(), before); // not even the good row
        delete dialog;

        // The fixture the CLI's tests use: every problem listed, each with its line.
        QPointer<ImportQualificationsDialog> fixture =
            screen.importFile(QStringLiteral(STEWARD_QUALIFICATION_FIXTURES "/lms-export-bad.csv"));
        QVERIFY(waitForImport(fixture));
        QCOMPARE(fixture->state(), ImportQualificationsDialog::State::Refused);
        QVERIFY(fixture->problemsTable()->rowCount() >= 6);
        for (int r = 0; r < fixture->problemsTable()->rowCount(); ++r)
            QVERIFY(cellText(fixture->problemsTable(), r, 0).toInt() >= 2);
        QCOMPARE(records(), before);
        delete fixture;
    }

    void importRecordsTheCompletionThatClosesTheGap()
    {
        QualificationsScreen screen(m_demo->workspace());
        QVERIFY(screen.waitUntilIdle());
        QSignalSpy changed(&screen, &QualificationsScreen::qualificationsChanged);
        const int before = records();
        const QString path =
            writeFile(QStringLiteral("lms-good.csv"),
                      QStringLiteral("email,qualification,completed_on,external_id\n"
                                     "%1,ai-literacy-basics,%2,LMS-77001\n")
                          .arg(kFatima, QDate::currentDate().addDays(-1).toString(Qt::ISODate))
                          .toUtf8());
        QPointer<ImportQualificationsDialog> dialog = screen.importFile(path);
        QVERIFY(waitForImport(dialog));
        QCOMPARE(dialog->state(), ImportQualificationsDialog::State::Imported);
        QCOMPARE(dialog->result().inserted, 1);
        QCOMPARE(records(), before + 1);
        QCOMPARE(changed.size(), 1);
        QVERIFY(screen.waitUntilIdle());
        QVERIFY(screen.showQualification(QStringLiteral("ai-literacy-basics")));
        QCOMPARE(rowsWith(screen.holdersTable(), QualificationsScreen::PersonColumn,
                          QStringLiteral("Fatima Zahra El Amrani"))
                     .size(),
                 1);
        delete dialog;

        PersonPage page(m_demo->workspace());
        page.showPerson(kFatima);
        QCOMPARE(page.qualifications()->table()->rowCount(), 1);
        QCOMPARE(cellText(page.qualifications()->table(), 0, PersonQualifications::StateColumn),
                 QStringLiteral("Valid"));
        QVERIFY(page.qualifications()->gapsLabel()->isHidden());
    }

    void recordDialogStoresACompletionOrSaysWhyNot()
    {
        PersonPage page(m_demo->workspace());
        page.showPerson(kFatima);
        QVERIFY(page.qualifications()->recordButton()->isEnabled());
        const int before = records();

        RecordQualificationDialog dialog(m_demo->workspace(), kFatima,
                                         QStringLiteral("Fatima Zahra El Amrani"));
        QComboBox* box = dialog.qualificationBox();
        const int literacy = box->findData(QStringLiteral("ai-literacy-basics"));
        QVERIFY(literacy >= 0);
        box->setCurrentIndex(literacy);
        dialog.completedEdit()->setDate(QDate::currentDate().addDays(-2));
        // An expiry before the completion: the service refuses it, the dialog stays open.
        dialog.fromValidityBox()->setChecked(false);
        QVERIFY(dialog.expiresEdit()->isEnabled());
        dialog.expiresEdit()->setDate(QDate::currentDate().addDays(-10));
        dialog.accept();
        QCOMPARE(dialog.result(), int{QDialog::Rejected}); // not accepted
        QCOMPARE(dialog.messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY(!dialog.messageBar()->text().isEmpty());
        QCOMPARE(records(), before);

        dialog.fromValidityBox()->setChecked(true);
        dialog.evidenceUrlEdit()->setText(QStringLiteral("https://lms.example.org/c/1"));
        dialog.accept();
        QCOMPARE(dialog.result(), int{QDialog::Accepted});
        QCOMPARE(records(), before + 1);
        QCOMPARE(dialog.recorded().qualificationKey, QStringLiteral("ai-literacy-basics"));
        QCOMPARE(dialog.recorded().expiresOn, QDate::currentDate().addDays(-2).addMonths(24));

        page.showPerson(kFatima);
        QCOMPARE(cellText(page.qualifications()->table(), 0, PersonQualifications::EvidenceColumn),
                 QStringLiteral("https://lms.example.org/c/1"));
    }

    void aViewerMayNotRecordOrImportAManagerMay()
    {
        asMemberOf(QStringLiteral("steward_viewer"), [](Workspace& viewer) {
            QVERIFY(!viewer.permissions().recordQualifications);
            QualificationsScreen screen(viewer);
            QVERIFY(screen.waitUntilIdle());
            QVERIFY(screen.catalogueTable()->rowCount() >= 3); // reading is allowed
            QVERIFY(!screen.importButton()->isEnabled());
            PersonPage page(viewer);
            page.showPerson(kHannah);
            QCOMPARE(page.qualifications()->table()->rowCount(), 1);
            QVERIFY(!page.qualifications()->recordButton()->isEnabled());
        });
        asMemberOf(QStringLiteral("steward_manager"), [](Workspace& manager) {
            QVERIFY(manager.permissions().recordQualifications);
            QualificationsScreen screen(manager);
            QVERIFY(screen.importButton()->isEnabled());
            PersonPage page(manager);
            page.showPerson(kHannah);
            QVERIFY(page.qualifications()->recordButton()->isEnabled());
        });
    }

    void overviewListsTheOrganisationsReminders()
    {
        OverviewScreen overview(m_demo->workspace());
        QVERIFY(overview.waitUntilIdle());
        ReminderTable* table = overview.reminders()->table();
        QVERIFY(!table->isColumnHidden(ReminderTable::PersonColumn));
        const QList<int> lapsing =
            rowsWith(table, ReminderTable::KindColumn, QStringLiteral("Qualification expires"));
        QStringList people;
        for (int r : lapsing)
            people << cellText(table, r, ReminderTable::PersonColumn);
        QVERIFY2(people.contains(QStringLiteral("Hannah Schmidt")),
                 qPrintable(people.join(QLatin1Char(','))));
        QVERIFY2(people.contains(QStringLiteral("Elena Popescu")),
                 qPrintable(people.join(QLatin1Char(','))));
        // Soonest first: whatever is overdue leads the list.
        for (std::size_t i = 1; i < table->reminders().size(); ++i)
            QVERIFY(table->reminders()[i - 1].due <= table->reminders()[i].due);
        QVERIFY(table->overdueCount() >= 1);
        QVERIFY(table->reminders().front().overdueOn(QDate::currentDate()));
        QVERIFY2(overview.reminders()->headline()->text().contains(
                     QStringLiteral("for the next 30 days")),
                 qPrintable(overview.reminders()->headline()->text()));

        QSignalSpy person(&overview, &OverviewScreen::personActivated);
        emit table->cellActivated(lapsing[0], 0);
        QCOMPARE(person.size(), 1);
    }
};

STEWARD_GUI_TEST_MAIN(QualificationsTest)
#include "qualifications_test.moc"
