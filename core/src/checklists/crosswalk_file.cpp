#include "checklists/crosswalk_file.h"

#include "checklists/checklist_reading_p.h"
#include "domain/records.h"
#include "error.h"
#include "io/csv.h"
#include "io/utf8.h"

#include <QFile>
#include <QFileInfo>

#include <functional>

namespace steward {
namespace {

const QStringList kRelations = {QStringLiteral("equal"), QStringLiteral("subset"),
                                QStringLiteral("superset"), QStringLiteral("intersect")};

void checkMapping(const ChecklistMapping& m, const std::function<void(const QString&)>& problem)
{
    if (m.sourceChecklist.isEmpty() || m.targetChecklist.isEmpty())
        problem(QStringLiteral("the mapping names no source or no target checklist"));
    if (m.sourceItem.trimmed().isEmpty() || m.targetItem.trimmed().isEmpty())
        problem(QStringLiteral("the mapping names no source or no target item"));
    if (!kRelations.contains(m.relation))
        problem(QStringLiteral("relation %1 is not one of equal, subset, superset, intersect")
                    .arg(m.relation.isEmpty() ? QStringLiteral("(none)") : m.relation));
    if (m.rationale.trimmed().isEmpty())
        problem(QStringLiteral("the mapping %1 -> %2 has no rationale: say why they correspond")
                    .arg(m.sourceItem, m.targetItem));
    if (!m.sourceChecklist.isEmpty() && m.sourceChecklist == m.targetChecklist)
        problem(QStringLiteral("the mapping maps checklist %1 onto itself").arg(m.sourceChecklist));
}

void readYaml(const QByteArray& content, CrosswalkFile& file)
{
    using namespace checklists;
    Problems problems(file.path);
    if (const auto bad = checkUtf8Text(content)) {
        problems.add(bad->line, bad->message);
        file.problems = problems.lines();
        return;
    }
    YAML::Node root;
    try {
        root = YAML::Load(content.toStdString());
    } catch (const YAML::Exception& e) {
        problems.add(e.mark.line + 1, QStringLiteral("not readable as YAML: %1").arg(qs(e.msg)));
        file.problems = problems.lines();
        return;
    }
    if (!checklists::checkMapping(root, QStringLiteral("the crosswalk"),
                                  {"steward-crosswalk", "title", "source", "target", "mappings"},
                                  problems)) {
        file.problems = problems.lines();
        return;
    }
    if (text(root["steward-crosswalk"], QStringLiteral("steward-crosswalk"), problems) != "1")
        problems.at(root, QStringLiteral("steward-crosswalk: this Steward reads version 1 only"));
    const QString source = qs(text(root["source"], QStringLiteral("source"), problems));
    const QString target = qs(text(root["target"], QStringLiteral("target"), problems));
    const YAML::Node list = root["mappings"];
    if (!list.IsDefined())
        problems.add(1, QStringLiteral("the crosswalk has no mappings"));
    else if (checkSequence(list, QStringLiteral("mappings"), problems))
        for (const YAML::Node& n : list) {
            if (!checklists::checkMapping(n, QStringLiteral("a mapping"),
                                          {"source", "target", "source_checklist",
                                           "target_checklist", "relation", "rationale"},
                                          problems))
                continue;
            ChecklistMapping m;
            m.line = lineOf(n);
            m.sourceChecklist =
                qs(text(n["source_checklist"], QStringLiteral("source_checklist"), problems));
            if (m.sourceChecklist.isEmpty())
                m.sourceChecklist = source;
            m.targetChecklist =
                qs(text(n["target_checklist"], QStringLiteral("target_checklist"), problems));
            if (m.targetChecklist.isEmpty())
                m.targetChecklist = target;
            m.sourceItem = qs(text(n["source"], QStringLiteral("source"), problems));
            m.targetItem = qs(text(n["target"], QStringLiteral("target"), problems));
            m.relation = qs(text(n["relation"], QStringLiteral("relation"), problems));
            m.rationale = qs(text(n["rationale"], QStringLiteral("rationale"), problems));
            file.mappings.push_back(m);
        }
    file.problems = problems.lines();
}

void readCsvFile(const QByteArray& content, CrosswalkFile& file)
{
    const CsvReading reading = readCsv(content, file.path);
    file.problems = reading.problems;
    const QStringList columns = {QStringLiteral("source_checklist"), QStringLiteral("source_item"),
                                 QStringLiteral("target_checklist"), QStringLiteral("target_item"),
                                 QStringLiteral("relation"),         QStringLiteral("rationale")};
    QStringList header;
    for (const QString& h : reading.table.header)
        header << h.trimmed().toLower();
    if (header != columns) {
        file.problems << QStringLiteral("%1:1: the columns must be %2")
                             .arg(file.path, columns.join(QStringLiteral(",")));
        return;
    }
    for (const CsvRecord& r : reading.table.records) {
        if (r.fields.size() != columns.size()) {
            file.problems << QStringLiteral("%1:%2: %3 fields, expected %4")
                                 .arg(file.path)
                                 .arg(r.line)
                                 .arg(r.fields.size())
                                 .arg(columns.size());
            continue;
        }
        file.mappings.push_back({r.fields[0].trimmed(), r.fields[1].trimmed(),
                                 r.fields[2].trimmed(), r.fields[3].trimmed(),
                                 r.fields[4].trimmed(), r.fields[5].trimmed(), r.line});
    }
}

} // namespace

CrosswalkFile parseCrosswalk(const QByteArray& content, const QString& path, bool csv)
{
    CrosswalkFile file;
    file.path = path;
    file.name = QFileInfo(path).fileName();
    if (csv)
        readCsvFile(content, file);
    else
        readYaml(content, file);
    for (const ChecklistMapping& m : file.mappings)
        checkMapping(m, [&](const QString& message) {
            file.problems << QStringLiteral("%1:%2: %3").arg(path).arg(m.line).arg(message);
        });
    return file;
}

CrosswalkFile readCrosswalkFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw validationError(QStringLiteral("%1: cannot be read: %2").arg(path, f.errorString()));
    return parseCrosswalk(f.readAll(), path,
                          path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive));
}

} // namespace steward
