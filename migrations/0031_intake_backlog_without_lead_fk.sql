ALTER TABLE "intake_backlog" DROP CONSTRAINT "intake_backlog_lead_id_leads_id_fk";
