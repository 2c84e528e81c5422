CREATE TABLE "lead_returns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"price_cents" integer NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"requested_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decided_by" uuid,
	"decision_comment" text
);
--> statement-breakpoint
CREATE TABLE "lead_work" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"sold_at" timestamp (3) with time zone NOT NULL,
	"channel" text NOT NULL,
	"price_cents" integer NOT NULL,
	"product" text NOT NULL,
	"lead_type" text NOT NULL,
	"departement" text,
	"last_name_key" text,
	"first_name_key" text,
	"phone" text,
	"status" text DEFAULT 'nouveau' NOT NULL,
	"lost_reason" text,
	"note" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"client_id" uuid,
	"status_changed_at" timestamp (3) with time zone NOT NULL,
	"changed_by" uuid,
	CONSTRAINT "lead_work_lost_reason" CHECK (("lead_work"."status" = 'perdu') = ("lead_work"."lost_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_supplier_org_id_organisations_id_fk" FOREIGN KEY ("supplier_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_work" ADD CONSTRAINT "lead_work_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_work" ADD CONSTRAINT "lead_work_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_work" ADD CONSTRAINT "lead_work_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_work" ADD CONSTRAINT "lead_work_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lead_returns_lead_idx" ON "lead_returns" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "lead_returns_status_idx" ON "lead_returns" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "lead_returns_org_idx" ON "lead_returns" USING btree ("org_id","requested_at");--> statement-breakpoint
CREATE INDEX "lead_returns_supplier_idx" ON "lead_returns" USING btree ("supplier_org_id","requested_at");--> statement-breakpoint
CREATE INDEX "lead_work_org_sold_idx" ON "lead_work" USING btree ("org_id","sold_at");--> statement-breakpoint
CREATE INDEX "lead_work_org_status_idx" ON "lead_work" USING btree ("org_id","status","sold_at");--> statement-breakpoint
CREATE INDEX "lead_work_org_product_idx" ON "lead_work" USING btree ("org_id","product","sold_at");--> statement-breakpoint
CREATE INDEX "lead_work_org_departement_idx" ON "lead_work" USING btree ("org_id","departement","sold_at");--> statement-breakpoint
CREATE INDEX "lead_work_org_last_name_idx" ON "lead_work" USING btree ("org_id","last_name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "lead_work_org_first_name_idx" ON "lead_work" USING btree ("org_id","first_name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "lead_work_org_phone_idx" ON "lead_work" USING btree ("org_id","phone" text_pattern_ops);--> statement-breakpoint
-- Hand-written: the brokerage's row is created by the sale itself, in its transaction, whatever sold the lead.
CREATE FUNCTION open_lead_work() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lead_work (lead_id, org_id, sale_id, sold_at, channel, price_cents, product, lead_type, departement,
                         last_name_key, first_name_key, phone, status_changed_at)
  SELECT l.id, NEW.buyer_org_id, NEW.id, NEW.sold_at, NEW.channel, NEW.price_cents, l.product, l.type, l.departement,
         lower(l.last_name), lower(l.first_name), l.phone, NEW.sold_at
    FROM leads l WHERE l.id = NEW.lead_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER lead_sales_open_work AFTER INSERT ON lead_sales FOR EACH ROW EXECUTE FUNCTION open_lead_work();--> statement-breakpoint
INSERT INTO lead_work (lead_id, org_id, sale_id, sold_at, channel, price_cents, product, lead_type, departement,
                       last_name_key, first_name_key, phone, status_changed_at)
SELECT l.id, s.buyer_org_id, s.id, s.sold_at, s.channel, s.price_cents, l.product, l.type, l.departement,
       lower(l.last_name), lower(l.first_name), l.phone, s.sold_at
  FROM lead_sales s JOIN leads l ON l.id = s.lead_id;
