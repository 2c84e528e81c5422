-- Evidence tables (docs/decisions/007-evidence-model.md). Leads join the append-only tables: no code path
-- changes or deletes a lead, so the database refuses it. TRUNCATE fires no row trigger: lead_consents
-- could still be emptied and refilled; a statement trigger on each table closes that.
CREATE TRIGGER leads_append_only BEFORE UPDATE OR DELETE ON leads FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER leads_no_truncate BEFORE TRUNCATE ON leads FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER lead_consents_no_truncate BEFORE TRUNCATE ON lead_consents FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- The application's role owns no table, so that it cannot disable these triggers; before PostgreSQL 17
-- only a table's owner may ANALYZE it. The statistics maintainer (decision 006) calls this function,
-- which runs as the owner and does nothing else.
CREATE FUNCTION analyze_stale_tables() RETURNS SETOF text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r'
       AND pg_relation_size(c.oid) / current_setting('block_size')::int > greatest(c.relpages, 0) * 1.1 + 8
  LOOP
    EXECUTE format('ANALYZE public.%I', t);
    RETURN NEXT t;
  END LOOP;
END;
$$;
