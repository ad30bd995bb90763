// The SDK as an organisation uses it: install Steward to a temporary prefix, build the example
// plugin in packaging/sdk-example against it with find_package(Steward), and load the result.
#include "plugins/pluginhost.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace steward {
namespace {

// Runs a command to completion; fails the test with its output when it does not succeed.
void run(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(STEWARD_CMAKE_COMMAND), arguments);
    ASSERT_TRUE(process.waitForStarted()) << "cannot start cmake";
    ASSERT_TRUE(process.waitForFinished(240'000))
        << "cmake " << arguments.join(u' ').toStdString() << " took too long";
    ASSERT_TRUE(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        << "cmake " << arguments.join(u' ').toStdString() << " failed:\n"
        << process.readAll().toStdString();
}

TEST(PluginSdk, OutOfTreePluginBuildsAgainstTheInstalledSdkAndLoads)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString prefix = tmp.filePath(QStringLiteral("prefix"));
    const QString build = tmp.filePath(QStringLiteral("build"));
    const QString binaryDir = QStringLiteral(STEWARD_BINARY_DIR);

    // The library and the SDK, nothing else: the example must not need the rest of Steward.
    for (const char* component : {"runtime", "sdk"})
        ASSERT_NO_FATAL_FAILURE(
            run({QStringLiteral("--install"), binaryDir, QStringLiteral("--prefix"), prefix,
                 QStringLiteral("--component"), QString::fromLatin1(component)}));
    ASSERT_NO_FATAL_FAILURE(
        run({QStringLiteral("-S"), QStringLiteral(STEWARD_SOURCE_DIR "/packaging/sdk-example"),
             QStringLiteral("-B"), build, QStringLiteral("-G"), QStringLiteral("Ninja"),
             QStringLiteral("-DCMAKE_PREFIX_PATH=") + prefix,
             QStringLiteral("-DCMAKE_CXX_COMPILER=" STEWARD_CXX_COMPILER),
             QStringLiteral("-DCMAKE_BUILD_TYPE=Release")}));
    ASSERT_NO_FATAL_FAILURE(run({QStringLiteral("--build"), build}));

    const QString plugin = QDir(build).filePath(QStringLiteral("steward-plugin-acme.so"));
    ASSERT_TRUE(QFile::exists(plugin)) << plugin.toStdString();

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

} // namespace
} // namespace steward
