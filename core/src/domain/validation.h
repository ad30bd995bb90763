// Field rules shared by the services and the importers, so a value refused on one path is refused
// on every path with the same sentence. The database repeats them as CHECK constraints.
#pragma once

#include <steward/export.h>

#include <QDate>
#include <QString>

#include <optional>

namespace steward {

// Each returns an empty string for a valid value, otherwise what is wrong with it.
STEWARD_CORE_API QString checkEmail(const QString& email);
STEWARD_CORE_API QString checkPersonName(const QString& name);
STEWARD_CORE_API QString checkProjectKey(const QString& key);
// A person's title and an org unit's name: at most 200 characters (the schema's limits); an
// external (HR) id, when there is one: not blank, at most 100 characters.
STEWARD_CORE_API QString checkTitle(const QString& title);
STEWARD_CORE_API QString checkOrgUnitName(const QString& name);
STEWARD_CORE_API QString checkExternalId(const QString& id);
STEWARD_CORE_API QString checkAllocation(int percent);

// ISO 8601 calendar date (YYYY-MM-DD) or nullopt.
STEWARD_CORE_API std::optional<QDate> parseIsoDate(const QString& text);

// Throws Error(Validation) "<field>: <problem>" when `problem` is not empty.
STEWARD_CORE_API void require(const QString& field, const QString& problem);

} // namespace steward
