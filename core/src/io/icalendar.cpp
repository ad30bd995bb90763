#include "io/icalendar.h"

#include <steward/version.h>

namespace steward {
namespace {

// TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks are escaped.
QString escapedText(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' || c == u';' || c == u',') {
            out += u'\\';
            out += c;
        } else if (c == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            out += QStringLiteral("\\n");
        } else if (c == u'\n') {
            out += QStringLiteral("\\n");
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7F) {
            out += u' '; // other control characters are not allowed in TEXT
        } else {
            out += c;
        }
    }
    return out;
}

// Parameter values (3.2) may not hold DQUOTE; those with ':', ';' or ',' are quoted.
QString parameterValue(QString value)
{
    value.remove(u'"');
    for (QChar& c : value)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = u' ';
    if (value.contains(u':') || value.contains(u';') || value.contains(u','))
        return u'"' + value + u'"';
    return value;
}

// One content line, folded (3.1): at most 75 octets a line, continuation lines starting with a
// space, never inside a UTF-8 sequence.
void appendLine(QByteArray& out, const QString& line)
{
    const QByteArray bytes = line.toUtf8();
    qsizetype start = 0;
    qsizetype limit = 75;
    while (bytes.size() - start > limit) {
        qsizetype end = start + limit;
        while (end > start && (static_cast<unsigned char>(bytes.at(end)) & 0xC0) == 0x80)
            --end; // back to the first byte of the character
        out.append(bytes.constData() + start, end - start);
        out.append("\r\n ");
        start = end;
        limit = 74; // the leading space counts
    }
    out.append(bytes.constData() + start, bytes.size() - start);
    out.append("\r\n");
}

QString utcStamp(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

} // namespace

QString reminderUid(const Reminder& reminder, const QString& organisationId)
{
    return QStringLiteral("steward-%1-%2-%3@steward")
        .arg(reminder.kind)
        .arg(reminder.id)
        .arg(organisationId);
}

QByteArray writeICalendar(const std::vector<Reminder>& reminders, const QString& organisationId,
                          const QDateTime& stamp, const QString& calendarName)
{
    QByteArray out;
    appendLine(out, QStringLiteral("BEGIN:VCALENDAR"));
    appendLine(out, QStringLiteral("VERSION:2.0"));
    appendLine(out, QStringLiteral("PRODID:-//Steward//Steward %1//EN")
                        .arg(QStringLiteral(STEWARD_VERSION_STRING)));
    appendLine(out, QStringLiteral("CALSCALE:GREGORIAN"));
    appendLine(out, QStringLiteral("METHOD:PUBLISH"));
    appendLine(out, QStringLiteral("X-WR-CALNAME:") + escapedText(calendarName));
    for (const Reminder& r : reminders) {
        appendLine(out, QStringLiteral("BEGIN:VEVENT"));
        appendLine(out, QStringLiteral("UID:") + reminderUid(r, organisationId));
        appendLine(out, QStringLiteral("DTSTAMP:") + utcStamp(stamp));
        // SEQUENCE starts at 0 (3.8.7.4); each change of the row is a revision of the event.
        appendLine(out, QStringLiteral("SEQUENCE:%1").arg(qMax(0, r.version - 1)));
        appendLine(out, QStringLiteral("DTSTART;VALUE=DATE:") +
                            r.due.toString(QStringLiteral("yyyyMMdd")));
        appendLine(out, QStringLiteral("DTEND;VALUE=DATE:") +
                            r.due.addDays(1).toString(QStringLiteral("yyyyMMdd")));
        // A qualification is the person's, not one project's.
        const QString summary = r.projectKey.isEmpty()
                                    ? r.summary
                                    : QStringLiteral("%1: %2").arg(r.projectKey, r.summary);
        const QString project =
            r.projectKey.isEmpty()
                ? QString()
                : QStringLiteral("Project %1 (%2). ").arg(r.projectKey, r.projectName);
        appendLine(out, QStringLiteral("SUMMARY:") + escapedText(summary));
        appendLine(out, QStringLiteral("DESCRIPTION:") +
                            escapedText(QStringLiteral("%1\n%2For %3 <%4>.")
                                            .arg(r.detail, project, r.personName, r.personEmail)));
        appendLine(out, QStringLiteral("CATEGORIES:") + escapedText(r.kind.toUpper()));
        appendLine(out, QStringLiteral("ATTENDEE;CN=%1:mailto:%2")
                            .arg(parameterValue(r.personName), r.personEmail));
        appendLine(out, QStringLiteral("TRANSP:TRANSPARENT"));
        appendLine(out, QStringLiteral("END:VEVENT"));
    }
    appendLine(out, QStringLiteral("END:VCALENDAR"));
    return out;
}

} // namespace steward
