ALTER TABLE "clients" DROP COLUMN "has_pets";--> statement-breakpoint
ALTER TABLE "clients" DROP COLUMN "income_tax_high";