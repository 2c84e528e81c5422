CREATE TABLE "intake_backlog" (
	"lead_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broker_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"products" text[] NOT NULL,
	"lead_type" text NOT NULL,
	"departements" text[] NOT NULL,
	"weekly_cap" integer NOT NULL,
	"daily_cap" integer,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"last_served_at" timestamp (3) with time zone,
	CONSTRAINT "broker_orders_caps" CHECK ("broker_orders"."weekly_cap" > 0 and ("broker_orders"."daily_cap" is null or "broker_orders"."daily_cap" > 0))
);
--> statement-breakpoint
CREATE TABLE "lead_sales" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"buyer_user_id" uuid,
	"channel" text NOT NULL,
	"order_id" uuid,
	"hold_id" uuid,
	"price_cents" integer NOT NULL,
	"price_version" integer NOT NULL,
	"tier" text NOT NULL,
	"paid_with" text NOT NULL,
	"payment_ref" text,
	"sold_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"idempotency_key" text NOT NULL,
	"price_cents" integer NOT NULL,
	"price_version" integer NOT NULL,
	"tier" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"payment_ref" text
);
--> statement-breakpoint
CREATE TABLE "market_listings" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"product" text NOT NULL,
	"lead_type" text NOT NULL,
	"departement" text,
	"postal_code" text,
	"city" text,
	"consent_method" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"tier24_until" timestamp (3) with time zone NOT NULL,
	"tier48_until" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"stocked_at" timestamp (3) with time zone NOT NULL,
	"held_by" uuid,
	"hold_until" timestamp (3) with time zone,
	"sold_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "order_counters" (
	"order_id" uuid NOT NULL,
	"period" text NOT NULL,
	"received" integer NOT NULL,
	CONSTRAINT "order_counters_order_id_period_pk" PRIMARY KEY("order_id","period")
);
--> statement-breakpoint
CREATE TABLE "price_grids" (
	"version" integer PRIMARY KEY NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	"published_by" uuid,
	"note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prices" (
	"version" integer NOT NULL,
	"product" text NOT NULL,
	"lead_type" text NOT NULL,
	"channel" text NOT NULL,
	"tier" text NOT NULL,
	"price_cents" integer NOT NULL,
	CONSTRAINT "prices_version_product_lead_type_channel_tier_pk" PRIMARY KEY("version","product","lead_type","channel","tier"),
	CONSTRAINT "prices_positive" CHECK ("prices"."price_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "intake_backlog" ADD CONSTRAINT "intake_backlog_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_orders" ADD CONSTRAINT "broker_orders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_orders" ADD CONSTRAINT "broker_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_sales" ADD CONSTRAINT "lead_sales_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_sales" ADD CONSTRAINT "lead_sales_buyer_org_id_organisations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_sales" ADD CONSTRAINT "lead_sales_buyer_user_id_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_sales" ADD CONSTRAINT "lead_sales_order_id_broker_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."broker_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_sales" ADD CONSTRAINT "lead_sales_hold_id_market_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."market_holds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_holds" ADD CONSTRAINT "market_holds_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_holds" ADD CONSTRAINT "market_holds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_holds" ADD CONSTRAINT "market_holds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_listings" ADD CONSTRAINT "market_listings_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_listings" ADD CONSTRAINT "market_listings_held_by_organisations_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_counters" ADD CONSTRAINT "order_counters_order_id_broker_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."broker_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_grids" ADD CONSTRAINT "price_grids_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prices" ADD CONSTRAINT "prices_version_price_grids_version_fk" FOREIGN KEY ("version") REFERENCES "public"."price_grids"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broker_orders_org_idx" ON "broker_orders" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_sales_lead_idx" ON "lead_sales" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "lead_sales_buyer_idx" ON "lead_sales" USING btree ("buyer_org_id","sold_at");--> statement-breakpoint
CREATE INDEX "lead_sales_order_idx" ON "lead_sales" USING btree ("order_id","sold_at");--> statement-breakpoint
CREATE UNIQUE INDEX "market_holds_idempotency_idx" ON "market_holds" USING btree ("org_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "market_holds_one_active_idx" ON "market_holds" USING btree ("lead_id") WHERE "market_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "market_holds_expiry_idx" ON "market_holds" USING btree ("expires_at") WHERE "market_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "market_listings_open_idx" ON "market_listings" USING btree ("product","departement","received_at" DESC NULLS LAST) WHERE "market_listings"."sold_at" is null;--> statement-breakpoint
CREATE INDEX "market_listings_open_received_idx" ON "market_listings" USING btree ("received_at" DESC NULLS LAST) WHERE "market_listings"."sold_at" is null;--> statement-breakpoint
-- Sales and published prices are evidence (docs/decisions/014-marketplace.md): no code path changes or
-- deletes them, so the database refuses it. refuse_change() comes from 0001.
CREATE TRIGGER lead_sales_append_only BEFORE UPDATE OR DELETE ON lead_sales FOR EACH ROW EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER lead_sales_no_truncate BEFORE TRUNCATE ON lead_sales FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER prices_append_only BEFORE UPDATE OR DELETE ON prices FOR EACH ROW EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER prices_no_truncate BEFORE TRUNCATE ON prices FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER price_grids_append_only BEFORE UPDATE OR DELETE ON price_grids FOR EACH ROW EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER price_grids_no_truncate BEFORE TRUNCATE ON price_grids FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
