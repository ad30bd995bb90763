#include "permission_matrix_cases.h"

namespace steward::matrix {

const std::vector<TableCase>& tableCases()
{
    // Columns: viewer, auditor, manager, admin, none; two letters each (own, other).
    static const std::vector<TableCase> cases = {
        {"org_unit",
         "name = 'Spare A'",
         "name = 'Spare B'",
         "INSERT INTO org_unit (name) VALUES ('New unit')",
         "INSERT INTO org_unit (name) VALUES ('Other unit')",
         "name = name || '.'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddoooodd"},
          {"UPDATE", "ddddoooodd"},
          {"DELETE", "ddddoooodd"}}},
        {"person",
         "email = 'spare1@example.org'",
         "email = 'spare2@example.org'",
         "INSERT INTO person (email, name) VALUES ('new1@example.org', 'New One')",
         "INSERT INTO person (email, name) VALUES ('new2@example.org', 'New Two')",
         "title = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddoooodd"},
          {"UPDATE", "ddddoooodd"},
          {"DELETE", "ddddoooodd"}}},
        {"role_pack",
         "key = 'spare-a'",
         "key = 'spare-b'",
         "INSERT INTO role_pack (key, name, version) VALUES ('new-a', 'New', '1')",
         "INSERT INTO role_pack (key, name, version) VALUES ('new-b', 'New', '1')",
         "name = name || '.'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddddoodd"},
          {"UPDATE", "ddddddoodd"},
          {"DELETE", "ddddddoodd"}}},
        {"role",
         "key = 'lone-a'",
         "key = 'lone-b'",
         "INSERT INTO role (key, pack, name, category) VALUES ('new-a', 'custom', 'N', 'data')",
         "INSERT INTO role (key, pack, name, category) VALUES ('new-b', 'custom', 'N', 'data')",
         "summary = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddddoodd"},
          {"UPDATE", "ddddddoodd"},
          {"DELETE", "ddddddoodd"}}},
        {"responsibility",
         "key = 'custom-role.spare-a'",
         "key = 'custom-role.spare-b'",
         "INSERT INTO responsibility (key, role_key, text, stage) VALUES "
         "('custom-role.new-a', 'custom-role', 'New', 'build')",
         "INSERT INTO responsibility (key, role_key, text, stage) VALUES "
         "('custom-role.new-b', 'custom-role', 'New', 'build')",
         "text = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddddoodd"},
          {"UPDATE", "ddddddoodd"},
          {"DELETE", "ddddddoodd"}}},
        // A manager creates projects for themselves, changes and removes the ones they manage.
        {"project",
         "key = 'OWN'",
         "key = 'OTHER'",
         "INSERT INTO project (key, name) VALUES ('NEW-OWN', 'Mine')",
         "INSERT INTO project (key, name, owner_id) VALUES ('NEW-OTHER', 'Theirs', "
         "(SELECT id FROM person WHERE email = 'otto@example.org'))",
         "description = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddodoodd"},
          {"UPDATE", "ddddohoodd"},
          {"DELETE", "ddddohoodd"}}},
        {"assignment",
         "project_id = (SELECT id FROM project WHERE key = 'OWN')",
         "project_id = (SELECT id FROM project WHERE key = 'OTHER')",
         "INSERT INTO assignment (project_id, person_id, role_key, from_date, allocation_percent) "
         "SELECT p.id, s.id, 'custom-role', '2026-01-01', 10 FROM project p, person s "
         "WHERE p.key = 'OWN' AND s.email = 'spare2@example.org'",
         "INSERT INTO assignment (project_id, person_id, role_key, from_date, allocation_percent) "
         "SELECT p.id, s.id, 'custom-role', '2026-01-01', 10 FROM project p, person s "
         "WHERE p.key = 'OTHER' AND s.email = 'spare2@example.org'",
         "allocation_percent = 20",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddodoodd"},
          {"UPDATE", "ddddohoodd"},
          {"DELETE", "ddddohoodd"}}},
        {"raci_entry",
         "project_id = (SELECT id FROM project WHERE key = 'OWN')",
         "project_id = (SELECT id FROM project WHERE key = 'OTHER')",
         "INSERT INTO raci_entry (project_id, responsibility_key, person_id, kind) "
         "SELECT p.id, 'custom-role.task', s.id, 'C' FROM project p, person s "
         "WHERE p.key = 'OWN' AND s.email = 'spare2@example.org'",
         "INSERT INTO raci_entry (project_id, responsibility_key, person_id, kind) "
         "SELECT p.id, 'custom-role.task', s.id, 'C' FROM project p, person s "
         "WHERE p.key = 'OTHER' AND s.email = 'spare2@example.org'",
         "kind = 'I'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddodoodd"},
          {"UPDATE", "ddddohoodd"},
          {"DELETE", "ddddohoodd"}}},
        {"plugin",
         "id = 'plug-a'",
         "id = 'plug-b'",
         "INSERT INTO plugin (id) VALUES ('new-a')",
         "INSERT INTO plugin (id) VALUES ('new-b')",
         "name = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddddoodd"},
          {"UPDATE", "ddddddoodd"},
          {"DELETE", "ddddddoodd"}}},
        {"checklist",
         "key = 'list-a'",
         "key = 'list-b'",
         "INSERT INTO checklist (key, plugin_id, title) VALUES ('new-a', 'plug-c', 'New')",
         "INSERT INTO checklist (key, plugin_id, title) VALUES ('new-b', 'plug-c', 'New')",
         "title = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddddoodd"},
          {"UPDATE", "ddddddoodd"},
          {"DELETE", "ddddddoodd"}}},
        // Crosswalks, like checklists: everybody reads them, administrators change them.
        {"checklist_mapping",
         "source_item = 'I1'",
         "source_item = 'I2'",
         "INSERT INTO checklist_mapping (source_checklist, source_item, target_checklist, "
         "target_item, relation, rationale, crosswalk) VALUES ('list-d', 'I3', 'list-e', 'I3', "
         "'equal', 'Same', 'x.yaml')",
         "INSERT INTO checklist_mapping (source_checklist, source_item, target_checklist, "
         "target_item, relation, rationale, crosswalk) VALUES ('list-d', 'I4', 'list-e', 'I4', "
         "'equal', 'Same', 'x.yaml')",
         "rationale = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddddoodd"},
          {"UPDATE", "ddddddoodd"},
          {"DELETE", "ddddddoodd"}}},
        // Qualifications (sql/0018): administrators keep the catalogue, managers record people's
        // completions organisation-wide, a project's own requirements are its managers'.
        {"qualification",
         "key = 'qual-a'",
         "key = 'qual-b'",
         "INSERT INTO qualification (key, name) VALUES ('new-a', 'New')",
         "INSERT INTO qualification (key, name) VALUES ('new-b', 'New')",
         "name = name || '.'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddddoodd"},
          {"UPDATE", "ddddddoodd"},
          {"DELETE", "ddddddoodd"}}},
        // The organisation's mail server: one row everybody reads, administrators change. The
        // row exists, so an insert is an upsert of it.
        {"mail_settings",
         "singleton",
         "singleton",
         "INSERT INTO mail_settings (smtp_url, from_address) VALUES ('smtp://a.example.org', "
         "'a@example.org') ON CONFLICT (singleton) DO UPDATE SET smtp_url = EXCLUDED.smtp_url",
         "INSERT INTO mail_settings (smtp_url, from_address) VALUES ('smtp://b.example.org', "
         "'b@example.org') ON CONFLICT (singleton) DO UPDATE SET smtp_url = EXCLUDED.smtp_url",
         "from_name = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddddoodd"},
          {"UPDATE", "ddddddoodd"},
          {"DELETE", "ddddddoodd"}}},
        {"qualification_record",
         "person_id = (SELECT id FROM person WHERE email = 'lena@example.org')",
         "person_id = (SELECT id FROM person WHERE email = 'otto@example.org')",
         "INSERT INTO qualification_record (person_id, qualification_key, completed_on) SELECT id, "
         "'qual-d', '2026-02-01' FROM person WHERE email = 'lena@example.org'",
         "INSERT INTO qualification_record (person_id, qualification_key, completed_on) SELECT id, "
         "'qual-d', '2026-02-01' FROM person WHERE email = 'otto@example.org'",
         "note = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddoooodd"},
          {"UPDATE", "ddddoooodd"},
          {"DELETE", "ddddoooodd"}}},
        {"qualification_requirement",
         "project_id = (SELECT id FROM project WHERE key = 'OWN')",
         "project_id = (SELECT id FROM project WHERE key = 'OTHER')",
         "INSERT INTO qualification_requirement (qualification_key, project_id) SELECT 'qual-d', "
         "id FROM project WHERE key = 'OWN'",
         "INSERT INTO qualification_requirement (qualification_key, project_id) SELECT 'qual-d', "
         "id FROM project WHERE key = 'OTHER'",
         "role_key = 'custom-role'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddodoodd"},
          {"UPDATE", "ddddohoodd"},
          {"DELETE", "ddddohoodd"}}},
        // Published versions are evidence: an administrator publishes, nobody changes them.
        {"checklist_version",
         "checklist_key = 'list-c' AND number = 1",
         "checklist_key = 'list-c' AND number = 2",
         "INSERT INTO checklist_version (checklist_key, number, label, title, plugin_id, "
         "plugin_version, content_hash) VALUES ('list-c', 3, '3', 'List', 'plug-c', '1', "
         "repeat('a', 64))",
         "INSERT INTO checklist_version (checklist_key, number, label, title, plugin_id, "
         "plugin_version, content_hash) VALUES ('list-c', 4, '4', 'List', 'plug-c', '1', "
         "repeat('b', 64))",
         "title = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddddoodd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        {"checklist_section",
         "section_id = 'S' AND version_id = (SELECT id FROM "
         "checklist_version WHERE checklist_key = 'list-c' AND number = 1)",
         "section_id = 'S' AND version_id = (SELECT id FROM checklist_version WHERE "
         "checklist_key = 'list-c' AND number = 2)",
         "INSERT INTO checklist_section (version_id, section_id, position) SELECT id, 'T', 1 "
         "FROM checklist_version WHERE checklist_key = 'list-c' AND number = 1",
         "INSERT INTO checklist_section (version_id, section_id, position) SELECT id, 'T', 1 "
         "FROM checklist_version WHERE checklist_key = 'list-c' AND number = 2",
         "title = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        {"checklist_item",
         "item_id = 'I1' AND version_id = (SELECT id FROM checklist_version "
         "WHERE checklist_key = 'list-c' AND number = 1)",
         "item_id = 'I1' AND version_id = (SELECT id FROM checklist_version WHERE "
         "checklist_key = 'list-c' AND number = 2)",
         "INSERT INTO checklist_item (version_id, section_id, item_id, position, text) SELECT "
         "v.id, s.id, 'I9', 9, 'New' FROM checklist_version v JOIN checklist_section s ON "
         "s.version_id = v.id WHERE v.checklist_key = 'list-c' AND v.number = 1",
         "INSERT INTO checklist_item (version_id, section_id, item_id, position, text) SELECT "
         "v.id, s.id, 'I9', 9, 'New' FROM checklist_version v JOIN checklist_section s ON "
         "s.version_id = v.id WHERE v.checklist_key = 'list-c' AND v.number = 2",
         "text = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        // Audits: a manager plans them on projects they manage; the lead changes theirs.
        {"audit",
         "id = (SELECT id FROM audit WHERE sign_off_statement = '' AND project_id = "
         "(SELECT id FROM project WHERE key = 'AUD-OWN'))",
         "id = (SELECT id FROM audit WHERE project_id = (SELECT id FROM project WHERE key = "
         "'AUD-OTHER'))",
         "INSERT INTO audit (project_id, checklist_version_id, lead_id, due_date) SELECT p.id, "
         "v.id, l.id, '2027-01-01' FROM project p, checklist_version v, person l WHERE p.key = "
         "'OWN' AND v.checklist_key = 'list-c' AND v.number = 1 AND l.email = 'aud@example.org'",
         "INSERT INTO audit (project_id, checklist_version_id, lead_id, due_date) SELECT p.id, "
         "v.id, l.id, '2027-01-01' FROM project p, checklist_version v, person l WHERE p.key = "
         "'OTHER' AND v.checklist_key = 'list-c' AND v.number = 1 AND l.email = "
         "'aud@example.org'",
         "due_date = due_date + 1",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddodoodd"},
          {"UPDATE", "ddohddoodd"},
          {"DELETE", "dddddddddd"}}},
        {"audit_item",
         "id = (SELECT i.id FROM audit_item i JOIN audit a ON a.id = i.audit_id "
         "JOIN project p ON p.id = a.project_id WHERE p.key = 'AUD-OWN')",
         "id = (SELECT i.id FROM audit_item i JOIN audit a ON a.id = i.audit_id JOIN project p "
         "ON p.id = a.project_id WHERE p.key = 'AUD-OTHER')",
         "INSERT INTO audit_item (audit_id, checklist_item_id) SELECT a.id, ci.id FROM audit a "
         "JOIN project p ON p.id = a.project_id JOIN checklist_item ci ON ci.version_id = "
         "a.checklist_version_id AND ci.item_id = 'I2' WHERE p.key = 'AUD-OWN'",
         "INSERT INTO audit_item (audit_id, checklist_item_id) SELECT a.id, ci.id FROM audit a "
         "JOIN project p ON p.id = a.project_id JOIN checklist_item ci ON ci.version_id = "
         "a.checklist_version_id AND ci.item_id = 'I2' WHERE p.key = 'AUD-OTHER'",
         "note = 'Seen.'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddddodoodd"},
          {"UPDATE", "ddohddoodd"},
          {"DELETE", "dddddddddd"}}},
        // Evidence is what was seen: recorded, never changed.
        {"evidence",
         "location = 'https://example.org/own'",
         "location = 'https://example.org/other'",
         "INSERT INTO evidence (kind, location, effective_date) VALUES ('url', "
         "'https://example.org/new', '2026-01-01')",
         "INSERT INTO evidence (kind, location, effective_date) VALUES ('url', "
         "'https://example.org/new2', '2026-01-01')",
         "description = 'Changed'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddooddoodd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        {"audit_item_evidence",
         "evidence_id = (SELECT id FROM evidence WHERE location = 'https://example.org/own')",
         "evidence_id = (SELECT id FROM evidence WHERE location = 'https://example.org/other')",
         "INSERT INTO audit_item_evidence (audit_item_id, evidence_id) SELECT i.id, e.id FROM "
         "audit_item i JOIN audit a ON a.id = i.audit_id JOIN project p ON p.id = a.project_id, "
         "evidence e WHERE p.key = 'AUD-OWN' AND e.location = 'https://example.org/other'",
         "INSERT INTO audit_item_evidence (audit_item_id, evidence_id) SELECT i.id, e.id FROM "
         "audit_item i JOIN audit a ON a.id = i.audit_id JOIN project p ON p.id = a.project_id, "
         "evidence e WHERE p.key = 'AUD-OTHER' AND e.location = 'https://example.org/own'",
         "created_at = created_at",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddododoodd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        // A finding's owner (mia, a manager) moves it on; the lead (aud) too.
        {"audit_finding",
         "description = 'Own finding'",
         "description = 'Other finding'",
         "INSERT INTO audit_finding (audit_id, audit_item_id, severity, description, "
         "remediation, owner_id, due_date) SELECT a.id, i.id, 'low', 'New', 'Fix', a.lead_id, "
         "'2027-01-01' FROM audit_item i JOIN audit a ON a.id = i.audit_id JOIN project p ON "
         "p.id = a.project_id WHERE p.key = 'AUD-OWN'",
         "INSERT INTO audit_finding (audit_id, audit_item_id, severity, description, "
         "remediation, owner_id, due_date) SELECT a.id, i.id, 'low', 'New', 'Fix', a.lead_id, "
         "'2027-01-01' FROM audit_item i JOIN audit a ON a.id = i.audit_id JOIN project p ON "
         "p.id = a.project_id WHERE p.key = 'AUD-OTHER'",
         "status = 'in-progress'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "ddodddoodd"},
          {"UPDATE", "ddohohoodd"},
          {"DELETE", "dddddddddd"}}},
        // Users are managed through steward_user_add and its siblings only.
        {"steward_user",
         "login = session_user",
         "login <> session_user",
         "INSERT INTO steward_user (login, person_id, access) SELECT 'sneaky', id, 'admin' FROM "
         "person WHERE email = 'spare1@example.org'",
         "INSERT INTO steward_user (login, person_id, access) SELECT 'sneaky', id, 'admin' FROM "
         "person WHERE email = 'spare2@example.org'",
         "access = 'admin'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        // Nobody writes the history or the migrations directly.
        {"history",
         "id = (SELECT min(id) FROM history)",
         "id = (SELECT max(id) FROM history)",
         "INSERT INTO history (actor, table_name, row_key, operation, after, prev_hash, hash) "
         "VALUES ('x', 'person', '1', 'INSERT', '{}', '', '')",
         "INSERT INTO history (actor, table_name, row_key, operation, after, prev_hash, hash) "
         "VALUES ('x', 'person', '2', 'INSERT', '{}', '', '')",
         "actor = 'someone else'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        {"history_chain",
         "true",
         "true",
         "INSERT INTO history_chain DEFAULT VALUES",
         "INSERT INTO history_chain DEFAULT VALUES",
         "last_hash = ''",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        // The coverage tallies: readable like the staffing they count, written only by its
        // triggers.
        {"raci_tally",
         "true",
         "true",
         "INSERT INTO raci_tally (project_id, responsibility_key) VALUES (0, 'x')",
         "INSERT INTO raci_tally (project_id, responsibility_key) VALUES (0, 'y')",
         "accountable = 1",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        {"raci_role_tally",
         "true",
         "true",
         "INSERT INTO raci_role_tally (project_id, person_id, role_key) VALUES (0, 0, 'x')",
         "INSERT INTO raci_role_tally (project_id, person_id, role_key) VALUES (0, 0, 'y')",
         "entries = 1",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        {"person_load",
         "true",
         "true",
         "INSERT INTO person_load (person_id) VALUES (0)",
         "INSERT INTO person_load (person_id) VALUES (-1)",
         "allocation = 1",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        {"qualification_gap",
         "true",
         "true",
         "INSERT INTO qualification_gap (person_id) VALUES (0)",
         "INSERT INTO qualification_gap (person_id) VALUES (-1)",
         "gap = '{}'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        {"qualification_gap_range",
         "true",
         "true",
         "INSERT INTO qualification_gap_range (person_id, days) VALUES (0, '[2026-01-01,)')",
         "INSERT INTO qualification_gap_range (person_id, days) VALUES (-1, '[2026-01-01,)')",
         "days = '[2026-01-01,)'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
        {"schema_migration",
         "version = 1",
         "version = 2",
         "INSERT INTO schema_migration (version, name) VALUES (999, 'x')",
         "INSERT INTO schema_migration (version, name) VALUES (998, 'y')",
         "name = 'x'",
         {{"SELECT", "oooooooodd"},
          {"INSERT", "dddddddddd"},
          {"UPDATE", "dddddddddd"},
          {"DELETE", "dddddddddd"}}},
    };
    return cases;
}

} // namespace steward::matrix
