-- Steward schema, part 2: the plugins Steward has seen and the audit checklists they publish.
--
-- Plugin content is synchronised here by core/src/plugins/plugin_sync.cpp, one transaction per
-- plugin. A checklist is published as an immutable version: audits record answers against a
-- version, so what an auditor saw can always be shown again, whatever later plugin versions ship.

-- Plugins ----------------------------------------------------------------------------------------

-- One row per plugin id ever discovered. `enabled` is the user's choice and survives every sync;
-- `state` and `error` are what the last program that loaded plugins found.
CREATE TABLE plugin (
    id              text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    plugin_version  text NOT NULL DEFAULT '',
    name            text NOT NULL DEFAULT '',
    vendor          text NOT NULL DEFAULT '',
    path            text NOT NULL DEFAULT '',
    enabled         boolean NOT NULL DEFAULT true,
    state           text NOT NULL DEFAULT 'found'
                    CHECK (state IN ('found', 'loaded', 'active', 'failed', 'disabled')),
    error           text NOT NULL DEFAULT '',
    -- SHA-256 (hex) of everything the plugin last synchronised; equal on a warm start, which then
    -- writes nothing at all.
    content_hash    text CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    last_synced_at  timestamptz,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((state = 'failed') = (error <> ''))
);

-- Checklists -------------------------------------------------------------------------------------

-- The mutable head of a checklist: which plugin ships it and which version that plugin ships now.
CREATE TABLE checklist (
    key                 text PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    plugin_id           text NOT NULL REFERENCES plugin (id),
    title               text NOT NULL CHECK (btrim(title) <> ''),
    framework           text NOT NULL DEFAULT '',
    -- The version the plugin ships now; set in the transaction that publishes the first one.
    current_version_id  bigint,
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checklist_plugin_idx ON checklist (plugin_id);

CREATE TABLE checklist_version (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    checklist_key      text NOT NULL REFERENCES checklist (key),
    number             integer NOT NULL CHECK (number > 0), -- 1, 2, ... per checklist
    label              text NOT NULL CHECK (btrim(label) <> ''), -- "1.0 / plugin 1.2.0"
    title              text NOT NULL CHECK (btrim(title) <> ''),
    framework          text NOT NULL DEFAULT '',
    framework_version  text NOT NULL DEFAULT '',
    plugin_id          text NOT NULL REFERENCES plugin (id),
    plugin_version     text NOT NULL,
    source             text NOT NULL DEFAULT '',
    licence            text NOT NULL DEFAULT '',
    content_hash       text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    published_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (checklist_key, number),
    UNIQUE (checklist_key, content_hash)
);

ALTER TABLE checklist ADD CONSTRAINT checklist_current_version_fkey
    FOREIGN KEY (current_version_id) REFERENCES checklist_version (id);

CREATE TABLE checklist_section (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id   bigint NOT NULL REFERENCES checklist_version (id),
    section_id   text NOT NULL CHECK (btrim(section_id) <> ''),
    position     integer NOT NULL CHECK (position >= 0),
    title        text NOT NULL DEFAULT '',
    description  text NOT NULL DEFAULT '',
    UNIQUE (version_id, section_id),
    UNIQUE (version_id, position),
    UNIQUE (id, version_id) -- for checklist_item's foreign key
);

CREATE TABLE checklist_item (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id         bigint NOT NULL REFERENCES checklist_version (id),
    section_id         bigint NOT NULL,
    item_id            text NOT NULL CHECK (btrim(item_id) <> ''),
    position           integer NOT NULL CHECK (position >= 0), -- within the whole version
    text               text NOT NULL CHECK (btrim(text) <> ''),
    guidance           text NOT NULL DEFAULT '',
    expected_evidence  text NOT NULL DEFAULT '',
    -- No foreign key: an item keeps naming the role it was published with, even once that role
    -- is retired or its plugin is gone.
    role_key           text NOT NULL DEFAULT '',
    reference          text NOT NULL DEFAULT '',
    -- Which projects the item applies to; an empty array means any.
    risk_tiers         text[] NOT NULL DEFAULT '{}'
                       CHECK (risk_tiers <@ ARRAY['minimal', 'limited', 'high', 'unacceptable']),
    actors             text[] NOT NULL DEFAULT '{}'
                       CHECK (actors <@ ARRAY['provider', 'deployer', 'provider-and-deployer']),
    industries         text[] NOT NULL DEFAULT '{}'
                       CHECK (industries <@ ARRAY['general', 'healthcare', 'finance', 'marketing',
                                                  'public-sector', 'manufacturing', 'other']),
    UNIQUE (version_id, item_id),
    UNIQUE (version_id, position),
    -- An item belongs to a section of its own version.
    FOREIGN KEY (section_id, version_id) REFERENCES checklist_section (id, version_id)
);
CREATE INDEX checklist_item_section_idx ON checklist_item (section_id, position);
CREATE INDEX checklist_item_role_idx ON checklist_item (role_key);

-- A published version is evidence: an audit that used it must be able to show exactly what it
-- asked. Nothing may change or remove a version, its sections or its items.
CREATE FUNCTION checklist_forbid_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published checklist version cannot be changed: % on % is not allowed',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['checklist_version', 'checklist_section', 'checklist_item']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION checklist_forbid_change()', t || '_immutable', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION checklist_forbid_change()', t || '_no_truncate', t);
    END LOOP;
END
$$;

-- Versioning and history --------------------------------------------------------------------------
-- Sections and items are not captured row by row: they never change, and their version's row in
-- the history already records who published what and when.

CREATE TRIGGER plugin_version BEFORE UPDATE ON plugin
    FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER plugin_history AFTER INSERT OR UPDATE OR DELETE ON plugin
    FOR EACH ROW EXECUTE FUNCTION history_capture('id');
CREATE TRIGGER checklist_bump_version BEFORE UPDATE ON checklist
    FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER checklist_history AFTER INSERT OR UPDATE OR DELETE ON checklist
    FOR EACH ROW EXECUTE FUNCTION history_capture('key');
CREATE TRIGGER checklist_version_history AFTER INSERT ON checklist_version
    FOR EACH ROW EXECUTE FUNCTION history_capture('id');
