#include "error.h"
#include "io/csv.h"

#include <QBuffer>

#include <gtest/gtest.h>

#include <string>

namespace steward {
namespace {

const QString kFile = QStringLiteral("people.csv");

QByteArray bytes(const char* text)
{
    return QByteArray(text);
}

// The problems parseCsv reports for data it must reject.
QStringList problemsIn(const QByteArray& data)
{
    try {
        const CsvTable table = parseCsv(data, kFile);
        ADD_FAILURE() << "accepted a file with " << table.records.size() << " records";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Validation);
        EXPECT_EQ(e.message(), QStringLiteral("people.csv: not a valid CSV file"));
        return e.details();
    }
    return {};
}

// True when every problem line starts with the given prefixes, in order, and there are no others.
::testing::AssertionResult problemsAre(const QStringList& problems,
                                       const std::vector<std::string>& prefixes)
{
    if (static_cast<std::size_t>(problems.size()) != prefixes.size())
        return ::testing::AssertionFailure()
               << "got " << problems.size()
               << " problems: " << problems.join(QStringLiteral(" | ")).toStdString();
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
        const QString p = problems[static_cast<qsizetype>(i)];
        if (!p.startsWith(QString::fromStdString(prefixes[i])))
            return ::testing::AssertionFailure()
                   << "problem " << i << " is \"" << p.toStdString() << "\", expected it to start "
                   << "with \"" << prefixes[i] << "\"";
    }
    return ::testing::AssertionSuccess();
}

QStringList row(std::initializer_list<const char*> fields)
{
    QStringList out;
    for (const char* f : fields)
        out.append(QString::fromUtf8(f));
    return out;
}

TEST(CsvParse, ReadsHeaderAndRecordsWithTheirLines)
{
    const CsvTable t = parseCsv(bytes("email,name\na@x.org,Ann\nb@x.org,Bob\n"), kFile);
    EXPECT_EQ(t.header, row({"email", "name"}));
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(t.records[0].line, 2);
    EXPECT_EQ(t.records[0].fields, row({"a@x.org", "Ann"}));
    EXPECT_EQ(t.records[1].line, 3);
    EXPECT_EQ(t.records[1].fields, row({"b@x.org", "Bob"}));
}

TEST(CsvParse, AcceptsAMissingFinalLineBreak)
{
    const CsvTable t = parseCsv(bytes("a,b\n1,2"), kFile);
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(t.records[0].fields, row({"1", "2"}));

    const CsvTable quoted = parseCsv(bytes("a,b\n1,\"2\""), kFile);
    ASSERT_EQ(quoted.records.size(), 1u);
    EXPECT_EQ(quoted.records[0].fields, row({"1", "2"}));
}

TEST(CsvParse, AcceptsCrLfLineEnds)
{
    const CsvTable t = parseCsv(bytes("a,b\r\n1,2\r\n3,4\r\n"), kFile);
    EXPECT_EQ(t.header, row({"a", "b"}));
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(t.records[0].fields, row({"1", "2"}));
    EXPECT_EQ(t.records[1].fields, row({"3", "4"}));
    EXPECT_EQ(t.records[1].line, 3);
}

TEST(CsvParse, StripsTheByteOrderMark)
{
    const CsvTable t = parseCsv(bytes("\xEF\xBB\xBF"
                                      "email,name\r\nz@x.org,Zo\xC3\xAB\r\n"),
                                kFile);
    EXPECT_EQ(t.header, row({"email", "name"})) << "the BOM is not part of the first name";
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(t.records[0].fields, row({"z@x.org", "Zo\xC3\xAB"}));
    EXPECT_EQ(t.records[0].line, 2);
}

// Found by fuzz-csv: only the file's first bytes are a byte order mark. A field that starts with
// U+FEFF keeps it, quoted or not, and survives being written and read back.
TEST(CsvParse, KeepsAFieldThatStartsWithAByteOrderMarkCharacter)
{
    const QString bom(QChar(0xFEFF));
    const CsvTable t = parseCsv(QByteArray("\xEF\xBB\xBF"
                                           "a,b\n\xEF\xBB\xBF"
                                           "x,\"\xEF\xBB\xBF"
                                           "y\"\n"),
                                QStringLiteral("f.csv"));
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(t.header, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    EXPECT_EQ(t.records[0].fields,
              (QStringList{bom + QStringLiteral("x"), bom + QStringLiteral("y")}));

    QBuffer out;
    out.open(QIODevice::WriteOnly);
    CsvWriter writer(&out);
    writer.writeRow(t.header);
    writer.writeRow(t.records[0].fields);
    EXPECT_EQ(parseCsv(out.data(), QStringLiteral("g.csv")).records[0].fields, t.records[0].fields);

    // The first field of the file is quoted, or its U+FEFF would be read as a byte order mark.
    QBuffer first;
    first.open(QIODevice::WriteOnly);
    CsvWriter(&first).writeRow({bom + QStringLiteral("h")});
    EXPECT_EQ(parseCsv(first.data(), QStringLiteral("h.csv")).header,
              QStringList{bom + QStringLiteral("h")});
}

TEST(CsvParse, DecodesUtf8WithoutABom)
{
    const CsvTable t = parseCsv(bytes("name\nJos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n"), kFile);
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(t.records[0].fields.front(),
              QString::fromUtf8("Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
}

TEST(CsvParse, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks)
{
    const CsvTable t = parseCsv(bytes("a,b,c\n"
                                      "\"Smith, Jo\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
                                      "\"crlf\r\ninside\",\"\",\"\"\"\"\r\n"
                                      "after,the,fields\n"),
                                kFile);
    ASSERT_EQ(t.records.size(), 3u);
    EXPECT_EQ(t.records[0].fields, row({"Smith, Jo", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(t.records[0].line, 2);
    EXPECT_EQ(t.records[1].fields, row({"crlf\r\ninside", "", "\""}));
    EXPECT_EQ(t.records[1].line, 4) << "the record after a two-line field starts on line 4";
    EXPECT_EQ(t.records[2].fields, row({"after", "the", "fields"}));
    EXPECT_EQ(t.records[2].line, 6);
}

TEST(CsvParse, SkipsWhollyEmptyLinesButKeepsLineNumbers)
{
    const CsvTable t = parseCsv(bytes("\n\r\na,b\n\n1,2\r\n\r\n\n3,4\n\n"), kFile);
    EXPECT_EQ(t.header, row({"a", "b"}));
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(t.records[0].line, 5);
    EXPECT_EQ(t.records[1].line, 8);
}

TEST(CsvParse, KeepsEmptyFieldsAndRowsOfAnyWidth)
{
    const CsvTable t = parseCsv(bytes("a,b,c\n,,\n1\n1,2,3,4\n\"\"\n x \n"), kFile);
    ASSERT_EQ(t.records.size(), 5u);
    EXPECT_EQ(t.records[0].fields, row({"", "", ""}));
    EXPECT_EQ(t.records[1].fields, row({"1"})) << "short rows are for the importer to report";
    EXPECT_EQ(t.records[2].fields, row({"1", "2", "3", "4"}));
    EXPECT_EQ(t.records[3].fields, row({""})) << "a quoted empty field is not a blank line";
    EXPECT_EQ(t.records[4].fields, row({" x "})) << "spaces are data";
}

TEST(CsvParse, RejectsAnEmptyFile)
{
    EXPECT_TRUE(problemsAre(problemsIn(QByteArray()), {"people.csv:1: the file is empty"}));
    EXPECT_TRUE(
        problemsAre(problemsIn(bytes("\xEF\xBB\xBF")), {"people.csv:1: the file is empty"}));
    EXPECT_TRUE(problemsAre(problemsIn(bytes("\n\r\n\n")), {"people.csv:1: the file is empty"}));
}

TEST(CsvParse, RejectsAnUnterminatedQuoteAtTheLineItOpens)
{
    EXPECT_TRUE(problemsAre(problemsIn(bytes("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n")),
                            {"people.csv:3: the quoted field that starts here is never closed"}));
}

TEST(CsvParse, RejectsTextAfterAClosingQuote)
{
    EXPECT_TRUE(problemsAre(problemsIn(bytes("a,b\n\"x\"y,2\n")),
                            {"people.csv:2: text after the closing quote"}));
    // After a quoted field spanning lines 2-4, the bad field is on line 5.
    EXPECT_TRUE(
        problemsAre(problemsIn(bytes("a,b\n\"one\ntwo\nthree\",ok\n\"He said \"hi\"\",x\n")),
                    {"people.csv:5: text after the closing quote"}));
    EXPECT_TRUE(problemsAre(problemsIn(bytes("a,b\r\n\"x\" ,2\r\n")),
                            {"people.csv:2: text after the closing quote"}));
}

TEST(CsvParse, RejectsStrayQuotesAndCarriageReturns)
{
    EXPECT_TRUE(problemsAre(problemsIn(bytes("a,b\n1,5\" screen\n")),
                            {"people.csv:2: a quote inside an unquoted field"}));
    EXPECT_TRUE(problemsAre(problemsIn(bytes("a,b\r1,2\r3,4\r")),
                            {"people.csv:1: a carriage return that does not end a line"}));
}

TEST(CsvParse, RejectsInvalidUtf8AtItsLine)
{
    EXPECT_TRUE(problemsAre(problemsIn(bytes("name\nok\nM\xFCller\n")),
                            {"people.csv:3: invalid UTF-8 (byte 0xFC)"}));
    // Inside a multi-line quoted field the problem is reported where the bad byte is.
    EXPECT_TRUE(problemsAre(problemsIn(bytes("name\n\"first\nsecond \xC3(\"\n")),
                            {"people.csv:3: invalid UTF-8 (byte 0xC3)"}));
    EXPECT_TRUE(problemsAre(problemsIn(bytes("name\n\xC0\xAF\n")), {"people.csv:2: invalid UTF-8"}))
        << "overlong encodings are invalid";
    EXPECT_TRUE(
        problemsAre(problemsIn(bytes("name\n\xED\xA0\x80\n")), {"people.csv:2: invalid UTF-8"}))
        << "surrogates are invalid";
    EXPECT_TRUE(problemsAre(problemsIn(bytes("name\nab\xE2\x82")), {"people.csv:2: invalid UTF-8"}))
        << "a sequence cut off by the end of the file is invalid";
    EXPECT_TRUE(
        problemsAre(problemsIn(QByteArray("name\nx\0y\n", 9)), {"people.csv:2: a NUL byte"}));
}

TEST(CsvParse, RejectsEmptyAndRepeatedHeaderNames)
{
    EXPECT_TRUE(problemsAre(problemsIn(bytes("email,,name, \n")),
                            {"people.csv:1: column 2 of the header row has no name",
                             "people.csv:1: column 4 of the header row has no name"}));
    EXPECT_TRUE(problemsAre(
        problemsIn(bytes("\nemail,name,Email \n")),
        {"people.csv:2: column 3 of the header row repeats the name \"Email\" of column 1"}));
}

TEST(CsvParse, ListsEveryProblemInOneError)
{
    const QStringList problems = problemsIn(bytes("email,email\n"
                                                  "ok,ok\n"
                                                  "\"x\"y,1\n"
                                                  "\xFF,2\n"
                                                  "ok,\"open\n"));
    EXPECT_TRUE(problemsAre(problems, {"people.csv:1: column 2 of the header row repeats",
                                       "people.csv:3: text after the closing quote",
                                       "people.csv:4: invalid UTF-8 (byte 0xFF)",
                                       "people.csv:5: the quoted field that starts here"}));
}

TEST(CsvParse, ReadsAHundredThousandRows)
{
    QByteArray data = "email,name,org_unit,title,external_id,active\r\n";
    constexpr int kRows = 100'000;
    data.reserve(kRows * 70);
    for (int i = 0; i < kRows; ++i) {
        const QByteArray n = QByteArray::number(i);
        data += "person" + n + "@example.org,\"Person " + n + ", Jr.\",Research,Engineer,HR-" + n +
                ",true\r\n";
    }
    const CsvTable t = parseCsv(data, kFile);
    ASSERT_EQ(t.records.size(), static_cast<std::size_t>(kRows));
    const CsvRecord& sample = t.records[54'321];
    EXPECT_EQ(sample.line, 54'323);
    EXPECT_EQ(sample.fields, row({"person54321@example.org", "Person 54321, Jr.", "Research",
                                  "Engineer", "HR-54321", "true"}));
    EXPECT_EQ(t.records.back().fields.front(), QStringLiteral("person99999@example.org"));
}

QByteArray written(const std::vector<QStringList>& rows)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    for (const QStringList& r : rows)
        writer.writeRow(r);
    return buffer.data();
}

TEST(CsvWrite, QuotesOnlyWhenNeededAndEndsRowsWithCrLf)
{
    EXPECT_EQ(written({row({"plain", "with space", "", "x"}),
                       row({"a,b", "say \"hi\"", "two\nlines", "cr\rhere"})}),
              bytes("plain,with space,,x\r\n"
                    "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n"));
}

TEST(CsvWrite, KeepsALoneEmptyFieldDistinctFromABlankLine)
{
    EXPECT_EQ(written({row({""}), QStringList()}), bytes("\"\"\r\n\"\"\r\n"));
}

TEST(CsvWrite, RoundTripsThroughTheParser)
{
    const std::vector<QStringList> rows{
        row({"email", "name", "note"}),
        row({"a@x.org", "Smith, Jo", "said \"no\"\r\nthen left"}),
        row({"b@x.org", "Zo\xC3\xAB", "\""}),
        row({"", "", ""}),
        row({"c@x.org", "\n", ",,,"}),
        row({""}),
    };
    const CsvTable t = parseCsv(written(rows), kFile);
    EXPECT_EQ(t.header, rows[0]);
    ASSERT_EQ(t.records.size(), rows.size() - 1);
    for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_EQ(t.records[i - 1].fields, rows[i]) << "row " << i;
}

TEST(CsvWrite, RefusesADeviceItCannotWriteTo)
{
    QBuffer closed;
    EXPECT_THROW(CsvWriter{&closed}, Error);

    QBuffer readOnly;
    readOnly.open(QIODevice::ReadOnly);
    EXPECT_THROW(CsvWriter{&readOnly}, Error);
}

} // namespace
} // namespace steward
