DROP INDEX "leads_dup_phone_idx";--> statement-breakpoint
DROP INDEX "leads_dup_email_idx";--> statement-breakpoint
CREATE INDEX "leads_dup_phone_idx" ON "leads" USING btree ("phone","product","created_at") WHERE "leads"."status" = 'accepted' and "leads"."phone" is not null;--> statement-breakpoint
CREATE INDEX "leads_dup_email_idx" ON "leads" USING btree ("email","product","created_at") WHERE "leads"."status" = 'accepted' and "leads"."email" is not null;