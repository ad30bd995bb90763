// The crosswalk reader (`steward checklist map import`): any bytes, read as the YAML form or the
// CSV form, give mappings or problems that each name a line of the file, never a crash or a hang;
// and every mapping read without problems is complete (both checklists and items, a known relation,
// a rationale), so what the import then checks against the database is only what the file cannot
// know.
#include "checklists/crosswalk_file.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte chooses the form, so one corpus grows both.
    const bool csv = (data[0] & 1) != 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data + 1),
                           static_cast<qsizetype>(size - 1));
    const QString path = csv ? QStringLiteral("fuzz.csv") : QStringLiteral("fuzz.yaml");
    const steward::CrosswalkFile file = steward::parseCrosswalk(bytes, path, csv);
    for (const QString& problem : file.problems)
        if (!problem.startsWith(path + QLatin1Char(':'))) {
            std::fprintf(stderr, "a problem that does not say where: %s\n", qPrintable(problem));
            std::abort();
        }
    if (!file.problems.isEmpty())
        return 0;
    static const QStringList relations = {QStringLiteral("equal"), QStringLiteral("subset"),
                                          QStringLiteral("superset"), QStringLiteral("intersect")};
    for (const steward::ChecklistMapping& m : file.mappings)
        if (m.sourceChecklist.isEmpty() || m.targetChecklist.isEmpty() ||
            m.sourceItem.trimmed().isEmpty() || m.targetItem.trimmed().isEmpty() ||
            !relations.contains(m.relation) || m.rationale.trimmed().isEmpty() || m.line < 1)
            std::abort();
    return 0;
}
