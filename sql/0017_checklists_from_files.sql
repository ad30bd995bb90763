-- Steward schema, part 17: checklists imported from files (`steward checklist import`), beside those the
-- plugins ship.
--
-- A file's checklist is published like a plugin's: immutable versions, a new one only when the
-- content changes, the head pointing at the current one. It has no plugin; instead each version
-- records the file it came from, its format and its SHA-256, so the history row of the version
-- (written by history_capture, with the importing actor) says who imported what.
--
-- Who may import is decided by the grants of part 4: only steward_admin may insert into the
-- checklist tables, exactly as for plugin content.

ALTER TABLE checklist ALTER COLUMN plugin_id DROP NOT NULL;

ALTER TABLE checklist_version ALTER COLUMN plugin_id DROP NOT NULL;
ALTER TABLE checklist_version
    ADD COLUMN file_name text,
    ADD COLUMN file_format text CHECK (file_format IN ('steward', 'ciso-assistant', 'oscal')),
    ADD COLUMN file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    -- A version comes from exactly one place: a plugin, or a file named with its format and hash.
    ADD CONSTRAINT checklist_version_one_origin CHECK (
        (plugin_id IS NOT NULL AND file_name IS NULL AND file_format IS NULL AND file_sha256 IS NULL)
        OR (plugin_id IS NULL AND plugin_version = '' AND btrim(file_name) <> ''
            AND file_format IS NOT NULL AND file_sha256 IS NOT NULL));

-- A checklist's versions all come from the same kind of place: a plugin cannot take over a
-- checklist imported from a file, nor a file one a plugin ships (plugin_sync and the import
-- refuse it by name first).
CREATE FUNCTION checklist_version_same_origin() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM checklist c WHERE c.key = NEW.checklist_key
                AND c.plugin_id IS DISTINCT FROM NEW.plugin_id) THEN
        RAISE EXCEPTION 'checklist % is published by %, not by %', NEW.checklist_key,
            coalesce((SELECT 'plugin ' || plugin_id FROM checklist WHERE key = NEW.checklist_key),
                     'file imports'),
            coalesce('plugin ' || NEW.plugin_id, 'a file import')
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER checklist_version_same_origin BEFORE INSERT ON checklist_version
    FOR EACH ROW EXECUTE FUNCTION checklist_version_same_origin();

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION checklist_version_same_origin() SET search_path = %I, pg_catalog, pg_temp',
                   current_schema());
END
$$;

-- Crosswalks --------------------------------------------------------------------------------------
-- A mapping says that an item of one checklist corresponds to an item of another: equal, subset
-- (the source asks for less than the target), superset, or intersect (they overlap). Items are
-- named by their stable item ids, so a mapping outlives new versions of either checklist; the
-- import (`steward checklist map import`) checks the ids against the current versions. Every
-- mapping carries its rationale. Evidence recorded for one side is offered for the other in audits
-- of the same project, and the project's coverage across frameworks counts mapped items.
CREATE TABLE checklist_mapping (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_checklist  text NOT NULL REFERENCES checklist (key),
    source_item       text NOT NULL CHECK (btrim(source_item) <> ''),
    target_checklist  text NOT NULL REFERENCES checklist (key),
    target_item       text NOT NULL CHECK (btrim(target_item) <> ''),
    relation          text NOT NULL CHECK (relation IN ('equal', 'subset', 'superset', 'intersect')),
    rationale         text NOT NULL CHECK (btrim(rationale) <> ''),
    -- The crosswalk file it came from, by name.
    crosswalk         text NOT NULL CHECK (btrim(crosswalk) <> ''),
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (source_checklist <> target_checklist),
    UNIQUE (source_checklist, source_item, target_checklist, target_item)
);
CREATE INDEX checklist_mapping_target_idx ON checklist_mapping (target_checklist, target_item);

CREATE TRIGGER checklist_mapping_bump_version BEFORE UPDATE ON checklist_mapping
    FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER checklist_mapping_history AFTER INSERT OR UPDATE OR DELETE ON checklist_mapping
    FOR EACH ROW EXECUTE FUNCTION history_capture('id');

-- Everybody reads mappings; only administrators change them, as for checklists.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_viewer') THEN
        GRANT SELECT ON checklist_mapping TO steward_viewer;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_admin') THEN
        GRANT INSERT, UPDATE, DELETE ON checklist_mapping TO steward_admin;
    END IF;
END
$$;
