// The plugin host against real plugin files: one sound fixture plugin and one fixture for every
// way a plugin can be broken. Whatever the broken one does, the sound one stays active.
#include "plugins/pluginhost.h"

#include <steward/plugin.h>
#include <steward/version.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <dlfcn.h>

namespace steward {
namespace {

QString fixture(const std::string& name)
{
    return QStringLiteral(STEWARD_FIXTURE_PLUGIN_DIR "/steward-plugin-fixture-%1.so")
        .arg(QString::fromStdString(name));
}

// Only the given files: no build tree, no installation, no STEWARD_PLUGIN_PATH.
PluginHostOptions isolated(const std::vector<std::string>& fixtures)
{
    PluginHostOptions options;
    options.searchStandardLocations = false;
    options.searchEnvironment = false;
    for (const std::string& name : fixtures)
        options.files.append(fixture(name));
    options.builtinRoleKeys = std::set<std::string>{"ai-engineer", "ai-ethicist"};
    options.builtinResponsibilityKeys = {"ai-engineer.deploy-models"};
    return options;
}

std::unique_ptr<PluginHost> load(PluginHostOptions options)
{
    auto host = std::make_unique<PluginHost>(std::move(options));
    host->discover();
    host->loadAll();
    return host;
}

const PluginRecord& recordOf(const PluginHost& host, const std::string& fixtureName)
{
    const QString path = fixture(fixtureName);
    for (const PluginRecord& r : host.plugins())
        if (r.path == path)
            return r;
    throw std::runtime_error("no record for " + fixtureName);
}

void expectGoodActive(const PluginHost& host)
{
    const PluginRecord* good = host.plugin("good");
    ASSERT_NE(good, nullptr);
    EXPECT_EQ(good->state, PluginState::Active) << good->error.toStdString();
    EXPECT_TRUE(good->error.isEmpty());
    const auto roles = host.roles();
    EXPECT_TRUE(std::any_of(roles.begin(), roles.end(),
                            [](const RoleSpec& r) { return r.key == "good.reviewer"; }));
}

ProjectStaffing unstaffedProject()
{
    ProjectStaffing staffing;
    staffing.project.key = "DEMO";
    staffing.project.name = "Demo";
    return staffing;
}

bool libraryLoaded(const QString& path)
{
    void* handle = ::dlopen(path.toLocal8Bit().constData(), RTLD_LAZY | RTLD_NOLOAD);
    if (!handle)
        return false;
    ::dlclose(handle);
    return true;
}

TEST(PluginHost, SoundPluginIsActiveWithItsContent)
{
    const auto host = load(isolated({"good"}));
    ASSERT_EQ(host->plugins().size(), 1u);
    const PluginRecord& good = host->plugins().front();
    EXPECT_EQ(good.state, PluginState::Active) << good.error.toStdString();
    EXPECT_EQ(good.id, "good");
    EXPECT_EQ(good.version, "1.2.3");
    EXPECT_EQ(good.name, "Good fixture");
    EXPECT_EQ(good.vendor, "Steward tests");
    EXPECT_EQ(good.abiVersion, kPluginAbiVersion);
    EXPECT_EQ(good.minStewardVersion, STEWARD_SDK_MIN_VERSION);
    EXPECT_EQ(good.roleKeys, std::vector<std::string>{"good.reviewer"});
    EXPECT_EQ(good.responsibilityKeys,
              (std::vector<std::string>{"good.reviewer.review-designs", "good.reviewer.sign-off"}));
    EXPECT_EQ(good.ruleKeys, std::vector<std::string>{"reviewer-named"});
    EXPECT_EQ(good.checklistKeys, std::vector<std::string>{"good-review"});

    const auto contents = host->contents();
    ASSERT_EQ(contents.size(), 1u);
    EXPECT_EQ(contents[0].pluginId, "good");
    EXPECT_EQ(contents[0].pluginVersion, "1.2.3");
    ASSERT_EQ(contents[0].checklists.size(), 1u);
    EXPECT_EQ(contents[0].checklists[0].sections.at(0).items.size(), 2u);

    const auto rules = host->rules();
    ASSERT_EQ(rules.size(), 1u);
    EXPECT_EQ(rules[0]->key(), "reviewer-named");
    EXPECT_EQ(dynamic_cast<const PluginRule&>(*rules[0]).pluginId(), "good");
    const auto findings = rules[0]->check(unstaffedProject());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "GOOD_NO_REVIEWER");
    EXPECT_EQ(findings[0].source, "good");
    EXPECT_EQ(findings[0].projectKey, "DEMO");
}

struct BrokenCase {
    std::string fixture;
    std::string error;         // the record's error contains this
    bool failsOnItsOwn = true; // PluginHost::check also refuses it
};

void PrintTo(const BrokenCase& c, std::ostream* os)
{
    *os << c.fixture;
}

class BrokenPlugin : public testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenPlugin, IsFailedWithItsReasonAndTheRestCarriesOn)
{
    const BrokenCase& c = GetParam();
    const auto host = load(isolated({"good", c.fixture}));
    ASSERT_EQ(host->plugins().size(), 2u);
    const PluginRecord& broken = recordOf(*host, c.fixture);
    EXPECT_EQ(broken.state, PluginState::Failed);
    EXPECT_NE(broken.error.toStdString().find(c.error), std::string::npos)
        << "error was: " << broken.error.toStdString();
    expectGoodActive(*host);
    // Nothing of the broken plugin is offered, nor listed as its contribution.
    EXPECT_EQ(host->contents().size(), 1u);
    EXPECT_EQ(host->rules().size(), 1u);
    EXPECT_TRUE(broken.roleKeys.empty() && broken.responsibilityKeys.empty() &&
                broken.ruleKeys.empty() && broken.checklistKeys.empty())
        << "a failed plugin lists contributions";

    const PluginRecord checked = PluginHost::check(fixture(c.fixture), isolated({}));
    if (c.failsOnItsOwn) {
        EXPECT_EQ(checked.state, PluginState::Failed);
        EXPECT_EQ(checked.error, broken.error);
    } else {
        EXPECT_EQ(checked.state, PluginState::Loaded) << checked.error.toStdString();
    }
}

const std::string kRunning = STEWARD_VERSION_STRING;
const std::string kSeries =
    std::to_string(STEWARD_VERSION_MAJOR) + "." + std::to_string(STEWARD_VERSION_MINOR);

INSTANTIATE_TEST_SUITE_P(
    Fixtures, BrokenPlugin,
    testing::Values(
        BrokenCase{"not-a-plugin", "'steward-plugin-fixture-not-a-plugin.so' is not a Steward "
                                   "plugin: it exports no steward_plugin_descriptor"},
        BrokenCase{"wrong-abi", "plugin 'wrong-abi' was built for plugin ABI 0; this Steward needs "
                                "ABI " +
                                    std::to_string(kPluginAbiVersion) +
                                    ": rebuild it against the Steward " + kSeries + " SDK"},
        BrokenCase{"no-factory", "plugin 'no-factory' exports no steward_plugin_create factory"},
        BrokenCase{"bad-id", "'steward-plugin-fixture-bad-id.so' declares the malformed plugin id "
                             "'Bad_Id'"},
        BrokenCase{"bad-version", "plugin 'bad-version' declares the malformed version '1.0': use "
                                  "MAJOR.MINOR.PATCH"},
        BrokenCase{"too-new",
                   "plugin 'too-new' needs Steward 99.0.0 or later; this is Steward " + kRunning},
        BrokenCase{"too-old", "plugin 'too-old' supports Steward versions before 0.1.0; this is "
                              "Steward " +
                                  kRunning + ": install a newer version of the plugin"},
        BrokenCase{"outgrown", "plugin 'outgrown' supports Steward versions before " + kRunning +
                                   "; this is Steward " + kRunning +
                                   ": install a newer version of the plugin"},
        BrokenCase{"throwing-factory", "plugin 'throwing-factory' failed: its factory threw: "
                                       "cannot open the licence file"},
        BrokenCase{"throwing-roles", "plugin 'throwing-roles' failed: roles() threw: role table "
                                     "index 7 out of range"},
        BrokenCase{"duplicate-role", "plugin 'duplicate-role' has malformed content: role "
                                     "'duplicate-role.twin' is declared twice"},
        BrokenCase{"foreign-responsibility",
                   "responsibility 'foreign-responsibility.stranger.do-things' does not belong to "
                   "role 'foreign-responsibility.owner'"},
        BrokenCase{"unprefixed-role", "role 'model-validator': a role key is the plugin id, a dot"},
        BrokenCase{"empty-checklist", "plugin 'empty-checklist' has malformed content: checklist "
                                      "'empty-checklist' has no items"},
        BrokenCase{"duplicate-item", "checklist 'duplicate-item' item 'Q1' is used twice"},
        BrokenCase{"duplicate-rule", "rule 'same-key' is declared twice"},
        BrokenCase{"unknown-item-role", "item 'Q1' names the unknown role 'finance.nobody'"},
        BrokenCase{"needs-absent",
                   "plugin 'needs-absent' requires plugin 'absent', which is not installed",
                   false}),
    [](const testing::TestParamInfo<BrokenCase>& info) {
        std::string name = info.param.fixture;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });

// STEWARD_PLUGIN_FOR_VERSIONS: a range that includes this Steward is accepted and recorded.
TEST(PluginHost, APluginDeclaringAVersionRangeThatFitsIsActive)
{
    const auto host = load(isolated({"bounded"}));
    ASSERT_EQ(host->plugins().size(), 1u);
    const PluginRecord& bounded = host->plugins().front();
    EXPECT_EQ(bounded.state, PluginState::Active) << bounded.error.toStdString();
    EXPECT_EQ(bounded.minStewardVersion, STEWARD_SDK_MIN_VERSION);
    EXPECT_EQ(bounded.maxStewardVersion, "99.0.0");
}

TEST(PluginHost, TextFileNamedLikeAPluginIsFailed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile text(dir.filePath(QStringLiteral("steward-plugin-notes.so")));
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    text.write("not a library\n");
    text.close();

    PluginHostOptions options = isolated({"good"});
    options.directories = {dir.path()};
    const auto host = load(options);
    ASSERT_EQ(host->plugins().size(), 2u);
    const PluginRecord& notes = host->plugins()[1];
    EXPECT_EQ(notes.path, text.fileName());
    EXPECT_EQ(notes.state, PluginState::Failed);
    EXPECT_TRUE(notes.error.startsWith(
        QStringLiteral("'steward-plugin-notes.so' is not a loadable shared library: ")))
        << notes.error.toStdString();
    expectGoodActive(*host);
}

TEST(PluginHost, SecondPluginWithTheSameIdIsFailedNamingTheFirst)
{
    const auto host = load(isolated({"good", "good-again"}));
    EXPECT_EQ(recordOf(*host, "good").state, PluginState::Active);
    const PluginRecord& again = recordOf(*host, "good-again");
    EXPECT_EQ(again.state, PluginState::Failed);
    EXPECT_EQ(again.error, fixture("good-again") +
                               QStringLiteral(" declares the plugin id 'good', which belongs to ") +
                               fixture("good") +
                               QStringLiteral(", found first: this file is not loaded; remove it, "
                                              "or give it an id of its own"));
    EXPECT_EQ(host->contents().size(), 1u);
}

TEST(PluginHost, RequirementCycleFailsEveryMemberByName)
{
    const auto host = load(isolated({"needs-cycle", "cycle-a", "good", "cycle-b"}));
    EXPECT_EQ(recordOf(*host, "cycle-a").error,
              QStringLiteral("plugin 'cycle-a' is part of a requirement cycle: cycle-a -> cycle-b "
                             "-> cycle-a: remove one of these requirements"));
    EXPECT_EQ(recordOf(*host, "cycle-b").error,
              QStringLiteral("plugin 'cycle-b' is part of a requirement cycle: cycle-b -> cycle-a "
                             "-> cycle-b: remove one of these requirements"));
    const PluginRecord& dependent = recordOf(*host, "needs-cycle");
    EXPECT_EQ(dependent.state, PluginState::Failed);
    EXPECT_EQ(dependent.error,
              QStringLiteral("plugin 'needs-cycle' requires plugin 'cycle-a', "
                             "which failed to load: fix or remove 'cycle-a' first"));
    for (const char* member : {"cycle-a", "cycle-b"})
        EXPECT_EQ(recordOf(*host, member).state, PluginState::Failed);
    expectGoodActive(*host);
}

TEST(PluginHost, RequirementsLoadFirstAndLendTheirRoles)
{
    // Listed before what it requires; its checklist names the required plugin's role.
    const auto host = load(isolated({"needs-good", "good"}));
    const PluginRecord& needs = recordOf(*host, "needs-good");
    EXPECT_EQ(needs.state, PluginState::Active) << needs.error.toStdString();
    EXPECT_EQ(needs.requiredIds, std::vector<std::string>{"good"});
    const auto contents = host->contents();
    ASSERT_EQ(contents.size(), 2u);
    EXPECT_EQ(contents[0].pluginId, "good");
    EXPECT_EQ(contents[1].pluginId, "needs-good");

    // On its own, the required plugin's roles are taken on trust.
    EXPECT_EQ(PluginHost::check(fixture("needs-good"), isolated({})).state, PluginState::Loaded);
}

TEST(PluginHost, DisabledPluginIsNotLoadedAndItsDependentsFail)
{
    PluginHostOptions options = isolated({"good", "needs-good"});
    options.disabled = {"good"};
    const auto host = load(options);
    const PluginRecord& good = recordOf(*host, "good");
    EXPECT_EQ(good.state, PluginState::Disabled);
    EXPECT_TRUE(good.error.isEmpty());
    EXPECT_EQ(good.version, "1.2.3"); // its descriptor is still shown
    EXPECT_TRUE(good.roleKeys.empty());
    EXPECT_EQ(recordOf(*host, "needs-good").error,
              QStringLiteral("plugin 'needs-good' requires plugin 'good', which is disabled: "
                             "enable it or disable 'needs-good'"));
    EXPECT_TRUE(host->contents().empty());
    EXPECT_TRUE(host->rules().empty());
}

TEST(PluginHost, RoleKeyOfTheBuiltInCatalogueIsRefused)
{
    PluginHostOptions options = isolated({"good"});
    options.builtinRoleKeys->insert("good.reviewer");
    const auto host = load(options);
    const PluginRecord& good = recordOf(*host, "good");
    EXPECT_EQ(good.state, PluginState::Failed);
    EXPECT_EQ(good.error, QStringLiteral("plugin 'good' has malformed content: role "
                                         "'good.reviewer' is already declared by the built-in "
                                         "catalogue"));
}

TEST(PluginHost, ThrowingRuleYieldsAnErrorFindingInsteadOfACrash)
{
    const auto host = load(isolated({"good", "throwing-rule"}));
    EXPECT_EQ(recordOf(*host, "throwing-rule").state, PluginState::Active);
    const auto rules = host->rules();
    const auto it = std::find_if(rules.begin(), rules.end(),
                                 [](const auto& r) { return r->key() == "explodes"; });
    ASSERT_NE(it, rules.end());
    const auto findings = (*it)->check(unstaffedProject());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "PLUGIN_RULE_FAILED");
    EXPECT_EQ(findings[0].severity, Severity::Error);
    EXPECT_EQ(findings[0].source, "throwing-rule");
    EXPECT_EQ(findings[0].projectKey, "DEMO");
    EXPECT_EQ(findings[0].message, "Rule 'explodes' of plugin 'throwing-rule' could not check this "
                                   "project: it threw: staffing data too exciting");
    expectGoodActive(*host);
}

TEST(PluginHost, RulesKeepTheirLibraryLoadedAfterTheHostIsGone)
{
    const QString path = fixture("good");
    ASSERT_FALSE(libraryLoaded(path));
    auto host = load(isolated({"good"}));
    auto rules = host->rules();
    ASSERT_EQ(rules.size(), 1u);
    host.reset();
    ASSERT_TRUE(libraryLoaded(path));

    const auto findings = rules[0]->check(unstaffedProject());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "GOOD_NO_REVIEWER");
    EXPECT_EQ(rules[0]->description(), "A project has a named reviewer.");

    rules.clear();
    EXPECT_FALSE(libraryLoaded(path)) << "the last rule should unload its library";
}

TEST(PluginHost, FailedAndDisabledPluginsAreUnloaded)
{
    PluginHostOptions options = isolated({"good", "throwing-roles", "duplicate-item"});
    options.disabled = {"good"};
    const auto host = load(options);
    EXPECT_FALSE(libraryLoaded(fixture("good")));
    EXPECT_FALSE(libraryLoaded(fixture("throwing-roles")));
    EXPECT_FALSE(libraryLoaded(fixture("duplicate-item")));
}

TEST(PluginHost, FindsPluginsInEveryFolderOfStewardPluginPath)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("steward-plugin-copied.so"));
    ASSERT_TRUE(QFile::copy(fixture("good"), copy));
    QFile ignored(dir.filePath(QStringLiteral("README.txt")));
    ASSERT_TRUE(ignored.open(QIODevice::WriteOnly));
    ignored.close();

    const QByteArray saved = qgetenv("STEWARD_PLUGIN_PATH");
    qputenv("STEWARD_PLUGIN_PATH", QByteArray("/nonexistent/folder:") + dir.path().toLocal8Bit());
    PluginHostOptions options = isolated({});
    options.searchEnvironment = true;
    const auto host = load(options);
    if (saved.isNull())
        qunsetenv("STEWARD_PLUGIN_PATH");
    else
        qputenv("STEWARD_PLUGIN_PATH", saved);

    ASSERT_EQ(host->plugins().size(), 1u);
    EXPECT_EQ(host->plugins()[0].path, copy);
    EXPECT_EQ(host->plugins()[0].state, PluginState::Active);
}

TEST(PluginHost, StandardLocationsAreRelativeToTheExecutable)
{
    PluginHostOptions options;
    options.searchEnvironment = false;
    const QStringList dirs = PluginHost::searchDirectories(options);
    // Test programs run from the build tree's bin/, next to its lib/steward/plugins.
    const QString exeDir =
        QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath()).absolutePath();
    const QString buildTreePlugins =
        QDir::cleanPath(exeDir + QStringLiteral("/../lib/steward/plugins"));
    ASSERT_FALSE(dirs.isEmpty());
    EXPECT_EQ(dirs.front(), buildTreePlugins);
}

TEST(PluginHost, CheckOfAMissingFileSaysSo)
{
    const PluginRecord r = PluginHost::check(QStringLiteral("/nonexistent/steward-plugin-x.so"));
    EXPECT_EQ(r.state, PluginState::Failed);
    EXPECT_EQ(r.error, QStringLiteral("'/nonexistent/steward-plugin-x.so' is not a file"));
}

} // namespace
} // namespace steward
