-- Single-lead intake stores a batch in one autocommitted statement (decision 004): the duplicate lookup
-- runs first without locks, then the storing statement calls this function, which takes the same
-- advisory locks as the transactional path (same keys, same order: no deadlock between the two) and looks
-- again, now that no one else can claim these people until the statement commits. A VOLATILE function
-- gets a fresh snapshot for each of its queries, so it sees what committed while it waited for the locks.
-- Anything found means a concurrent submission claimed one of the people in between: the statement fails
-- with SQLSTATE LA409 and the batch is judged again in a transaction.
CREATE FUNCTION intake_claim_people(lock_keys text[], products text[], phones text[], emails text[], since timestamptz, own uuid[])
RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(h) FROM (SELECT hashtext(k) AS h FROM unnest(lock_keys) AS k ORDER BY 1) s;
  -- Each value probed on its own (LATERAL with LIMIT), as the lookup does (ingest-leads.ts): an EXISTS
  -- becomes a semi-join, and this function's cached plan, chosen while the table was small, hashed every
  -- lead of the product on each call until the next ANALYZE.
  IF EXISTS (
    SELECT 1 FROM unnest(products, phones) AS v(product, phone),
      LATERAL (SELECT 1 FROM leads l WHERE l.product = v.product AND l.phone = v.phone AND l.status = 'accepted'
                  AND l.created_at > since AND l.id <> ALL (own) LIMIT 1) hit
    UNION ALL
    SELECT 1 FROM unnest(products, emails) AS v(product, email),
      LATERAL (SELECT 1 FROM leads l WHERE l.product = v.product AND l.email = v.email AND l.status = 'accepted'
                  AND l.created_at > since AND l.id <> ALL (own) LIMIT 1) hit
    UNION ALL
    SELECT 1 FROM unnest(phones) AS v(phone), LATERAL (SELECT 1 FROM suppression_list s WHERE s.phone = v.phone LIMIT 1) s
    UNION ALL
    SELECT 1 FROM unnest(emails) AS v(email), LATERAL (SELECT 1 FROM suppression_list s WHERE s.email = v.email LIMIT 1) s
  ) THEN
    RAISE EXCEPTION 'intake: a concurrent submission claimed one of these people' USING ERRCODE = 'LA409';
  END IF;
  RETURN true;
END
$$;
