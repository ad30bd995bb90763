// Whether bytes from a file are text Steward can store: valid UTF-8 without NUL bytes. Every
// reader of a text file checks this first, so that a stray byte is a problem naming its line, not
// a character silently replaced on the way to the database (and changed again by an export).
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace steward {

// The first byte from which [begin, end) stops being valid UTF-8 for text (a NUL is valid UTF-8
// but no text column can hold it), or end. Overlong forms, surrogates and code points above
// U+10FFFF are invalid, as the standard requires.
const char* firstBadUtf8Byte(const char* begin, const char* end);

struct Utf8Problem {
    int line = 0;    // 1-based line of the bad byte
    QString message; // "invalid UTF-8 (byte 0xFF); save the file as UTF-8"
};

// The first problem of `bytes` as text, with its line counted from `firstLine`, or none.
std::optional<Utf8Problem> checkUtf8Text(QByteArrayView bytes, int firstLine = 1);

} // namespace steward
