// The generator's bulk path into the database: the generated rows are staged with COPY into
// temporary tables keyed by ordinal numbers, and moved into the real tables with a few set-based
// INSERTs that translate ordinals into the ids the server assigns. Internal to the core library.
#pragma once

#include "demo/demo_generator.h"
#include "demo/demo_generator_organisation.h"

#include <array>

namespace steward {

class Database;

namespace demo_generator {

// Copies the organisation into temporary tables (dropped at commit) and analyses them.
void stage(Database& db, const Organisation& org, const Catalog& catalog,
           const DemoGenerator::Progress& progress);

// Inserts the staged rows into the real tables, then the qualification records; returns the row
// counts.
GenerateResult insertStaged(Database& db, const DemoGenerator::Progress& progress);

// The tables whose per-row history the bulk path replaces with one summary entry each.
inline constexpr std::array<const char*, 6> kGeneratedTables = {
    "org_unit", "person", "project", "assignment", "raci_entry", "qualification_record"};

// Switches the per-row history triggers of kGeneratedTables off or on for this transaction.
void setHistoryTriggers(Database& db, bool enabled);

} // namespace demo_generator
} // namespace steward
