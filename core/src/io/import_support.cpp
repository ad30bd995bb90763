#include "io/import_support.h"

#include "db/database.h"
#include "error.h"

#include <QSqlQuery>

#include <algorithm>

namespace steward {
namespace {

// The physical line of the header: the parser skips blank lines before it.
int headerLine(const QByteArray& data)
{
    int line = 1;
    qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < data.size()) {
        if (data[i] == '\n') {
            ++line, ++i;
        } else if (data[i] == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
            ++line, i += 2;
        } else {
            break;
        }
    }
    return line;
}

QString columnList(const std::vector<ImportColumn>& columns)
{
    QStringList names;
    for (const ImportColumn& c : columns)
        names << c.name;
    return names.join(QStringLiteral(", "));
}

// Splits the parser's "FILE:LINE: what is wrong" into its line and its sentence.
ImportProblem structureProblem(const QString& detail, const QString& fileName)
{
    ImportProblem p{0, {}, detail, detail};
    const QString prefix = fileName + QLatin1Char(':');
    if (!detail.startsWith(prefix))
        return p;
    const QString rest = detail.mid(prefix.size());
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    bool ok = false;
    const int line = colon > 0 ? rest.left(colon).toInt(&ok) : 0;
    if (ok) {
        p.line = line;
        p.what = rest.mid(colon + 1).trimmed();
    }
    return p;
}

} // namespace

ImportCancelled::ImportCancelled(const QString& fileName)
    : std::runtime_error(QStringLiteral("%1: the import was cancelled, nothing was imported")
                             .arg(fileName)
                             .toStdString())
{
}

ImportMonitor::ImportMonitor(const ImportControl& control, QString fileName, qint64 rowsTotal)
    : m_control(control)
    , m_fileName(std::move(fileName))
    , m_step(std::max<qint64>(1, rowsTotal / 100))
    , m_nextReport(0)
{
    m_progress.rowsTotal = rowsTotal;
    report();
}

void ImportMonitor::rowStaged()
{
    ++m_progress.rowsDone;
    // An atomic load per row costs nothing next to formatting the row for COPY.
    throwIfCancelled();
    if (m_progress.rowsDone >= m_nextReport)
        report();
}

void ImportMonitor::enter(ImportProgress::Stage stage)
{
    // Done comes after the commit, when stopping is no longer possible.
    if (stage != ImportProgress::Stage::Done)
        throwIfCancelled();
    m_progress.stage = stage;
    report();
}

void ImportMonitor::throwIfCancelled() const
{
    if (m_control.cancel && m_control.cancel->load(std::memory_order_relaxed))
        throw ImportCancelled(m_fileName);
}

void ImportMonitor::report()
{
    m_nextReport = m_progress.rowsDone + m_step;
    if (m_control.progress)
        m_control.progress(m_progress);
}

ImportFile::ImportFile(const QByteArray& data, const QString& fileName,
                       std::vector<ImportColumn> columns)
    : m_fileName(fileName)
    , m_columns(std::move(columns))
    , m_position(m_columns.size(), -1)
{
    CsvReading reading = readCsv(data, fileName);
    CsvTable& table = reading.table;
    // Structural problems already read "FILE:LINE: ...". What comes after the first of them
    // cannot be trusted (an unterminated quote swallows the rest of the file), but the rows
    // before it are checked like any others, so one run lists every problem up to there.
    for (const QString& detail : reading.problems)
        m_problems.push_back({-1, structureProblem(detail, fileName)});
    const int line = headerLine(data);
    if (reading.firstProblemLine > 0) {
        if (reading.firstProblemLine <= line)
            return; // the header itself is broken: no column can be told from another
        std::erase_if(table.records,
                      [&](const CsvRecord& r) { return r.line >= reading.firstProblemLine; });
    }
    for (qsizetype i = 0; i < table.header.size(); ++i) {
        const QString name = table.header[i].trimmed();
        const auto it =
            std::find_if(m_columns.begin(), m_columns.end(), [&](const ImportColumn& c) {
                return c.name.compare(name, Qt::CaseInsensitive) == 0;
            });
        if (it == m_columns.end())
            rowProblem(
                line, name,
                QStringLiteral("unknown column; the columns are %1").arg(columnList(m_columns)),
                -1);
        else
            m_position[static_cast<std::size_t>(it - m_columns.begin())] = static_cast<int>(i);
    }
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        if (m_columns[c].required && m_position[c] < 0)
            rowProblem(line, m_columns[c].name,
                       QStringLiteral("required column is missing from the header"), -1);
    }
    m_records.reserve(table.records.size());
    for (CsvRecord& record : table.records) {
        if (record.fields.size() != table.header.size()) {
            rowProblem(record.line, QStringLiteral("row"),
                       QStringLiteral("has %1 fields, but the header names %2 columns")
                           .arg(record.fields.size())
                           .arg(table.header.size()),
                       -1);
            continue;
        }
        m_records.push_back(std::move(record));
    }
}

QString ImportFile::field(const CsvRecord& record, int column) const
{
    const int position = m_position[static_cast<std::size_t>(column)];
    return position < 0 ? QString() : record.fields[position].trimmed();
}

void ImportFile::problem(int line, int column, const QString& what)
{
    rowProblem(line, m_columns[static_cast<std::size_t>(column)].name, what, column);
}

void ImportFile::rowProblem(int line, const QString& label, const QString& what, int order)
{
    m_problems.push_back(
        {order,
         {line, label, what,
          QStringLiteral("%1:%2: %3: %4").arg(m_fileName).arg(line).arg(label, what)}});
}

void ImportFile::addProblemsFrom(Database& db, const QString& query)
{
    QSqlQuery q = db.exec(query);
    while (q.next())
        problem(q.value(0).toInt(), q.value(1).toInt(), q.value(2).toString());
}

void ImportFile::sortProblems()
{
    std::stable_sort(m_problems.begin(), m_problems.end(), [](const Problem& a, const Problem& b) {
        return a.problem.line != b.problem.line ? a.problem.line < b.problem.line
                                                : a.order < b.order;
    });
}

std::vector<ImportProblem> ImportFile::problems()
{
    sortProblems();
    std::vector<ImportProblem> result;
    result.reserve(m_problems.size());
    for (const Problem& p : m_problems)
        result.push_back(p.problem);
    return result;
}

void ImportFile::throwIfProblems()
{
    if (m_problems.empty())
        return;
    const qsizetype n = static_cast<qsizetype>(m_problems.size());
    throw ImportRefused(QStringLiteral("%1: %2 %3, nothing was imported")
                            .arg(m_fileName)
                            .arg(n)
                            .arg(n == 1 ? QStringLiteral("problem") : QStringLiteral("problems")),
                        problems());
}

namespace {

QStringList problemTexts(const std::vector<ImportProblem>& problems)
{
    QStringList texts;
    texts.reserve(static_cast<qsizetype>(problems.size()));
    for (const ImportProblem& p : problems)
        texts << p.text;
    return texts;
}

} // namespace

ImportRefused::ImportRefused(const QString& message, std::vector<ImportProblem> problems)
    : Error(ErrorKind::Validation, message, problemTexts(problems))
    , m_problems(std::move(problems))
{
}

std::optional<bool> parseImportBool(const QString& text)
{
    static const QString truths[] = {QStringLiteral("true"), QStringLiteral("yes"),
                                     QStringLiteral("1")};
    static const QString falsehoods[] = {QStringLiteral("false"), QStringLiteral("no"),
                                         QStringLiteral("0")};
    for (const QString& t : truths)
        if (text.compare(t, Qt::CaseInsensitive) == 0)
            return true;
    for (const QString& f : falsehoods)
        if (text.compare(f, Qt::CaseInsensitive) == 0)
            return false;
    return std::nullopt;
}

} // namespace steward
