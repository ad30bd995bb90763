#include "common/labels.h"

namespace steward::gui {

QString Labels::of(LifecycleStage v)
{
    switch (v) {
    case LifecycleStage::Research:
        return tr("Research");
    case LifecycleStage::Data:
        return tr("Data");
    case LifecycleStage::Analysis:
        return tr("Analysis");
    case LifecycleStage::Build:
        return tr("Build");
    case LifecycleStage::Operate:
        return tr("Operate");
    case LifecycleStage::Govern:
        return tr("Govern");
    case LifecycleStage::Align:
        return tr("Align");
    }
    return {};
}

QString Labels::of(RiskTier v)
{
    switch (v) {
    case RiskTier::Minimal:
        return tr("Minimal");
    case RiskTier::Limited:
        return tr("Limited");
    case RiskTier::High:
        return tr("High");
    case RiskTier::Unacceptable:
        return tr("Unacceptable");
    }
    return {};
}

QString Labels::of(ProjectStage v)
{
    switch (v) {
    case ProjectStage::Concept:
        return tr("Concept");
    case ProjectStage::Development:
        return tr("Development");
    case ProjectStage::Validation:
        return tr("Validation");
    case ProjectStage::Deployment:
        return tr("Deployment");
    case ProjectStage::Operation:
        return tr("Operation");
    case ProjectStage::Retirement:
        return tr("Retirement");
    }
    return {};
}

QString Labels::of(ProjectStatus v)
{
    switch (v) {
    case ProjectStatus::Proposed:
        return tr("Proposed");
    case ProjectStatus::Active:
        return tr("Active");
    case ProjectStatus::OnHold:
        return tr("On hold");
    case ProjectStatus::Completed:
        return tr("Completed");
    case ProjectStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString Labels::of(AiActRole v)
{
    switch (v) {
    case AiActRole::Provider:
        return tr("Provider");
    case AiActRole::Deployer:
        return tr("Deployer");
    case AiActRole::ProviderAndDeployer:
        return tr("Provider and deployer");
    }
    return {};
}

QString Labels::of(Industry v)
{
    switch (v) {
    case Industry::General:
        return tr("General");
    case Industry::Healthcare:
        return tr("Healthcare");
    case Industry::Finance:
        return tr("Finance");
    case Industry::Marketing:
        return tr("Marketing");
    case Industry::PublicSector:
        return tr("Public sector");
    case Industry::Manufacturing:
        return tr("Manufacturing");
    case Industry::Other:
        return tr("Other");
    }
    return {};
}

QString Labels::of(RaciKind v)
{
    switch (v) {
    case RaciKind::Responsible:
        return tr("Responsible");
    case RaciKind::Accountable:
        return tr("Accountable");
    case RaciKind::Consulted:
        return tr("Consulted");
    case RaciKind::Informed:
        return tr("Informed");
    }
    return {};
}

QString Labels::of(Severity v)
{
    switch (v) {
    case Severity::Info:
        return tr("Info");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Error:
        return tr("Error");
    }
    return {};
}

QString Labels::letter(RaciKind v)
{
    //: The one-letter RACI codes shown in the matrix and typed to set them.
    switch (v) {
    case RaciKind::Responsible:
        return tr("R");
    case RaciKind::Accountable:
        return tr("A");
    case RaciKind::Consulted:
        return tr("C");
    case RaciKind::Informed:
        return tr("I");
    }
    return {};
}

} // namespace steward::gui
