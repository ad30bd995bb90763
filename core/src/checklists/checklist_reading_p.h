// What the three checklist readers share: problems with line numbers, checked access to YAML
// nodes (JSON is read as YAML, so an OSCAL catalog's problems have lines too), and the checks
// every checklist must pass whatever its format. Internal to src/checklists.
#pragma once

#include "checklists/checklist_file.h"

#include <QString>
#include <QStringList>

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <yaml-cpp/yaml.h>

namespace steward::checklists {

// 1-based line of a node; 0 for a node that is not there.
int lineOf(const YAML::Node& node);

// Every problem of one file, in the order found.
class Problems {
public:
    explicit Problems(QString path)
        : m_path(std::move(path))
    {
    }
    void add(int line, const QString& message);
    void at(const YAML::Node& node, const QString& message) { add(lineOf(node), message); }
    bool empty() const { return m_lines.isEmpty(); }
    const QStringList& lines() const { return m_lines; }

private:
    QString m_path;
    QStringList m_lines;
};

// The text of a scalar, or "" with a problem when the node is there but not a scalar.
std::string text(const YAML::Node& node, const QString& field, Problems& problems);
// The same for a field of `map` that must be there and not blank.
std::string requiredText(const YAML::Node& map, const char* field, const QString& where,
                         Problems& problems);
// Whether `node` is a mapping (a problem otherwise); reports keys outside `allowed` (when given)
// and keys given twice.
bool checkMapping(const YAML::Node& node, const QString& what,
                  std::initializer_list<const char*> allowed, Problems& problems);
bool checkSequence(const YAML::Node& node, const QString& what, Problems& problems);

// "NIST AI RMF 1.0" -> "nist-ai-rmf-1-0": a valid checklist key from any text.
std::string slugify(std::string_view text);
bool isChecklistKey(std::string_view key);
bool isBlank(std::string_view s);

// Builds a ChecklistSpec section by section and item by item, checking as it goes what every
// checklist must satisfy: unique section and item ids, items with text, no empty checklist.
class SpecBuilder {
public:
    explicit SpecBuilder(ChecklistFile& file, Problems& problems)
        : m_file(file)
        , m_problems(problems)
    {
    }
    void key(const std::string& key, int line);
    void title(const std::string& title, int line);
    // Starts a section; items go into the last one started, or the one at `sectionIndex`.
    void section(ChecklistSection section, int line);
    void item(ChecklistItem item, int line, int roleLine = 0, std::size_t sectionIndex = npos);
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    // Checks the whole (no items at all, sections left empty) and drops empty sections when
    // `dropEmptySections` (formats where groups without controls are normal).
    void finish(int line, bool dropEmptySections);

private:
    ChecklistFile& m_file;
    Problems& m_problems;
    std::map<std::string, int> m_sectionLines;
    std::map<std::string, int> m_itemLines;
    std::vector<int> m_sectionStartLines;
};

// Readers, one per format: each fills `file` (format, spec, notes) from the parsed document.
void readSteward(const YAML::Node& root, ChecklistFile& file, Problems& problems);
void readCisoAssistant(const YAML::Node& root, ChecklistFile& file, Problems& problems);
void readOscalCatalog(const YAML::Node& root, ChecklistFile& file, Problems& problems);

// The namespace of the props and parts Steward adds to an OSCAL catalog it writes.
inline constexpr const char* kOscalNamespace = "https://steward.example/ns/oscal";

} // namespace steward::checklists
