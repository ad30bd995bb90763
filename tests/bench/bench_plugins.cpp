// The plugins' warm start, as every Steward program pays it: discover the bundled plugins where
// the application finds them, load them, and synchronise them into a database that already holds
// their content. Issue 3 promises under 100 ms.
//
//   ninja -C <build> steward-bench-plugins && <build>/bin/steward-bench-plugins
#include "database_fixture.h"
#include "db/database.h"
#include "plugins/plugin_runtime.h"
#include "test_support.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

namespace steward {
namespace {

// The standard locations only: the build tree's lib/steward/plugins next to this program's bin/.
PluginHostOptions standardLocations()
{
    PluginHostOptions options;
    options.searchEnvironment = false;
    return options;
}

void warmStart(benchmark::State& state)
{
    useMigratedTemplate();
    TestDatabase testDb;
    Database db(testDb.conninfo(), QStringLiteral("bench"));
    std::size_t active = 0;
    {
        const PluginRuntime cold(db, standardLocations());
        active = cold.contents().size();
    }
    if (active < 6) {
        state.SkipWithError("fewer than the six bundled plugins are active; build them first");
        return;
    }

    for (auto _ : state) {
        PluginRuntime runtime(db, standardLocations());
        if (runtime.syncReport().wroteAnything()) {
            state.SkipWithError("a warm start wrote to the database");
            break;
        }
        benchmark::DoNotOptimize(runtime.rules().size());
    } // each iteration unloads the libraries again, as a program's exit does
    state.counters["plugins"] = static_cast<double>(active);
}
BENCHMARK(warmStart)->Unit(benchmark::kMillisecond)->MinTime(2.0);

} // namespace
} // namespace steward

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication application(argc, argv); // QtSql needs one
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    steward::TestCluster::shutdown();
    return 0;
}
