// What a plugin declares (its descriptor's id and version, its roles, responsibilities and
// checklists) is checked before anything of it is used: any content, however odd its texts,
// enumerations or sizes, gets a list of problems or none, never a crash; and content found valid
// has well-formed keys.
#include "plugins/contentvalidator.h"
#include "plugins/pluginloader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>

namespace {

using namespace steward;

// Short strings mostly, sometimes a key-like one, so that both the checks and the paths behind
// them are reached.
std::string text(FuzzedDataProvider& in)
{
    switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
        return "";
    case 1:
        return in.PickValueInArray({"ai-engineer", "finance", "fuzz", "fuzz.role", "fuzz.role.duty",
                                    "GOVERN 1.1", "1.0.0", "x"});
    default:
        return in.ConsumeRandomLengthString(64);
    }
}

template <typename Enum, std::size_t N>
std::vector<Enum> some(FuzzedDataProvider& in, const Enum (&values)[N])
{
    std::vector<Enum> result(in.ConsumeIntegralInRange<std::size_t>(0, 3));
    for (Enum& v : result)
        v = in.PickValueInArray(values);
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    const std::string id = text(in);
    const std::string version = text(in);
    (void)plugins::isSlug(id);
    (void)plugins::isVersion(version);

    PluginContent content;
    content.pluginId = id;
    content.pluginVersion = version;
    content.pluginName = text(in);
    const Industry industries[] = {Industry::General, Industry::Healthcare, Industry::Finance,
                                   Industry::Marketing};
    const RiskTier tiers[] = {RiskTier::Minimal, RiskTier::Limited, RiskTier::High,
                              RiskTier::Unacceptable};
    const AiActRole actors[] = {AiActRole::Provider, AiActRole::Deployer,
                                AiActRole::ProviderAndDeployer};
    const LifecycleStage stages[] = {LifecycleStage::Research, LifecycleStage::Build,
                                     LifecycleStage::Operate, LifecycleStage::Govern};
    for (int r = in.ConsumeIntegralInRange(0, 4); r > 0; --r) {
        RoleSpec role{text(in), text(in), text(in), text(in), std::nullopt, {}};
        if (in.ConsumeBool())
            role.industry = in.PickValueInArray(industries);
        for (int k = in.ConsumeIntegralInRange(0, 4); k > 0; --k)
            role.responsibilities.push_back(
                {text(in), text(in), in.PickValueInArray(stages), in.ConsumeBool()});
        content.roles.push_back(std::move(role));
    }
    for (int c = in.ConsumeIntegralInRange(0, 2); c > 0; --c) {
        ChecklistSpec checklist{text(in), text(in), text(in), text(in), text(in), text(in), {}};
        for (int s = in.ConsumeIntegralInRange(0, 3); s > 0; --s) {
            ChecklistSection section{text(in), text(in), text(in), {}};
            for (int i = in.ConsumeIntegralInRange(0, 4); i > 0; --i)
                section.items.push_back(
                    {text(in),
                     text(in),
                     text(in),
                     text(in),
                     text(in),
                     text(in),
                     {some(in, tiers), some(in, actors), some(in, industries)}});
            checklist.sections.push_back(std::move(section));
        }
        content.checklists.push_back(std::move(checklist));
    }
    std::vector<std::string> ruleKeys;
    for (int k = in.ConsumeIntegralInRange(0, 3); k > 0; --k)
        ruleKeys.push_back(text(in));

    plugins::KeyRegistry taken;
    taken.roles["ai-engineer"] = "the built-in catalogue";
    taken.responsibilities["ai-engineer.deploy-models"] = "the built-in catalogue";
    const std::set<std::string> known{"ai-engineer", "data-engineer"};
    plugins::ValidationContext context;
    context.taken = &taken;
    context.knownRoles = in.ConsumeBool() ? &known : nullptr;
    const std::vector<std::string> problems =
        plugins::validateContent(id, content, ruleKeys, context);
    for (const std::string& p : problems)
        if (p.empty())
            std::abort(); // every problem is a sentence
    if (problems.empty())
        for (const RoleSpec& role : content.roles)
            if (role.key.empty())
                std::abort(); // valid content has keys
    return 0;
}
