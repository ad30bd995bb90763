#include "demo/demo_qualifications.h"

#include "db/database.h"
#include "services/qualification_service.h"

#include <steward/builtin_keys.h>

#include <QSqlQuery>

#include <set>

namespace steward {
namespace {

const QString kDomain = QStringLiteral("@demo.steward.example");

struct Completion {
    const char* person;
    const char* qualification;
    int completedOffset; // days from today
    const char* externalId;
};

// Beyond the AI-literacy course everyone but Fatima and Hannah took at some point of the last
// eighteen months (see loadDemoQualifications).
const Completion kCompletions[] = {
    // The course's 24 months run out in about two weeks.
    {"hannah.schmidt", "ai-literacy-basics", -716, "LMS-50231"},
    // Twelve months' validity, completed thirteen months ago: lapsed.
    {"elena.popescu", "human-oversight-high-risk-ai", -400, "LMS-48812"},
    {"elena.popescu", "ai-risk-management", -300, "LMS-49120"},
    {"marcus.weber", "ai-risk-management", -250, "LMS-49544"},
    {"tomas.herrera", "healthcare.clinical-safety-for-ai", -200, "LMS-49870"},
};

// Whom the course given to everyone leaves out: Fatima never took it, Hannah's own completion is
// above.
const char* const kNotInTheCourse[] = {"fatima.elamrani", "hannah.schmidt"};

} // namespace

int loadDemoQualifications(Database& db, const QDate& today)
{
    QualificationService service(db, today);
    std::set<QString> known;
    for (const Qualification& q : service.catalogue())
        if (!q.retired)
            known.insert(q.key);

    std::set<QString> special;
    for (const char* local : kNotInTheCourse)
        special.insert(QString::fromUtf8(local) + kDomain);

    int records = 0;
    // Everyone else took the course in the last eighteen months, spread over the weeks so that
    // renewals do not all fall due on one day.
    QSqlQuery people = db.exec(QStringLiteral("SELECT email FROM person ORDER BY email"));
    int spread = 0;
    while (people.next()) {
        const QString email = people.value(0).toString();
        if (special.count(email))
            continue;
        RecordInput in;
        in.personEmail = email;
        in.qualificationKey =
            QString::fromLatin1(builtin::qualifications::kAiLiteracyBasics.data(),
                                builtin::qualifications::kAiLiteracyBasics.size());
        in.completedOn = today.addDays(-60 - 7 * (spread++ % 70));
        in.externalId = QStringLiteral("LMS-%1").arg(40000 + spread);
        service.record(in);
        ++records;
    }
    for (const Completion& c : kCompletions) {
        const QString key = QString::fromUtf8(c.qualification);
        if (!known.count(key))
            continue;
        RecordInput in;
        in.personEmail = QString::fromUtf8(c.person) + kDomain;
        in.qualificationKey = key;
        in.completedOn = today.addDays(c.completedOffset);
        in.externalId = QString::fromUtf8(c.externalId);
        in.evidenceUrl =
            QStringLiteral("https://lms.demo.steward.example/certificates/%1").arg(in.externalId);
        service.record(in);
        ++records;
    }
    // The clinical triage system asks more of its governance specialist than the catalogue does.
    service.require(QStringLiteral("ai-risk-management"),
                    QString::fromLatin1(builtin::roles::kAiRiskGovernanceSpecialist.data(),
                                        builtin::roles::kAiRiskGovernanceSpecialist.size()),
                    {}, QStringLiteral("CARDIO-TRIAGE"));
    return records;
}

} // namespace steward
