-- Visitors' public forum threads are cached (lib/page-cache). Every change to what such a page
-- shows raises the "forum" content version in the same transaction, whichever code made it.
CREATE OR REPLACE FUNCTION bump_forum_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_versions (scope, version) VALUES ('forum', 2)
  ON CONFLICT (scope) DO UPDATE SET version = content_versions.version + 1, updated_at = now();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER forum_categories_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_categories
  FOR EACH STATEMENT EXECUTE FUNCTION bump_forum_content_version();
--> statement-breakpoint
CREATE TRIGGER forum_threads_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_threads
  FOR EACH STATEMENT EXECUTE FUNCTION bump_forum_content_version();
--> statement-breakpoint
CREATE TRIGGER forum_posts_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_posts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_forum_content_version();
--> statement-breakpoint
CREATE TRIGGER forum_reactions_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_reactions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_forum_content_version();
--> statement-breakpoint
CREATE TRIGGER forum_attachments_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_attachments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_forum_content_version();
--> statement-breakpoint
-- Authors' names appear on every post.
CREATE TRIGGER users_name_page_cache AFTER UPDATE OF name OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_forum_content_version();
