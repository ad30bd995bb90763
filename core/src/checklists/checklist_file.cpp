#include "checklists/checklist_file.h"

#include "checklists/checklist_reading_p.h"
#include "domain/records.h"
#include "error.h"
#include "io/utf8.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <set>

namespace steward {
namespace checklists {

int lineOf(const YAML::Node& node)
{
    if (!node.IsDefined())
        return 0;
    const YAML::Mark mark = node.Mark();
    return mark.line < 0 ? 0 : mark.line + 1;
}

void Problems::add(int line, const QString& message)
{
    // A field read for several purposes reports its problem once.
    const QString entry = line > 0 ? QStringLiteral("%1:%2: %3").arg(m_path).arg(line).arg(message)
                                   : QStringLiteral("%1: %2").arg(m_path, message);
    if (!m_lines.contains(entry))
        m_lines << entry;
}

std::string text(const YAML::Node& node, const QString& field, Problems& problems)
{
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!node.IsScalar()) {
        problems.at(node, QStringLiteral("%1 must be text").arg(field));
        return {};
    }
    return node.Scalar();
}

std::string requiredText(const YAML::Node& map, const char* field, const QString& where,
                         Problems& problems)
{
    const YAML::Node node = map[field];
    const std::string value = text(node, QString::fromLatin1(field), problems);
    if (node.IsDefined() && !node.IsScalar() && !node.IsNull())
        return value; // already reported
    if (isBlank(value))
        problems.add(lineOf(node) > 0 ? lineOf(node) : lineOf(map),
                     QStringLiteral("%1 has no %2").arg(where, QString::fromLatin1(field)));
    return value;
}

bool checkMapping(const YAML::Node& node, const QString& what,
                  std::initializer_list<const char*> allowed, Problems& problems)
{
    if (!node.IsMap()) {
        problems.at(node, QStringLiteral("%1 must be a mapping of fields").arg(what));
        return false;
    }
    std::set<std::string> seen;
    for (const auto& entry : node) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (!seen.insert(key).second)
            problems.at(entry.first,
                        QStringLiteral("%1 gives %2 twice").arg(what, QString::fromStdString(key)));
        if (allowed.size() == 0)
            continue;
        bool known = false;
        for (const char* a : allowed)
            known = known || key == a;
        if (!known) {
            QStringList names;
            for (const char* a : allowed)
                names << QString::fromLatin1(a);
            problems.at(entry.first, QStringLiteral("%1 has an unknown field %2 (known: %3)")
                                         .arg(what, QString::fromStdString(key),
                                              names.join(QStringLiteral(", "))));
        }
    }
    return true;
}

bool checkSequence(const YAML::Node& node, const QString& what, Problems& problems)
{
    if (node.IsSequence())
        return true;
    problems.at(node, QStringLiteral("%1 must be a list").arg(what));
    return false;
}

std::string slugify(std::string_view text)
{
    std::string slug;
    for (const char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum)
            slug += c;
        else if (c >= 'A' && c <= 'Z')
            slug += static_cast<char>(c - 'A' + 'a');
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

bool isChecklistKey(std::string_view key)
{
    return !key.empty() && slugify(key) == key;
}

bool isBlank(std::string_view s)
{
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

void SpecBuilder::key(const std::string& key, int line)
{
    m_file.keyLine = line;
    m_file.spec.key = key;
    if (!isChecklistKey(key))
        m_problems.add(line, QStringLiteral("the key %1 is not lower-case words and digits "
                                            "joined by '-', e.g. 'acme-ai-policy'")
                                 .arg(qs(key)));
}

void SpecBuilder::title(const std::string& title, int line)
{
    m_file.spec.title = title;
    if (isBlank(title))
        m_problems.add(line, QStringLiteral("the checklist has no title"));
}

void SpecBuilder::section(ChecklistSection section, int line)
{
    if (isBlank(section.id))
        m_problems.add(line, QStringLiteral("a section has no id"));
    else if (const auto [it, added] = m_sectionLines.emplace(section.id, line); !added)
        m_problems.add(line, QStringLiteral("section %1 is already declared on line %2")
                                 .arg(qs(section.id))
                                 .arg(it->second));
    m_file.spec.sections.push_back(std::move(section));
    m_sectionStartLines.push_back(line);
}

void SpecBuilder::item(ChecklistItem item, int line, int roleLine, std::size_t sectionIndex)
{
    const QString id = qs(item.id);
    if (isBlank(item.id))
        m_problems.add(line, QStringLiteral("an item has no id"));
    else if (const auto [it, added] = m_itemLines.emplace(item.id, line); !added)
        m_problems.add(
            line, QStringLiteral("item %1 is already declared on line %2").arg(id).arg(it->second));
    if (isBlank(item.text))
        m_problems.add(line, QStringLiteral("item %1 has no text").arg(id));
    if (!item.roleKey.empty())
        m_file.roles.push_back({item.roleKey, roleLine > 0 ? roleLine : line});
    std::vector<ChecklistSection>& sections = m_file.spec.sections;
    if (sections.empty())
        return; // readers start a section first
    (sectionIndex < sections.size() ? sections[sectionIndex] : sections.back())
        .items.push_back(std::move(item));
}

void SpecBuilder::finish(int line, bool dropEmptySections)
{
    std::vector<ChecklistSection>& sections = m_file.spec.sections;
    std::vector<ChecklistSection> kept;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        if (!sections[i].items.empty())
            kept.push_back(std::move(sections[i]));
        else if (!dropEmptySections)
            m_problems.add(m_sectionStartLines[i],
                           QStringLiteral("section %1 has no items").arg(qs(sections[i].id)));
    }
    sections = std::move(kept);
    if (m_itemLines.empty())
        m_problems.add(line, QStringLiteral("the checklist has no items"));
}

} // namespace checklists

void ChecklistFile::throwIfInvalid(const QStringList& more) const
{
    const QStringList all = problems + more;
    if (all.isEmpty())
        return;
    throw validationError(
        QStringLiteral("%1 is not imported: %2").arg(path, counted(all.size(), "problem")), all);
}

QString toString(ChecklistFileFormat format)
{
    switch (format) {
    case ChecklistFileFormat::Steward:
        return QStringLiteral("steward");
    case ChecklistFileFormat::CisoAssistant:
        return QStringLiteral("ciso-assistant");
    case ChecklistFileFormat::OscalCatalog:
        return QStringLiteral("oscal");
    }
    return {};
}

ChecklistFile parseChecklistFile(const QByteArray& content, const QString& path,
                                 const QString& keyOverride)
{
    using namespace checklists;
    ChecklistFile file;
    file.path = path;
    file.name = QFileInfo(path).fileName();
    file.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    Problems problems(path);
    // yaml-cpp passes invalid bytes through, and they would not survive an export.
    if (const auto bad = checkUtf8Text(content)) {
        problems.add(bad->line, bad->message);
        file.problems = problems.lines();
        return file;
    }

    YAML::Node root;
    try {
        root = YAML::Load(content.toStdString());
    } catch (const YAML::Exception& e) {
        problems.add(e.mark.line + 1,
                     QStringLiteral("not readable as YAML or JSON: %1").arg(qs(e.msg)));
        file.problems = problems.lines();
        return file;
    }
    if (!root.IsMap()) {
        problems.add(root.IsDefined() ? lineOf(root) : 1,
                     QStringLiteral("a checklist file is a mapping with, at the top, "
                                    "'steward-checklist' (Steward's format), 'objects' with "
                                    "'urn' (a CISO Assistant library) or 'catalog' (OSCAL)"));
        file.problems = problems.lines();
        return file;
    }
    if (root["steward-checklist"].IsDefined())
        readSteward(root, file, problems);
    else if (root["objects"].IsDefined() && root["urn"].IsDefined())
        readCisoAssistant(root, file, problems);
    else if (root["catalog"].IsDefined())
        readOscalCatalog(root, file, problems);
    else
        problems.add(1, QStringLiteral("not a checklist file: its top level has neither "
                                       "'steward-checklist' (Steward's format), 'objects' with "
                                       "'urn' (a CISO Assistant library) nor 'catalog' (OSCAL)"));
    if (!keyOverride.isEmpty()) {
        file.keyLine = 0;
        file.spec.key = keyOverride.toStdString();
        if (!isChecklistKey(file.spec.key))
            problems.add(0, QStringLiteral("the key %1 given is not lower-case words and digits "
                                           "joined by '-'")
                                .arg(keyOverride));
    }
    file.problems = problems.lines();
    return file;
}

ChecklistFile readChecklistFile(const QString& path, const QString& keyOverride)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw validationError(QStringLiteral("%1: cannot be read: %2").arg(path, f.errorString()));
    return parseChecklistFile(f.readAll(), path, keyOverride);
}

} // namespace steward
