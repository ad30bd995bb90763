// The main() of every Steward test program: QtSql needs a QCoreApplication, and the throwaway
// cluster must go away when the tests are done, whether they passed or not.
#include "test_support.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

namespace {

class ClusterEnvironment : public ::testing::Environment {
public:
    void TearDown() override { steward::TestCluster::shutdown(); }
};

} // namespace

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    QCoreApplication application(argc, argv);
    ::testing::AddGlobalTestEnvironment(new ClusterEnvironment); // owned by GoogleTest
    return RUN_ALL_TESTS();
}
