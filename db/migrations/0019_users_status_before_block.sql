ALTER TABLE "users" ADD COLUMN "status_before_block" text;--> statement-breakpoint
-- People blocked before this column existed: the status their block's audit entry recorded.
UPDATE "users" u SET "status_before_block" = (
  SELECT a."data"->>'previousStatus' FROM "audit_log" a
  WHERE a."action" = 'user.blocked' AND a."target_type" = 'user' AND a."target_id" = u."id"
    AND a."data"->>'previousStatus' IN ('pending', 'approved', 'rejected')
  ORDER BY a."created_at" DESC, a."id" DESC LIMIT 1
) WHERE u."status" = 'blocked';
