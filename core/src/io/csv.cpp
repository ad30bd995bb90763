#include "io/csv.h"

#include "error.h"
#include "io/utf8.h"

#include <QHash>
#include <QIODevice>
#include <QStringDecoder>

#include <algorithm>
#include <cstring>

namespace steward {
namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";

// UTF-8 to text, keeping a leading U+FEFF: QString::fromUtf8 drops one as a byte order mark,
// which is right for a file's first bytes (skipped above) but would silently cut a character off
// a field that starts with it (found by fuzz-csv: such a field did not survive export and import).
QString utf8Text(const char* begin, qsizetype size)
{
    if (size < 3 || std::memcmp(begin, kBom, 3) != 0)
        return QString::fromUtf8(begin, size);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(QByteArrayView(begin, size));
}

int countLineFeeds(const char* begin, const char* end)
{
    return static_cast<int>(std::count(begin, end, '\n'));
}

// One pass over the raw bytes; each field is validated and decoded exactly once.
class Parser {
public:
    Parser(const QByteArray& data, const QString& fileName)
        : m_p(data.constData())
        , m_end(data.constData() + data.size())
        , m_file(fileName)
    {
        if (data.startsWith(kBom))
            m_p += 3;
    }

    CsvReading run()
    {
        CsvReading reading;
        CsvTable& table = reading.table;
        CsvRecord header;
        if (!next(header)) {
            problem(1,
                    QStringLiteral("the file is empty; expected a header row naming the columns"));
        } else {
            checkHeader(header);
            m_width = header.fields.size();
            table.header = std::move(header.fields);
            table.records.reserve(static_cast<std::size_t>(countLineFeeds(m_p, m_end)) + 1);
            CsvRecord record;
            while (next(record))
                table.records.push_back(std::move(record));
        }
        reading.problems = std::move(m_problems);
        reading.firstProblemLine = m_firstProblemLine;
        return reading;
    }

private:
    // Reads the next record that is not a wholly empty line; false at the end of the data.
    bool next(CsvRecord& record)
    {
        while (!m_truncated && m_p < m_end) {
            if (*m_p == '\n') {
                ++m_p, ++m_line;
            } else if (atCrLf()) {
                m_p += 2, ++m_line;
            } else {
                record.line = m_line;
                record.fields.clear();
                // Most rows are as wide as the header: one allocation instead of several.
                record.fields.reserve(m_width);
                readFields(record.fields);
                return true;
            }
        }
        return false;
    }

    // Reads fields up to and including the line end that closes the record.
    void readFields(QStringList& fields)
    {
        for (;;) {
            if (m_p < m_end && *m_p == '"')
                readQuoted(fields);
            else
                readUnquoted(fields);
            if (m_truncated || m_p == m_end)
                return;
            // Both readers stop only at a comma, LF or CRLF.
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            m_p += *m_p == '\r' ? 2 : 1;
            ++m_line;
            return;
        }
    }

    void readUnquoted(QStringList& fields)
    {
        const char* start = m_p;
        for (; m_p < m_end; ++m_p) {
            const char c = *m_p;
            if (c == ',' || c == '\n')
                break;
            if (c == '\r') {
                if (atCrLf())
                    break;
                problem(m_line, QStringLiteral("a carriage return that does not end a line (CR "
                                               "without LF) must be inside a quoted field"));
            } else if (c == '"') {
                problem(m_line, QStringLiteral("a quote inside an unquoted field; enclose the "
                                               "field in quotes and double the quote"));
            }
        }
        fields.append(decode(start, m_p, m_line));
    }

    void readQuoted(QStringList& fields)
    {
        const int openLine = m_line;
        const char* start = ++m_p;
        const char* segment = start;
        QByteArray unescaped; // only for fields with doubled quotes, which are rare
        for (;;) {
            auto quote = static_cast<const char*>(std::memchr(m_p, '"', m_end - m_p));
            if (!quote) {
                m_line += countLineFeeds(m_p, m_end);
                m_p = m_end;
                m_truncated = true;
                problem(openLine,
                        QStringLiteral("the quoted field that starts here is never "
                                       "closed; everything after it was read as its text"));
                return;
            }
            m_line += countLineFeeds(m_p, quote);
            m_p = quote + 1;
            if (m_p < m_end && *m_p == '"') {
                unescaped.append(segment, m_p - segment);
                segment = ++m_p;
                continue;
            }
            if (unescaped.isNull()) {
                fields.append(decode(start, quote, openLine));
            } else {
                // Quotes are ASCII, so the raw span is valid UTF-8 exactly when the result is.
                checkText(start, quote, openLine);
                unescaped.append(segment, quote - segment);
                fields.append(utf8Text(unescaped.constData(), unescaped.size()));
            }
            break;
        }
        if (m_p < m_end && *m_p != ',' && *m_p != '\n' && !atCrLf()) {
            problem(m_line, QStringLiteral("text after the closing quote of a field; a quoted "
                                           "field must be followed by a comma or the end of "
                                           "the line"));
            while (m_p < m_end && *m_p != ',' && *m_p != '\n' && !atCrLf())
                ++m_p;
        }
    }

    QString decode(const char* begin, const char* end, int line)
    {
        checkText(begin, end, line);
        return utf8Text(begin, end - begin);
    }

    void checkText(const char* begin, const char* end, int line)
    {
        if (const auto bad = checkUtf8Text(QByteArrayView(begin, end - begin), line))
            problem(bad->line, bad->message);
    }

    void checkHeader(const CsvRecord& header)
    {
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < header.fields.size(); ++i) {
            const QString name = header.fields[i].trimmed();
            if (name.isEmpty()) {
                problem(header.line,
                        QStringLiteral("column %1 of the header row has no name").arg(i + 1));
                continue;
            }
            const QString folded = name.toCaseFolded();
            if (const auto it = seen.constFind(folded); it != seen.cend())
                problem(header.line,
                        QStringLiteral("column %1 of the header row repeats the name \"%2\" of "
                                       "column %3")
                            .arg(QString::number(i + 1), name, QString::number(*it + 1)));
            else
                seen.insert(folded, i);
        }
    }

    bool atCrLf() const { return *m_p == '\r' && m_p + 1 < m_end && m_p[1] == '\n'; }

    void problem(int line, const QString& what)
    {
        if (m_firstProblemLine == 0 || line < m_firstProblemLine)
            m_firstProblemLine = line;
        QString text = QStringLiteral("%1:%2: %3").arg(m_file, QString::number(line), what);
        // One report per kind of problem per line is enough (a Latin-1 line, a CR-only file).
        if (m_problems.isEmpty() || m_problems.constLast() != text)
            m_problems.append(std::move(text));
    }

    const char* m_p;
    const char* const m_end;
    const QString m_file;
    int m_line = 1;
    qsizetype m_width = 0;
    bool m_truncated = false; // an unterminated quote swallowed the rest of the data
    QStringList m_problems;
    int m_firstProblemLine = 0;
};

} // namespace

CsvReading readCsv(const QByteArray& data, const QString& fileName)
{
    return Parser(data, fileName).run();
}

CsvTable parseCsv(const QByteArray& data, const QString& fileName)
{
    CsvReading reading = readCsv(data, fileName);
    if (!reading.problems.isEmpty())
        throw validationError(QStringLiteral("%1: not a valid CSV file").arg(fileName),
                              std::move(reading.problems));
    return std::move(reading.table);
}

CsvWriter::CsvWriter(QIODevice* out)
    : m_out(out)
{
    if (!m_out || !m_out->isWritable())
        throw Error(ErrorKind::Internal, QStringLiteral("CSV output is not open for writing"));
}

void CsvWriter::writeRow(const QStringList& fields)
{
    m_row.resize(0);
    if (fields.isEmpty() || (fields.size() == 1 && fields.front().isEmpty())) {
        m_row.append("\"\"");
    } else {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                m_row.append(',');
            const QByteArray utf8 = fields[i].toUtf8();
            // A file's first bytes that spell U+FEFF are read as a byte order mark: quoted, the
            // first field keeps a leading U+FEFF of its own (found by fuzz-csv).
            const bool quote =
                std::any_of(
                    utf8.begin(), utf8.end(),
                    [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; }) ||
                (!m_started && i == 0 && utf8.startsWith(kBom));
            if (!quote) {
                m_row.append(utf8);
                continue;
            }
            m_row.append('"');
            for (const char c : utf8) {
                if (c == '"')
                    m_row.append('"');
                m_row.append(c);
            }
            m_row.append('"');
        }
    }
    m_row.append("\r\n");
    m_started = true;
    if (m_out->write(m_row) != m_row.size())
        throw Error(ErrorKind::Internal,
                    QStringLiteral("cannot write CSV output: %1").arg(m_out->errorString()));
}

} // namespace steward
