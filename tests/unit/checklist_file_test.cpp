// Checklist files read without a database: Steward's own format, CISO Assistant libraries and
// OSCAL catalogs; every problem of a broken file with its line; writing and reading back.
#include "checklists/checklist_file.h"
#include "error.h"

#include <QFile>

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

namespace steward {
namespace {

QString fixture(const char* name)
{
    return QStringLiteral(STEWARD_CHECKLIST_FIXTURES "/files/") + QString::fromLatin1(name);
}

std::vector<std::string> itemIds(const ChecklistSpec& spec)
{
    std::vector<std::string> ids;
    for (const ChecklistSection& s : spec.sections)
        for (const ChecklistItem& i : s.items)
            ids.push_back(i.id);
    return ids;
}

const ChecklistItem* findItem(const ChecklistSpec& spec, const std::string& id)
{
    for (const ChecklistSection& s : spec.sections)
        for (const ChecklistItem& i : s.items)
            if (i.id == id)
                return &i;
    return nullptr;
}

// The problems without the file name, "LINE: message", one a line.
std::string problemsOf(const ChecklistFile& file)
{
    QStringList lines;
    for (const QString& p : file.problems)
        lines << p.mid(file.path.size() + 1);
    return lines.join(u'\n').toStdString();
}

std::string lines(const QStringList& list)
{
    return list.join(u'\n').toStdString();
}

void expectSameContent(const ChecklistSpec& a, const ChecklistSpec& b)
{
    EXPECT_EQ(a.key, b.key);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.framework, b.framework);
    EXPECT_EQ(a.version, b.version);
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.licence, b.licence);
    ASSERT_EQ(a.sections.size(), b.sections.size());
    for (std::size_t s = 0; s < a.sections.size(); ++s) {
        const ChecklistSection& x = a.sections[s];
        const ChecklistSection& y = b.sections[s];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.title, y.title);
        EXPECT_EQ(x.description, y.description);
        ASSERT_EQ(x.items.size(), y.items.size()) << x.id;
        for (std::size_t i = 0; i < x.items.size(); ++i) {
            const ChecklistItem& p = x.items[i];
            const ChecklistItem& q = y.items[i];
            EXPECT_EQ(p.id, q.id);
            EXPECT_EQ(p.text, q.text) << p.id;
            EXPECT_EQ(p.guidance, q.guidance) << p.id;
            EXPECT_EQ(p.expectedEvidence, q.expectedEvidence) << p.id;
            EXPECT_EQ(p.roleKey, q.roleKey) << p.id;
            EXPECT_EQ(p.reference, q.reference) << p.id;
            EXPECT_EQ(p.applies.riskTiers, q.applies.riskTiers) << p.id;
            EXPECT_EQ(p.applies.actors, q.applies.actors) << p.id;
            EXPECT_EQ(p.applies.industries, q.applies.industries) << p.id;
        }
    }
}

TEST(ChecklistFile, ReadsEveryFieldOfStewardsFormat)
{
    const ChecklistFile file = readChecklistFile(fixture("acme-ai-policy.yaml"));
    ASSERT_TRUE(file.problems.isEmpty()) << file.problems.join(u'\n').toStdString();
    EXPECT_EQ(file.format, ChecklistFileFormat::Steward);
    EXPECT_EQ(file.name, QStringLiteral("acme-ai-policy.yaml"));
    EXPECT_EQ(file.sha256.size(), 64);
    const ChecklistSpec& spec = file.spec;
    EXPECT_EQ(spec.key, "acme-ai-policy");
    EXPECT_EQ(spec.title, "ACME responsible AI policy 2026");
    EXPECT_EQ(spec.framework, "ACME AI Policy");
    EXPECT_EQ(spec.version, "2026.1");
    EXPECT_EQ(spec.licence, "Internal to ACME Group; written by its AI governance office");
    ASSERT_EQ(spec.sections.size(), 2u);
    EXPECT_EQ(spec.sections[0].description,
              "Who owns an AI system and how decisions about it are taken and recorded.");
    EXPECT_EQ(itemIds(spec), (std::vector<std::string>{"GOV-1", "GOV-2", "DATA-1", "DATA-2"}));
    const ChecklistItem* gov2 = findItem(spec, "GOV-2");
    ASSERT_NE(gov2, nullptr);
    EXPECT_EQ(gov2->roleKey, "ai-ethicist");
    EXPECT_EQ(gov2->reference, "POL-AI-001 section 3.4");
    EXPECT_EQ(gov2->applies.riskTiers, std::vector<RiskTier>{RiskTier::High});
    EXPECT_EQ(gov2->applies.actors,
              (std::vector<AiActRole>{AiActRole::Provider, AiActRole::ProviderAndDeployer}));
    const ChecklistItem* data1 = findItem(spec, "DATA-1");
    ASSERT_NE(data1, nullptr);
    EXPECT_EQ(data1->applies.industries, std::vector<Industry>{Industry::Healthcare});
    EXPECT_NE(data1->text.find("documented.\nRe-identification"), std::string::npos);
    // A folded block keeps its words and loses its line breaks.
    EXPECT_EQ(findItem(spec, "GOV-1")->guidance.find('\n'), std::string::npos);
    // The roles items name, with their lines, for the import to check against the catalogue.
    ASSERT_EQ(file.roles.size(), 3u);
    EXPECT_EQ(file.roles[0].roleKey, "ai-project-manager");
    EXPECT_EQ(file.roles[0].line, 20);
}

TEST(ChecklistFile, ABrokenStewardFileListsEveryProblemWithItsLine)
{
    const ChecklistFile file = readChecklistFile(fixture("acme-ai-policy-broken.yaml"));
    const QStringList expected = {
        QStringLiteral("3: the key ACME Policy is not lower-case words and digits joined by '-', "
                       "e.g. 'acme-ai-policy'"),
        QStringLiteral("14: an item of section GOV has an unknown field colour (known: id, text, "
                       "guidance, expected_evidence, role, reference, applies_to)"),
        QStringLiteral("12: item GOV-1 is already declared on line 9"),
        QStringLiteral(
            "17: risk_tiers: extreme is not one of minimal, limited, high, unacceptable"),
        QStringLiteral("15: item GOV-3 has no text"),
        QStringLiteral("18: section GOV is already declared on line 6"),
        QStringLiteral("18: section GOV has no items"),
    };
    EXPECT_EQ(problemsOf(file), lines(expected));
    try {
        file.throwIfInvalid();
        FAIL() << "a broken file must be refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Validation);
        EXPECT_EQ(e.details().size(), expected.size());
        EXPECT_TRUE(e.details().front().startsWith(fixture("acme-ai-policy-broken.yaml") +
                                                   QStringLiteral(":3: ")));
    }
}

TEST(ChecklistFile, SyntaxErrorsAndUnknownFilesHaveALine)
{
    const ChecklistFile notJson = readChecklistFile(fixture("oscal-catalog-not-json.json"));
    ASSERT_EQ(notJson.problems.size(), 1);
    // The missing comma after line 7 is found where the next key starts.
    EXPECT_EQ(problemsOf(notJson).substr(0, 30), "8: not readable as YAML or JSO")
        << problemsOf(notJson);

    const ChecklistFile other = parseChecklistFile(
        QByteArrayLiteral("name: something else\nitems: []\n"), QStringLiteral("other.yaml"));
    ASSERT_EQ(other.problems.size(), 1);
    EXPECT_TRUE(other.problems.front().startsWith(QStringLiteral("other.yaml:1: not a checklist "
                                                                 "file")));
    const ChecklistFile list =
        parseChecklistFile(QByteArrayLiteral("- a\n- b\n"), QStringLiteral("list.yaml"));
    ASSERT_EQ(list.problems.size(), 1);
    EXPECT_TRUE(list.problems.front().startsWith(QStringLiteral("list.yaml:1: ")));
}

TEST(ChecklistFile, MapsACisoAssistantLibrary)
{
    const ChecklistFile file = readChecklistFile(fixture("ciso-assistant-library.yaml"));
    ASSERT_TRUE(file.problems.isEmpty()) << file.problems.join(u'\n').toStdString();
    EXPECT_EQ(file.format, ChecklistFileFormat::CisoAssistant);
    const ChecklistSpec& spec = file.spec;
    EXPECT_EQ(spec.key, "acme-ai-controls-2-1"); // the library URN's last part
    EXPECT_EQ(spec.title, "ACME AI controls");
    EXPECT_EQ(spec.framework, "ACME-AIC-2.1");
    EXPECT_EQ(spec.version, "3");
    EXPECT_EQ(spec.licence, "Written for Steward's test suite; free to use.");
    EXPECT_NE(spec.source.find("urn:example:risk:library:acme-ai-controls-2.1"), std::string::npos);

    // Every assessable node, in file order; the one without ref_id named after its URN; the item
    // below an item stays an item.
    EXPECT_EQ(itemIds(spec), (std::vector<std::string>{"GOV 1.1", "GOV 1.2", "GOV 1.2.a", "node10",
                                                       "DATA 1.1", "DATA 2"}));
    // Sections are the items' nearest non-assessable ancestors, titled with the whole path; the
    // introduction and the preamble hold no items and are left out.
    ASSERT_EQ(spec.sections.size(), 3u);
    EXPECT_EQ(spec.sections[0].id, "GOV 1");
    EXPECT_EQ(spec.sections[0].title, "GOV Governance \u203a GOV 1");
    EXPECT_EQ(spec.sections[0].description, "Ownership.");
    EXPECT_EQ(spec.sections[1].id, "DATA 1.x.y");
    EXPECT_EQ(spec.sections[1].title,
              "DATA Data \u203a DATA 1 Training data \u203a DATA 1.x Sources \u203a DATA 1.x.y "
              "External sources");
    EXPECT_EQ(spec.sections[2].id, "DATA");

    const ChecklistItem* gov11 = findItem(spec, "GOV 1.1");
    EXPECT_EQ(gov11->text, "Each AI system has one accountable owner.");
    EXPECT_EQ(gov11->guidance, "Check the AI register; an owner is a person, not a team.\n\n"
                               "Implementation groups: core");
    EXPECT_EQ(gov11->expectedEvidence, "AI register extract");
    EXPECT_EQ(gov11->reference, "urn:example:risk:req_node:acme-aic:gov-1.1");
    EXPECT_EQ(findItem(spec, "GOV 1.2")->text,
              "Review: The owner reviews the system's risks at least once a year.");
    EXPECT_EQ(findItem(spec, "GOV 1.2")->guidance, "Implementation groups: core, extended");
    EXPECT_GT(findItem(spec, "DATA 1.1")->text.size(), 1000u); // long texts arrive whole
    EXPECT_EQ(findItem(spec, "DATA 1.1")->text.substr(0, 31), "Every external data source has ");

    // The notes say what was mapped how.
    const QString notes = file.mappingNotes.join(u'\n');
    EXPECT_TRUE(notes.contains(QStringLiteral("16 requirement nodes"))) << notes.toStdString();
    EXPECT_TRUE(notes.contains(QStringLiteral("6 assessable nodes became items")));
    EXPECT_TRUE(notes.contains(QStringLiteral("1 without a ref_id")));
    EXPECT_TRUE(notes.contains(QStringLiteral("10 non-assessable nodes: 3 became sections")));
}

TEST(ChecklistFile, ABrokenCisoAssistantLibraryListsEveryProblemWithItsLine)
{
    const ChecklistFile file = readChecklistFile(fixture("ciso-assistant-library-broken.yaml"));
    EXPECT_EQ(problemsOf(file),
              lines({
                  QStringLiteral("82: assessable is maybe, not true or false"),
                  QStringLiteral("64: parent_urn urn:example:risk:req_node:acme-aic:gov-one names "
                                 "no node of this library"),
                  QStringLiteral("138: node urn:example:risk:req_node:acme-aic:data-2 has depth 7, "
                                 "but its parent (line 92) has depth 1"),
              }));
}

TEST(ChecklistFile, MapsAnOscalCatalog)
{
    const ChecklistFile file = readChecklistFile(fixture("oscal-catalog.json"));
    ASSERT_TRUE(file.problems.isEmpty()) << file.problems.join(u'\n').toStdString();
    EXPECT_EQ(file.format, ChecklistFileFormat::OscalCatalog);
    const ChecklistSpec& spec = file.spec;
    EXPECT_EQ(spec.key, "acme-model-release-catalog");
    EXPECT_EQ(spec.version, "1.4");
    // Groups with controls are sections (the empty one is left out), nested groups by path.
    ASSERT_EQ(spec.sections.size(), 2u);
    EXPECT_EQ(spec.sections[0].id, "rel");
    EXPECT_EQ(spec.sections[0].description, "Controls that gate a model release.");
    EXPECT_EQ(spec.sections[1].title, "Release \u203a Monitoring after release");
    // Labels where given, control ids otherwise; enhancements after their control.
    EXPECT_EQ(itemIds(spec), (std::vector<std::string>{"REL-1", "REL-1(1)", "rel-2"}));
    EXPECT_EQ(findItem(spec, "REL-1")->text,
              "Release approval: Before a model is released, the organisation:\n"
              "a. records who approved the release; and\n"
              "b. keeps the evaluation results the approval relied on.");
    EXPECT_EQ(findItem(spec, "REL-1")->guidance,
              "Ask for the approval record of the last release.");
}

TEST(ChecklistFile, ABrokenOscalCatalogListsEveryProblemWithItsLine)
{
    const ChecklistFile file = readChecklistFile(fixture("oscal-catalog-broken.json"));
    EXPECT_EQ(problemsOf(file), lines({
                                    QStringLiteral("2: catalog has no uuid"),
                                    QStringLiteral("52: a control gives props twice"),
                                    QStringLiteral("49: props must be a list"),
                                    QStringLiteral("65: control rel-2 has no title"),
                                }));
}

TEST(ChecklistFile, WritesStewardYamlAndOscalThatReadBackTheSame)
{
    for (const char* name :
         {"acme-ai-policy.yaml", "ciso-assistant-library.yaml", "oscal-catalog.json"}) {
        SCOPED_TRACE(name);
        const ChecklistFile original = readChecklistFile(fixture(name));
        ASSERT_TRUE(original.problems.isEmpty());

        const QByteArray yaml = writeStewardChecklist(original.spec);
        const ChecklistFile fromYaml = parseChecklistFile(yaml, QStringLiteral("export.yaml"));
        ASSERT_TRUE(fromYaml.problems.isEmpty()) << fromYaml.problems.join(u'\n').toStdString();
        EXPECT_EQ(fromYaml.format, ChecklistFileFormat::Steward);
        expectSameContent(fromYaml.spec, original.spec);
        EXPECT_EQ(writeStewardChecklist(fromYaml.spec), yaml); // stable, for diffs in git

        const QByteArray json =
            writeOscalCatalog(original.spec, QStringLiteral("2026-12-01T10:00:00Z"));
        const ChecklistFile fromOscal = parseChecklistFile(json, QStringLiteral("export.json"));
        ASSERT_TRUE(fromOscal.problems.isEmpty()) << fromOscal.problems.join(u'\n').toStdString();
        EXPECT_EQ(fromOscal.format, ChecklistFileFormat::OscalCatalog);
        expectSameContent(fromOscal.spec, original.spec);
        EXPECT_EQ(writeOscalCatalog(fromOscal.spec, QStringLiteral("2026-12-01T10:00:00Z")), json);
    }
}

// Found by fuzz-checklist_file: bytes that are not UTF-8 passed through yaml-cpp into the texts and
// came back changed from an export. They are refused, with the line.
TEST(ChecklistFile, TextThatIsNotUtf8IsRefusedWithItsLine)
{
    const ChecklistFile file = parseChecklistFile(
        QByteArrayLiteral("steward-checklist: 1\ntitle: T\nsections:\n  - id: S\n    title: S\n"
                          "    items:\n      - id: I\n        text: caf\xe9\n"),
        QStringLiteral("latin1.yaml"));
    EXPECT_EQ(problemsOf(file), "8: invalid UTF-8 (byte 0xE9); save the file as UTF-8");
    const ChecklistFile nul =
        parseChecklistFile(QByteArray("title: a\0b\n", 11), QStringLiteral("nul.yaml"));
    EXPECT_EQ(problemsOf(nul), "1: a NUL byte, which text cannot contain");
}

// Found by fuzz-checklist_file: a checklist without a version or a source gained "-" and "OSCAL
// catalog <uuid>" on its way through an OSCAL export.
TEST(ChecklistFile, AnOscalExportKeepsAMissingVersionAndSourceMissing)
{
    ChecklistSpec spec;
    spec.key = "bare";
    spec.title = "Bare";
    spec.sections.push_back({"S", "Section", "", {{"I1", "Check it.", "", "", "", "", {}}}});
    const QByteArray json = writeOscalCatalog(spec, QStringLiteral("2026-12-01T10:00:00Z"));
    const ChecklistFile back = parseChecklistFile(json, QStringLiteral("bare.json"));
    ASSERT_TRUE(back.problems.isEmpty()) << problemsOf(back);
    EXPECT_EQ(back.spec.version, "");
    EXPECT_EQ(back.spec.source, "");
    expectSameContent(back.spec, spec);
}

// An alias inside the node it names makes the document a cycle: refused, not followed for ever.
TEST(ChecklistFile, AnAliasThatContainsItselfIsRefused)
{
    const ChecklistFile file = parseChecklistFile(
        QByteArrayLiteral("catalog:\n  uuid: x\n  metadata: {title: t}\n  groups: &g\n"
                          "    - title: a\n      id: a\n      controls: [{id: c, title: c}]\n"
                          "      groups: [{title: b, id: b, groups: *g}]\n"),
        QStringLiteral("cycle.json"));
    EXPECT_FALSE(file.problems.isEmpty());
    EXPECT_TRUE(file.problems.join(u'\n').contains(QStringLiteral("nested more than 32 levels")))
        << lines(file.problems);
}

TEST(ChecklistFile, AKeyGivenReplacesTheFilesAndIsChecked)
{
    EXPECT_EQ(
        readChecklistFile(fixture("oscal-catalog.json"), QStringLiteral("release-gates")).spec.key,
        "release-gates");
    const ChecklistFile bad =
        readChecklistFile(fixture("oscal-catalog.json"), QStringLiteral("Release Gates"));
    ASSERT_EQ(bad.problems.size(), 1);
    EXPECT_TRUE(bad.problems.front().contains(QStringLiteral("Release Gates")));
}

// The bundled ISO/IEC 42001 checklist: clauses 4-10 and exactly Annex A's 38 controls, each with
// guidance, evidence and a role, and the note that the standard must be bought from ISO.
TEST(ChecklistFile, TheBundledIso42001ChecklistHasAnnexAsThirtyEightControls)
{
    const ChecklistFile file =
        readChecklistFile(QStringLiteral(STEWARD_BUNDLED_CHECKLISTS "/iso-iec-42001-2023.yaml"));
    ASSERT_TRUE(file.problems.isEmpty()) << lines(file.problems);
    EXPECT_EQ(file.spec.key, "iso-iec-42001");
    EXPECT_NE(file.spec.licence.find("must be bought from ISO"), std::string::npos);
    const std::vector<std::string> annexA = {
        "A.2.2",   "A.2.3",   "A.2.4",   "A.3.2",   "A.3.3",   "A.4.2",   "A.4.3",   "A.4.4",
        "A.4.5",   "A.4.6",   "A.5.2",   "A.5.3",   "A.5.4",   "A.5.5",   "A.6.1.2", "A.6.1.3",
        "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.2",
        "A.7.3",   "A.7.4",   "A.7.5",   "A.7.6",   "A.8.2",   "A.8.3",   "A.8.4",   "A.8.5",
        "A.9.2",   "A.9.3",   "A.9.4",   "A.10.2",  "A.10.3",  "A.10.4"};
    ASSERT_EQ(annexA.size(), 38u);
    std::vector<std::string> controls;
    std::vector<std::string> clauses;
    std::set<std::string> objectives;
    for (const ChecklistSection& s : file.spec.sections)
        for (const ChecklistItem& i : s.items) {
            (i.id.rfind("A.", 0) == 0 ? controls : clauses).push_back(i.id);
            if (i.id.rfind("A.", 0) == 0)
                objectives.insert(s.id);
            EXPECT_FALSE(i.guidance.empty()) << i.id;
            EXPECT_FALSE(i.expectedEvidence.empty()) << i.id;
            EXPECT_FALSE(i.roleKey.empty()) << i.id;
            EXPECT_NE(i.reference.find("ISO/IEC 42001:2023"), std::string::npos) << i.id;
        }
    EXPECT_EQ(controls, annexA);
    EXPECT_EQ(objectives, (std::set<std::string>{"A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8",
                                                 "A.9", "A.10"}));
    // Every clause from 4 to 10 has its management-system requirements.
    std::set<std::string> clauseNumbers;
    for (const std::string& id : clauses)
        clauseNumbers.insert(id.substr(0, id.find('.')));
    EXPECT_EQ(clauseNumbers, (std::set<std::string>{"4", "5", "6", "7", "8", "9", "10"}));
    EXPECT_EQ(clauses.size(), 27u);
}

// The real CISO Assistant libraries are not part of the repository; point these variables at a
// copy (backend/library/libraries/ of intuitem/ciso-assistant-community) to check them.
TEST(ChecklistFile, TheRealCisoAssistantLibrariesWhenGiven)
{
    const char* nist = std::getenv("STEWARD_CISO_NIST_AI_RMF");
    const char* aiAct = std::getenv("STEWARD_CISO_AI_ACT");
    if (!nist && !aiAct)
        GTEST_SKIP() << "set STEWARD_CISO_NIST_AI_RMF and/or STEWARD_CISO_AI_ACT to library files";
    if (nist) {
        const ChecklistFile file = readChecklistFile(QString::fromLocal8Bit(nist));
        ASSERT_TRUE(file.problems.isEmpty()) << file.problems.join(u'\n').toStdString();
        const std::vector<std::string> ids = itemIds(file.spec);
        EXPECT_EQ(ids.size(), 72u);
        EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 72u);
        EXPECT_EQ(ids.front(), "GOVERN 1.1");
        EXPECT_EQ(ids.back(), "MANAGE 4.3");
    }
    if (aiAct) {
        const QString path = QString::fromLocal8Bit(aiAct);
        const ChecklistFile file = readChecklistFile(path);
        ASSERT_TRUE(file.problems.isEmpty()) << file.problems.join(u'\n').toStdString();
        // Every assessable node is an item: count them in the file's own terms.
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const int assessable = static_cast<int>(f.readAll().count("assessable: true"));
        EXPECT_EQ(static_cast<int>(itemIds(file.spec).size()), assessable);
    }
}

} // namespace
} // namespace steward
