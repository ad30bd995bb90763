// An example Steward plugin: a role pack with one role and one rule.
//
// A plugin implements steward::Plugin and exports it with STEWARD_PLUGIN. Steward reads the
// descriptor (id, version, supported Steward versions) before it calls any code here, then asks
// the plugin for its roles, checklists and rules and checks them: role keys start with the plugin
// id ("acme."), responsibility keys with their role key. A plugin that throws or declares malformed
// content is reported as failed and skipped; Steward carries on.
#include <steward/plugin.h>

namespace acme {

constexpr char kModelApprover[] = "acme.model-approver";

// Rules see one project's staffing as a value and return findings; they do not store anything.
// Their findings are shown by `steward coverage`, tagged with the plugin id.
class ApproverNamed final : public steward::Rule {
public:
    std::string key() const override { return "approver-named"; }

    std::string description() const override
    {
        return "A high-risk AI project has someone holding the model approver role.";
    }

    std::vector<steward::Finding> check(const steward::ProjectStaffing& staffing) const override
    {
        if (staffing.project.riskTier != steward::RiskTier::High ||
            !staffing.holdersOf(kModelApprover).empty())
            return {};
        steward::Finding finding;
        finding.code = "ACME_NO_MODEL_APPROVER"; // stable, prefixed with the pack's name
        finding.severity = steward::Severity::Error;
        finding.subject = kModelApprover;
        finding.message = "High-risk project " + staffing.project.key + " has no model approver.";
        finding.remedy = "Assign someone the Model Approver role before the model goes live.";
        return {finding};
    }
};

class Plugin final : public steward::Plugin {
public:
    std::vector<steward::RoleSpec> roles() const override
    {
        steward::RoleSpec approver;
        approver.key = kModelApprover;
        approver.name = "Model Approver";
        approver.summary = "Decides whether a model may go into production at Acme.";
        approver.category = "ethics-governance";
        approver.responsibilities = {
            {std::string(kModelApprover) + ".approve-release",
             "Approve or reject each model release against Acme's model policy.",
             steward::LifecycleStage::Govern, true},
        };
        return {approver};
    }

    std::vector<std::shared_ptr<const steward::Rule>> rules() const override
    {
        return {std::make_shared<ApproverNamed>()};
    }
};

} // namespace acme

// Class, id, version, name, vendor, description. Plugins that build on another plugin's roles
// use STEWARD_PLUGIN_REQUIRES(..., "other-plugin-id") instead.
STEWARD_PLUGIN(acme::Plugin, "acme", "1.0.0", "Acme model governance", "Acme Ltd",
               "The model approver role Acme's model policy asks for.")
