CREATE TABLE "spent_form_tokens" (
	"nonce" text PRIMARY KEY NOT NULL,
	"spent_at" timestamp with time zone NOT NULL
);
