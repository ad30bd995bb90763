#include "database_fixture.h"

#include "catalog/catalog_sync.h"
#include "db/migrator.h"

#include <QSqlQuery>

namespace steward {

void useMigratedTemplate()
{
    static const bool registered = [] {
        TestCluster::setTemplatePreparer([](const QString& conninfo) {
            Database db(conninfo, QStringLiteral("test-setup"));
            Migrator(db).migrate();
            syncBuiltinCatalogue(db);
        });
        return true;
    }();
    (void)registered;
}

void DatabaseTest::SetUp()
{
    useMigratedTemplate();
    m_testDb = std::make_unique<TestDatabase>();
    m_db = std::make_unique<Database>(m_testDb->conninfo(), QStringLiteral("tester"));
}

void DatabaseTest::TearDown()
{
    m_db.reset();
    m_testDb.reset();
}

QVariant DatabaseTest::scalar(const QString& sql, const QVariantList& params)
{
    QSqlQuery q = m_db->exec(sql, params);
    return q.next() ? q.value(0) : QVariant();
}

} // namespace steward
