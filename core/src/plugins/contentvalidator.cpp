#include "plugins/contentvalidator.h"

#include "plugins/pluginloader.h"

#include <steward/builtin_keys.h>

#include <algorithm>
#include <array>

namespace steward::plugins {

namespace {

// The categories the role table accepts (sql/0001_foundation.sql).
constexpr std::array<std::string_view, 8> kCategories = {
    "engineering",       "data",       "research", "operations",
    "ethics-governance", "management", "advisory", "domain"};

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

bool isBlank(std::string_view s)
{
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.size() > prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// "word" or "word.word..." where each word is a slug.
bool isDottedSlug(std::string_view s)
{
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        if (!isSlug(s.substr(start, dot == std::string_view::npos ? dot : dot - start)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

class Checker {
public:
    Checker(const std::string& pluginId, const ValidationContext& context)
        : m_pluginId(pluginId)
        , m_context(context)
    {
    }

    void roles(const std::vector<RoleSpec>& roles)
    {
        std::set<std::string> roleKeys;
        std::set<std::string> responsibilityKeys;
        for (const RoleSpec& role : roles) {
            const std::string where = "role " + inQuotes(role.key);
            const std::string prefix = m_pluginId + ".";
            if (!startsWith(role.key, prefix) || !isSlug(role.key.substr(prefix.size())))
                problem(where +
                        ": a role key is the plugin id, a dot and lower-case words joined "
                        "by '-', e.g. " +
                        inQuotes(prefix + "model-validator"));
            if (!roleKeys.insert(role.key).second)
                problem(where + " is declared twice");
            else
                clash(where, m_context.taken ? &m_context.taken->roles : nullptr, role.key);
            if (isBlank(role.name))
                problem(where + " has no name");
            if (std::find(kCategories.begin(), kCategories.end(), role.category) ==
                kCategories.end())
                problem(where + " has the unknown category " + inQuotes(role.category) +
                        " (one of engineering, data, research, operations, ethics-governance, "
                        "management, advisory, domain)");

            for (const ResponsibilitySpec& r : role.responsibilities) {
                const std::string rwhere = "responsibility " + inQuotes(r.key);
                if (!startsWith(r.key, role.key + ".") ||
                    !isDottedSlug(r.key.substr(role.key.size() + 1)))
                    problem(rwhere + " does not belong to " + where + ": its key must start with " +
                            inQuotes(role.key + "."));
                if (!responsibilityKeys.insert(r.key).second)
                    problem(rwhere + " is declared twice");
                else
                    clash(rwhere, m_context.taken ? &m_context.taken->responsibilities : nullptr,
                          r.key);
                if (isBlank(r.text))
                    problem(rwhere + " has no text");
            }
            m_ownRoles.insert(role.key);
        }
    }

    void checklists(const std::vector<ChecklistSpec>& checklists)
    {
        std::set<std::string> keys;
        for (const ChecklistSpec& c : checklists) {
            const std::string where = "checklist " + inQuotes(c.key);
            if (!isDottedSlug(c.key))
                problem(where + ": a checklist key is lower-case words joined by '-', e.g. "
                                "'nist-ai-rmf'");
            if (!keys.insert(c.key).second)
                problem(where + " is declared twice");
            else
                clash(where, m_context.taken ? &m_context.taken->checklists : nullptr, c.key);
            if (isBlank(c.title))
                problem(where + " has no title");

            std::set<std::string> sectionIds;
            std::set<std::string> itemIds;
            std::size_t items = 0;
            for (const ChecklistSection& s : c.sections) {
                const std::string swhere = where + " section " + inQuotes(s.id);
                if (!s.id.empty() && !sectionIds.insert(s.id).second)
                    problem(swhere + " is declared twice");
                if (s.items.empty())
                    problem(swhere + " has no items");
                items += s.items.size();
                for (const ChecklistItem& item : s.items) {
                    const std::string iwhere = where + " item " + inQuotes(item.id);
                    if (isBlank(item.id))
                        problem(where + " has an item without an id in section " + inQuotes(s.id));
                    else if (!itemIds.insert(item.id).second)
                        problem(iwhere + " is used twice");
                    if (isBlank(item.text))
                        problem(iwhere + " has no text");
                    if (!item.roleKey.empty() && !roleKnown(item.roleKey))
                        problem(iwhere + " names the unknown role " + inQuotes(item.roleKey) +
                                ": use a built-in role, one of this plugin's roles or a role of a "
                                "plugin it requires");
                }
            }
            if (items == 0)
                problem(where + " has no items");
        }
    }

    void rules(const std::vector<std::string>& ruleKeys)
    {
        std::set<std::string> keys;
        for (std::size_t i = 0; i < ruleKeys.size(); ++i) {
            if (isBlank(ruleKeys[i]))
                problem("rule " + std::to_string(i + 1) + " has an empty key");
            else if (!keys.insert(ruleKeys[i]).second)
                problem("rule " + inQuotes(ruleKeys[i]) + " is declared twice");
        }
    }

    void qualifications(const std::vector<QualificationSpec>& qualifications,
                        const std::vector<QualificationRequirementSpec>& requirements,
                        const std::vector<RoleSpec>& roles)
    {
        std::set<std::string> own;
        for (const QualificationSpec& q : qualifications) {
            const std::string where = "qualification " + inQuotes(q.key);
            const std::string prefix = m_pluginId + ".";
            if (!startsWith(q.key, prefix) || !isSlug(q.key.substr(prefix.size())))
                problem(where +
                        ": a qualification key is the plugin id, a dot and lower-case words "
                        "joined by '-', e.g. " +
                        inQuotes(prefix + "clinical-safety"));
            if (!own.insert(q.key).second)
                problem(where + " is declared twice");
            else
                clash(where, m_context.taken ? &m_context.taken->qualifications : nullptr, q.key);
            if (isBlank(q.name))
                problem(where + " has no name");
            if (q.validityMonths && (*q.validityMonths < 1 || *q.validityMonths > 600))
                problem(where + " has a validity of " + std::to_string(*q.validityMonths) +
                        " months (from 1 to 600, or none for a qualification that does not lapse)");
        }
        std::set<std::string> duties;
        for (const RoleSpec& role : roles)
            for (const ResponsibilitySpec& r : role.responsibilities)
                duties.insert(r.key);
        for (std::size_t i = 0; i < requirements.size(); ++i) {
            const QualificationRequirementSpec& r = requirements[i];
            const std::string where = "qualification requirement " + std::to_string(i + 1) + " (" +
                                      inQuotes(r.qualificationKey) + ")";
            const bool known =
                own.count(r.qualificationKey) ||
                std::find(builtin::qualifications::kAll.begin(),
                          builtin::qualifications::kAll.end(),
                          r.qualificationKey) != builtin::qualifications::kAll.end() ||
                (m_context.taken && m_context.taken->qualifications.count(r.qualificationKey)) ||
                std::any_of(m_context.uncheckedRolePlugins.begin(),
                            m_context.uncheckedRolePlugins.end(), [&](const std::string& id) {
                                return startsWith(r.qualificationKey, id + ".");
                            });
            if (!known)
                problem(where + " names a qualification that is neither built in nor declared by "
                                "this plugin or one it requires");
            if (r.roleKey.empty() == r.responsibilityKey.empty())
                problem(where + " must name exactly one of a role and a responsibility");
            else if (!r.roleKey.empty() && !roleKnown(r.roleKey))
                problem(where + " names the unknown role " + inQuotes(r.roleKey));
            else if (!r.responsibilityKey.empty() && !duties.count(r.responsibilityKey) &&
                     m_context.knownRoles &&
                     !(m_context.taken &&
                       m_context.taken->responsibilities.count(r.responsibilityKey)) &&
                     !roleKnown(r.responsibilityKey.substr(0, r.responsibilityKey.rfind('.'))))
                problem(where + " names the unknown responsibility " +
                        inQuotes(r.responsibilityKey));
        }
    }

    std::vector<std::string> take() { return std::move(m_problems); }

private:
    void problem(std::string text) { m_problems.push_back(std::move(text)); }

    void clash(const std::string& where, const std::map<std::string, std::string>* taken,
               const std::string& key)
    {
        if (!taken)
            return;
        if (const auto it = taken->find(key); it != taken->end())
            problem(where + " is already declared by " + it->second);
    }

    bool roleKnown(const std::string& key) const
    {
        if (!m_context.knownRoles || m_ownRoles.count(key) || m_context.knownRoles->count(key))
            return true;
        return std::any_of(m_context.uncheckedRolePlugins.begin(),
                           m_context.uncheckedRolePlugins.end(),
                           [&](const std::string& id) { return startsWith(key, id + "."); });
    }

    const std::string& m_pluginId;
    const ValidationContext& m_context;
    std::set<std::string> m_ownRoles;
    std::vector<std::string> m_problems;
};

} // namespace

void KeyRegistry::add(const PluginContent& content)
{
    const std::string owner = "plugin " + inQuotes(content.pluginId);
    for (const RoleSpec& role : content.roles) {
        roles.emplace(role.key, owner);
        for (const ResponsibilitySpec& r : role.responsibilities)
            responsibilities.emplace(r.key, owner);
    }
    for (const ChecklistSpec& c : content.checklists)
        checklists.emplace(c.key, owner);
    for (const QualificationSpec& q : content.qualifications)
        qualifications.emplace(q.key, owner);
}

std::vector<std::string> validateContent(const std::string& pluginId, const PluginContent& content,
                                         const std::vector<std::string>& ruleKeys,
                                         const ValidationContext& context)
{
    Checker checker(pluginId, context);
    // Roles first: checklist items may name the plugin's own roles.
    checker.roles(content.roles);
    checker.checklists(content.checklists);
    checker.qualifications(content.qualifications, content.qualificationRequirements,
                           content.roles);
    checker.rules(ruleKeys);
    return checker.take();
}

} // namespace steward::plugins
