import "server-only";
import { eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { settings } from "@/db/schema";
import { assertActorMay } from "@/lib/admin/actor";
import type { AuditAction } from "@/lib/audit/constants";
import { recordAudit } from "@/lib/audit/mutations";
import { editCachedContent } from "@/lib/page-cache/mutations";
import { SETTINGS_SCOPE } from "@/lib/page-cache/paths";
import type { SettingKey, Settings } from "./schema";

/** Stores a setting; null removes it, so its default applies again. */
async function putSetting<K extends SettingKey>(tx: Executor, key: K, value: Settings[K]) {
  if (value === null) {
    await tx.delete(settings).where(eq(settings.key, key));
    return;
  }
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedAt: new Date() } });
}

/**
 * Saves settings as one admin action: checked against the actor's role in the database, logged with
 * the names of the changed keys (and the values, unless `secretValues` says not to, e.g. the logo).
 */
export async function updateSettings(input: {
  actorId: string;
  values: Partial<Settings>;
  action?: AuditAction;
  auditValues?: boolean;
}): Promise<void> {
  // Every cached visitor page shows the network's name, logo and colours: renew them all at once.
  await editCachedContent(SETTINGS_SCOPE, async (tx) => {
    await assertActorMay(tx, input.actorId, "settings.edit");
    const entries = Object.entries(input.values) as [SettingKey, Settings[SettingKey]][];
    for (const [key, value] of entries) await putSetting(tx, key, value);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.action ?? "settings.updated",
      targetType: "settings",
      targetId: entries.map(([key]) => key).join(","),
      data: input.auditValues === false ? undefined : (input.values as Record<string, unknown>),
    });
  });
}

/** Saves one legal page's texts; a new privacy policy version makes every member accept it again. */
export async function updateLegalText(input: {
  actorId: string;
  page: string;
  texts: Record<string, string>;
  newPolicyVersion: string | null;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "settings.edit");
    await tx
      .insert(settings)
      .values({ key: `legal.${input.page}`, value: input.texts })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: sql`excluded.value`, updatedAt: new Date() },
      });
    if (input.newPolicyVersion) {
      await putSetting(tx, "privacy.policyVersion", input.newPolicyVersion);
      await putSetting(tx, "privacy.policyPublishedAt", new Date().toISOString());
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "settings.legalUpdated",
      targetType: "settings",
      targetId: `legal.${input.page}`,
      data: input.newPolicyVersion ? { policyVersion: input.newPolicyVersion } : undefined,
    });
  });
}
