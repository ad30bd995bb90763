-- The history chain also remembers which entry is its head, so that `steward history verify` can
-- name the entries that are missing when the newest ones were deleted behind its back (with the
-- power to disable triggers), not only say that the chain is broken.
ALTER TABLE history_chain ADD COLUMN last_id bigint;
UPDATE history_chain SET last_id = (SELECT max(id) FROM history) WHERE singleton;

CREATE OR REPLACE FUNCTION history_seal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    head text := current_setting('steward.history_head', true);
BEGIN
    IF coalesce(head, '') = '' THEN
        SELECT last_hash INTO NEW.prev_hash FROM history_chain WHERE singleton FOR UPDATE;
    ELSE
        NEW.prev_hash := decode(head, 'hex');
    END IF;
    NEW.hash := sha256(history_digest_input(NEW));
    PERFORM set_config('steward.history_head', encode(NEW.hash, 'hex'), true);
    PERFORM set_config('steward.history_head_id', NEW.id::text, true);
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION history_publish_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    head bytea := decode(current_setting('steward.history_head'), 'hex');
BEGIN
    UPDATE history_chain
       SET last_hash = head, last_id = current_setting('steward.history_head_id')::bigint
     WHERE singleton AND last_hash <> head;
    RETURN NULL;
END
$$;
