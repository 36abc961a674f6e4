-- Custom SQL migration file, put your code below! ---- Takes the audit append lock and returns the head of the chain in one round trip. Appends are
-- serialised by this transaction-scoped advisory lock, so seq and prev_hash never fork.
CREATE FUNCTION hw_audit_lock_head(lock_id bigint) RETURNS TABLE (seq bigint, hash text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_id);
  RETURN QUERY SELECT a.seq, a.hash FROM audit_events a ORDER BY a.seq DESC LIMIT 1;
END
$$;
