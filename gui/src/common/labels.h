// The words the GUI shows for the core's enumerations. The core's text forms are storage keys
// ("on-hold", "R"); people read translated labels ("On hold", "Responsible").
#pragma once

#include <steward/domain.h>

#include <QCoreApplication>
#include <QString>

#include <array>

namespace steward::gui {

class Labels {
    Q_DECLARE_TR_FUNCTIONS(Labels)

public:
    static QString of(LifecycleStage v);
    static QString of(RiskTier v);
    static QString of(ProjectStage v);
    static QString of(ProjectStatus v);
    static QString of(AiActRole v);
    static QString of(Industry v);
    static QString of(RaciKind v); // "Responsible", ...
    static QString of(Severity v);
    static QString letter(RaciKind v); // "R", "A", "C", "I"
};

// Every value of an enumeration, in declaration order, for filters and charts.
inline constexpr std::array kLifecycleStages = {LifecycleStage::Research, LifecycleStage::Data,
                                                LifecycleStage::Analysis, LifecycleStage::Build,
                                                LifecycleStage::Operate,  LifecycleStage::Govern,
                                                LifecycleStage::Align};
inline constexpr std::array kRiskTiers = {RiskTier::Minimal, RiskTier::Limited, RiskTier::High,
                                          RiskTier::Unacceptable};
inline constexpr std::array kProjectStages = {ProjectStage::Concept,    ProjectStage::Development,
                                              ProjectStage::Validation, ProjectStage::Deployment,
                                              ProjectStage::Operation,  ProjectStage::Retirement};
inline constexpr std::array kProjectStatuses = {ProjectStatus::Proposed, ProjectStatus::Active,
                                                ProjectStatus::OnHold, ProjectStatus::Completed,
                                                ProjectStatus::Cancelled};
inline constexpr std::array kIndustries = {
    Industry::General,      Industry::Healthcare,    Industry::Finance, Industry::Marketing,
    Industry::PublicSector, Industry::Manufacturing, Industry::Other};
inline constexpr std::array kRaciKinds = {RaciKind::Responsible, RaciKind::Accountable,
                                          RaciKind::Consulted, RaciKind::Informed};

} // namespace steward::gui
