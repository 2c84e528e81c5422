CREATE TABLE "captured_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"channel" text NOT NULL,
	"tag" text,
	"to" text NOT NULL,
	"from" text NOT NULL,
	"subject" text,
	"text" text DEFAULT '' NOT NULL,
	"raw" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"envelope" jsonb,
	"message_id" text,
	"sms_encoding" text,
	"sms_segments" integer,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "captured_messages_org_idx" ON "captured_messages" USING btree ("org_id","received_at");--> statement-breakpoint
CREATE INDEX "captured_messages_message_id_idx" ON "captured_messages" USING btree ("message_id");