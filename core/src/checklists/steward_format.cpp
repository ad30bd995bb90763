// Steward's own checklist format: YAML that says everything a compiled checklist can say. The
// README documents it with a complete example; `steward checklist export --format steward`
// writes it back, so an organisation can keep its checklists in git.
#include "checklists/checklist_reading_p.h"
#include "domain/records.h"

#include <steward/domain.h>

#include <optional>

namespace steward {
namespace checklists {
namespace {

constexpr int kFormatVersion = 1;

template <typename Enum>
std::vector<Enum> enumList(const YAML::Node& node, const QString& field,
                           std::optional<Enum> (*parse)(std::string_view), const char* allowed,
                           Problems& problems)
{
    std::vector<Enum> values;
    if (!node.IsDefined() || node.IsNull())
        return values;
    if (!checkSequence(node, field, problems))
        return values;
    for (const YAML::Node& v : node) {
        const std::string s = text(v, field, problems);
        if (const std::optional<Enum> e = parse(s))
            values.push_back(*e);
        else if (v.IsScalar())
            problems.at(v, QStringLiteral("%1: %2 is not one of %3")
                               .arg(field, qs(s), QString::fromLatin1(allowed)));
    }
    return values;
}

Applicability readApplicability(const YAML::Node& node, const QString& where, Problems& problems)
{
    Applicability a;
    if (!node.IsDefined() || node.IsNull())
        return a;
    if (!checkMapping(node, where + QStringLiteral(" applies_to"),
                      {"risk_tiers", "actors", "industries"}, problems))
        return a;
    a.riskTiers =
        enumList<RiskTier>(node["risk_tiers"], QStringLiteral("risk_tiers"), parseRiskTier,
                           "minimal, limited, high, unacceptable", problems);
    a.actors = enumList<AiActRole>(node["actors"], QStringLiteral("actors"), parseAiActRole,
                                   "provider, deployer, provider-and-deployer", problems);
    a.industries = enumList<Industry>(
        node["industries"], QStringLiteral("industries"), parseIndustry,
        "general, healthcare, finance, marketing, public-sector, manufacturing, other", problems);
    return a;
}

} // namespace

void readSteward(const YAML::Node& root, ChecklistFile& file, Problems& problems)
{
    file.format = ChecklistFileFormat::Steward;
    checkMapping(root, QStringLiteral("the checklist"),
                 {"steward-checklist", "key", "title", "framework", "version", "source", "licence",
                  "sections"},
                 problems);
    const YAML::Node format = root["steward-checklist"];
    if (text(format, QStringLiteral("steward-checklist"), problems) !=
        std::to_string(kFormatVersion))
        problems.at(format, QStringLiteral("steward-checklist: this Steward reads format version "
                                           "%1 only")
                                .arg(kFormatVersion));

    SpecBuilder build(file, problems);
    const QString top = QStringLiteral("the checklist");
    build.key(requiredText(root, "key", top, problems), lineOf(root["key"]));
    build.title(text(root["title"], QStringLiteral("title"), problems),
                lineOf(root["title"]) > 0 ? lineOf(root["title"]) : 1);
    ChecklistSpec& spec = file.spec;
    spec.framework = text(root["framework"], QStringLiteral("framework"), problems);
    spec.version = text(root["version"], QStringLiteral("version"), problems);
    spec.source = text(root["source"], QStringLiteral("source"), problems);
    spec.licence = text(root["licence"], QStringLiteral("licence"), problems);

    const YAML::Node sections = root["sections"];
    if (!sections.IsDefined())
        problems.add(1, QStringLiteral("the checklist has no sections"));
    else if (checkSequence(sections, QStringLiteral("sections"), problems))
        for (const YAML::Node& s : sections) {
            if (!checkMapping(s, QStringLiteral("a section"),
                              {"id", "title", "description", "items"}, problems))
                continue;
            ChecklistSection section;
            section.id = requiredText(s, "id", QStringLiteral("a section"), problems);
            const QString where = QStringLiteral("section %1").arg(qs(section.id));
            section.title = requiredText(s, "title", where, problems);
            section.description = text(s["description"], QStringLiteral("description"), problems);
            build.section(std::move(section), lineOf(s));
            const YAML::Node items = s["items"];
            if (!items.IsDefined() ||
                !checkSequence(items, where + QStringLiteral(" items"), problems))
                continue;
            for (const YAML::Node& i : items) {
                if (!checkMapping(i, QStringLiteral("an item of %1").arg(where),
                                  {"id", "text", "guidance", "expected_evidence", "role",
                                   "reference", "applies_to"},
                                  problems))
                    continue;
                ChecklistItem item;
                item.id = text(i["id"], QStringLiteral("id"), problems);
                const QString iwhere = QStringLiteral("item %1").arg(qs(item.id));
                item.text = text(i["text"], QStringLiteral("text"), problems);
                item.guidance = text(i["guidance"], QStringLiteral("guidance"), problems);
                item.expectedEvidence =
                    text(i["expected_evidence"], QStringLiteral("expected_evidence"), problems);
                item.roleKey = text(i["role"], QStringLiteral("role"), problems);
                item.reference = text(i["reference"], QStringLiteral("reference"), problems);
                item.applies = readApplicability(i["applies_to"], iwhere, problems);
                build.item(std::move(item), lineOf(i), lineOf(i["role"]));
            }
        }
    build.finish(1, false);
    file.mappingNotes << QStringLiteral("Steward checklist format %1: sections and items as "
                                        "written")
                             .arg(kFormatVersion);
}

} // namespace checklists

namespace {

template <typename Enum>
void emitEnums(YAML::Emitter& out, const char* key, const std::vector<Enum>& values)
{
    if (values.empty())
        return;
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const Enum v : values)
        out << std::string(toString(v));
    out << YAML::EndSeq;
}

void emitText(YAML::Emitter& out, const char* key, const std::string& value)
{
    if (!value.empty())
        out << YAML::Key << key << YAML::Value << value;
}

} // namespace

QByteArray writeStewardChecklist(const ChecklistSpec& spec)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::Comment("Steward checklist; import with: steward checklist import FILE");
    out << YAML::BeginMap;
    out << YAML::Key << "steward-checklist" << YAML::Value << checklists::kFormatVersion;
    out << YAML::Key << "key" << YAML::Value << spec.key;
    out << YAML::Key << "title" << YAML::Value << spec.title;
    emitText(out, "framework", spec.framework);
    if (!spec.version.empty()) // quoted: "1.10" is a version, not a number
        out << YAML::Key << "version" << YAML::Value << YAML::DoubleQuoted << spec.version;
    emitText(out, "source", spec.source);
    emitText(out, "licence", spec.licence);
    out << YAML::Key << "sections" << YAML::Value << YAML::BeginSeq;
    for (const ChecklistSection& s : spec.sections) {
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value << s.id;
        out << YAML::Key << "title" << YAML::Value << s.title;
        emitText(out, "description", s.description);
        out << YAML::Key << "items" << YAML::Value << YAML::BeginSeq;
        for (const ChecklistItem& i : s.items) {
            out << YAML::BeginMap;
            out << YAML::Key << "id" << YAML::Value << i.id;
            out << YAML::Key << "text" << YAML::Value << i.text;
            emitText(out, "guidance", i.guidance);
            emitText(out, "expected_evidence", i.expectedEvidence);
            emitText(out, "role", i.roleKey);
            emitText(out, "reference", i.reference);
            const Applicability& a = i.applies;
            if (!a.riskTiers.empty() || !a.actors.empty() || !a.industries.empty()) {
                out << YAML::Key << "applies_to" << YAML::Value << YAML::BeginMap;
                emitEnums(out, "risk_tiers", a.riskTiers);
                emitEnums(out, "actors", a.actors);
                emitEnums(out, "industries", a.industries);
                out << YAML::EndMap;
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    QByteArray bytes(out.c_str(), static_cast<qsizetype>(out.size()));
    bytes.append('\n');
    return bytes;
}

} // namespace steward
