-- The directory's search box finds a member by each field the viewer may see: every field of the vector
-- is weighted by its own visibility (A everyone, B members, C only the member; lib/members/visibility.ts,
-- searchWeights), no longer name, function, organisation and bio together by the strictest of them.
-- search_text now holds only the name; organisation_names the names of the member's organisations.
ALTER TABLE "profiles" ADD COLUMN "organisation_names" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" drop column "search";--> statement-breakpoint
UPDATE "profiles" p SET
  "search_text" = coalesce(u."name", ''),
  "organisation_names" = concat_ws(' ',
    (SELECT o."name" FROM "organisations" o WHERE o."id" = p."organisation_id"),
    (SELECT string_agg(o."name", ' ' ORDER BY po."position") FROM "profile_organisations" po
      JOIN "organisations" o ON o."id" = po."organisation_id" WHERE po."user_id" = p."user_id"))
FROM "users" u WHERE u."id" = p."user_id";--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', search_text), (case vis_name when 0 then 'A' when 1 then 'B' else 'C' end)::"char") || setweight(to_tsvector('german', coalesce(job_function, '')), (case vis_job_function when 0 then 'A' when 1 then 'B' else 'C' end)::"char") || setweight(to_tsvector('german', organisation_names), (case vis_organisation when 0 then 'A' when 1 then 'B' else 'C' end)::"char") || setweight(to_tsvector('german', coalesce(bio, '')), (case vis_bio when 0 then 'A' when 1 then 'B' else 'C' end)::"char") || setweight(to_tsvector('german', topic_search_words(topics)), (case vis_topics when 0 then 'A' when 1 then 'B' else 'C' end)::"char") || setweight(to_tsvector('german', language_search_words(languages)), (case vis_languages when 0 then 'A' when 1 then 'B' else 'C' end)::"char")) STORED;--> statement-breakpoint
CREATE INDEX "profiles_search_idx" ON "profiles" USING gin ("search") WITH (fastupdate=false);
