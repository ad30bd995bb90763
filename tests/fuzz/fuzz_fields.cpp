// The field checks every import row and every form goes through (e-mail, name, project key,
// dates, allocation): any text gets an answer, never a crash; a value found valid stays valid
// after the trimming the importers apply.
#include "domain/validation.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data) + 1,
                                           static_cast<qsizetype>(size - 1));
    switch (data[0] % 5) {
    case 0:
        if (steward::checkEmail(text).isEmpty() && !steward::checkEmail(text.trimmed()).isEmpty())
            std::abort();
        break;
    case 1:
        (void)steward::checkPersonName(text);
        break;
    case 2:
        (void)steward::checkProjectKey(text);
        break;
    case 3:
        if (const auto date = steward::parseIsoDate(text); date && !date->isValid())
            std::abort(); // a parsed date is a real day
        break;
    default:
        (void)steward::checkAllocation(text.toInt());
        break;
    }
    return 0;
}
