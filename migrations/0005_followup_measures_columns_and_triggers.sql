ALTER TABLE "followup_actions" ADD COLUMN "origin" text DEFAULT 'action_plan' NOT NULL;--> statement-breakpoint
ALTER TABLE "followups" ADD COLUMN "contracts_now" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "followups" ADD COLUMN "retained_gaps" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "followups" ADD COLUMN "record_qualified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "followup_actions_followup_idx" ON "followup_actions" USING btree ("followup_id");--> statement-breakpoint
CREATE INDEX "followup_actions_open_due_idx" ON "followup_actions" USING btree ("due_date") WHERE "followup_actions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "followups_measures_idx" ON "followups" USING btree ("org_id","cohort_month","agency_id","assigned_to","state","reached_at","record_qualified","contracts_at_start","contracts_now","retained_gaps","id");--> statement-breakpoint
-- "Contracts of ours now" for the M+3 measures, recounted for the clients each statement on contracts touched,
-- whoever wrote it (CRM form, import, API): the dashboard then reads one column per follow-up.
CREATE FUNCTION followups_recount_contracts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE followups f SET contracts_now = (SELECT count(*) FROM contracts c WHERE c.client_id = f.client_id AND c.is_ours)
     WHERE f.client_id IN (SELECT client_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE followups f SET contracts_now = (SELECT count(*) FROM contracts c WHERE c.client_id = f.client_id AND c.is_ours)
     WHERE f.client_id IN (SELECT client_id FROM old_rows);
  ELSE
    UPDATE followups f SET contracts_now = (SELECT count(*) FROM contracts c WHERE c.client_id = f.client_id AND c.is_ours)
     WHERE f.client_id IN (
       SELECT n.client_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.is_ours IS DISTINCT FROM o.is_ours OR n.client_id IS DISTINCT FROM o.client_id
       UNION
       SELECT o.client_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.client_id IS DISTINCT FROM o.client_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER contracts_recount_followups_insert AFTER INSERT ON contracts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION followups_recount_contracts();--> statement-breakpoint
CREATE TRIGGER contracts_recount_followups_update AFTER UPDATE ON contracts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION followups_recount_contracts();--> statement-breakpoint
CREATE TRIGGER contracts_recount_followups_delete AFTER DELETE ON contracts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION followups_recount_contracts();--> statement-breakpoint
-- Rows created before this migration: their "now" and their retained gaps, computed once.
UPDATE followups f SET contracts_now = (SELECT count(*) FROM contracts c WHERE c.client_id = f.client_id AND c.is_ours),
       retained_gaps = coalesce(jsonb_array_length(f.rebound -> 'retainedGaps'), 0);
