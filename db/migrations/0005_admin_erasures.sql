CREATE TABLE "user_erasures" (
	"user_id" text PRIMARY KEY NOT NULL,
	"erased_by_id" text,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_erasures" ADD CONSTRAINT "user_erasures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;