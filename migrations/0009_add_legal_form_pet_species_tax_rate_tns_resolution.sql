ALTER TABLE "clients" ADD COLUMN "pet_species" jsonb;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "income_tax_rate" smallint;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "legal_form" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "manager_role" text;--> statement-breakpoint
ALTER TABLE "followups" ADD COLUMN "tns_resolution" jsonb;