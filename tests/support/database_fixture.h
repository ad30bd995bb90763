// A GoogleTest fixture with a fresh database per test, migrated to the latest schema with the
// built-in role catalogue, through the same code the programs use (Migrator, CatalogSync).
#pragma once

#include "db/database.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <memory>

namespace steward {

// Makes every TestDatabase a copy of a migrated template. Idempotent; call before the first
// TestDatabase (DatabaseTest does).
void useMigratedTemplate();

class DatabaseTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    Database& db() { return *m_db; }
    const QString& conninfo() const { return m_testDb->conninfo(); }
    // A single value from a query, for assertions.
    QVariant scalar(const QString& sql, const QVariantList& params = {});

private:
    std::unique_ptr<TestDatabase> m_testDb;
    std::unique_ptr<Database> m_db;
};

} // namespace steward
