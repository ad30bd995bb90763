// Import and export against a real PostgreSQL database: all-or-nothing CSV imports with every
// problem reported as FILE:LINE: column: ..., idempotent re-imports, and exports that read back.
#include "catalog/catalog_sync.h"
#include "db/database.h"
#include "db/migrator.h"
#include "error.h"
#include "io/assignment_import.h"
#include "io/csv.h"
#include "io/csv_export.h"
#include "io/people_import.h"
#include "services/history_service.h"
#include "services/person_service.h"
#include "services/project_service.h"
#include "services/staffing_service.h"
#include "test_support.h"

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <memory>

namespace steward {
namespace {

QByteArray fixture(const char* name)
{
    QFile f(QStringLiteral(STEWARD_IMPORT_FIXTURES "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Internal, QStringLiteral("missing fixture %1").arg(f.fileName()));
    return f.readAll();
}

std::string str(const QString& s)
{
    return s.toStdString();
}

std::vector<std::string> lines(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& s : list)
        out.push_back(str(s));
    return out;
}

// Everything an import may touch, reduced to one comparable value: row counts, the content of
// each table, and the head of the history's hash chain.
struct Snapshot {
    std::string fingerprint;
    bool operator==(const Snapshot&) const = default;
};

class ImportExportTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        TestCluster::setTemplatePreparer([](const QString& conninfo) {
            Database db(conninfo);
            Migrator(db).migrate();
            syncBuiltinCatalogue(db);
        });
    }

    void SetUp() override
    {
        m_db = std::make_unique<Database>(m_testDatabase.conninfo(), QStringLiteral("tester"));
    }
    void TearDown() override { m_db.reset(); }

    Database& db() { return *m_db; }

    qint64 count(const QString& table)
    {
        QSqlQuery q = db().exec(QStringLiteral("SELECT count(*) FROM ") + table);
        q.next();
        return q.value(0).toLongLong();
    }

    Snapshot snapshot()
    {
        QSqlQuery q = db().exec(
            QStringLiteral("SELECT concat_ws(' | ', (SELECT count(*) FROM person), (SELECT "
                           "count(*) FROM org_unit), "
                           "(SELECT count(*) FROM assignment), (SELECT count(*) FROM history), "
                           "(SELECT md5(string_agg(p::text, ',' ORDER BY id)) FROM person p), "
                           "(SELECT md5(string_agg(u::text, ',' ORDER BY id)) FROM org_unit u), "
                           "(SELECT md5(string_agg(a::text, ',' ORDER BY id)) FROM assignment a), "
                           "(SELECT encode(last_hash, 'hex') FROM history_chain))"));
        q.next();
        return {str(q.value(0).toString())};
    }

    // Runs `import` expecting a rejection; returns the error's details after checking its message.
    template <typename Import>
    std::vector<std::string> rejected(Import import, const QByteArray& data, const QString& file,
                                      int problems)
    {
        const Snapshot before = snapshot();
        try {
            import(db(), data, file);
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Validation);
            EXPECT_EQ(str(e.message()), str(QStringLiteral("%1: %2 %3, nothing was imported")
                                                .arg(file)
                                                .arg(problems)
                                                .arg(problems == 1 ? QStringLiteral("problem")
                                                                   : QStringLiteral("problems"))));
            EXPECT_EQ(snapshot(), before) << "a rejected import changed the database";
            return lines(e.details());
        }
        ADD_FAILURE() << "the import of " << str(file) << " was not rejected";
        return {};
    }

    std::vector<std::string> rejectedPeople(const QByteArray& data, int problems,
                                            const QString& file = QStringLiteral("people.csv"))
    {
        return rejected([](Database& d, const QByteArray& bytes,
                           const QString& name) { return importPeople(d, bytes, name); },
                        data, file, problems);
    }

    Person person(const char* email) { return PersonService(db()).byEmail(QLatin1String(email)); }

    Person addPerson(const char* email, const char* name, const char* externalId = "",
                     bool active = true)
    {
        Person p;
        p.email = QLatin1String(email);
        p.name = QLatin1String(name);
        p.externalId = QLatin1String(externalId);
        p.orgUnit = QStringLiteral("Research");
        p.title = QStringLiteral("Analyst");
        p.active = active;
        return PersonService(db()).add(p);
    }

    void addProject(const char* key)
    {
        Project p;
        p.key = QLatin1String(key);
        p.name = QStringLiteral("Cardiology triage");
        p.description = QStringLiteral("Triage support for cardiology referrals");
        p.industry = Industry::Healthcare;
        ProjectService(db()).add(p);
    }

    void assign(const char* email, const char* role, const char* from, const char* to = nullptr,
                int allocation = 100)
    {
        Assignment a;
        a.projectKey = QStringLiteral("CARDIO-TRIAGE");
        a.personEmail = QLatin1String(email);
        a.roleKey = QLatin1String(role);
        a.from = QDate::fromString(QLatin1String(from), Qt::ISODate);
        if (to)
            a.to = QDate::fromString(QLatin1String(to), Qt::ISODate);
        a.allocationPercent = allocation;
        StaffingService(db()).assign(a);
    }

    void staffProject()
    {
        addPerson("ada@example.org", "Ada Lovelace");
        addPerson("bob@example.org", "Bob Babbage");
        addPerson("ina@example.org", "Ina Inactive", "", false);
        addProject("CARDIO-TRIAGE");
    }

    template <typename Export, typename... Args>
    QByteArray exported(Export exportTo, Args&&... args)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        exportTo(db(), &buffer, std::forward<Args>(args)...);
        return buffer.data();
    }

private:
    TestDatabase m_testDatabase;
    std::unique_ptr<Database> m_db;
};

// People ------------------------------------------------------------------------------------------

TEST_F(ImportExportTest, GoodPeopleFileStoresEveryFieldAndCreatesOrgUnits)
{
    const qint64 historyBefore = count(QStringLiteral("history"));
    const ImportResult r =
        importPeople(db(), fixture("people_good.csv"), QStringLiteral("people_good.csv"));
    EXPECT_EQ(r.inserted, 4);
    EXPECT_EQ(r.updated, 0);
    EXPECT_EQ(r.unchanged, 0);
    EXPECT_EQ(count(QStringLiteral("person")), 4);
    // "research" on Alan's row is the same org unit as "Research", spelled as first mentioned.
    EXPECT_EQ(PersonService(db()).orgUnits(),
              (QStringList{QStringLiteral("Clinical AI"), QStringLiteral("Research")}));
    // One history row per person and per org unit.
    EXPECT_EQ(count(QStringLiteral("history")), historyBefore + 6);

    const Person grace = person("grace@example.org");
    EXPECT_EQ(str(grace.name), "Hopper, Grace");
    EXPECT_EQ(str(grace.orgUnit), "Clinical AI");
    EXPECT_EQ(str(grace.title), "Rear Admiral, retired");
    EXPECT_EQ(str(grace.externalId), "E2");
    EXPECT_TRUE(grace.active);
    const Person alan = person("alan@example.org");
    EXPECT_FALSE(alan.active);
    EXPECT_EQ(str(alan.orgUnit), "Research");
    EXPECT_TRUE(alan.externalId.isEmpty());
    EXPECT_TRUE(alan.title.isEmpty());
    const Person katherine = person("katherine@example.org");
    EXPECT_TRUE(katherine.orgUnit.isEmpty());
    EXPECT_TRUE(katherine.active);
    EXPECT_EQ(katherine.version, 1);
    EXPECT_TRUE(HistoryService(db()).verify().intact);
}

TEST_F(ImportExportTest, ReimportChangesNothing)
{
    const QByteArray data = fixture("people_good.csv");
    importPeople(db(), data, QStringLiteral("people_good.csv"));
    const Snapshot before = snapshot();
    const ImportResult r = importPeople(db(), data, QStringLiteral("people_good.csv"));
    EXPECT_EQ(r.inserted, 0);
    EXPECT_EQ(r.updated, 0);
    EXPECT_EQ(r.unchanged, 4);
    EXPECT_EQ(snapshot(), before) << "no version bump, no history row";
}

TEST_F(ImportExportTest, UpdatesByEmailIgnoringCaseAndKeepsColumnsTheFileLeavesOut)
{
    const Person ada = addPerson("ada@example.org", "Ada Lovelace");
    const qint64 historyBefore = count(QStringLiteral("history"));
    const ImportResult r = importPeople(
        db(), "email,name,title\nADA@Example.org,Ada King,Countess\nnew@example.org,New Person,\n",
        QStringLiteral("people.csv"));
    EXPECT_EQ(r.updated, 1);
    EXPECT_EQ(r.inserted, 1);
    EXPECT_EQ(count(QStringLiteral("person")), 2);
    const Person updated = PersonService(db()).get(ada.id);
    EXPECT_EQ(str(updated.email), "ADA@Example.org");
    EXPECT_EQ(str(updated.name), "Ada King");
    EXPECT_EQ(str(updated.title), "Countess");
    EXPECT_EQ(str(updated.orgUnit), "Research"); // no org_unit column: kept
    EXPECT_EQ(updated.version, ada.version + 1);
    EXPECT_EQ(count(QStringLiteral("history")), historyBefore + 2);
    EXPECT_TRUE(HistoryService(db()).verify().intact);
}

TEST_F(ImportExportTest, UpdatesByExternalIdEvenWhenTheEmailChanges)
{
    const Person ada = addPerson("ada@example.org", "Ada Lovelace", "E1");
    const ImportResult r =
        importPeople(db(), "email,name,external_id\nada.king@example.org,Ada King,E1\n",
                     QStringLiteral("people.csv"));
    EXPECT_EQ(r.updated, 1);
    EXPECT_EQ(r.inserted, 0);
    EXPECT_EQ(count(QStringLiteral("person")), 1);
    const Person updated = PersonService(db()).get(ada.id);
    EXPECT_EQ(str(updated.email), "ada.king@example.org");
    EXPECT_EQ(str(updated.name), "Ada King");
}

TEST_F(ImportExportTest, LinksAnExternalIdToThePersonWithThatEmail)
{
    const Person ada = addPerson("ada@example.org", "Ada Lovelace");
    const ImportResult r =
        importPeople(db(), "email,name,external_id\nada@example.org,Ada Lovelace,E9\n",
                     QStringLiteral("people.csv"));
    EXPECT_EQ(r.updated, 1);
    EXPECT_EQ(str(PersonService(db()).get(ada.id).externalId), "E9");
}

TEST_F(ImportExportTest, ReportsEveryBadRowWithItsLineAndColumn)
{
    const auto details =
        rejectedPeople(fixture("people_bad.csv"), 6, QStringLiteral("people_bad.csv"));
    EXPECT_EQ(details,
              (std::vector<std::string>{
                  "people_bad.csv:3: email: 'bob@' is not an e-mail address",
                  "people_bad.csv:4: name: is empty",
                  "people_bad.csv:5: active: 'maybe' is not one of true, false, yes, no, 1, 0",
                  // Erin's quoted name spans lines 6 and 7, so Frank is on line 8.
                  "people_bad.csv:8: row: has 5 fields, but the header names 6 columns",
                  "people_bad.csv:9: email: ADA@example.org also appears on line 2",
                  "people_bad.csv:10: external_id: E1 also appears on line 2",
              }));
    EXPECT_EQ(count(QStringLiteral("org_unit")), 0);
}

TEST_F(ImportExportTest, RefusesAnEmailThatBelongsToAnotherPerson)
{
    addPerson("ada@example.org", "Ada Lovelace", "E1");
    addPerson("bob@example.org", "Bob Babbage", "E2");
    const auto details = rejectedPeople("email,name,external_id\nok@example.org,Fine,E3\n"
                                        "ada@example.org,Someone,E2\n",
                                        1);
    EXPECT_EQ(details, (std::vector<std::string>{
                           "people.csv:3: email: ada@example.org is the e-mail address of another "
                           "person in the database (Ada Lovelace), not of the person with "
                           "external id E2 (bob@example.org)"}));
}

TEST_F(ImportExportTest, RefusesAnExternalIdThatContradictsTheStoredOne)
{
    addPerson("ada@example.org", "Ada Lovelace", "E1");
    const auto details = rejectedPeople("email,name,external_id\nada@example.org,Ada,E7\n", 1);
    EXPECT_EQ(details, (std::vector<std::string>{
                           "people.csv:2: external_id: E7 differs from the external id E1 stored "
                           "for ada@example.org"}));
}

TEST_F(ImportExportTest, RefusesTwoRowsForOneStoredPerson)
{
    addPerson("ada@example.org", "Ada Lovelace", "E1");
    const auto details = rejectedPeople(
        "email,name,external_id\nada.new@example.org,Ada,E1\nada@example.org,Ada,\n", 1);
    EXPECT_EQ(details, (std::vector<std::string>{"people.csv:3: email: matches the same person in "
                                                 "the database as line 2"}));
}

TEST_F(ImportExportTest, RefusesUnknownAndMissingColumns)
{
    auto details = rejectedPeople("email,name,nickname\nada@example.org,Ada,Countess\n", 1);
    EXPECT_EQ(details, (std::vector<std::string>{
                           "people.csv:1: nickname: unknown column; the columns are email, name, "
                           "org_unit, title, external_id, active"}));
    details = rejectedPeople("email,title\nada@example.org,Countess\n", 1);
    EXPECT_EQ(details, (std::vector<std::string>{
                           "people.csv:1: name: required column is missing from the header"}));
}

TEST_F(ImportExportTest, ReportsAnUnterminatedQuoteWhereItStarts)
{
    const auto details =
        rejectedPeople("email,name\nada@example.org,Ada\nbob@example.org,\"Bob\nBabbage\n", 1);
    ASSERT_EQ(details.size(), 1u);
    EXPECT_EQ(
        details[0].rfind("people.csv:3: the quoted field that starts here is never closed", 0), 0u)
        << details[0];
}

// One run shows the whole list: a syntax error stops the reading where it starts, but every row
// before it is checked as usual, against the file and against the database.
TEST_F(ImportExportTest, ASyntaxErrorStillReportsEveryRowProblemBeforeIt)
{
    const auto details = rejectedPeople("email,name,external_id,active\n"
                                        "ada@example.org,Ada,,yes\n"
                                        "not-an-email,Bob,,\n"
                                        "carol@example.org,,,maybe\n"
                                        "ADA@example.org,Ada again,,\n"
                                        "eve@example.org,\"Eve\n"
                                        "frank@example.org,,,\n",
                                        5);
    ASSERT_EQ(details.size(), 5u);
    EXPECT_EQ(details[0].rfind("people.csv:3: email: ", 0), 0u) << details[0];
    EXPECT_EQ(details[1].rfind("people.csv:4: name: ", 0), 0u) << details[1];
    EXPECT_EQ(details[2].rfind("people.csv:4: active: ", 0), 0u) << details[2];
    EXPECT_EQ(details[3], "people.csv:5: email: ADA@example.org also appears on line 2");
    EXPECT_EQ(
        details[4].rfind("people.csv:6: the quoted field that starts here is never closed", 0), 0u)
        << details[4];
}

TEST_F(ImportExportTest, ReadsByteOrderMarkAndCrLfWithRightLineNumbers)
{
    const QByteArray good = "\xEF\xBB\xBF"
                            "email,name,title\r\nada@example.org,Ada,\"Count\r\ness\"\r\n"
                            "bob@example.org,Bob,\r\n";
    const ImportResult r = importPeople(db(), good, QStringLiteral("people.csv"));
    EXPECT_EQ(r.inserted, 2);
    EXPECT_EQ(str(person("ada@example.org").title), "Count\r\ness");

    const QByteArray bad = "\xEF\xBB\xBF"
                           "email,name\r\ncarol@example.org,\"Carol\r\nC\"\r\nnope,Dan\r\n";
    EXPECT_EQ(rejectedPeople(bad, 1),
              (std::vector<std::string>{"people.csv:4: email: 'nope' is not an e-mail address"}));
}

// Assignments -------------------------------------------------------------------------------------

TEST_F(ImportExportTest, GoodAssignmentsFileStoresAndReimportsUnchanged)
{
    staffProject();
    const QByteArray data = fixture("assignments_good.csv");
    ImportResult r = importAssignments(db(), data, QStringLiteral("assignments_good.csv"));
    EXPECT_EQ(r.inserted, 3);
    const auto stored = StaffingService(db()).assignmentsOf(QStringLiteral("ada@example.org"));
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(count(QStringLiteral("assignment")), 3);

    const Snapshot before = snapshot();
    r = importAssignments(db(), data, QStringLiteral("assignments_good.csv"));
    EXPECT_EQ(r.unchanged, 3);
    EXPECT_EQ(r.inserted + r.updated, 0);
    EXPECT_EQ(snapshot(), before);

    // Same person, project, role and start: the stored assignment is updated, not duplicated.
    r = importAssignments(db(),
                          "email,project,role,from,allocation\n"
                          "ada@example.org,CARDIO-TRIAGE,ai-engineer,2025-07-01,80\n",
                          QStringLiteral("assignments.csv"));
    EXPECT_EQ(r.updated, 1);
    EXPECT_EQ(count(QStringLiteral("assignment")), 3);
    QSqlQuery q = db().exec(QStringLiteral("SELECT allocation_percent, to_date IS NULL FROM "
                                           "assignment WHERE from_date = '2025-07-01'"));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 80);
    EXPECT_TRUE(q.value(1).toBool());
}

TEST_F(ImportExportTest, ReportsEveryBadAssignmentRow)
{
    staffProject();
    db().exec(QStringLiteral("UPDATE role SET retired_at = now() WHERE key = 'prompt-engineer'"));
    assign("bob@example.org", "data-scientist", "2025-01-01", "2025-12-31");
    const auto details = rejected(importAssignments, fixture("assignments_bad.csv"),
                                  QStringLiteral("assignments_bad.csv"), 11);
    EXPECT_EQ(details,
              (std::vector<std::string>{
                  "assignments_bad.csv:2: email: no person with e-mail nobody@example.org",
                  "assignments_bad.csv:3: project: no project with key NO-SUCH",
                  "assignments_bad.csv:4: role: no role with key wizard",
                  "assignments_bad.csv:5: from: '2025-02-30' is not a date (YYYY-MM-DD)",
                  "assignments_bad.csv:6: allocation: 0 is not between 1 and 100 percent",
                  "assignments_bad.csv:7: allocation: 101 is not between 1 and 100 percent",
                  "assignments_bad.csv:8: email: ina@example.org is inactive and cannot take on "
                  "a new role",
                  "assignments_bad.csv:9: role: prompt-engineer is retired and no longer offered "
                  "for new assignments",
                  "assignments_bad.csv:10: to: 2025-01-01 is before the start date 2025-03-01",
                  "assignments_bad.csv:12: from: overlaps line 11, which gives bob@example.org "
                  "the same role on the same project from 2025-01-01 to 2025-06-30",
                  "assignments_bad.csv:13: from: overlaps the stored assignment of "
                  "bob@example.org as data-scientist on CARDIO-TRIAGE from 2025-01-01 to "
                  "2025-12-31",
              }));
}

TEST_F(ImportExportTest, AnAssignmentMayMoveIntoThePeriodAnotherRowFrees)
{
    staffProject();
    assign("ada@example.org", "ai-engineer", "2025-01-01");
    // The file ends the open assignment and starts a new one after it, in one go.
    const ImportResult r =
        importAssignments(db(),
                          "email,project,role,from,to\n"
                          "ada@example.org,CARDIO-TRIAGE,ai-engineer,2025-01-01,2025-03-31\n"
                          "ada@example.org,CARDIO-TRIAGE,ai-engineer,2025-04-01,\n",
                          QStringLiteral("assignments.csv"));
    EXPECT_EQ(r.updated, 1);
    EXPECT_EQ(r.inserted, 1);
}

// Export ------------------------------------------------------------------------------------------

TEST_F(ImportExportTest, ExportsReadBackUnchanged)
{
    importPeople(db(), fixture("people_good.csv"), QStringLiteral("people_good.csv"));
    addPerson("bob@example.org", "Bob Babbage");
    addPerson("ina@example.org", "Ina Inactive", "", false);
    addPerson("zed@example.org", "Zed \"Two\"\nLines");
    addProject("CARDIO-TRIAGE");
    importAssignments(db(), fixture("assignments_good.csv"),
                      QStringLiteral("assignments_good.csv"));

    const QByteArray people = exported(exportPeople);
    EXPECT_EQ(
        people.toStdString(),
        "email,name,org_unit,title,external_id,active\r\n"
        "ada@example.org,Ada Lovelace,Research,Analyst,E1,true\r\n"
        "alan@example.org,Alan Turing,Research,,,false\r\n"
        "bob@example.org,Bob Babbage,Research,Analyst,,true\r\n"
        "grace@example.org,\"Hopper, Grace\",Clinical AI,\"Rear Admiral, retired\",E2,true\r\n"
        "ina@example.org,Ina Inactive,Research,Analyst,,false\r\n"
        "katherine@example.org,Katherine Johnson,,Mathematician,E4,true\r\n"
        "zed@example.org,\"Zed \"\"Two\"\"\nLines\",Research,Analyst,,true\r\n");
    const QByteArray assignments = exported(exportAssignments, QString());
    EXPECT_EQ(assignments.toStdString(),
              "email,project,role,from,to,allocation\r\n"
              "ada@example.org,CARDIO-TRIAGE,ai-engineer,2025-01-01,2025-06-30,50\r\n"
              "ada@example.org,CARDIO-TRIAGE,ai-engineer,2025-07-01,,40\r\n"
              "bob@example.org,CARDIO-TRIAGE,data-scientist,2025-01-01,,100\r\n");

    const Snapshot before = snapshot();
    ImportResult r = importPeople(db(), people, QStringLiteral("people-export.csv"));
    EXPECT_EQ(r.unchanged, 7);
    EXPECT_EQ(r.inserted + r.updated, 0);
    r = importAssignments(db(), assignments, QStringLiteral("assignments-export.csv"));
    EXPECT_EQ(r.unchanged, 3);
    EXPECT_EQ(r.inserted + r.updated, 0);
    EXPECT_EQ(snapshot(), before);
    EXPECT_THROW(exported(exportAssignments, QStringLiteral("NO-SUCH")), Error);
}

TEST_F(ImportExportTest, RaciMatrixShowsLettersPerResponsibilityAndPerson)
{
    staffProject();
    assign("ada@example.org", "ai-engineer", "2025-01-01");
    assign("bob@example.org", "data-scientist", "2025-01-01");
    StaffingService staffing(db());
    const QString project = QStringLiteral("CARDIO-TRIAGE");
    staffing.setRaci(project, QStringLiteral("ai-engineer.develop-models"),
                     QStringLiteral("ada@example.org"), RaciKind::Responsible);
    staffing.setRaci(project, QStringLiteral("ai-engineer.develop-models"),
                     QStringLiteral("ada@example.org"), RaciKind::Accountable);
    staffing.setRaci(project, QStringLiteral("ai-engineer.develop-models"),
                     QStringLiteral("bob@example.org"), RaciKind::Consulted);
    staffing.setRaci(project, QStringLiteral("data-scientist.validate-models"),
                     QStringLiteral("bob@example.org"), RaciKind::Responsible);
    staffing.setRaci(project, QStringLiteral("ai-ethicist.identify-ethical-risks"),
                     QStringLiteral("bob@example.org"), RaciKind::Informed);

    const CsvTable matrix = parseCsv(
        exported([&](Database& d, QIODevice* out) { return exportRaciMatrix(d, project, out); }),
        QStringLiteral("raci.csv"));
    EXPECT_EQ(matrix.header, (QStringList{QStringLiteral("responsibility"), QStringLiteral("text"),
                                          QStringLiteral("role"), QStringLiteral("stage"),
                                          QStringLiteral("required"),
                                          QStringLiteral("Ada Lovelace <ada@example.org>"),
                                          QStringLiteral("Bob Babbage <bob@example.org>")}));
    std::map<std::string, QStringList> rows;
    for (const CsvRecord& r : matrix.records)
        rows[str(r.fields.at(0))] = r.fields;

    ASSERT_TRUE(rows.count("ai-engineer.develop-models"));
    const QStringList develop = rows["ai-engineer.develop-models"];
    EXPECT_EQ(str(develop[2]), "ai-engineer");
    EXPECT_EQ(str(develop[3]), "build");
    EXPECT_EQ(str(develop[4]), "yes");
    EXPECT_EQ(str(develop[5]), "A/R");
    EXPECT_EQ(str(develop[6]), "C");
    EXPECT_EQ(str(rows["data-scientist.validate-models"][6]), "R");
    EXPECT_EQ(str(rows["data-scientist.validate-models"][5]), "");
    // Every duty of a role held on the project, required or not.
    ASSERT_TRUE(rows.count("ai-engineer.keep-current"));
    EXPECT_EQ(str(rows["ai-engineer.keep-current"][4]), "no");
    // A required duty of a role nobody holds still has its row, so the gap shows.
    ASSERT_TRUE(rows.count("data-engineer.build-data-pipelines"));
    EXPECT_EQ(str(rows["data-engineer.build-data-pipelines"][5]), "");
    // Operating duties are not yet due on a project in its concept stage.
    EXPECT_EQ(str(rows["ai-engineer.deploy-to-production"][4]), "no");
    // No row for a duty of an unheld role that is neither required nor used.
    EXPECT_FALSE(rows.count("data-engineer.integrate-sources"));
    EXPECT_THROW(exported([&](Database& d, QIODevice* out) {
                     return exportRaciMatrix(d, QStringLiteral("NO-SUCH"), out);
                 }),
                 Error);
}

// Preview, progress and cancel (what the GUI's import dialog builds on) ------------------------

TEST_F(ImportExportTest, PreviewReportsWhatAnImportWouldDoAndWritesNothing)
{
    addPerson("ada@example.org", "Ada Lovelace", "E1");
    const QByteArray data = "email,name,org_unit,external_id\n"
                            "ada@example.org,Ada King,Research,E1\n"
                            "bob@example.org,Bob Babbage,Research,E2\n"
                            "cy@example.org,Cy Young,,E3\n";
    const Snapshot before = snapshot();
    const ImportPreview preview = previewPeopleImport(db(), data, QStringLiteral("people.csv"));
    EXPECT_TRUE(preview.problems.empty());
    EXPECT_EQ(preview.result.inserted, 2);
    EXPECT_EQ(preview.result.updated, 1);
    EXPECT_EQ(preview.result.unchanged, 0);
    EXPECT_EQ(snapshot(), before) << "a preview changed the database";

    // The import then does exactly what the preview said.
    const ImportResult r = importPeople(db(), data, QStringLiteral("people.csv"));
    EXPECT_EQ(r.inserted, preview.result.inserted);
    EXPECT_EQ(r.updated, preview.result.updated);
}

TEST_F(ImportExportTest, PreviewListsTheSameProblemsTheImportRefusesWith)
{
    const QByteArray data = fixture("people_bad.csv");
    const Snapshot before = snapshot();
    const ImportPreview preview = previewPeopleImport(db(), data, QStringLiteral("people_bad.csv"));
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(preview.result.total(), 0);
    const auto details = rejectedPeople(data, 6, QStringLiteral("people_bad.csv"));
    ASSERT_EQ(preview.problems.size(), details.size());
    for (std::size_t i = 0; i < details.size(); ++i)
        EXPECT_EQ(str(preview.problems[i].text), details[i]);
    EXPECT_EQ(preview.problems[0].line, 3);
    EXPECT_EQ(str(preview.problems[0].column), "email");
    EXPECT_EQ(str(preview.problems[0].what), "'bob@' is not an e-mail address");
    EXPECT_EQ(preview.problems[3].line, 8);
    EXPECT_EQ(str(preview.problems[3].column), "row");

    // A structural CSV problem keeps the line the parser found it on.
    const ImportPreview broken = previewPeopleImport(db(), "email,name\nada@example.org,\"Ada\n",
                                                     QStringLiteral("broken.csv"));
    ASSERT_EQ(broken.problems.size(), std::size_t{1});
    EXPECT_EQ(broken.problems[0].line, 2);
    EXPECT_TRUE(broken.problems[0].column.isEmpty());
}

TEST_F(ImportExportTest, ReportsProgressThroughEveryStage)
{
    constexpr int kRows = 1000;
    QByteArray data = "email,name\n";
    for (int i = 0; i < kRows; ++i)
        data += QStringLiteral("p%1@example.org,Person %1\n").arg(i).toUtf8();
    std::vector<ImportProgress> reports;
    ImportControl control;
    control.progress = [&](const ImportProgress& p) {
        reports.push_back(p);
    };
    const ImportResult r = importPeople(db(), data, QStringLiteral("people.csv"), control);
    EXPECT_EQ(r.inserted, kRows);
    ASSERT_GE(reports.size(), std::size_t{100});
    qint64 previous = -1;
    for (const ImportProgress& p : reports) {
        EXPECT_EQ(p.rowsTotal, kRows);
        EXPECT_GE(p.rowsDone, previous) << "progress went backwards";
        previous = p.rowsDone;
    }
    EXPECT_EQ(reports.front().rowsDone, 0);
    EXPECT_EQ(reports.back().stage, ImportProgress::Stage::Done);
    EXPECT_EQ(reports.back().rowsDone, kRows);
    const auto reached = [&](ImportProgress::Stage stage) {
        return std::any_of(reports.begin(), reports.end(),
                           [&](const ImportProgress& p) { return p.stage == stage; });
    };
    EXPECT_TRUE(reached(ImportProgress::Stage::Checking));
    EXPECT_TRUE(reached(ImportProgress::Stage::Writing));
}

TEST_F(ImportExportTest, ACancelledImportRollsBackAndThrows)
{
    constexpr int kRows = 5000;
    QByteArray data = "email,name,org_unit\n";
    for (int i = 0; i < kRows; ++i)
        data += QStringLiteral("p%1@example.org,Person %1,Unit %2\n").arg(i).arg(i % 7).toUtf8();
    const Snapshot before = snapshot();

    // Stopped half-way through the rows, and again at each later stage.
    for (const ImportProgress::Stage stopAt :
         {ImportProgress::Stage::Staging, ImportProgress::Stage::Checking,
          ImportProgress::Stage::Writing}) {
        std::atomic<bool> cancel{false};
        ImportControl control;
        control.cancel = &cancel;
        control.progress = [&](const ImportProgress& p) {
            if (p.stage == stopAt &&
                (stopAt != ImportProgress::Stage::Staging || p.rowsDone >= kRows / 2))
                cancel = true;
        };
        EXPECT_THROW(importPeople(db(), data, QStringLiteral("people.csv"), control),
                     ImportCancelled);
        EXPECT_EQ(snapshot(), before) << "a cancelled import changed the database";
    }
    // The connection is usable afterwards: no transaction was left open.
    EXPECT_EQ(importPeople(db(), data, QStringLiteral("people.csv")).inserted, kRows);
}

// Volume ------------------------------------------------------------------------------------------

TEST_F(ImportExportTest, ImportsOneHundredThousandPeople)
{
    constexpr int kRows = 100000;
    QByteArray data = "email,name,org_unit,title,external_id,active\n";
    data.reserve(kRows * 80);
    for (int i = 0; i < kRows; ++i)
        data += QStringLiteral("person%1@example.org,Person %1,Unit %2,Engineer,HR-%1,%3\n")
                    .arg(i)
                    .arg(i % 50)
                    .arg(i % 10 == 0 ? QStringLiteral("false") : QStringLiteral("true"))
                    .toUtf8();
    const qint64 historyBefore = count(QStringLiteral("history"));
    const ImportResult r = importPeople(db(), data, QStringLiteral("big.csv"));
    EXPECT_EQ(r.inserted, kRows);
    EXPECT_EQ(count(QStringLiteral("person")), kRows);
    EXPECT_EQ(count(QStringLiteral("org_unit")), 50);
    EXPECT_EQ(count(QStringLiteral("history")), historyBefore + kRows + 50);
    // One transaction wrote 100,050 history rows; the hash chain still links every one of them.
    EXPECT_TRUE(HistoryService(db()).verify().intact);
    EXPECT_EQ(PersonService(db()).count(PersonFilter{{}, {}, false, 0, 0}), kRows / 10);
}

} // namespace
} // namespace steward
