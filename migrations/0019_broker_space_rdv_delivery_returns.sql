CREATE TABLE "lead_appointments" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"availabilities" timestamp (3) with time zone[] NOT NULL,
	"channel" text NOT NULL,
	"confirmation" text NOT NULL,
	"consent_text_id" uuid NOT NULL,
	"consent_text_version" text NOT NULL,
	"consent_text_sha256" text NOT NULL,
	"consent_collected_at" timestamp (3) with time zone NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"confirmed_slot" timestamp with time zone,
	"visio_url" text,
	"broker_org_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
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
CREATE TABLE "broker_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"sale_id" uuid,
	"lead_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"read_until" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"status_code" integer,
	"error" text,
	"ok" boolean NOT NULL,
	"response_excerpt" text
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"event" text NOT NULL,
	"sale_id" uuid,
	"lead_id" uuid,
	"replay_of" uuid,
	"url" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"secret_created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_form_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supplier_form_codes_supplier_org_id_unique" UNIQUE("supplier_org_id")
);
--> statement-breakpoint
ALTER TABLE "market_listings" ADD COLUMN "consent_text_id" uuid;--> statement-breakpoint
ALTER TABLE "lead_appointments" ADD CONSTRAINT "lead_appointments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_appointments" ADD CONSTRAINT "lead_appointments_consent_text_id_consent_texts_id_fk" FOREIGN KEY ("consent_text_id") REFERENCES "public"."consent_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_supplier_org_id_organisations_id_fk" FOREIGN KEY ("supplier_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_returns" ADD CONSTRAINT "lead_returns_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_work" ADD CONSTRAINT "lead_work_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_work" ADD CONSTRAINT "lead_work_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_work" ADD CONSTRAINT "lead_work_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_work" ADD CONSTRAINT "lead_work_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_notifications" ADD CONSTRAINT "broker_notifications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_notifications" ADD CONSTRAINT "broker_notifications_sale_id_lead_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."lead_sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_sale_id_lead_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."lead_sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_form_codes" ADD CONSTRAINT "supplier_form_codes_supplier_org_id_organisations_id_fk" FOREIGN KEY ("supplier_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_appointments_broker_slot_idx" ON "lead_appointments" USING btree ("broker_org_id","confirmed_slot") WHERE "lead_appointments"."confirmed_slot" is not null;--> statement-breakpoint
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
CREATE INDEX "broker_notifications_org_idx" ON "broker_notifications" USING btree ("org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "broker_notifications_sale_idx" ON "broker_notifications" USING btree ("sale_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","attempt");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_org_idx" ON "webhook_deliveries" USING btree ("org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_sale_idx" ON "webhook_deliveries" USING btree ("sale_id") WHERE "webhook_deliveries"."replay_of" is null;--> statement-breakpoint
-- Hand-written (decision 017): listings stocked before this migration get the consent text of their lead,
-- so the listing's "consent covers the caller" filter sees them.
UPDATE "market_listings" m SET "consent_text_id" = k."consent_text_id" FROM "lead_consents" k WHERE k."lead_id" = m."lead_id" AND m."consent_text_id" IS NULL;
--> statement-breakpoint
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
