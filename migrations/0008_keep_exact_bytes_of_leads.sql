ALTER TABLE "leads" ADD COLUMN "payload_raw" "bytea";--> statement-breakpoint
-- Null for nearly every lead; no query filters on it (see 0007 for why ANALYZE skips such columns).
ALTER TABLE "leads" ALTER COLUMN "payload_raw" SET STATISTICS 0;
