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
CREATE TABLE "supplier_form_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supplier_form_codes_supplier_org_id_unique" UNIQUE("supplier_org_id")
);
--> statement-breakpoint
ALTER TABLE "lead_appointments" ADD CONSTRAINT "lead_appointments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_appointments" ADD CONSTRAINT "lead_appointments_consent_text_id_consent_texts_id_fk" FOREIGN KEY ("consent_text_id") REFERENCES "public"."consent_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_form_codes" ADD CONSTRAINT "supplier_form_codes_supplier_org_id_organisations_id_fk" FOREIGN KEY ("supplier_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_appointments_broker_slot_idx" ON "lead_appointments" USING btree ("broker_org_id","confirmed_slot") WHERE "lead_appointments"."confirmed_slot" is not null;