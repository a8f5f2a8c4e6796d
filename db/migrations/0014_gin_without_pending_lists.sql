-- Search and filter indexes take new entries at once instead of in a pending list every search reads (db/schema/gin.ts).
ALTER INDEX "events_languages_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "faq_translations_search_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "forum_posts_search_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "profiles_search_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "profiles_name_trgm_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "profiles_topics_idx" SET (fastupdate = false);--> statement-breakpoint
ALTER INDEX "profiles_languages_idx" SET (fastupdate = false);--> statement-breakpoint
SELECT gin_clean_pending_list('"events_languages_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"faq_translations_search_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"forum_posts_search_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"profiles_search_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"profiles_name_trgm_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"profiles_topics_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"profiles_languages_idx"'::regclass);
