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
    std::optional<qint64> firstBadId; // the first row whose hash or link does not match
    QString headHash;                 // hex; record it elsewhere to detect a rewritten chain
    std::optional<qint64> headId;     // the entry the chain says is its head
    std::optional<qint64> lastId;     // the newest entry present
    // With an expected head: the entry that has that hash, if any.
    std::optional<qint64> expectedHeadId;
    // What is wrong, naming the entries, when not intact.
    QString problem;
};

class STEWARD_CORE_API HistoryService {
public:
    explicit HistoryService(Database& db);
    // Newest first.
    std::vector<HistoryEntry> list(const HistoryFilter& filter = {});
    qint64 count();
    // Recomputes every row's hash from its content and its predecessor's hash, and checks that the
    // newest entry is the chain's recorded head. With expectedHead (hex), a head hash recorded
    // earlier, also checks that the history still holds that entry: a chain rewritten or cut back
    // and re-sealed by someone with the table owner's power is consistent in itself, but lacks it.
    HistoryVerification verify(const QString& expectedHead = {});

private:
    Database& m_db;
};

} // namespace steward
