import "server-only";
import { and, asc, desc, eq, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { consents, userErasures, users } from "@/db/schema";
import { SETTING_DEFAULTS } from "@/lib/settings/schema";
import { PRIVACY_SECTIONS } from "./sections";
import { readDeletionToken, verifyDeletionToken } from "./tokens";

/** Everything stored about one member, section by section, for their JSON download. */
export async function exportUserData({ userId }: { userId: string }): Promise<Record<string, unknown>> {
  const db = await getDb();
  const data: Record<string, unknown> = { exportedAt: new Date().toISOString() };
  for (const section of PRIVACY_SECTIONS) data[section.key] = await section.export(db, userId);
  return data;
}

/**
 * Whether a member must accept the privacy policy before going on: they accepted an earlier version
 * but not the current one, or (invited, never asked) they joined before an admin published the
 * current version. An SQL expression, so the session lookup that runs on every page can carry it.
 */
export function policyConsentNeeded(userId: SQLWrapper): SQL<boolean> {
  const setting = (key: string) => sql`(select s.value #>> '{}' from settings s where s.key = ${key})`;
  const current = sql`coalesce(${setting("privacy.policyVersion")}, ${SETTING_DEFAULTS["privacy.policyVersion"]}::text)`;
  return sql<boolean>`coalesce(
    (select c.policy_version <> ${current} from consents c
      where c.user_id = ${userId} and c.kind = 'privacy_policy' order by c.accepted_at desc limit 1),
    (select u.approved_at < ${setting("privacy.policyPublishedAt")}::timestamptz from users u where u.id = ${userId}),
    false)`;
}

/** The account a deletion link is for, if the link is genuine, unexpired and the account still exists. */
export async function findDeletionTarget({
  token,
}: {
  token: string;
}): Promise<{ userId: string; name: string | null; applicant: boolean } | null> {
  const read = readDeletionToken(token);
  if (!read) return null;
  const db = await getDb();
  const [user] = await db
    .select({ email: users.email, name: users.name, status: users.status, erased: userErasures.userId })
    .from(users)
    .leftJoin(userErasures, eq(userErasures.userId, users.id))
    .where(eq(users.id, read.userId))
    .limit(1);
  if (!user || user.erased) return null;
  if (!verifyDeletionToken(token, user.email)) return null;
  // An applicant withdraws their application: they have no posts or messages to speak of.
  return { userId: read.userId, name: user.name, applicant: user.status !== "approved" };
}

/** The member's own consent records, newest first. */
export async function listOwnConsents({ userId }: { userId: string }) {
  const db = await getDb();
  return db
    .select({ policyVersion: consents.policyVersion, acceptedAt: consents.acceptedAt })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.kind, "privacy_policy")))
    .orderBy(desc(consents.acceptedAt));
}

/**
 * Whether this person is the network's only approved admin: deleting them would leave nobody to run
 * it. Given a transaction, the admins' rows stay locked (in id order) until it ends.
 */
export async function isLastAdmin({ userId, tx }: { userId: string; tx?: Executor }): Promise<boolean> {
  const query = (tx ?? (await getDb()))
    .select({ id: users.id })
    .from(users)
    .leftJoin(userErasures, eq(userErasures.userId, users.id))
    .where(and(eq(users.role, "admin"), eq(users.status, "approved"), isNull(userErasures.userId)))
    .orderBy(asc(users.id));
  const admins = tx ? await query.for("update", { of: users }) : await query;
  return admins.length === 1 && admins[0]?.id === userId;
}
