-- "Has pets" becomes the species, "forte imposition" the tranche marginale (TMI). What the old columns said:
-- no pet is a known empty list; a pet of unknown species stays unknown (null), since inventing a dog would
-- make the M+3 propose a dog-and-cat insurance on no evidence; "forte imposition" is at least the 30 % band
-- (the 11 % band is not a high tax), a lower bound the rules may rely on.
UPDATE "clients" SET "pet_species" = '[]'::jsonb WHERE "has_pets" = false AND "pet_species" IS NULL;--> statement-breakpoint
UPDATE "clients" SET "income_tax_rate" = 30 WHERE "income_tax_high" = true AND "income_tax_rate" IS NULL;
