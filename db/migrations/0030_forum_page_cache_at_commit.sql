-- The forum's cached pages are renewed as the events pages are (0029): triggers deferred to the commit
-- raise the "forum" version once per transaction, instead of once per statement from its first one on.
-- A forum write no longer holds the version row from its first statement to its commit, so writes in
-- different threads no longer wait for each other; a statement that changes no row raises nothing.
DROP TRIGGER forum_categories_page_cache ON forum_categories;
--> statement-breakpoint
DROP TRIGGER forum_threads_page_cache ON forum_threads;
--> statement-breakpoint
DROP TRIGGER forum_posts_page_cache ON forum_posts;
--> statement-breakpoint
DROP TRIGGER forum_reactions_page_cache ON forum_reactions;
--> statement-breakpoint
DROP TRIGGER forum_attachments_page_cache ON forum_attachments;
--> statement-breakpoint
DROP TRIGGER users_name_page_cache ON users;
--> statement-breakpoint
DROP FUNCTION bump_forum_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER forum_categories_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_categories
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('forum');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER forum_threads_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_threads
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('forum');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER forum_posts_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_posts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('forum');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER forum_reactions_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_reactions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('forum');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER forum_attachments_page_cache AFTER INSERT OR UPDATE OR DELETE ON forum_attachments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('forum');
--> statement-breakpoint
-- Authors' and mentioned people's names, and whether visitors may see them, are on every post.
CREATE CONSTRAINT TRIGGER users_name_forum_page_cache AFTER UPDATE OF name OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('forum');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER profiles_vis_name_forum_page_cache AFTER INSERT OR UPDATE OF vis_name OR DELETE ON profiles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('forum');
