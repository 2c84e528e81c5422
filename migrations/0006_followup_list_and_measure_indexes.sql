DROP INDEX "followups_assignee_idx";--> statement-breakpoint
DROP INDEX "followups_measures_idx";--> statement-breakpoint
ALTER TABLE "followup_actions" ADD COLUMN "followup_cohort_month" date;--> statement-breakpoint
ALTER TABLE "followup_actions" ADD COLUMN "followup_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "followup_actions" ADD COLUMN "followup_assignee_id" uuid;--> statement-breakpoint
CREATE INDEX "followup_actions_measures_idx" ON "followup_actions" USING btree ("org_id","followup_cohort_month","followup_agency_id","followup_assignee_id","kind","status","due_date");--> statement-breakpoint
CREATE INDEX "followups_assignee_list_idx" ON "followups" USING btree ("org_id","assigned_to","state","cohort_month","callback_at","id");--> statement-breakpoint
CREATE INDEX "followups_measures_idx" ON "followups" USING btree ("org_id","cohort_month","agency_id","assigned_to","state","reached_at","record_qualified","contracts_at_start","contracts_now","retained_gaps");--> statement-breakpoint
-- An action carries its follow-up's month, agency and assignee, whichever code inserts it.
CREATE FUNCTION followup_actions_copy_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT f.cohort_month, f.agency_id, f.assigned_to INTO NEW.followup_cohort_month, NEW.followup_agency_id, NEW.followup_assignee_id
    FROM followups f WHERE f.id = NEW.followup_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER followup_actions_copy_groups BEFORE INSERT OR UPDATE OF followup_id ON followup_actions
  FOR EACH ROW EXECUTE FUNCTION followup_actions_copy_groups();--> statement-breakpoint
-- And keeps it when a follow-up is reassigned (no endpoint does it today; the measures must not drift when one does).
CREATE FUNCTION followups_propagate_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE followup_actions SET followup_cohort_month = NEW.cohort_month, followup_agency_id = NEW.agency_id, followup_assignee_id = NEW.assigned_to
   WHERE followup_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER followups_propagate_groups AFTER UPDATE OF cohort_month, agency_id, assigned_to ON followups
  FOR EACH ROW WHEN (OLD.cohort_month IS DISTINCT FROM NEW.cohort_month OR OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.assigned_to IS DISTINCT FROM NEW.assigned_to)
  EXECUTE FUNCTION followups_propagate_groups();--> statement-breakpoint
UPDATE followup_actions x SET followup_cohort_month = f.cohort_month, followup_agency_id = f.agency_id, followup_assignee_id = f.assigned_to
  FROM followups f WHERE f.id = x.followup_id;
