// RFC 4180 CSV: the format of every import and export file.
#pragma once

#include <steward/export.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

class QIODevice;

namespace steward {

struct CsvRecord {
    int line = 0; // 1-based physical line on which the record starts
    QStringList fields;
};

struct CsvTable {
    QStringList header;
    std::vector<CsvRecord> records; // the rows after the header, wholly empty lines left out
};

// Parses a whole file: quoted fields with embedded commas, doubled quotes and line breaks; CRLF or
// LF line ends; UTF-8 with or without a byte order mark; with or without a final line break.
// Wholly empty lines are skipped. Records keep their fields as found, however many there are, so
// that the importer can report a short or long row against its columns.
//
// Throws Error (Validation, "<fileName>: not a valid CSV file") whose details list every structural
// problem as "<fileName>:<line>: <what is wrong>": an unterminated quoted field, text after a
// closing quote, a quote inside an unquoted field, a carriage return that does not end a line,
// invalid UTF-8 or NUL bytes, an empty file, and header names that are empty or repeated (compared
// ignoring case and surrounding spaces).
STEWARD_CORE_API CsvTable parseCsv(const QByteArray& data, const QString& fileName);

// The same reading without throwing: every record read, and the structural problems beside them.
// Records that start before the first problem's line are exactly as the file meant them; an
// importer checks those too, so that one run reports every problem of a file with a syntax error
// (an unterminated quote, say), not only the syntax error.
struct CsvReading {
    CsvTable table;
    QStringList problems;     // "<fileName>:<line>: <what is wrong>", as parseCsv's details
    int firstProblemLine = 0; // the smallest line with a problem; 0 when there is none
};
STEWARD_CORE_API CsvReading readCsv(const QByteArray& data, const QString& fileName);

// Writes rows as RFC 4180 to a device opened for writing, UTF-8 without a byte order mark. Fields
// are quoted only when they hold a comma, a quote, CR or LF; every row ends with CRLF. Throws Error
// (Internal) when the device refuses the data.
class STEWARD_CORE_API CsvWriter {
public:
    explicit CsvWriter(QIODevice* out);

    // An empty list, or a single empty field, is written as "" so the row is not mistaken for a
    // blank line when read back.
    void writeRow(const QStringList& fields);

private:
    QIODevice* m_out;
    QByteArray m_row; // reused between rows
    bool m_started = false;
};

} // namespace steward
