-- The statistics maintainer (decision 006) samples 6,000 rows per table instead of 30,000: ANALYZE cost
-- 8-10 % of PostgreSQL's time during an intake burst, in bursts of a second that showed in its p99. The
-- plans it keeps right need row counts and rough distributions (18 products, 101 départements), which a
-- sample of this size gives; a column given its own statistics target keeps it.
ALTER FUNCTION analyze_stale_tables() SET default_statistics_target = 20;
