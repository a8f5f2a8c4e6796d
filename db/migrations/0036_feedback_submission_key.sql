ALTER TABLE "feedback" ADD COLUMN "submission_key" text;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_submission_key_unique" UNIQUE("submission_key");