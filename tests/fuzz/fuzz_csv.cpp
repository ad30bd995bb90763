// The CSV reader every import goes through, and the writer every export uses: any bytes give
// either rows or problems that name a line of the file, never a crash, a hang or an out-of-range
// read; and a file read without problems, written back, reads as the same rows.
#include "io/csv.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const steward::CsvReading reading = steward::readCsv(bytes, QStringLiteral("fuzz.csv"));
    for (const QString& problem : reading.problems)
        if (!problem.startsWith(QLatin1String("fuzz.csv:")))
            std::abort(); // every problem says where it is
    if (!reading.problems.isEmpty())
        return 0;

    QBuffer out;
    out.open(QIODevice::WriteOnly);
    steward::CsvWriter writer(&out);
    writer.writeRow(reading.table.header);
    for (const steward::CsvRecord& record : reading.table.records)
        writer.writeRow(record.fields);
    const steward::CsvReading again = steward::readCsv(out.data(), QStringLiteral("again.csv"));
    if (!again.problems.isEmpty() || again.table.header != reading.table.header ||
        again.table.records.size() != reading.table.records.size())
        std::abort();
    for (std::size_t i = 0; i < again.table.records.size(); ++i)
        if (again.table.records[i].fields != reading.table.records[i].fields) {
            std::fprintf(stderr, "record %zu read as [%s], written and read back as [%s]\n", i,
                         qPrintable(reading.table.records[i].fields.join(QLatin1Char('|'))),
                         qPrintable(again.table.records[i].fields.join(QLatin1Char('|'))));
            std::abort();
        }
    return 0;
}
