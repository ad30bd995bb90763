// The checklist file reader (`steward checklist import`): any bytes, read as Steward's YAML, a CISO
// Assistant library or an OSCAL catalog, give a checklist or problems that each name a line of the
// file, never a crash, a hang or unbounded recursion; and a checklist read without problems,
// exported as Steward YAML and as OSCAL (`steward checklist export`), reads back as the same
// checklist, so an export is always importable.
#include "checklists/checklist_file.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace steward;

// The first difference between two checklists, or "" when they hold the same content.
std::string difference(const ChecklistSpec& a, const ChecklistSpec& b)
{
    auto field = [](const char* name, const std::string& x, const std::string& y) {
        return x == y ? std::string() : std::string(name) + ": [" + x + "] became [" + y + "]";
    };
    for (const std::string& d :
         {field("key", a.key, b.key), field("title", a.title, b.title),
          field("framework", a.framework, b.framework), field("version", a.version, b.version),
          field("source", a.source, b.source), field("licence", a.licence, b.licence)})
        if (!d.empty())
            return d;
    if (a.sections.size() != b.sections.size())
        return "the number of sections changed";
    for (std::size_t s = 0; s < a.sections.size(); ++s) {
        const ChecklistSection& x = a.sections[s];
        const ChecklistSection& y = b.sections[s];
        for (const std::string& d :
             {field("section id", x.id, y.id), field("section title", x.title, y.title),
              field("section description", x.description, y.description)})
            if (!d.empty())
                return d;
        if (x.items.size() != y.items.size())
            return "the number of items of section " + x.id + " changed";
        for (std::size_t i = 0; i < x.items.size(); ++i) {
            const ChecklistItem& p = x.items[i];
            const ChecklistItem& q = y.items[i];
            for (const std::string& d :
                 {field("item id", p.id, q.id), field("text", p.text, q.text),
                  field("guidance", p.guidance, q.guidance),
                  field("evidence", p.expectedEvidence, q.expectedEvidence),
                  field("role", p.roleKey, q.roleKey),
                  field("reference", p.reference, q.reference)})
                if (!d.empty())
                    return d;
            if (p.applies.riskTiers != q.applies.riskTiers ||
                p.applies.actors != q.applies.actors ||
                p.applies.industries != q.applies.industries)
                return "the applicability of item " + p.id + " changed";
        }
    }
    return {};
}

void expectProblemsSayWhere(const ChecklistFile& file, const char* prefix)
{
    for (const QString& problem : file.problems)
        if (!problem.startsWith(QLatin1String(prefix))) {
            std::fprintf(stderr, "a problem that does not say where: %s\n", qPrintable(problem));
            std::abort();
        }
}

void expectReadsBack(const ChecklistSpec& original, const QByteArray& written, const char* as)
{
    const ChecklistFile again = parseChecklistFile(written, QStringLiteral("export"));
    if (!again.problems.isEmpty()) {
        std::fprintf(stderr, "the %s export does not read back: %s\n--- export:\n%s\n", as,
                     qPrintable(again.problems.join(QLatin1Char('\n'))), written.constData());
        std::abort();
    }
    if (const std::string d = difference(original, again.spec); !d.empty()) {
        std::fprintf(stderr, "the %s export reads back differently: %s\n", as, d.c_str());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const ChecklistFile file = parseChecklistFile(bytes, QStringLiteral("fuzz.yaml"));
    expectProblemsSayWhere(file, "fuzz.yaml:");
    if (!file.problems.isEmpty())
        return 0;
    if (file.spec.key.empty() || file.spec.sections.empty())
        std::abort(); // a checklist read without problems has a key and something to audit
    expectReadsBack(file.spec, writeStewardChecklist(file.spec), "Steward YAML");
    expectReadsBack(file.spec, writeOscalCatalog(file.spec, QStringLiteral("2026-12-01T10:00:00Z")),
                    "OSCAL");
    return 0;
}
