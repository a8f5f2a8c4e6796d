-- The dashboard counts the current week's posts, messages and answers to events on every view (the
-- weeks before are counted once an hour, lib/admin/data.ts). Rows are written in time order, so a BRIN
-- index on created_at (a few pages for a million rows) leads that count to the week's own blocks
-- instead of reading the whole table.
CREATE INDEX "forum_posts_created_brin" ON "forum_posts" USING brin ("created_at");--> statement-breakpoint
CREATE INDEX "messages_created_brin" ON "messages" USING brin ("created_at");--> statement-breakpoint
CREATE INDEX "event_rsvps_created_brin" ON "event_rsvps" USING brin ("created_at");
