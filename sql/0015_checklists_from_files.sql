-- Steward schema: checklists imported from files (`steward checklist import`), beside those the
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
