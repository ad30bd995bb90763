// What the CSV importers share: mapping a file's header onto documented columns, collecting every
// problem as "FILE:LINE: column: what is wrong", and staging rows with COPY. Internal to
// core/src/io.
#pragma once

#include "io/csv.h"

#include <steward/export.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace steward {

class Database;

// What an import did. Rows that matched a stored row and would change nothing count as unchanged
// and are not written at all (no new row version, no history entry).
struct ImportResult {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;

    int total() const { return inserted + updated + unchanged; }
};

struct ImportColumn {
    QString name;
    bool required = false;
};

// One import file: parsed, with its header mapped onto the importer's columns (matched ignoring
// case and surrounding spaces, in any order). Construction never throws for the file's content;
// problems accumulate until throwIfProblems().
class ImportFile {
public:
    ImportFile(const QByteArray& data, const QString& fileName, std::vector<ImportColumn> columns);

    const QString& fileName() const { return m_fileName; }
    // The data rows whose field count matches the header; the others are already reported.
    const std::vector<CsvRecord>& records() const { return m_records; }
    bool hasColumn(int column) const { return m_position[static_cast<std::size_t>(column)] >= 0; }
    // The field of `column`, trimmed; empty when the file has no such column.
    QString field(const CsvRecord& record, int column) const;

    // `column` is an index into the importer's columns; its name prefixes `what`.
    void problem(int line, int column, const QString& what);
    // Runs a query yielding (line, column index, what is wrong) rows and records each of them.
    void addProblemsFrom(Database& db, const QString& query);
    qsizetype problemCount() const { return static_cast<qsizetype>(m_problems.size()); }
    // Throws Error(Validation, "<file>: N problems, nothing was imported") listing every problem
    // ordered by line, then by column.
    void throwIfProblems();

private:
    struct Problem {
        int line;
        int order; // -1 for the row as a whole, else the column index
        QString text;
    };
    void rowProblem(int line, const QString& label, const QString& what, int order);

    QString m_fileName;
    std::vector<ImportColumn> m_columns;
    std::vector<int> m_position; // per importer column: its field index in the file, or -1
    std::vector<CsvRecord> m_records;
    std::vector<Problem> m_problems;
};

// Reads a boolean cell: true/false, yes/no, 1/0 (any case); nullopt for anything else.
std::optional<bool> parseImportBool(const QString& text);

} // namespace steward
