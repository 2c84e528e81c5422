ALTER TABLE "market_listings" DROP CONSTRAINT "market_listings_lead_id_leads_id_fk";
