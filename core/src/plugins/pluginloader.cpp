#include "plugins/pluginloader.h"

#include <steward/version.h>

#include <QFileInfo>

#include <array>
#include <charconv>
#include <dlfcn.h>
#include <exception>
#include <filesystem>
#include <functional>
#include <system_error>

namespace steward::plugins {

namespace {

constexpr const char* kDescriptorSymbol = "steward_plugin_descriptor";
constexpr const char* kFactorySymbol = "steward_plugin_create";

using VersionNumber = std::array<unsigned long, 3>;

std::optional<VersionNumber> parseVersion(std::string_view text)
{
    VersionNumber v{};
    const char* p = text.data();
    const char* end = text.data() + text.size();
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0) {
            if (p == end || *p != '.')
                return std::nullopt;
            ++p;
        }
        // from_chars accepts no sign or space, so "1.-2.3" and "1. 2.3" are refused.
        const auto [next, ec] = std::from_chars(p, end, v[i]);
        if (ec != std::errc() || next == p)
            return std::nullopt;
        p = next;
    }
    return p == end ? std::optional(v) : std::nullopt;
}

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

std::string sdkSeries()
{
    return std::to_string(STEWARD_VERSION_MAJOR) + "." + std::to_string(STEWARD_VERSION_MINOR);
}

// How the record names the plugin in messages: by id once known, by file name before.
std::string subject(const PluginRecord& record)
{
    if (!record.id.empty())
        return "plugin " + inQuotes(record.id);
    return inQuotes(QFileInfo(record.path).fileName().toStdString());
}

// Runs one call into plugin code. An exception becomes the record's error, phrased as
// "<subject> failed: <what> threw: <message>", and is fully handled here, while the library
// that threw it is still loaded.
bool guarded(PluginRecord& record, const std::string& what, const std::function<void()>& call)
{
    try {
        call();
        return true;
    } catch (const std::exception& e) {
        fail(record, subject(record) + " failed: " + what + " threw: " + e.what());
    } catch (...) {
        fail(record, subject(record) + " failed: " + what +
                         " threw an exception that is not a "
                         "std::exception");
    }
    return false;
}

// A plugin's rule, as the host hands it out. Member order matters: `m_rule` is destroyed before
// `m_plugin`, whose holder releases the library last.
class GuardedRule final : public PluginRule {
public:
    GuardedRule(std::shared_ptr<const Plugin> plugin, std::shared_ptr<const Rule> rule,
                std::string pluginId, std::string key, std::string description,
                std::optional<RuleInputs> inputs)
        : m_plugin(std::move(plugin))
        , m_rule(std::move(rule))
        , m_pluginId(std::move(pluginId))
        , m_key(std::move(key))
        , m_description(std::move(description))
        , m_inputs(std::move(inputs))
    {
    }

    std::string key() const override { return m_key; }
    std::string description() const override { return m_description; }
    const std::string& pluginId() const override { return m_pluginId; }
    const std::optional<RuleInputs>& inputs() const override { return m_inputs; }

    std::vector<Finding> check(const ProjectStaffing& staffing) const override
    {
        std::string problem;
        try {
            std::vector<Finding> findings = m_rule->check(staffing);
            for (Finding& f : findings) {
                f.source = m_pluginId;
                if (f.projectKey.empty())
                    f.projectKey = staffing.project.key;
            }
            return findings;
        } catch (const std::exception& e) {
            problem = e.what();
        } catch (...) {
            problem = "an exception that is not a std::exception";
        }
        Finding failure;
        failure.code = "PLUGIN_RULE_FAILED";
        failure.severity = Severity::Error;
        failure.projectKey = staffing.project.key;
        failure.subject = m_pluginId + "/" + m_key;
        failure.message = "Rule " + inQuotes(m_key) + " of plugin " + inQuotes(m_pluginId) +
                          " could not check this project: it threw: " + problem;
        failure.remedy = "Report this to the plugin's vendor, or disable plugin " +
                         inQuotes(m_pluginId) + " until it is fixed.";
        failure.source = m_pluginId;
        return {failure};
    }

private:
    std::shared_ptr<const Plugin> m_plugin;
    std::shared_ptr<const Rule> m_rule;
    std::string m_pluginId;
    std::string m_key;
    std::string m_description;
    std::optional<RuleInputs> m_inputs;
};

// Owns the plugin object and, declared first and so destroyed last, its library.
struct PluginHolder {
    LibraryHandle library;
    std::unique_ptr<Plugin> plugin;
};

std::string copyText(const char* text)
{
    return text ? std::string(text) : std::string();
}

} // namespace

bool isVersion(std::string_view text)
{
    return parseVersion(text).has_value();
}

bool isSlug(std::string_view text)
{
    if (text.empty() || text.front() == '-' || text.back() == '-')
        return false;
    char previous = 0;
    for (char c : text) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!word && !(c == '-' && previous != '-'))
            return false;
        previous = c;
    }
    return true;
}

LibraryHandle openPlugin(PluginRecord& record)
{
    const std::string file = QFileInfo(record.path).fileName().toStdString();
    auto library = std::make_shared<boost::dll::shared_library>();
    std::error_code ec;
    ::dlerror();
    // rtld_now: a plugin with unresolved symbols is refused here rather than crashing later.
    library->load(std::filesystem::path(record.path.toStdString()), ec,
                  boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    if (ec) {
        const char* why = ::dlerror();
        fail(record, inQuotes(file) + " is not a loadable shared library: " +
                         (why ? std::string(why) : ec.message()));
        return nullptr;
    }
    if (!library->has(kDescriptorSymbol)) {
        fail(record, inQuotes(file) + " is not a Steward plugin: it exports no " +
                         kDescriptorSymbol +
                         " (build it with the STEWARD_PLUGIN macro of the Steward SDK)");
        return nullptr;
    }
    const auto& descriptor = library->get_alias<const PluginDescriptor>(kDescriptorSymbol);

    // Only the first two members are guaranteed across ABI versions; read nothing else yet.
    record.abiVersion = descriptor.abiVersion;
    record.id = copyText(descriptor.id);
    if (descriptor.abiVersion != kPluginAbiVersion) {
        fail(record, subject(record) + " was built for plugin ABI " +
                         std::to_string(descriptor.abiVersion) + "; this Steward needs ABI " +
                         std::to_string(kPluginAbiVersion) + ": rebuild it against the Steward " +
                         sdkSeries() + " SDK");
        return nullptr;
    }
    record.version = copyText(descriptor.version);
    record.name = copyText(descriptor.name);
    record.vendor = copyText(descriptor.vendor);
    record.description = copyText(descriptor.description);
    record.minStewardVersion = copyText(descriptor.minStewardVersion);
    record.maxStewardVersion = copyText(descriptor.maxStewardVersion);
    record.requiredIds.clear();
    for (const char* const* r = descriptor.required; r && *r; ++r)
        record.requiredIds.emplace_back(*r);

    if (!isSlug(record.id)) {
        record.id.clear(); // a malformed id must not take part in matching ids
        fail(record, inQuotes(file) + " declares the malformed plugin id " +
                         inQuotes(copyText(descriptor.id)) +
                         ": an id is lower-case letters and digits in words joined by '-', "
                         "e.g. 'acme-roles'");
        return nullptr;
    }
    if (!isVersion(record.version)) {
        fail(record, subject(record) + " declares the malformed version " +
                         inQuotes(record.version) + ": use MAJOR.MINOR.PATCH, e.g. '1.0.0'");
        return nullptr;
    }
    if (record.name.empty()) {
        fail(record, subject(record) + " declares no name: give it one people can recognise");
        return nullptr;
    }
    for (const std::string& required : record.requiredIds) {
        if (!isSlug(required)) {
            fail(record,
                 subject(record) + " requires the malformed plugin id " + inQuotes(required));
            return nullptr;
        }
    }

    const auto running = *parseVersion(STEWARD_VERSION_STRING);
    const auto min = parseVersion(record.minStewardVersion);
    if (!min) {
        fail(record, subject(record) + " declares the malformed minimum Steward version " +
                         inQuotes(record.minStewardVersion) + ": use MAJOR.MINOR.PATCH");
        return nullptr;
    }
    if (running < *min) {
        fail(record, subject(record) + " needs Steward " + record.minStewardVersion +
                         " or later; this is Steward " STEWARD_VERSION_STRING
                         ": upgrade Steward or install a version of the plugin built for Steward " +
                         sdkSeries());
        return nullptr;
    }
    if (!record.maxStewardVersion.empty()) {
        const auto max = parseVersion(record.maxStewardVersion);
        if (!max) {
            fail(record, subject(record) + " declares the malformed maximum Steward version " +
                             inQuotes(record.maxStewardVersion) + ": use MAJOR.MINOR.PATCH");
            return nullptr;
        }
        if (!(running < *max)) {
            fail(record, subject(record) + " supports Steward versions before " +
                             record.maxStewardVersion +
                             "; this is Steward " STEWARD_VERSION_STRING
                             ": install a newer version of the plugin");
            return nullptr;
        }
    }
    if (!library->has(kFactorySymbol)) {
        fail(record, subject(record) + " exports no " + kFactorySymbol +
                         " factory: build it with the STEWARD_PLUGIN macro of the Steward SDK");
        return nullptr;
    }
    return library;
}

std::optional<Instance> instantiate(PluginRecord& record, const LibraryHandle& library)
{
    auto& factory = library->get_alias<PluginFactory>(kFactorySymbol);
    auto holder = std::make_shared<PluginHolder>();
    holder->library = library;
    if (!guarded(record, "its factory", [&] { holder->plugin = factory(); }))
        return std::nullopt;
    if (!holder->plugin) {
        fail(record, subject(record) + " failed: its factory returned no plugin object");
        return std::nullopt;
    }
    // Aliasing: the pointer is the plugin, the ownership is the holder with the library.
    std::shared_ptr<const Plugin> plugin(holder, holder->plugin.get());

    Instance instance;
    instance.plugin = plugin;
    instance.content.pluginId = record.id;
    instance.content.pluginVersion = record.version;
    instance.content.pluginName = record.name;
    if (!guarded(record, "roles()", [&] { instance.content.roles = plugin->roles(); }))
        return std::nullopt;
    if (!guarded(record, "checklists()",
                 [&] { instance.content.checklists = plugin->checklists(); }))
        return std::nullopt;
    if (!guarded(record, "qualifications()",
                 [&] { instance.content.qualifications = plugin->qualifications(); }) ||
        !guarded(record, "qualificationRequirements()", [&] {
            instance.content.qualificationRequirements = plugin->qualificationRequirements();
        }))
        return std::nullopt;
    std::vector<std::shared_ptr<const Rule>> rules;
    if (!guarded(record, "rules()", [&] { rules = plugin->rules(); }))
        return std::nullopt;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (!rules[i]) {
            fail(record, subject(record) + " failed: rules() returned a null rule at position " +
                             std::to_string(i + 1));
            return std::nullopt;
        }
        std::string key;
        std::string description;
        const std::string which = "rule " + std::to_string(i + 1) + "'s ";
        if (!guarded(record, which + "key()", [&] { key = rules[i]->key(); }) ||
            !guarded(record, which + "description()",
                     [&] { description = rules[i]->description(); }))
            return std::nullopt;
        std::optional<RuleInputs> inputs;
        if (const auto* scoped = dynamic_cast<const ScopedRule*>(rules[i].get());
            scoped && !guarded(record, which + "inputs()", [&] { inputs = scoped->inputs(); }))
            return std::nullopt;
        instance.rules.push_back(
            std::make_shared<GuardedRule>(plugin, std::move(rules[i]), record.id, std::move(key),
                                          std::move(description), std::move(inputs)));
    }
    // Rules' control blocks may have been made by the plugin: drop them here, while it is loaded.
    rules.clear();
    return instance;
}

void fail(PluginRecord& record, const std::string& message)
{
    record.state = PluginState::Failed;
    record.error = QString::fromStdString(message);
    record.roleKeys.clear();
    record.responsibilityKeys.clear();
    record.ruleKeys.clear();
    record.checklistKeys.clear();
}

} // namespace steward::plugins
