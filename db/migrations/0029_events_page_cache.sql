-- Visitors' events list and public event pages are cached (lib/page-cache). Every change to what such a
-- page shows raises the "events" content version, whichever code made it. The triggers are deferred to
-- the commit and raise it once per transaction: the version row is locked last and briefly, so RSVPs
-- (which lock their date first) never wait on it in a cycle, nor on each other longer than a commit.
CREATE OR REPLACE FUNCTION bump_content_version_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  raised text := 'knotenpunkt.raised_' || TG_ARGV[0];
BEGIN
  IF current_setting(raised, true) IS DISTINCT FROM 'yes' THEN
    PERFORM set_config(raised, 'yes', true);
    INSERT INTO content_versions (scope, version) VALUES (TG_ARGV[0], 2)
    ON CONFLICT (scope) DO UPDATE SET version = content_versions.version + 1, updated_at = now();
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER events_page_cache AFTER INSERT OR UPDATE OR DELETE ON events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('events');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER event_occurrences_page_cache AFTER INSERT OR UPDATE OR DELETE ON event_occurrences
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('events');
--> statement-breakpoint
-- Seats taken and left are on the list and the event page.
CREATE CONSTRAINT TRIGGER event_rsvps_page_cache AFTER INSERT OR UPDATE OR DELETE ON event_rsvps
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('events');
--> statement-breakpoint
-- Organisers by name: an organisation's name and link, a person's name and whether visitors may see it.
CREATE CONSTRAINT TRIGGER organisations_events_page_cache AFTER UPDATE OF name, slug OR DELETE ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('events');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER users_name_events_page_cache AFTER UPDATE OF name OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('events');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER profiles_vis_name_events_page_cache AFTER UPDATE OF vis_name OR DELETE ON profiles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version_at_commit('events');
