ALTER TABLE "audit_chain" ADD COLUMN "checkpoint_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "audit_chain" ADD COLUMN "checkpoint_mac" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "mac" text;--> statement-breakpoint
CREATE INDEX "audit_chain_checkpoints_idx" ON "audit_chain" USING btree ("position") WHERE "audit_chain"."checkpoint_mac" is not null;