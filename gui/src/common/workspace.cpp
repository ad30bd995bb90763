#include "common/workspace.h"

#include "db/database.h"
#include "plugins/plugin_runtime.h"
#include "services/coverage_service.h"

#include <QSqlQuery>

namespace steward::gui {

Workspace::Workspace(Database& db, PluginRuntime* plugins)
    : m_db(db)
    , m_plugins(plugins)
{
    if (m_plugins)
        m_pluginRules = m_plugins->rules();
    refreshPermissions();
    // The linked person first: the database records them, whatever actor the client names.
    QSqlQuery me = m_db.exec(
        QStringLiteral("SELECT email, true FROM person WHERE id = steward_current_person() "
                       "UNION ALL SELECT email, false FROM person WHERE lower(email) = lower(?) "
                       "ORDER BY 2 DESC LIMIT 1"),
        {m_db.actor()});
    if (me.next()) {
        m_actorEmail = me.value(0).toString();
        m_linked = me.value(1).toBool();
    }
}

CoverageService Workspace::coverage() const
{
    return CoverageService(m_db, m_pluginRules);
}

bool Workspace::mayManageProject(const QString& projectKey) const
{
    if (!m_permissions.editStaffing && !m_permissions.editProjects)
        return false;
    QSqlQuery q = m_db.exec(
        QStringLiteral("SELECT steward_may_manage_project(id) FROM project WHERE key = ?"),
        {projectKey});
    return q.next() && q.value(0).toBool();
}

bool Workspace::takesPartInAudit(qint64 auditId) const
{
    if (!m_permissions.runAudits)
        return false;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT steward_takes_part_in_audit(?)"), {auditId});
    return q.next() && q.value(0).toBool();
}

bool Workspace::mayMoveFinding(qint64 findingId, bool acceptRisk) const
{
    if (!m_linked)
        return m_permissions.runAudits && !m_actorEmail.isEmpty();
    QSqlQuery q =
        m_db.exec(QStringLiteral("SELECT steward_may_move_finding(?, ?)"), {findingId, acceptRisk});
    return q.next() && q.value(0).toBool();
}

bool Workspace::mayLeadAudit(qint64 auditId, const QString& leadEmail) const
{
    if (!m_linked)
        return m_permissions.auditAdmin ||
               (!m_actorEmail.isEmpty() &&
                m_actorEmail.compare(leadEmail, Qt::CaseInsensitive) == 0);
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT steward_leads_audit(?)"), {auditId});
    return q.next() && q.value(0).toBool();
}

bool Workspace::mayAnswerItem(qint64 auditItemId) const
{
    if (!m_linked)
        return m_permissions.runAudits;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT steward_may_answer_item(?)"), {auditItemId});
    return q.next() && q.value(0).toBool();
}

void Workspace::refreshPermissions()
{
    // One round trip; each answer is PostgreSQL's own verdict for the connected user.
    QSqlQuery q = m_db.exec(
        QStringLiteral("SELECT has_table_privilege('person', 'INSERT, UPDATE'),"
                       "       has_table_privilege('project', 'INSERT, UPDATE'),"
                       "       has_table_privilege('raci_entry', 'INSERT, UPDATE, DELETE')"
                       "         AND has_table_privilege('assignment', 'INSERT, UPDATE, DELETE'),"
                       "       has_table_privilege('audit_item', 'UPDATE')"
                       "         AND has_table_privilege('evidence', 'INSERT')"
                       "         AND has_table_privilege('audit_finding', 'INSERT, UPDATE'),"
                       "       has_table_privilege('audit', 'INSERT'),"
                       "       steward_is_admin(),"
                       "       has_table_privilege('plugin', 'UPDATE'),"
                       "       has_table_privilege('checklist_version', 'INSERT'),"
                       "       has_table_privilege('qualification_record', 'INSERT, UPDATE')"));
    q.next();
    m_permissions.editPeople = q.value(0).toBool();
    m_permissions.editProjects = q.value(1).toBool();
    m_permissions.editStaffing = q.value(2).toBool();
    m_permissions.runAudits = q.value(3).toBool();
    m_permissions.planAudits = q.value(4).toBool();
    m_permissions.auditAdmin = q.value(5).toBool();
    m_permissions.managePlugins = q.value(6).toBool();
    m_permissions.publishChecklists = q.value(7).toBool();
    m_permissions.recordQualifications = q.value(8).toBool();
}

} // namespace steward::gui
