#include "raci/coverage_gap.h"

#include "coverage/core_rules.h"
#include "services/catalog_service.h"

namespace steward::gui {

CoverageGaps::CoverageGaps(Database& db)
{
    CatalogService catalog(db);
    for (const Role& r : catalog.roles())
        m_roleNames[r.key] = r.name;
    for (const Responsibility& r : catalog.responsibilities())
        m_responsibilities[r.key] = {r.roleKey, r.text};
}

CoverageGap CoverageGaps::of(const Finding& finding) const
{
    CoverageGap gap;
    const QString code = qs(finding.code);
    const QString subject = qs(finding.subject);
    // "Nobody/no one holds or does X" findings: the core's own codes, and a pack's prefixed ones.
    const bool missing =
        code.startsWith(QLatin1String("NO_")) || code.contains(QLatin1String("_NO_"));
    if (!missing || code == QLatin1String(coverage_code::MultipleAccountable))
        return gap;
    auto roleName = [this](const QString& key) {
        const auto it = m_roleNames.find(key);
        return it != m_roleNames.end() ? it->second : key;
    };
    if (const auto r = m_responsibilities.find(subject); r != m_responsibilities.end()) {
        if (code.endsWith(QLatin1String("ACCOUNTABLE")))
            gap.raciKind = RaciKind::Accountable;
        else if (code.endsWith(QLatin1String("RESPONSIBLE")))
            gap.raciKind = RaciKind::Responsible;
        else
            return gap;
        gap.kind = CoverageGap::Kind::Raci;
        gap.responsibilityKey = subject;
        gap.responsibilityText = r->second.text;
        gap.roleKey = r->second.roleKey;
        gap.roleName = roleName(gap.roleKey);
        return gap;
    }
    if (m_roleNames.count(subject) != 0) {
        gap.kind = CoverageGap::Kind::HoldRole;
        gap.roleKey = subject;
        gap.roleName = roleName(subject);
    }
    return gap;
}

} // namespace steward::gui
