-- A statement that writes on the strength of a read made just before it without locks (decision 004)
-- checks in the same statement that what it read still holds: la_guard(false, …) fails the statement with
-- SQLSTATE LA409, so nothing it wrote stays, and the caller does the work again in a transaction.
-- The marketplace's hold and payment by credits use it (market/hold-at-once.ts, market/pay-at-once.ts).
CREATE FUNCTION la_guard(ok boolean, what text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION 'guard: % changed since it was read', what USING ERRCODE = 'LA409';
  END IF;
  RETURN true;
END
$$;
