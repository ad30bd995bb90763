// The shared fixture of the audit suites: the bundled checklist plugins synchronised into a fresh
// test database, five people and two projects (a high-risk finance provider and deployer, a
// minimal-risk marketing deployer), and helpers to plan audits and prove a refusal changed nothing.
#pragma once

#include "audit/audit_service.h"
#include "database_fixture.h"
#include "error.h"
#include "plugins/plugin_runtime.h"
#include "services/person_service.h"
#include "services/project_service.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>

namespace steward {

// Not in an anonymous namespace: every file of the suite must see the same fixture class.
inline PluginHostOptions bundledOnly()
{
    PluginHostOptions options;
    options.searchStandardLocations = false;
    options.searchEnvironment = false;
    options.directories = {QStringLiteral(STEWARD_TEST_PLUGIN_DIR)};
    return options;
}

inline const QString kLead = QStringLiteral("lead@example.org");
inline const QString kAnna = QStringLiteral("anna@example.org");
inline const QString kZed = QStringLiteral("zed@example.org");
inline const QString kOwner = QStringLiteral("owner@example.org");

class AuditTest : public DatabaseTest {
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        {
            PluginRuntime runtime(db(), bundledOnly());
        }
        ASSERT_GT(count(QStringLiteral("SELECT count(*) FROM checklist WHERE key IN ('ethics', "
                                       "'eu-ai-act', 'nist-ai-rmf')")),
                  2);
        PersonService people(db());
        for (const auto& [email, name] :
             {std::pair{kLead, QStringLiteral("Lena Lead")},
              std::pair{kAnna, QStringLiteral("Anna Able")},
              std::pair{kZed, QStringLiteral("Zed Zimmer")},
              std::pair{kOwner, QStringLiteral("Otto Owner")},
              std::pair{QStringLiteral("aaron@example.org"), QStringLiteral("Aaron Early")}}) {
            Person p;
            p.email = email;
            p.name = name;
            people.add(p);
        }
        ProjectService projects(db());
        Project credit;
        credit.key = QStringLiteral("LOAN-RISK");
        credit.name = QStringLiteral("Loan risk model");
        credit.industry = Industry::Finance;
        credit.riskTier = RiskTier::High;
        credit.aiActRole = AiActRole::ProviderAndDeployer;
        projects.add(credit);
        Project ads;
        ads.key = QStringLiteral("AD-COPY");
        ads.name = QStringLiteral("Ad copy suggestions");
        ads.industry = Industry::Marketing;
        ads.riskTier = RiskTier::Minimal;
        ads.aiActRole = AiActRole::Deployer;
        projects.add(ads);
    }

    qint64 count(const QString& sql, const QVariantList& params = {})
    {
        return scalar(sql, params).toLongLong();
    }
    QDate today() const { return QDate::currentDate(); }

    Audit plan(const QString& project, const QString& checklist)
    {
        AuditPlan p;
        p.projectKey = project;
        p.checklistKey = checklist;
        p.leadEmail = kLead;
        p.dueDate = today().addDays(30);
        return AuditService(db()).create(p);
    }

    // Everything the audit tables and the history hold, to show a refused request changed nothing.
    QString snapshot()
    {
        QStringList parts;
        for (const char* t :
             {"audit", "audit_item", "evidence", "audit_item_evidence", "audit_finding", "history"})
            parts << scalar(QStringLiteral(
                                "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                                "ORDER BY t::text)), '') "
                                "FROM %1 t")
                                .arg(QLatin1String(t)))
                         .toString();
        return parts.join(QLatin1Char(' '));
    }

    void expectRefused(const std::function<void()>& request, const QString& expectedMessage)
    {
        const QString before = snapshot();
        try {
            request();
            ADD_FAILURE() << "not refused; expected: " << expectedMessage.toStdString();
        } catch (const Error& e) {
            EXPECT_TRUE(e.message().contains(expectedMessage))
                << "message: " << e.message().toStdString()
                << "\nexpected to contain: " << expectedMessage.toStdString();
        }
        EXPECT_EQ(snapshot(), before)
            << "a refused request changed something: " << expectedMessage.toStdString();
    }

    QStringList itemIds(const Audit& a, const QString& where = QStringLiteral("true"))
    {
        QSqlQuery q = db().exec(QStringLiteral("SELECT ci.item_id FROM audit_item ai JOIN "
                                               "checklist_item ci ON ci.id = ai.checklist_item_id "
                                               "WHERE ai.audit_id = ? AND %1 ORDER BY ci.position")
                                    .arg(where),
                                {a.id});
        QStringList ids;
        while (q.next())
            ids << q.value(0).toString();
        return ids;
    }

    // Assesses every open item of an audit as satisfied.
    void assessAll(const Audit& a, const QString& result = QStringLiteral("satisfied"))
    {
        AuditService s(db());
        for (const QString& id : itemIds(a, QStringLiteral("ai.result = 'not-assessed'")))
            s.assess(a.id, id, result, {}, kLead);
    }

    QTemporaryDir m_dir;
};

} // namespace steward
