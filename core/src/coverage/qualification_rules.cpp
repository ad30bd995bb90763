// Whether the people holding a project's roles are fit for them: every qualification their roles
// and duties require, valid on the checking date (UNQUALIFIED_HOLDER), and not about to lapse
// (QUALIFICATION_EXPIRING); and, on a high-risk system the organisation deploys, a current and
// qualified person Accountable for human oversight (NO_HUMAN_OVERSIGHT, EU AI Act Art. 26(2)).
#include "coverage/core_rules.h"
#include "coverage/rule_text.h"

#include <steward/builtin_keys.h>
#include <steward/rule_support.h>

#include <cstdio>
#include <map>
#include <set>

namespace steward {
namespace {

using rule_text::isoDate;
using rule_text::personLabel;

struct Need {
    std::string name;
    std::set<std::string> roles; // what requires it: the roles and responsibilities held
};

// What the person's roles and Responsible or Accountable entries on the project require, by
// qualification key.
std::map<std::string, Need> needsOf(const ProjectStaffing& s, std::int64_t personId)
{
    std::map<std::string, Need> needs;
    const auto add = [&](const QualificationRequirementInfo& r, const std::string& because) {
        Need& n = needs[r.qualificationKey];
        n.name = r.qualificationName;
        n.roles.insert(because);
    };
    for (const AssignmentInfo& a : s.assignments) {
        if (a.personId != personId || !a.coversDate(s.asOf))
            continue;
        for (const QualificationRequirementInfo& r : s.qualificationRequirements)
            if (requirementBindsRole(r, a.roleKey))
                add(r, a.roleKey);
    }
    for (const RaciInfo& e : s.raci) {
        if (e.personId != personId ||
            (e.kind != RaciKind::Responsible && e.kind != RaciKind::Accountable))
            continue;
        for (const QualificationRequirementInfo& r : s.qualificationRequirements)
            if (requirementBindsDuty(s, r, e.responsibilityKey))
                add(r, r.responsibilityKey.empty() ? roleOfResponsibility(s, e.responsibilityKey)
                                                   : e.responsibilityKey);
    }
    return needs;
}

std::string described(const std::string& key, const Need& n)
{
    std::vector<std::string> roles(n.roles.begin(), n.roles.end());
    return "\"" + n.name + "\" (" + key + ", for " + joinWithAnd(roles) + ")";
}

class QualifiedHoldersRule final : public Rule {
public:
    std::string key() const override { return "qualified-holders"; }
    std::string description() const override
    {
        return "Everyone holding a role, or Responsible or Accountable for a duty, holds every "
               "qualification it requires, valid on the day and for the next " +
               std::to_string(kQualificationWarningDays) + " days.";
    }
    std::vector<Finding> check(const ProjectStaffing& s) const override
    {
        std::vector<Finding> findings;
        if (s.qualificationRequirements.empty())
            return findings;
        const Date warnUntil{std::chrono::sys_days(s.asOf) +
                             std::chrono::days(kQualificationWarningDays)};
        for (const PersonInfo& p : s.people) {
            if (!p.active) // INACTIVE_ASSIGNEE says what to do about them
                continue;
            std::vector<std::string> missing;
            std::vector<std::string> lapsing;
            for (const auto& [key, need] : needsOf(s, p.id)) {
                const HeldQualification* held = p.qualification(key);
                if (held == nullptr)
                    missing.push_back(described(key, need));
                else if (held->expiresOn && *held->expiresOn <= warnUntil)
                    lapsing.push_back(described(key, need) + " expires on " +
                                      isoDate(*held->expiresOn));
            }
            if (!missing.empty())
                findings.push_back(makeFinding(
                    s, "core", coverage_code::UnqualifiedHolder, Severity::Error, p.email,
                    personLabel(s, p.id) + " holds no valid " + joinWithAnd(missing) + ".",
                    "Record " + p.name +
                        "'s completion with steward qualification record (or an LMS import), "
                        "or give the role to someone qualified."));
            if (!lapsing.empty())
                findings.push_back(makeFinding(
                    s, "core", coverage_code::QualificationExpiring, Severity::Warning, p.email,
                    personLabel(s, p.id) + "'s " + joinWithAnd(lapsing) + ".",
                    "Have " + p.name + " renew it before then and record the new completion."));
        }
        return findings;
    }
};

class HumanOversightRule final : public Rule {
public:
    std::string key() const override { return "human-oversight"; }
    std::string description() const override
    {
        return "A high-risk AI system the organisation deploys has, once deployed, a current and "
               "qualified person Accountable for its human oversight.";
    }
    // Oversight is of a system in use, as the operating duties are: from deployment on.
    static bool applies(const ProjectInfo& p)
    {
        return p.riskTier == RiskTier::High &&
               (p.aiActRole == AiActRole::Deployer ||
                p.aiActRole == AiActRole::ProviderAndDeployer) &&
               (p.stage == ProjectStage::Deployment || p.stage == ProjectStage::Operation);
    }
    std::vector<Finding> check(const ProjectStaffing& s) const override
    {
        if (!applies(s.project))
            return {};
        const std::string duty(builtin::responsibilities::kHumanOversight);
        std::vector<std::string> unfit;
        for (std::int64_t id : s.raciHolders(duty, RaciKind::Accountable)) {
            if (isOnProject(s, id) && qualifiedForDuty(s, id, duty))
                return {};
            unfit.push_back(personLabel(s, id) +
                            (isOnProject(s, id) ? " lacks a qualification the duty requires"
                                                : " holds no role on the project on the day"));
        }
        const std::string why = unfit.empty()
                                    ? "nobody is Accountable for its human oversight (" + duty + ")"
                                    : "of those Accountable for its human oversight (" + duty +
                                          "), " + joinWithAnd(unfit);
        return {makeFinding(
            s, "core", coverage_code::NoHumanOversight, Severity::Error, duty,
            s.project.key +
                " is a high-risk AI system the organisation deploys and it is in use, but " + why +
                ".",
            "Make one person who holds the " +
                std::string(builtin::roles::kAiRiskGovernanceSpecialist) +
                " role and the \"Human oversight of high-risk AI\" training Accountable for it "
                "(EU AI Act Art. 26(2)).")};
    }
};

} // namespace

std::shared_ptr<const Rule> qualifiedHoldersRule()
{
    return std::make_shared<QualifiedHoldersRule>();
}

std::shared_ptr<const Rule> humanOversightRule()
{
    return std::make_shared<HumanOversightRule>();
}

} // namespace steward
