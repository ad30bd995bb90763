// CISO Assistant framework libraries (intuitem/ciso-assistant-community, backend/library/
// libraries/*.yaml): a flat list of requirement nodes that form a tree through parent_urn.
//
// How a library becomes a checklist:
//   - every assessable node is an item, in file order; its id is its ref_id, or the last part of
//     its URN when it has none; text = name and/or description; annotation -> guidance;
//     typical_evidence -> expected evidence; implementation_groups -> a line of the guidance;
//     the URN -> reference;
//   - an item's section is its nearest non-assessable ancestor (a function, category, chapter,
//     article); the section's title names the whole path ("GOVERN › GOVERN 1"), so deep nesting
//     keeps its meaning in Steward's two levels;
//   - non-assessable nodes with no item below them (preambles, recitals, explanatory text) are
//     not imported, and the notes say how many.
#include "checklists/checklist_reading_p.h"
#include "domain/records.h"

#include <map>
#include <set>

namespace steward::checklists {
namespace {

struct Node {
    YAML::Node yaml;
    std::string urn;
    std::string parentUrn;
    std::string refId;
    std::string name;
    std::string description;
    int depth = 0; // 0: not given
    bool assessable = false;
    int line = 0;
};

std::string urnTail(const std::string& urn)
{
    const auto colon = urn.rfind(':');
    return colon == std::string::npos ? urn : urn.substr(colon + 1);
}

// The label of a group node in a section title: "GOVERN 1", "Article 9 Risk management system".
std::string trimmed(const std::string& s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    const auto last = s.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

std::string label(const Node& n)
{
    const std::string refId = trimmed(n.refId);
    const std::string name = trimmed(n.name);
    if (!refId.empty() && !name.empty())
        return refId + " " + name;
    if (!refId.empty())
        return refId;
    if (!name.empty())
        return name;
    return urnTail(n.urn);
}

std::string joinedList(const YAML::Node& node, Problems& problems)
{
    std::string s;
    if (!node.IsDefined() || node.IsNull())
        return s;
    if (node.IsScalar())
        return node.Scalar();
    if (!checkSequence(node, QStringLiteral("implementation_groups"), problems))
        return s;
    for (const YAML::Node& v : node) {
        if (!s.empty())
            s += ", ";
        s += text(v, QStringLiteral("implementation_groups"), problems);
    }
    return s;
}

} // namespace

void readCisoAssistant(const YAML::Node& root, ChecklistFile& file, Problems& problems)
{
    file.format = ChecklistFileFormat::CisoAssistant;
    checkMapping(root, QStringLiteral("the library"), {}, problems);
    const std::string libraryUrn =
        requiredText(root, "urn", QStringLiteral("the library"), problems);
    const YAML::Node objects = root["objects"];
    if (!checkMapping(objects, QStringLiteral("objects"), {}, problems))
        return;
    const YAML::Node framework = objects["framework"];
    if (!framework.IsDefined()) {
        problems.at(objects, QStringLiteral("objects has no framework: this library holds no "
                                            "framework to import (reference controls or threats "
                                            "only?)"));
        return;
    }
    if (!checkMapping(framework, QStringLiteral("objects.framework"), {}, problems))
        return;

    SpecBuilder build(file, problems);
    ChecklistSpec& spec = file.spec;
    build.key(slugify(urnTail(libraryUrn)), lineOf(root["urn"]));
    const std::string frameworkName = text(framework["name"], QStringLiteral("name"), problems);
    const std::string libraryName = text(root["name"], QStringLiteral("name"), problems);
    build.title(frameworkName.empty() ? libraryName : frameworkName, lineOf(framework));
    spec.framework = text(framework["ref_id"], QStringLiteral("ref_id"), problems);
    if (spec.framework.empty())
        spec.framework = text(root["ref_id"], QStringLiteral("ref_id"), problems);
    spec.version = text(root["version"], QStringLiteral("version"), problems);
    const std::string provider = text(root["provider"], QStringLiteral("provider"), problems);
    const std::string packager = text(root["packager"], QStringLiteral("packager"), problems);
    spec.source = "CISO Assistant library " + libraryUrn;
    if (!spec.version.empty())
        spec.source += " version " + spec.version;
    if (!provider.empty())
        spec.source += ", provider " + provider;
    if (!packager.empty())
        spec.source += ", packaged by " + packager;
    spec.licence = text(root["copyright"], QStringLiteral("copyright"), problems);

    const YAML::Node list = framework["requirement_nodes"];
    if (!list.IsDefined()) {
        problems.at(framework, QStringLiteral("objects.framework has no requirement_nodes"));
        return;
    }
    if (!checkSequence(list, QStringLiteral("requirement_nodes"), problems))
        return;

    // First every node, so that parents may come after their children.
    std::vector<Node> nodes;
    std::map<std::string, std::size_t> byUrn;
    for (const YAML::Node& y : list) {
        if (!checkMapping(y, QStringLiteral("a requirement node"), {}, problems))
            continue;
        Node n;
        n.yaml = y;
        n.line = lineOf(y);
        n.urn = requiredText(y, "urn", QStringLiteral("a requirement node"), problems);
        n.parentUrn = text(y["parent_urn"], QStringLiteral("parent_urn"), problems);
        n.refId = text(y["ref_id"], QStringLiteral("ref_id"), problems);
        n.name = text(y["name"], QStringLiteral("name"), problems);
        n.description = text(y["description"], QStringLiteral("description"), problems);
        const YAML::Node assessable = y["assessable"];
        if (assessable.IsDefined()) {
            const std::string a = text(assessable, QStringLiteral("assessable"), problems);
            if (a == "true" || a == "True")
                n.assessable = true;
            else if (a != "false" && a != "False")
                problems.at(assessable,
                            QStringLiteral("assessable is %1, not true or false").arg(qs(a)));
        }
        const YAML::Node depth = y["depth"];
        if (depth.IsDefined()) {
            const QString d = qs(text(depth, QStringLiteral("depth"), problems));
            bool ok = false;
            n.depth = d.toInt(&ok);
            if (!ok || n.depth < 1) {
                problems.at(depth, QStringLiteral("depth is %1, not a whole number from 1").arg(d));
                n.depth = 0;
            }
        }
        if (n.urn.empty())
            continue;
        if (const auto [it, added] = byUrn.emplace(n.urn, nodes.size()); !added) {
            problems.add(n.line, QStringLiteral("the URN %1 is already used on line %2")
                                     .arg(qs(n.urn))
                                     .arg(nodes[it->second].line));
            continue;
        }
        nodes.push_back(std::move(n));
    }

    const auto parentOf = [&](const Node& n) -> const Node* {
        const auto it = byUrn.find(n.parentUrn);
        return n.parentUrn.empty() || it == byUrn.end() ? nullptr : &nodes[it->second];
    };
    for (const Node& n : nodes) {
        if (n.parentUrn.empty()) {
            if (n.depth > 1)
                problems.add(n.line, QStringLiteral("node %1 has depth %2 but no parent_urn")
                                         .arg(qs(n.urn))
                                         .arg(n.depth));
            continue;
        }
        const Node* parent = parentOf(n);
        if (!parent)
            problems.at(
                n.yaml["parent_urn"],
                QStringLiteral("parent_urn %1 names no node of this library").arg(qs(n.parentUrn)));
        else if (n.depth > 0 && parent->depth > 0 && n.depth != parent->depth + 1)
            problems.at(n.yaml["depth"], QStringLiteral("node %1 has depth %2, but its parent "
                                                        "(line %3) has depth %4")
                                             .arg(qs(n.urn))
                                             .arg(n.depth)
                                             .arg(parent->line)
                                             .arg(parent->depth));
    }
    if (!problems.empty())
        return; // the tree is not sound: sections would be guesses

    // The nearest non-assessable ancestor of each item, and that ancestor's path.
    const auto groupOf = [&](const Node& n) -> const Node* {
        const Node* p = parentOf(n);
        for (std::size_t steps = 0; p && p->assessable && steps <= nodes.size(); ++steps)
            p = parentOf(*p);
        return p;
    };
    const auto pathOf = [&](const Node& group) {
        std::vector<std::string> labels{label(group)};
        const Node* p = parentOf(group);
        for (std::size_t steps = 0; p && steps <= nodes.size(); ++steps, p = parentOf(*p))
            labels.insert(labels.begin(), label(*p));
        std::string path;
        for (const std::string& l : labels)
            path += (path.empty() ? "" : " \u203a ") + l;
        return path;
    };

    std::map<const Node*, std::size_t> sectionOf; // group -> index in spec.sections
    std::set<std::string> sectionIds;
    std::set<std::string> itemIds;
    int withoutRefId = 0;
    int renamed = 0;
    int groups = 0;
    const std::string topLevel = spec.framework.empty() ? std::string("top-level") : spec.framework;
    for (const Node& n : nodes)
        if (!n.assessable)
            ++groups;
    for (const Node& n : nodes) {
        if (!n.assessable)
            continue;
        const Node* group = groupOf(n);
        auto section = sectionOf.find(group);
        if (section == sectionOf.end()) {
            ChecklistSection s;
            s.id = group ? (!group->refId.empty()  ? group->refId
                            : !group->name.empty() ? group->name
                                                   : urnTail(group->urn))
                         : topLevel;
            if (!sectionIds.insert(s.id).second) {
                s.id += " (" + (group ? urnTail(group->urn) : std::string("top")) + ")";
                sectionIds.insert(s.id);
            }
            s.title = group ? pathOf(*group) : spec.title;
            s.description = group ? group->description : std::string();
            build.section(std::move(s), group ? group->line : n.line);
            section = sectionOf.emplace(group, spec.sections.size() - 1).first;
        }
        ChecklistItem item;
        item.id = n.refId;
        if (item.id.empty()) {
            item.id = urnTail(n.urn);
            ++withoutRefId;
        }
        if (!itemIds.insert(item.id).second) {
            item.id += " (" + urnTail(n.urn) + ")";
            itemIds.insert(item.id);
            ++renamed;
        }
        if (!n.name.empty() && !n.description.empty() && n.name != n.description)
            item.text = n.name + ": " + n.description;
        else
            item.text = n.description.empty() ? n.name : n.description;
        item.guidance = text(n.yaml["annotation"], QStringLiteral("annotation"), problems);
        const std::string implementationGroups =
            joinedList(n.yaml["implementation_groups"], problems);
        if (!implementationGroups.empty())
            item.guidance += (item.guidance.empty() ? "" : "\n\n") +
                             std::string("Implementation groups: ") + implementationGroups;
        item.expectedEvidence =
            text(n.yaml["typical_evidence"], QStringLiteral("typical_evidence"), problems);
        item.reference = n.urn;
        // An item may follow another section's items in the file: it joins its own section.
        build.item(std::move(item), n.line, 0, section->second);
    }
    build.finish(lineOf(list), true);

    int items = 0;
    for (const ChecklistSection& s : spec.sections)
        items += static_cast<int>(s.items.size());
    file.mappingNotes
        << QStringLiteral("CISO Assistant library %1: %2 requirement nodes")
               .arg(qs(libraryUrn))
               .arg(nodes.size())
        << QStringLiteral("%1 assessable nodes became items, ids from ref_id (%2 without a ref_id "
                          "are named after the last part of their URN; %3 repeated ref_ids got "
                          "that part added)")
               .arg(items)
               .arg(withoutRefId)
               .arg(renamed)
        << QStringLiteral("%1 non-assessable nodes: %2 became sections (each item's nearest "
                          "non-assessable ancestor, titled with its whole path); the other %3 "
                          "(preambles, recitals, explanatory text and groups of groups) hold no "
                          "items and are not imported")
               .arg(groups)
               .arg(spec.sections.size())
               .arg(groups - static_cast<int>(spec.sections.size()))
        << QStringLiteral("name and description -> item text; annotation -> guidance; "
                          "implementation_groups -> a line of the guidance; typical_evidence -> "
                          "expected evidence; urn -> reference; copyright -> licence");
}

} // namespace steward::checklists
