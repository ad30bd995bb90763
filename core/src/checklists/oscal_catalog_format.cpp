// OSCAL catalogs (JSON, NIST OSCAL 1.x catalog model): groups become sections, controls become
// items. The JSON is read with the YAML parser (JSON is YAML's flow style), so every problem has
// its line.
//
// Steward writes what OSCAL has no field for as props and parts in its own namespace
// (kOscalNamespace): the checklist key, framework, source and licence; an item's role,
// reference, applicability and expected evidence. A catalog Steward wrote reads back as the
// same checklist.
#include "checklists/checklist_reading_p.h"
#include "domain/records.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

namespace steward {
namespace checklists {
namespace {

// OSCAL requires a catalog version: a checklist without one is exported with this placeholder,
// and the placeholder reads back as no version (found by fuzz-checklist_file: "" became "-").
constexpr char kNoVersion[] = "-";

bool isStewardNs(const YAML::Node& node)
{
    const YAML::Node ns = node["ns"];
    return ns.IsDefined() && ns.IsScalar() && ns.Scalar() == kOscalNamespace;
}

// The values of the props called `name` (Steward's namespace when `steward`).
std::vector<std::string> props(const YAML::Node& owner, const char* name, bool steward,
                               Problems& problems)
{
    std::vector<std::string> values;
    const YAML::Node list = owner["props"];
    if (!list.IsDefined() || !checkSequence(list, QStringLiteral("props"), problems))
        return values;
    for (const YAML::Node& p : list) {
        if (!checkMapping(p, QStringLiteral("a prop"), {}, problems))
            continue;
        if (text(p["name"], QStringLiteral("name"), problems) == name &&
            (!steward || isStewardNs(p)))
            values.push_back(text(p["value"], QStringLiteral("value"), problems));
    }
    return values;
}

std::string prop(const YAML::Node& owner, const char* name, bool steward, Problems& problems)
{
    const std::vector<std::string> values = props(owner, name, steward, problems);
    return values.empty() ? std::string() : values.front();
}

// Deeper than any real catalog nests groups, controls or parts; deeper still is a file whose
// alias contains itself, which would otherwise recurse for ever.
constexpr int kMaxDepth = 32;

bool tooDeep(int depth, const YAML::Node& node, Problems& problems)
{
    if (depth <= kMaxDepth)
        return false;
    problems.at(node, QStringLiteral("nested more than %1 levels deep (an alias that contains "
                                     "itself?)")
                          .arg(kMaxDepth));
    return true;
}

// The prose of a part and of the parts inside it, each sub-part on its own line after its label.
void collectProse(const YAML::Node& part, std::string& out, Problems& problems, int depth = 0)
{
    if (tooDeep(depth, part, problems))
        return;
    const std::string label = prop(part, "label", false, problems);
    const std::string prose = text(part["prose"], QStringLiteral("prose"), problems);
    if (!label.empty() || !prose.empty()) {
        if (!out.empty())
            out += "\n";
        out += label.empty() ? prose : label + " " + prose;
    }
    const YAML::Node parts = part["parts"];
    if (parts.IsDefined() && checkSequence(parts, QStringLiteral("parts"), problems))
        for (const YAML::Node& p : parts)
            if (checkMapping(p, QStringLiteral("a part"), {}, problems))
                collectProse(p, out, problems, depth + 1);
}

std::string partProse(const YAML::Node& owner, const char* name, Problems& problems)
{
    std::string out;
    const YAML::Node parts = owner["parts"];
    if (!parts.IsDefined() || !checkSequence(parts, QStringLiteral("parts"), problems))
        return out;
    for (const YAML::Node& p : parts)
        if (checkMapping(p, QStringLiteral("a part"), {}, problems) &&
            text(p["name"], QStringLiteral("name"), problems) == name)
            collectProse(p, out, problems);
    return out;
}

template <typename Enum>
std::vector<Enum> enumProps(const YAML::Node& control, const char* name,
                            std::optional<Enum> (*parse)(std::string_view), Problems& problems)
{
    std::vector<Enum> values;
    for (const std::string& v : props(control, name, true, problems)) {
        if (const std::optional<Enum> e = parse(v))
            values.push_back(*e);
        else
            problems.at(control, QStringLiteral("control %1: prop %2 has the unknown value %3")
                                     .arg(qs(text(control["id"], {}, problems)),
                                          QString::fromLatin1(name), qs(v)));
    }
    return values;
}

class CatalogReader {
public:
    CatalogReader(ChecklistFile& file, Problems& problems)
        : m_file(file)
        , m_problems(problems)
        , m_build(file, problems)
    {
    }

    void read(const YAML::Node& root)
    {
        checkMapping(root, QStringLiteral("the file"), {}, m_problems);
        const YAML::Node catalog = root["catalog"];
        if (!checkMapping(catalog, QStringLiteral("catalog"), {}, m_problems))
            return;
        const std::string uuid =
            requiredText(catalog, "uuid", QStringLiteral("catalog"), m_problems);
        const YAML::Node metadata = catalog["metadata"];
        if (!metadata.IsDefined()) {
            m_problems.at(catalog, QStringLiteral("catalog has no metadata"));
            return;
        }
        if (!checkMapping(metadata, QStringLiteral("metadata"), {}, m_problems))
            return;
        ChecklistSpec& spec = m_file.spec;
        const std::string title =
            requiredText(metadata, "title", QStringLiteral("metadata"), m_problems);
        const std::string key = prop(metadata, "checklist-key", true, m_problems);
        m_build.key(key.empty() ? slugify(title) : key, lineOf(metadata));
        m_build.title(title, lineOf(metadata["title"]));
        spec.version = text(metadata["version"], QStringLiteral("version"), m_problems);
        if (spec.version == kNoVersion)
            spec.version.clear();
        spec.framework = prop(metadata, "framework", true, m_problems);
        spec.source = prop(metadata, "source", true, m_problems);
        // A catalog from elsewhere is cited by its uuid; one Steward exported (it carries the
        // checklist's key) says what its checklist said, nothing included (found by
        // fuzz-checklist_file: a checklist without a source gained one on export).
        if (spec.source.empty() && key.empty())
            spec.source = "OSCAL catalog " + uuid;
        spec.licence = prop(metadata, "licence", true, m_problems);

        const YAML::Node controls = catalog["controls"];
        if (controls.IsDefined()) {
            ChecklistSection s;
            s.id = "controls";
            s.title = "Controls outside any group";
            m_build.section(std::move(s), lineOf(controls));
            readControls(controls);
        }
        const YAML::Node groups = catalog["groups"];
        if (groups.IsDefined())
            readGroups(groups, {});
        m_build.finish(lineOf(catalog), true);
        m_file.mappingNotes
            << QStringLiteral("OSCAL catalog %1: %2 groups with controls became sections (nested "
                              "groups titled with their path), %3 controls became items "
                              "(enhancements after the control they enhance)")
                   .arg(qs(uuid))
                   .arg(spec.sections.size())
                   .arg(m_controls)
            << QStringLiteral("ids from the label prop, else the control id; statement -> text "
                              "(the title too when it says more than the id); guidance part -> "
                              "guidance; Steward's own props -> role, reference and applicability");
    }

private:
    void readGroups(const YAML::Node& groups, const std::string& path, int depth = 0)
    {
        if (tooDeep(depth, groups, m_problems) ||
            !checkSequence(groups, QStringLiteral("groups"), m_problems))
            return;
        for (const YAML::Node& g : groups) {
            if (!checkMapping(g, QStringLiteral("a group"), {}, m_problems))
                continue;
            const std::string title =
                requiredText(g, "title", QStringLiteral("a group"), m_problems);
            const std::string label = prop(g, "label", false, m_problems);
            const std::string id = text(g["id"], QStringLiteral("id"), m_problems);
            const std::string fullTitle = path.empty() ? title : path + " \u203a " + title;
            ChecklistSection s;
            s.id = !label.empty() ? label : !id.empty() ? id : title;
            s.title = fullTitle;
            s.description = partProse(g, "overview", m_problems);
            m_build.section(std::move(s), lineOf(g));
            if (g["controls"].IsDefined())
                readControls(g["controls"], depth + 1);
            if (g["groups"].IsDefined())
                readGroups(g["groups"], fullTitle, depth + 1);
        }
    }

    void readControls(const YAML::Node& controls, int depth = 0)
    {
        if (tooDeep(depth, controls, m_problems) ||
            !checkSequence(controls, QStringLiteral("controls"), m_problems))
            return;
        for (const YAML::Node& c : controls) {
            if (!checkMapping(c, QStringLiteral("a control"), {}, m_problems))
                continue;
            const std::string id = requiredText(c, "id", QStringLiteral("a control"), m_problems);
            const std::string title =
                requiredText(c, "title", QStringLiteral("control ") + qs(id), m_problems);
            const std::string label = prop(c, "label", false, m_problems);
            ChecklistItem item;
            item.id = label.empty() ? id : label;
            const std::string statement = partProse(c, "statement", m_problems);
            if (statement.empty())
                item.text = title;
            else if (title == item.id || title == id)
                item.text = statement;
            else
                item.text = title + ": " + statement;
            item.guidance = partProse(c, "guidance", m_problems);
            item.expectedEvidence = partProse(c, "expected-evidence", m_problems);
            item.roleKey = prop(c, "role", true, m_problems);
            item.reference = prop(c, "reference", true, m_problems);
            item.applies.riskTiers = enumProps<RiskTier>(c, "risk-tier", parseRiskTier, m_problems);
            item.applies.actors = enumProps<AiActRole>(c, "actor", parseAiActRole, m_problems);
            item.applies.industries = enumProps<Industry>(c, "industry", parseIndustry, m_problems);
            ++m_controls;
            m_build.item(std::move(item), lineOf(c));
            if (c["controls"].IsDefined())
                readControls(c["controls"], depth + 1);
        }
    }

    ChecklistFile& m_file;
    Problems& m_problems;
    SpecBuilder m_build;
    int m_controls = 0;
};

} // namespace

void readOscalCatalog(const YAML::Node& root, ChecklistFile& file, Problems& problems)
{
    file.format = ChecklistFileFormat::OscalCatalog;
    CatalogReader(file, problems).read(root);
}

} // namespace checklists

namespace {

const QUuid kUuidNamespace = QUuid::fromString(u"6f0b1c9e-3a57-4d5e-9b55-5e0d7a1c2f40");

// An OSCAL token (an XML NCName) from any id: "GOVERN 1.1" -> "GOVERN_1.1".
QString token(const std::string& id)
{
    QString t = qs(id);
    static const QRegularExpression bad(QStringLiteral("[^\\p{L}\\p{N}._-]"));
    t.replace(bad, QStringLiteral("_"));
    if (t.isEmpty() || !(t.at(0).isLetter() || t.at(0) == u'_'))
        t.prepend(u'_');
    return t;
}

QJsonObject stewardProp(const char* name, const std::string& value)
{
    return {{QStringLiteral("name"), QString::fromLatin1(name)},
            {QStringLiteral("ns"), QString::fromLatin1(checklists::kOscalNamespace)},
            {QStringLiteral("value"), qs(value)}};
}

QJsonObject part(const QString& id, const char* name, const std::string& prose, bool steward)
{
    QJsonObject p{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), QString::fromLatin1(name)},
                  {QStringLiteral("prose"), qs(prose)}};
    if (steward)
        p.insert(QStringLiteral("ns"), QString::fromLatin1(checklists::kOscalNamespace));
    return p;
}

} // namespace

QByteArray writeOscalCatalog(const ChecklistSpec& spec, const QString& publishedAt)
{
    QJsonArray metadataProps;
    metadataProps.append(stewardProp("checklist-key", spec.key));
    if (!spec.framework.empty())
        metadataProps.append(stewardProp("framework", spec.framework));
    if (!spec.source.empty())
        metadataProps.append(stewardProp("source", spec.source));
    if (!spec.licence.empty())
        metadataProps.append(stewardProp("licence", spec.licence));
    QJsonObject metadata{
        {QStringLiteral("title"), qs(spec.title)},
        {QStringLiteral("last-modified"), publishedAt},
        {QStringLiteral("version"),
         spec.version.empty() ? QString::fromLatin1(checklists::kNoVersion) : qs(spec.version)},
        {QStringLiteral("oscal-version"), QStringLiteral("1.2.3")},
        {QStringLiteral("props"), metadataProps}};

    QJsonArray groups;
    for (const ChecklistSection& s : spec.sections) {
        QJsonArray controls;
        for (const ChecklistItem& i : s.items) {
            const QString id = token(i.id);
            QJsonArray p{QJsonObject{{QStringLiteral("name"), QStringLiteral("label")},
                                     {QStringLiteral("value"), qs(i.id)}}};
            if (!i.roleKey.empty())
                p.append(stewardProp("role", i.roleKey));
            if (!i.reference.empty())
                p.append(stewardProp("reference", i.reference));
            for (const RiskTier t : i.applies.riskTiers)
                p.append(stewardProp("risk-tier", std::string(toString(t))));
            for (const AiActRole a : i.applies.actors)
                p.append(stewardProp("actor", std::string(toString(a))));
            for (const Industry n : i.applies.industries)
                p.append(stewardProp("industry", std::string(toString(n))));
            QJsonArray parts{part(id + QStringLiteral("_smt"), "statement", i.text, false)};
            if (!i.guidance.empty())
                parts.append(part(id + QStringLiteral("_gdn"), "guidance", i.guidance, false));
            if (!i.expectedEvidence.empty())
                parts.append(part(id + QStringLiteral("_evd"), "expected-evidence",
                                  i.expectedEvidence, true));
            controls.append(QJsonObject{{QStringLiteral("id"), id},
                                        {QStringLiteral("title"), qs(i.id)},
                                        {QStringLiteral("props"), p},
                                        {QStringLiteral("parts"), parts}});
        }
        QJsonObject group{{QStringLiteral("id"), token(s.id)},
                          {QStringLiteral("title"), qs(s.title)},
                          {QStringLiteral("props"),
                           QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("label")},
                                                  {QStringLiteral("value"), qs(s.id)}}}},
                          {QStringLiteral("controls"), controls}};
        if (!s.description.empty())
            group.insert(QStringLiteral("parts"),
                         QJsonArray{part(token(s.id) + QStringLiteral("_ovw"), "overview",
                                         s.description, false)});
        groups.append(group);
    }
    const QByteArray identity = QByteArray::fromStdString(spec.key) + '\x1f' + publishedAt.toUtf8();
    const QJsonObject catalog{
        {QStringLiteral("uuid"),
         QUuid::createUuidV5(kUuidNamespace, identity).toString(QUuid::WithoutBraces)},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("groups"), groups}};
    return QJsonDocument(QJsonObject{{QStringLiteral("catalog"), catalog}})
        .toJson(QJsonDocument::Indented);
}

} // namespace steward
