// The organisation-wide coverage check, set-based. Reading every project's whole staffing (a
// million RACI entries in a large organisation) into C++ took seconds; instead, for each rule a
// few SQL statements pick what can possibly give a finding, mostly from tallies that the
// statements changing the staffing keep current (sql/0016: a required duty with no Accountable or
// no Responsible entry, a holder whose assignments to the role do not cover the day, someone whose
// assignments add up to more than 100 %), and the same rule code then judges those small
// snapshots. Plugin rules that declare their inputs (ScopedRule) get snapshots of just those; the
// others get every project's whole staffing. The findings, their texts and their order are exactly
// the per-project check's: tests/integration/coverage_equality_test.cpp compares the two.
#pragma once

#include <steward/staffing.h>

#include <QDate>

#include <functional>
#include <memory>
#include <vector>

namespace steward {

class Database;
struct CoverageReport;

struct OrganisationCheckRules {
    // The core rules (coreCoverageRules()), recognised by key.
    std::vector<std::shared_ptr<const Rule>> core;
    // Plugin and caller rules: those that declare their inputs get small snapshots, the others
    // every project's whole staffing.
    std::vector<std::shared_ptr<const Rule>> extra;
};

// Runs `rules` on every project not completed or cancelled, in one snapshot of the database.
// `runRule` runs one rule on one snapshot (turning an exception into a finding); `cancelRequested`
// is polled between rules and stops the check with Error(Conflict).
CoverageReport checkOrganisation(
    Database& db, const QDate& asOf, const OrganisationCheckRules& rules,
    const std::function<std::vector<Finding>(const Rule&, const ProjectStaffing&)>& runRule,
    const std::function<bool()>& cancelRequested);

} // namespace steward
