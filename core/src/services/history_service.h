// The change history: who changed what, when, before and after; and its integrity check.
#pragma once

#include "domain/records.h"

#include <steward/export.h>

#include <optional>
#include <vector>

namespace steward {

class Database;

struct HistoryFilter {
    QString table;  // e.g. "person"
    QString rowKey; // the row's id or key
    QString actor;
    int limit = 100;
};

struct HistoryVerification {
    qint64 rowsChecked = 0;
    bool intact = true;
    std::optional<qint64> firstBadId; // the first row whose hash does not match
    QString headHash;                 // hex; record it elsewhere to detect a rewritten chain
};

class STEWARD_CORE_API HistoryService {
public:
    explicit HistoryService(Database& db);
    // Newest first.
    std::vector<HistoryEntry> list(const HistoryFilter& filter = {});
    qint64 count();
    // Recomputes every row's hash from its content and its predecessor's hash.
    HistoryVerification verify();

private:
    Database& m_db;
};

} // namespace steward
