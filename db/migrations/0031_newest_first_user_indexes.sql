-- Two newest-first lists of members read an index backwards instead of joining and sorting every
-- member's profile for one page (10,000 members):
-- the home page's newest members (approved_at DESC, id DESC), 18–35 ms;
CREATE INDEX "users_approved_idx" ON "users" USING btree ("status","approved_at","id");--> statement-breakpoint
-- the admin area's list of accounts (created_at DESC, id DESC), 13–17 ms.
CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at","id");
