ALTER TABLE "messages" ADD COLUMN "removed_by" text;--> statement-breakpoint
-- Messages removed before this column existed. An author's deletion is final, so that is the default:
-- only where a coordinator's hide or delete was logged within seconds after the message went (the
-- decision removes it first, then logs) did the coordinator remove it. A coordinator who "hid" a message
-- its author had deleted earlier logged it later than that, and it stays the author's.
UPDATE "messages" m SET "removed_by" = CASE WHEN EXISTS (
  SELECT 1 FROM "audit_log" a
  WHERE a."target_type" = 'message' AND a."target_id" = m."id"
    AND a."action" IN ('moderation.hide', 'moderation.delete')
    AND a."created_at" >= m."deleted_at" AND a."created_at" < m."deleted_at" + interval '5 seconds'
) THEN 'moderator' ELSE 'author' END
WHERE m."deleted_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_removed_by_check" CHECK (("messages"."deleted_at" IS NULL AND "messages"."removed_by" IS NULL) OR ("messages"."deleted_at" IS NOT NULL AND "messages"."removed_by" IN ('author', 'moderator')));
