-- One row per forum post or message a form created, under the one-time key the form carried
-- (lib/submissions): the same form sent again (a second click, a retry after a dropped connection, the
-- back button) lands on what the first created instead of creating it twice. Pruned after a day.
CREATE TABLE "form_submissions" (
	"user_id" text NOT NULL,
	"key" uuid NOT NULL,
	"scope" text NOT NULL,
	"fingerprint" text NOT NULL,
	"target_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_submissions_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "form_submissions_scope_idx" ON "form_submissions" USING btree ("scope","created_at" DESC NULLS LAST);
