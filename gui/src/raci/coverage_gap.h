// What a coverage finding is missing, when it is something a person can fill: a role nobody holds
// on the project ("no privacy officer"), or a RACI letter nobody has for a responsibility ("nobody
// Accountable"). Screens offer "Assign…" on exactly those findings.
#pragma once

#include <steward/staffing.h>

#include <QString>

#include <map>

namespace steward {
class Database;
}

namespace steward::gui {

struct CoverageGap {
    enum class Kind {
        None,     // nothing one assignment fixes (two Accountable, over-allocation, ...)
        HoldRole, // somebody must hold `roleKey` on the project
        Raci,     // somebody must be `raciKind` for `responsibilityKey`
    };
    Kind kind = Kind::None;
    QString roleKey; // the role to hold, or the responsibility's role
    QString roleName;
    QString responsibilityKey;
    QString responsibilityText;
    RaciKind raciKind = RaciKind::Responsible;

    bool fillable() const { return kind != Kind::None; }
};

// Reads the role catalogue once and tells the gap of each finding. Rules name what they are
// about in Finding::subject (a responsibility or role key) and what is missing in their code
// ("NO_ACCOUNTABLE", "HEALTHCARE_NO_PRIVACY_OFFICER"), so pack rules are understood without the
// GUI knowing each of them.
class CoverageGaps {
public:
    explicit CoverageGaps(Database& db);

    CoverageGap of(const Finding& finding) const;

private:
    struct ResponsibilityEntry {
        QString roleKey;
        QString text;
    };
    std::map<QString, QString> m_roleNames;
    std::map<QString, ResponsibilityEntry> m_responsibilities;
};

} // namespace steward::gui
