ALTER TABLE "broker_notifications" ADD COLUMN "mailed_at" timestamp (3) with time zone;--> statement-breakpoint
-- Notices written before the e-mails were grouped were mailed by their own job: none is owed a mail.
UPDATE "broker_notifications" SET "mailed_at" = "created_at";--> statement-breakpoint
CREATE INDEX "broker_notifications_unmailed_idx" ON "broker_notifications" USING btree ("org_id","created_at") WHERE mailed_at is null;
