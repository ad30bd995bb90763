// The synthetic organisation in memory, before it is written: the built-in catalogue it is staffed
// from, and the units, people, projects, assignments and RACI entries decided from one seeded
// generator. Everything refers to everything else by ordinal numbers (indexes into the vectors),
// which the staging translates into the ids the server assigns. Internal to the core library.
#pragma once

#include "demo/demo_generator.h"

#include <steward/domain.h>

#include <QDate>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace steward::demo_generator {

// Dates are relative to this day rather than today, so that the same seed gives the same rows on
// any day. Assignments of live projects are open-ended, so they stay current whenever it is run.
inline const QDate kReferenceDay(2026, 1, 1);

struct CatalogRole {
    QString key;
    QString name;
    QString category;
    std::vector<int> responsibilities; // indexes into Catalog::responsibilities
};

struct CatalogResponsibility {
    QString key;
    int role = 0;
    bool required = false;
};

struct Catalog {
    std::vector<CatalogRole> roles;
    std::vector<CatalogResponsibility> responsibilities;
};

struct GenUnit {
    QString name;
    int parent = -1;
};

struct GenPerson {
    QString email;
    QString name;
    int unit = 0;
    QString title;
    int role = 0;
    bool active = true;
    int allocated = 0; // percent over every assignment
};

struct GenProject {
    QString key;
    QString name;
    QString description;
    Industry industry = Industry::General;
    RiskTier riskTier = RiskTier::Minimal;
    ProjectStage stage = ProjectStage::Concept;
    ProjectStatus status = ProjectStatus::Proposed;
    AiActRole aiActRole = AiActRole::Deployer;
    QStringList tags;
    int owner = -1;
    QDate start;
    std::optional<QDate> end;
};

struct GenAssignment {
    int project = 0;
    int person = 0;
    int role = 0;
    QDate from;
    std::optional<QDate> to;
    int allocation = 0;
};

struct GenRaci {
    int project = 0;
    int responsibility = 0;
    int person = 0;
    char kind = 'R';
};

struct Organisation {
    std::vector<GenUnit> units;
    std::vector<GenPerson> people;
    std::vector<GenProject> projects;
    std::vector<GenAssignment> assignments;
    std::vector<GenRaci> raci;
};

// Decides the whole organisation of `shape` from `seed`: the same arguments, the same result.
Organisation generateOrganisation(const Catalog& catalog, const GeneratedShape& shape,
                                  std::uint64_t seed);

} // namespace steward::demo_generator
