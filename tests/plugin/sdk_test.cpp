// The SDK as an organisation uses it: install Steward to a temporary prefix, build the example
// plugin in packaging/sdk-example against it with find_package(Steward), and load the result.
// Qt is hidden from those builds: the SDK is Qt-free, so a plugin author needs no Qt development
// packages.
#include "plugins/pluginhost.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace steward {
namespace {

// Runs a program to completion; fails the test with its output when it does not exit with
// `expectedExit`. Returns what it printed.
void run(const QString& program, const QStringList& arguments, QString* output = nullptr,
         int expectedExit = 0, const QProcessEnvironment& environment = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, arguments);
    const std::string command = (program + u' ' + arguments.join(u' ')).toStdString();
    ASSERT_TRUE(process.waitForStarted()) << "cannot start " << command;
    ASSERT_TRUE(process.waitForFinished(240'000)) << command << " took too long";
    const QString printed = QString::fromUtf8(process.readAll());
    if (output)
        *output = printed;
    ASSERT_TRUE(process.exitStatus() == QProcess::NormalExit && process.exitCode() == expectedExit)
        << command << " exited with " << process.exitCode() << ", expected " << expectedExit
        << ":\n"
        << printed.toStdString();
}

void cmake(const QStringList& arguments)
{
    run(QStringLiteral(STEWARD_CMAKE_COMMAND), arguments);
}

// The library and the SDK, nothing else: a plugin must not need the rest of Steward.
void installSdk(const QString& prefix)
{
    for (const char* component : {"runtime", "sdk"})
        ASSERT_NO_FATAL_FAILURE(
            cmake({QStringLiteral("--install"), QStringLiteral(STEWARD_BINARY_DIR),
                   QStringLiteral("--prefix"), prefix, QStringLiteral("--component"),
                   QString::fromLatin1(component)}));
}

// Configures and builds a plugin project against the SDK in `prefix`. CMake cannot find Qt there,
// nor on the system: were the SDK to need it, find_package(Steward) would fail.
void buildWithoutQt(const QString& source, const QString& build, const QString& prefix,
                    const QStringList& extra = {})
{
    ASSERT_NO_FATAL_FAILURE(cmake(
        QStringList{QStringLiteral("-S"), source, QStringLiteral("-B"), build, QStringLiteral("-G"),
                    QStringLiteral("Ninja"), QStringLiteral("-DCMAKE_PREFIX_PATH=") + prefix,
                    QStringLiteral("-DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON"),
                    QStringLiteral("-DCMAKE_CXX_COMPILER=" STEWARD_CXX_COMPILER),
                    QStringLiteral("-DCMAKE_BUILD_TYPE=Release")} +
        extra));
    ASSERT_NO_FATAL_FAILURE(cmake({QStringLiteral("--build"), build}));
}

// The shared libraries a binary names (DT_NEEDED).
std::vector<std::string> neededLibraries(const QString& binary)
{
    QString dynamic;
    run(QStringLiteral(STEWARD_READELF), {QStringLiteral("-d"), binary}, &dynamic);
    std::vector<std::string> needed;
    static const QRegularExpression entry(
        QStringLiteral(R"(\(NEEDED\)\s+Shared library: \[(.+)\])"));
    for (auto it = entry.globalMatch(dynamic); it.hasNext();)
        needed.push_back(it.next().captured(1).toStdString());
    return needed;
}

// The example's role and rule, as the plugin host gives them.
void expectAcmeLoads(const QString& plugin)
{
    PluginHostOptions options;
    options.searchStandardLocations = false;
    options.searchEnvironment = false;
    options.files = {plugin};
    PluginHost host(options);
    host.discover();
    host.loadAll();
    ASSERT_EQ(host.plugins().size(), 1u);
    const PluginRecord& record = host.plugins().front();
    ASSERT_EQ(record.state, PluginState::Active) << record.error.toStdString();
    EXPECT_EQ(record.id, "acme");
    EXPECT_EQ(record.roleKeys, std::vector<std::string>{"acme.model-approver"});
    EXPECT_EQ(record.ruleKeys, std::vector<std::string>{"approver-named"});

    ProjectStaffing highRisk;
    highRisk.project.key = "CREDIT";
    highRisk.project.riskTier = RiskTier::High;
    const auto rules = host.rules();
    ASSERT_EQ(rules.size(), 1u);
    const auto findings = rules[0]->check(highRisk);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "ACME_NO_MODEL_APPROVER");
    EXPECT_EQ(findings[0].source, "acme");
    highRisk.project.riskTier = RiskTier::Minimal;
    EXPECT_TRUE(rules[0]->check(highRisk).empty());
}

// The installed `steward plugins check`, with nothing of this process's environment (no
// LD_LIBRARY_PATH, no STEWARD_*): it finds its libraries relative to itself.
void installedCheck(const QString& prefix, const QString& plugin, QString* output, int expectedExit)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    environment.insert(QStringLiteral("HOME"), prefix);
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (const char* sanitizer : {"ASAN_OPTIONS", "UBSAN_OPTIONS"})
        if (qEnvironmentVariableIsSet(sanitizer))
            environment.insert(QString::fromLatin1(sanitizer), qEnvironmentVariable(sanitizer));
    run(QDir(prefix).filePath(QStringLiteral("bin/steward")),
        {QStringLiteral("plugins"), QStringLiteral("check"), plugin}, output, expectedExit,
        environment);
}

TEST(PluginSdk, OutOfTreePluginBuildsWithoutQtAgainstTheInstalledSdkAndLoads)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString prefix = tmp.filePath(QStringLiteral("prefix"));
    const QString build = tmp.filePath(QStringLiteral("build"));
    ASSERT_NO_FATAL_FAILURE(installSdk(prefix));
    ASSERT_NO_FATAL_FAILURE(
        buildWithoutQt(QStringLiteral(STEWARD_SOURCE_DIR "/packaging/sdk-example"), build, prefix));

    const QString plugin = QDir(build).filePath(QStringLiteral("steward-plugin-acme.so"));
    ASSERT_TRUE(QFile::exists(plugin)) << plugin.toStdString();
    // It links the SDK library alone: neither Qt nor the core library.
    const std::vector<std::string> needed = neededLibraries(plugin);
    EXPECT_NE(std::find(needed.begin(), needed.end(), "libsteward-sdk.so.0"), needed.end());
    for (const std::string& library : needed) {
        EXPECT_EQ(library.find("Qt"), std::string::npos) << library;
        EXPECT_EQ(library.find("libsteward-core"), std::string::npos) << library;
    }
    ASSERT_NO_FATAL_FAILURE(expectAcmeLoads(plugin));

    // The installed program loads it too, with the SDK library it installed.
    QString checked;
    ASSERT_NO_FATAL_FAILURE(installedCheck(prefix, plugin, &checked, 0));
    EXPECT_TRUE(checked.contains(QStringLiteral(": loadable: acme 1.0.0")))
        << checked.toStdString();
    // ... and still refuses a plugin built for another plugin ABI, before running its code.
    ASSERT_NO_FATAL_FAILURE(installedCheck(
        prefix, QStringLiteral(STEWARD_FIXTURE_PLUGIN_DIR "/steward-plugin-fixture-wrong-abi.so"),
        &checked, 1));
    EXPECT_TRUE(checked.contains(
        QStringLiteral("plugin 'wrong-abi' was built for plugin ABI 0; this Steward needs ")))
        << checked.toStdString();
}

// Plugins written before Steward::sdk linked Steward::core by hand; installed, that name is the
// SDK, so they build on, without Qt as well.
TEST(PluginSdk, PluginLinkingTheCoreTargetBuildsWithoutQt)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString prefix = tmp.filePath(QStringLiteral("prefix"));
    const QString build = tmp.filePath(QStringLiteral("build"));
    ASSERT_NO_FATAL_FAILURE(installSdk(prefix));
    ASSERT_NO_FATAL_FAILURE(buildWithoutQt(
        QStringLiteral(STEWARD_SOURCE_DIR "/tests/plugin/sdk-core-target"), build, prefix,
        {QStringLiteral("-DACME_PLUGIN_SOURCE=" STEWARD_SOURCE_DIR
                        "/packaging/sdk-example/acme_plugin.cpp")}));
    const QString plugin = QDir(build).filePath(QStringLiteral("steward-plugin-acme.so"));
    ASSERT_TRUE(QFile::exists(plugin)) << plugin.toStdString();
    ASSERT_NO_FATAL_FAILURE(expectAcmeLoads(plugin));
}

} // namespace
} // namespace steward
