#include "io/utf8.h"

#include <algorithm>

namespace steward {

const char* firstBadUtf8Byte(const char* begin, const char* end)
{
    auto s = reinterpret_cast<const unsigned char*>(begin);
    const auto e = reinterpret_cast<const unsigned char*>(end);
    while (s < e) {
        const unsigned char c = *s;
        if (c >= 0x01 && c < 0x80) {
            ++s;
            continue;
        }
        int trailing = 0;
        char32_t cp = 0;
        char32_t smallest = 0;
        if ((c & 0xE0) == 0xC0) {
            trailing = 1, cp = c & 0x1F, smallest = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            trailing = 2, cp = c & 0x0F, smallest = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            trailing = 3, cp = c & 0x07, smallest = 0x10000;
        } else {
            return reinterpret_cast<const char*>(s); // NUL, a stray continuation byte, 0xF8..0xFF
        }
        if (e - s <= trailing)
            return reinterpret_cast<const char*>(s);
        for (int i = 1; i <= trailing; ++i) {
            if ((s[i] & 0xC0) != 0x80)
                return reinterpret_cast<const char*>(s);
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return reinterpret_cast<const char*>(s);
        s += trailing + 1;
    }
    return end;
}

std::optional<Utf8Problem> checkUtf8Text(QByteArrayView bytes, int firstLine)
{
    const char* begin = bytes.data();
    const char* end = begin + bytes.size();
    const char* bad = firstBadUtf8Byte(begin, end);
    if (bad == end)
        return std::nullopt;
    const int line = firstLine + static_cast<int>(std::count(begin, bad, '\n'));
    if (*bad == '\0')
        return Utf8Problem{line, QStringLiteral("a NUL byte, which text cannot contain")};
    return Utf8Problem{line,
                       QStringLiteral("invalid UTF-8 (byte 0x%1); save the file as UTF-8")
                           .arg(QString::number(static_cast<unsigned char>(*bad), 16).toUpper())};
}

} // namespace steward
