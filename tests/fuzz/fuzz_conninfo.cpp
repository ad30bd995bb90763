// Connection strings as users type them (--database, STEWARD_DATABASE, the connection dialog):
// any text is read by libpq's rules or refused with a validation error, and what Steward writes
// back from the options it read is read as the same options.
#include "db/conninfo.h"
#include "error.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    steward::ConninfoOptions options;
    try {
        options = steward::parseConninfoOptions(text);
    } catch (const steward::Error& e) {
        if (e.kind() != steward::ErrorKind::Validation)
            std::abort();
        return 0;
    }
    const QString joined = steward::joinConninfo(options);
    steward::ConninfoOptions again;
    try {
        again = steward::parseConninfoOptions(joined);
    } catch (const steward::Error&) {
        std::abort(); // what Steward writes must read back
    }
    if (again != options)
        std::abort();
    return 0;
}
