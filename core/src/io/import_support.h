// What the CSV importers share: mapping a file's header onto documented columns, collecting every
// problem as "FILE:LINE: column: what is wrong", and staging rows with COPY. Internal to
// core/src/io.
#pragma once

#include "error.h"
#include "io/csv.h"

#include <steward/export.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <stdexcept>
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

// One problem of an import file. `line` is 0 only when the file as a whole is at fault; `column`
// is the column's name, "row" for the row as a whole, or empty for the file's CSV structure.
struct ImportProblem {
    int line = 0;
    QString column;
    QString what;
    QString text; // "FILE:LINE: column: what is wrong", as the CLI prints it
};

// What ImportFile::throwIfProblems throws: a validation error whose details are the problems'
// texts, carrying the problems themselves for callers that show them one by one (the GUI's import
// dialogs), so that none has to parse the texts back.
class STEWARD_CORE_API ImportRefused : public Error {
public:
    ImportRefused(const QString& message, std::vector<ImportProblem> problems);
    const std::vector<ImportProblem>& problems() const noexcept { return m_problems; }

private:
    std::vector<ImportProblem> m_problems;
};

// What an import would do to the database as it is now: the counts it would report, or the
// problems that make it refuse the file (then the counts are zero).
struct ImportPreview {
    ImportResult result;
    std::vector<ImportProblem> problems;
};

// Where a running import is. Staging reads the file's rows into the database one by one and
// takes most of the time; checking and writing are set-based steps over all rows at once.
struct ImportProgress {
    enum class Stage { Staging, Checking, Writing, Done };
    Stage stage = Stage::Staging;
    qint64 rowsDone = 0;  // rows staged so far
    qint64 rowsTotal = 0; // data rows in the file
};

// What a client that shows progress and offers Cancel gives an import; the CLI gives nothing.
// Both hooks are used from the thread that runs the import.
struct ImportControl {
    // Told about each stage and every hundredth of the rows staged.
    std::function<void(const ImportProgress&)> progress;
    // Polled between rows and stages, up to the commit; once it is true the import rolls back
    // and throws ImportCancelled.
    const std::atomic<bool>* cancel = nullptr;
};

// Thrown when an import stops because its ImportControl::cancel was set; nothing was written.
class STEWARD_CORE_API ImportCancelled : public std::runtime_error {
public:
    explicit ImportCancelled(const QString& fileName);
};

// Reports progress to an ImportControl and turns its cancel flag into ImportCancelled.
class ImportMonitor {
public:
    ImportMonitor(const ImportControl& control, QString fileName, qint64 rowsTotal);

    // Both throw ImportCancelled when asked to stop, except on entering Done.
    void rowStaged();
    void enter(ImportProgress::Stage stage);
    void throwIfCancelled() const;

private:
    void report();

    const ImportControl& m_control;
    QString m_fileName;
    ImportProgress m_progress;
    qint64 m_step; // rows between reports
    qint64 m_nextReport;
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
    // Every problem so far, ordered by line, then by column.
    std::vector<ImportProblem> problems();
    // Throws ImportRefused ("<file>: N problems, nothing was imported") listing every problem
    // ordered by line, then by column.
    void throwIfProblems();

private:
    struct Problem {
        int order; // -1 for the row as a whole, else the column index
        ImportProblem problem;
    };
    void rowProblem(int line, const QString& label, const QString& what, int order);
    void sortProblems();

    QString m_fileName;
    std::vector<ImportColumn> m_columns;
    std::vector<int> m_position; // per importer column: its field index in the file, or -1
    std::vector<CsvRecord> m_records;
    std::vector<Problem> m_problems;
};

// Reads a boolean cell: true/false, yes/no, 1/0 (any case); nullopt for anything else.
std::optional<bool> parseImportBool(const QString& text);

} // namespace steward
