-- Steward schema, part 19: the organisation's mail server, for `steward reminders --mail`.
--
-- One row for the whole organisation, so that every member's `steward` sends through the same
-- server with the same sender. The password is never stored here: whoever sends gives it in
-- STEWARD_SMTP_PASSWORD or in curl's netrc file, so reading this table (which every Steward group
-- may) reveals no secret. For the same reason a URL carrying credentials is refused.
--
-- Administrators change it, every group reads it; each change is in the hash-chained history.

CREATE TABLE mail_settings (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    -- smtp://host[:port] (STARTTLS as `starttls` says) or smtps://host[:port] (TLS from the start).
    smtp_url     text NOT NULL
                 CHECK (smtp_url ~ '^smtps?://[^/@:[:space:]]+(:[0-9]{1,5})?/?$'),
    from_address text NOT NULL CHECK (from_address ~ '^[^@[:space:]<>]+@[^@[:space:]<>]+$'),
    -- A display name goes into a header: no line breaks.
    from_name    text NOT NULL DEFAULT '' CHECK (from_name !~ '[\r\n]'),
    username     text NOT NULL DEFAULT '' CHECK (username !~ '[\r\n]'),
    starttls     text NOT NULL DEFAULT 'required' CHECK (starttls IN ('required', 'optional')),
    version      integer NOT NULL DEFAULT 1,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER mail_settings_bump_version BEFORE UPDATE ON mail_settings
    FOR EACH ROW EXECUTE FUNCTION bump_version();
-- Statement triggers, like every audited table since part 16; the key column cannot change
-- (it can only be true), so updates pair old and new rows by it.
CREATE TRIGGER mail_settings_history AFTER INSERT ON mail_settings
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION history_capture_statement('singleton');
CREATE TRIGGER mail_settings_history_update AFTER UPDATE ON mail_settings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION history_capture_statement('singleton');
CREATE TRIGGER mail_settings_history_delete AFTER DELETE ON mail_settings
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION history_capture_statement('singleton');

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_viewer') THEN
        GRANT SELECT ON mail_settings TO steward_viewer;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_admin') THEN
        GRANT INSERT, UPDATE, DELETE ON mail_settings TO steward_admin;
    END IF;
END
$$;
