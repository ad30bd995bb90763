-- Steward schema, part 13: the history chain follows the order in which entries are sealed.
--
-- Eight clients writing at once broke `steward history verify`: an entry's id was drawn from the
-- sequence when its INSERT began, before history_seal() waited for the chain's lock, so a
-- transaction that drew id 100 and then waited behind one that drew 101 sealed entry 100 after
-- entry 101, and the chain, checked in id order, no longer matched. The lock on history_chain is
-- held until the sealing transaction ends, so ids drawn under it follow the chain: the seal now
-- draws the entry's id itself, once it holds the lock. (The id drawn first is skipped; ids have
-- gaps anyway, which verification allows.)
CREATE OR REPLACE FUNCTION history_seal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    head text := current_setting('steward.history_head', true);
BEGIN
    IF coalesce(head, '') = '' THEN
        SELECT last_hash INTO NEW.prev_hash FROM history_chain WHERE singleton FOR UPDATE;
    ELSE
        NEW.prev_hash := decode(head, 'hex');
    END IF;
    NEW.id := nextval('history_id_seq');
    NEW.hash := sha256(history_digest_input(NEW));
    PERFORM set_config('steward.history_head', encode(NEW.hash, 'hex'), true);
    PERFORM set_config('steward.history_head_id', NEW.id::text, true);
    RETURN NEW;
END
$$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION history_seal() SET search_path = %I, pg_catalog, pg_temp',
                   current_schema());
END
$$;
