// libpq connection strings (conninfo "key=value ..." or URIs), read and written with libpq's own
// rules, for everything that takes one apart or puts one together.
#pragma once

#include <steward/export.h>

#include <QString>

#include <utility>
#include <vector>

namespace steward {

// keyword, value
using ConninfoOptions = std::vector<std::pair<QString, QString>>;

// The options `conninfo` sets, in libpq's keyword order, parsed by libpq (PQconninfoParse); throws
// Error(Validation) with libpq's reason when it cannot be read.
STEWARD_CORE_API ConninfoOptions parseConninfoOptions(const QString& conninfo);
// A value quoted for a conninfo string: single quotes, backslash and quote escaped.
STEWARD_CORE_API QString quoteConninfoValue(const QString& value);
// "key='value' key='value'", readable by parseConninfoOptions and libpq.
STEWARD_CORE_API QString joinConninfo(const ConninfoOptions& options);

} // namespace steward
