// Projects: AI initiatives and systems.
#pragma once

#include "domain/records.h"

#include <steward/export.h>

#include <optional>
#include <vector>

namespace steward {

class Database;

struct ProjectFilter {
    std::optional<Industry> industry;
    std::optional<RiskTier> riskTier;
    std::optional<ProjectStage> stage;
    std::optional<ProjectStatus> status;
    QString search; // substring of key or name
};

class STEWARD_CORE_API ProjectService {
public:
    explicit ProjectService(Database& db);

    Project add(const Project& project);
    // Optimistic: throws Error(Conflict) if the project changed since `project.version`.
    Project update(const Project& project);
    Project byKey(const QString& key);
    std::optional<Project> findByKey(const QString& key);
    std::vector<Project> list(const ProjectFilter& filter = {});
    qint64 idOf(const QString& key);

private:
    Database& m_db;
};

} // namespace steward
