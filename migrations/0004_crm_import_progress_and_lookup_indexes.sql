ALTER TABLE "crm_imports" ADD COLUMN "size_bytes" bigint;--> statement-breakpoint
ALTER TABLE "crm_imports" ADD COLUMN "bytes_read" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_imports" ADD COLUMN "columns" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_imports" ADD COLUMN "contracts_updated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "clients_org_siret_idx" ON "clients" USING btree ("org_id","siret");--> statement-breakpoint
CREATE INDEX "clients_org_birth_date_idx" ON "clients" USING btree ("org_id","birth_date");