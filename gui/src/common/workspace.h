// What every screen works on: the database connection, the loaded plugins, the coverage rules in
// force (the core rules plus the plugins'), who is acting and what PostgreSQL lets them do. Owned
// by the application; screens hold a reference.
#pragma once

#include <steward/staffing.h>

#include <QString>

#include <memory>
#include <vector>

namespace steward {
class Database;
class CoverageService;
class PluginRuntime;
} // namespace steward

namespace steward::gui {

// What the connected PostgreSQL user may change, read from the database's own privileges
// (has_table_privilege) so that the window offers exactly what the server would accept.
struct Permissions {
    bool editPeople = false;           // people and org units
    bool editProjects = false;         // projects
    bool editStaffing = false;         // role assignments and RACI entries
    bool runAudits = false;            // assess items, attach evidence, raise findings
    bool planAudits = false;           // create audits
    bool auditAdmin = false;           // review and close any audit (member of steward_admin)
    bool managePlugins = false;        // enable and disable plugins
    bool publishChecklists = false;    // import checklists and crosswalks (administrators)
    bool recordQualifications = false; // record and import people's qualifications

    // Nothing may be changed: a viewer.
    bool readOnly() const
    {
        return !editPeople && !editProjects && !editStaffing && !runAudits && !planAudits &&
               !managePlugins && !publishChecklists && !recordQualifications;
    }
};

class Workspace {
public:
    // `plugins` (may be null: no plugins) must outlive the workspace. Reads the permissions.
    explicit Workspace(Database& db, PluginRuntime* plugins = nullptr);

    Database& db() const { return m_db; }
    PluginRuntime* plugins() const { return m_plugins; }
    // A coverage check with every rule in force.
    CoverageService coverage() const;

    const Permissions& permissions() const { return m_permissions; }
    // Row by row (sql/0011), PostgreSQL's own answer for the connected login: whether it may
    // change this project and its staffing (it owns the project, is a current AI project manager
    // on it, or is an administrator), and whether it takes part in this audit (its lead, a
    // respondent of one of its items, or an administrator).
    bool mayManageProject(const QString& projectKey) const;
    bool takesPartInAudit(qint64 auditId) const;
    // For a login linked to a person (sql/0008) the database answers per row (sql/0011, 0015):
    // whether it may move this finding on (as its owner, not to accept its risk), take the lead's
    // steps in this audit (reassign, review, close), and answer this item (by audit_item id).
    // Other logins (the embedded database's own user) are held to the acting person's rules:
    // findings and results need an acting person; the lead's steps are the lead's or an admin's.
    bool mayMoveFinding(qint64 findingId, bool acceptRisk) const;
    bool mayLeadAudit(qint64 auditId, const QString& leadEmail) const;
    bool mayAnswerItem(qint64 auditItemId) const;
    // Reads the permissions again, e.g. after an administrator changed the user's roles.
    void refreshPermissions();

    // The e-mail of the person acting: audit steps record who took them. For a linked login its
    // person, whom the database records whatever the client says; else the database actor when it
    // is a person's e-mail; otherwise what the user chose (setActorEmail), or empty.
    QString actorEmail() const { return m_actorEmail; }
    void setActorEmail(const QString& email)
    {
        if (!m_linked)
            m_actorEmail = email;
    }
    // Whether the login is linked to a person: then that person acts, and nobody else can.
    bool isLinkedToPerson() const { return m_linked; }

private:
    Database& m_db;
    PluginRuntime* m_plugins;
    std::vector<std::shared_ptr<const Rule>> m_pluginRules;
    Permissions m_permissions;
    QString m_actorEmail;
    bool m_linked = false;
};

} // namespace steward::gui
