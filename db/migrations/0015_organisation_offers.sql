-- What organisations run for newcomers (counselling, courses, open cafés), shown on their pages (db/schema/offers.ts).
CREATE TABLE "organisation_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"formats" text[] DEFAULT '{}' NOT NULL,
	"municipality" text,
	"location" text,
	"schedule" text,
	"contact" text,
	"visibility" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_offers" ADD CONSTRAINT "organisation_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_offers_organisation_idx" ON "organisation_offers" USING btree ("organisation_id","title");--> statement-breakpoint
CREATE INDEX "organisation_offers_topics_idx" ON "organisation_offers" USING gin ("topics") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "organisation_offers_languages_idx" ON "organisation_offers" USING gin ("languages") WITH (fastupdate=false);