// Crosswalks between checklists: the bundled ones (EU AI Act, ISO/IEC 42001, NIST AI RMF) import
// against the real checklists, a bad crosswalk is refused whole with its lines, only
// administrators may import, and mappings are used: evidence of a mapped item in another audit of
// the project is offered, and the project's coverage counts items satisfied through a mapping.
#include "audit_fixture.h"
#include "checklists/checklist_import.h"
#include "checklists/crosswalk.h"
#include "test_support.h"

#include <QDir>

namespace steward {
namespace {

QString bundled(const QString& name)
{
    return QStringLiteral(STEWARD_BUNDLED_CHECKLISTS "/") + name;
}
QString fixture(const char* name)
{
    return QStringLiteral(STEWARD_CHECKLIST_FIXTURES "/files/") + QString::fromLatin1(name);
}

class CrosswalkTest : public AuditTest {
protected:
    void SetUp() override
    {
        AuditTest::SetUp();
        ChecklistImport(db()).import(
            readChecklistFile(bundled(QStringLiteral("iso-iec-42001-2023.yaml"))));
    }

    void importBundledCrosswalks()
    {
        for (const QString& name : QDir(bundled(QStringLiteral("crosswalks")))
                                       .entryList({QStringLiteral("*.yaml")}, QDir::Files))
            importCrosswalk(db(), readCrosswalkFile(bundled(QStringLiteral("crosswalks/") + name)));
    }

    QString mappingSnapshot()
    {
        return scalar(QStringLiteral("SELECT count(*) || ':' || coalesce(md5(string_agg(m::text, "
                                     "',' ORDER BY m.id)), '') || ':' || (SELECT count(*) FROM "
                                     "history) FROM checklist_mapping m"))
            .toString();
    }
};

TEST_F(CrosswalkTest, TheBundledCrosswalksMatchTheBundledChecklists)
{
    std::map<QString, int> added;
    for (const QString& name : QDir(bundled(QStringLiteral("crosswalks")))
                                   .entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
        const CrosswalkFile file = readCrosswalkFile(bundled(QStringLiteral("crosswalks/") + name));
        ASSERT_TRUE(file.problems.isEmpty()) << file.problems.join(u'\n').toStdString();
        const CrosswalkImportResult r = importCrosswalk(db(), file);
        EXPECT_EQ(r.added, static_cast<int>(file.mappings.size())) << name.toStdString();
        added[name] = r.added;
        for (const ChecklistMapping& m : file.mappings)
            EXPECT_GT(m.rationale.size(), 40)
                << "a rationale says why: " << m.sourceItem.toStdString();
    }
    EXPECT_EQ(added.size(), 3u);
    // The examples of the issue are there, with their rationale.
    for (const auto& [source, target] :
         {std::pair{"Art. 9(2)", "A.5.2"}, std::pair{"Art. 4", "A.4.6"}}) {
        EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_mapping WHERE "
                                       "source_checklist = 'eu-ai-act' AND source_item = ? AND "
                                       "target_checklist = 'iso-iec-42001' AND target_item = ?"),
                        {QString::fromLatin1(source), QString::fromLatin1(target)}),
                  1);
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM checklist_mapping WHERE source_item = "
                                   "'A.4.6' AND target_checklist = 'nist-ai-rmf' AND "
                                   "target_item = 'GOVERN 2.2'")),
              1);
    EXPECT_GT(count(QStringLiteral("SELECT count(*) FROM checklist_mapping WHERE source_item = "
                                   "'Art. 9(2)' AND target_checklist = 'nist-ai-rmf' AND "
                                   "(target_item LIKE 'MAP %' OR target_item LIKE 'MEASURE %' OR "
                                   "target_item LIKE 'MANAGE %')")),
              0);

    // Importing them again writes nothing.
    const QString before = mappingSnapshot();
    importBundledCrosswalks();
    EXPECT_EQ(mappingSnapshot(), before);
}

TEST_F(CrosswalkTest, ABadCrosswalkIsRefusedWholeWithItsLines)
{
    importBundledCrosswalks();
    const QString before = mappingSnapshot();
    const CrosswalkFile file = readCrosswalkFile(fixture("crosswalk-broken.yaml"));
    try {
        importCrosswalk(db(), file);
        FAIL() << "a broken crosswalk must be refused";
    } catch (const Error& e) {
        QStringList lines;
        for (const QString& d : e.details())
            lines << d.mid(file.path.size() + 1);
        EXPECT_EQ(lines.join(u'\n').toStdString(),
                  "10: relation overlaps is not one of equal, subset, superset, intersect\n"
                  "14: the mapping Art. 9(2) -> A.6.1.3 has no rationale: say why they "
                  "correspond\n"
                  "6: checklist eu-ai-act has no item Art. 99\n"
                  "17: there is no checklist iso-27001 (see `steward checklist list`)");
    }
    EXPECT_EQ(mappingSnapshot(), before);
}

TEST_F(CrosswalkTest, OnlyAdministratorsMayImportACrosswalk)
{
    const CrosswalkFile file = readCrosswalkFile(fixture("crosswalk.csv"));
    ASSERT_TRUE(file.problems.isEmpty()) << file.problems.join(u'\n').toStdString();
    const QString before = mappingSnapshot();
    Database manager(createLoginRole(conninfo(), QStringLiteral("steward_manager")));
    EXPECT_THROW(importCrosswalk(manager, file), Error);
    EXPECT_EQ(mappingSnapshot(), before);
    Database admin(createLoginRole(conninfo(), QStringLiteral("steward_admin")));
    EXPECT_EQ(importCrosswalk(admin, file).added, 2);
}

TEST_F(CrosswalkTest, EvidenceOfAMappedItemIsOfferedAndCountsAcrossFrameworks)
{
    importBundledCrosswalks();
    importCrosswalk(db(), readCrosswalkFile(fixture("crosswalk.csv"))); // Art. 12(1) ⊇ A.6.2.8
    const Audit act = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("eu-ai-act"));
    const Audit iso = plan(QStringLiteral("LOAN-RISK"), QStringLiteral("iso-iec-42001"));
    const Audit other = plan(QStringLiteral("AD-COPY"), QStringLiteral("eu-ai-act"));
    AuditService audits(db());
    EvidenceInput risk;
    risk.url = QStringLiteral("https://wiki.example.org/loan-risk/risk-register");
    risk.description = QStringLiteral("Risk register");
    audits.attachEvidence(act.id, {QStringLiteral("Art. 9(2)")}, risk, kLead);
    EvidenceInput elsewhere;
    elsewhere.url = QStringLiteral("https://wiki.example.org/ad-copy/risks");
    audits.attachEvidence(other.id, {QStringLiteral("Art. 4")}, elsewhere, kLead);

    // Art. 9(2) maps to A.5.2 and A.6.1.3: its evidence is offered for both, and nothing from the
    // other project's audit is.
    std::vector<MappedEvidenceOffer> offers = mappedEvidenceOffers(db(), iso.id);
    ASSERT_EQ(offers.size(), 2u);
    EXPECT_EQ(offers[0].itemId, QStringLiteral("A.5.2"));
    EXPECT_EQ(offers[1].itemId, QStringLiteral("A.6.1.3"));
    for (const MappedEvidenceOffer& o : offers) {
        EXPECT_EQ(o.fromAuditId, act.id);
        EXPECT_EQ(o.fromItemId, QStringLiteral("Art. 9(2)"));
        EXPECT_EQ(o.evidenceLocation, risk.url);
        EXPECT_FALSE(o.rationale.isEmpty());
        EXPECT_TRUE(o.sentence().contains(
            QStringLiteral("backs eu-ai-act Art. 9(2) in audit %1").arg(act.id)))
            << o.sentence().toStdString();
    }
    // And the other way round: nothing in the ISO audit yet to offer to the AI Act audit.
    EXPECT_TRUE(mappedEvidenceOffers(db(), act.id).empty());
    // Once attached here too, it is no longer offered for that item.
    audits.attachEvidence(iso.id, {QStringLiteral("A.5.2")}, risk, kLead);
    offers = mappedEvidenceOffers(db(), iso.id);
    ASSERT_EQ(offers.size(), 1u);
    EXPECT_EQ(offers[0].itemId, QStringLiteral("A.6.1.3"));
    // The ISO evidence is now offered to the AI Act audit through the same mapping.
    offers = mappedEvidenceOffers(db(), act.id);
    EXPECT_TRUE(offers.empty()) << "the same evidence is already linked there";

    // Coverage across frameworks.
    audits.assess(act.id, QStringLiteral("Art. 9(2)"), QStringLiteral("satisfied"), {}, kLead);
    audits.assess(act.id, QStringLiteral("Art. 12(1)"), QStringLiteral("satisfied"), {}, kLead);
    audits.assess(iso.id, QStringLiteral("A.2.2"), QStringLiteral("satisfied"), {}, kLead);
    const std::vector<FrameworkCoverage> coverage =
        crossFrameworkCoverage(db(), QStringLiteral("LOAN-RISK"));
    ASSERT_EQ(coverage.size(), 2u);
    const FrameworkCoverage& actCoverage = coverage[0];
    const FrameworkCoverage& isoCoverage = coverage[1];
    EXPECT_EQ(actCoverage.checklistKey, QStringLiteral("eu-ai-act"));
    EXPECT_EQ(isoCoverage.checklistKey, QStringLiteral("iso-iec-42001"));
    EXPECT_EQ(actCoverage.direct, 2);
    const auto statusOf = [](const FrameworkCoverage& c, const char* id) {
        for (const FrameworkCoverageItem& i : c.items)
            if (i.itemId == QLatin1String(id))
                return (i.status + QLatin1Char(' ') + i.through).trimmed().toStdString();
        return std::string("missing");
    };
    EXPECT_EQ(statusOf(isoCoverage, "A.2.2"), "direct");
    // Art. 12(1) asks more than A.6.2.8 (superset): wholly covered through it.
    EXPECT_EQ(statusOf(isoCoverage, "A.6.2.8"),
              QStringLiteral("mapped eu-ai-act Art. 12(1) (audit %1, superset)")
                  .arg(act.id)
                  .toStdString());
    // Art. 9(2) only overlaps A.5.2: partly.
    EXPECT_EQ(statusOf(isoCoverage, "A.5.2"),
              QStringLiteral("partly eu-ai-act Art. 9(2) (audit %1, intersect)")
                  .arg(act.id)
                  .toStdString());
    EXPECT_EQ(statusOf(isoCoverage, "A.10.4"), "open");
    EXPECT_EQ(isoCoverage.direct, 1);
    EXPECT_EQ(isoCoverage.mapped, 1);
    EXPECT_EQ(isoCoverage.partly, 2); // A.5.2 and A.6.1.3
    EXPECT_EQ(isoCoverage.direct + isoCoverage.mapped + isoCoverage.partly + isoCoverage.open,
              static_cast<int>(isoCoverage.items.size()));
    EXPECT_EQ(isoCoverage.items.size(), 65u);
    EXPECT_THROW(crossFrameworkCoverage(db(), QStringLiteral("NO-SUCH")), Error);
}

} // namespace
} // namespace steward
