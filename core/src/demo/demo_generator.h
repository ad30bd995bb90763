// A synthetic organisation of a chosen size, for benchmarks and for trying Steward at scale: the
// `steward demo generate` command. Unlike the hand-written demo (demo_organisation.h) it tells no
// story; it is large, plausible and exactly reproducible.
//
// Sizes (org units / people / projects / RACI entries, RACI entries being exact):
//   small    10 /   500 /    25 /     5,000
//   medium  100 / 10,000 /  500 /   100,000
//   large   500 / 100,000 / 5,000 / 1,000,000
// Each project has a team of about twenty role assignments consistent with its RACI entries
// (whoever is Accountable or Responsible holds the responsibility's role on the project), and a
// few projects (about 3 %) miss an Accountable or Responsible on purpose, so that coverage has
// something to report. Everyone but one person in two hundred took the AI-literacy course every
// role requires (the others are UNQUALIFIED_HOLDER findings), and whoever answers for human
// oversight its training.
//
// Deterministic: the same size and seed give the same content on any machine and any day. The
// random numbers come from std::mt19937_64, whose output the standard fixes, through distributions
// written here (the std:: ones differ between library implementations); dates are relative to a
// fixed reference day, not to today. Only what the server assigns (ids, created_at) differs;
// contentChecksum() covers everything else.
//
// Bulk path: the rows are staged with COPY and inserted set-wise in one transaction, with the
// per-row history triggers of the five tables switched off for that transaction (a row each would
// multiply the time by ten and the history by a million rows). The history instead receives one
// entry per table saying what was generated (size, seed, row count), written through the sealing
// trigger like any other, so the hash chain stays intact. Switching triggers needs the owner of the
// tables, which the embedded database's user is.
#pragma once

#include <steward/export.h>

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace steward {

class Database;

enum class GeneratedSize { Small, Medium, Large };

STEWARD_CORE_API std::optional<GeneratedSize> parseGeneratedSize(const QString& text);
STEWARD_CORE_API QString toString(GeneratedSize size);

struct GeneratedShape {
    int orgUnits = 0;
    int people = 0;
    int projects = 0;
    int raciPerProject = 0;
};
STEWARD_CORE_API GeneratedShape shapeOf(GeneratedSize size);

struct GenerateResult {
    qint64 orgUnits = 0;
    qint64 people = 0;
    qint64 projects = 0;
    qint64 assignments = 0;
    qint64 raciEntries = 0;
    qint64 qualificationRecords = 0;
};

class STEWARD_CORE_API DemoGenerator {
public:
    // Steps of the work as they start ("people", "RACI entries", ...), for a progress line.
    using Progress = std::function<void(const QString& step)>;

    // Generates the organisation into `db` in one transaction. Throws Error(Conflict) when the
    // database already holds people or projects, and Error(Conflict) naming the cause when the
    // built-in role catalogue is missing (run the migrations first).
    static GenerateResult generate(Database& db, GeneratedSize size, std::uint64_t seed,
                                   const Progress& progress = {});

    // SHA-256 (hex) over the organisation's content in a fixed order, by natural keys (e-mail,
    // project key, role and responsibility keys), leaving out ids and timestamps. Equal for equal
    // content, on any database.
    static QString contentChecksum(Database& db);
};

} // namespace steward
