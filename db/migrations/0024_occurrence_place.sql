ALTER TABLE "event_occurrences" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD COLUMN "venue" text;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD COLUMN "online_url" text;