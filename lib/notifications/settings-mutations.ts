/** A member's choice of mail per kind and digest hour, and the one-click "turn off" from a mail. */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notificationPreferences, notifications, users } from "@/db/schema";
import {
  DEFAULT_DIGEST_HOUR,
  type EmailMode,
  emailModeOf,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "./kinds";
import type { TurnOffScope } from "./tokens";

export type NotificationSettingsInput = {
  userId: string;
  modes: Record<NotificationKind, EmailMode>;
  digestHour: number;
};

export async function saveNotificationSettings(input: NotificationSettingsInput): Promise<void> {
  const db = await getDb();
  await db
    .insert(notificationPreferences)
    .values({ userId: input.userId, modes: input.modes, digestHour: input.digestHour })
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: { modes: input.modes, digestHour: input.digestHour, updatedAt: new Date() },
    });
  await applyModesToWaitingMail(input.userId, input.modes);
}

/** Mail that still waits follows a changed choice: off drops it, digest moves it to the digest. */
async function applyModesToWaitingMail(userId: string, modes: Partial<Record<NotificationKind, EmailMode>>) {
  const db = await getDb();
  for (const kind of NOTIFICATION_KINDS) {
    const mode = emailModeOf(modes, kind);
    if (mode === "immediate") continue;
    await db
      .update(notifications)
      .set({ emailStatus: mode === "off" ? "skipped" : "digest", emailDueAt: null })
      .where(
        and(
          eq(notifications.recipientId, userId),
          eq(notifications.kind, kind),
          inArray(notifications.emailStatus, mode === "off" ? ["pending", "digest"] : ["pending"]),
        ),
      );
  }
}

/**
 * The one-click turn-off from a mail: that kind (or every digest kind) becomes "off". Refused (false)
 * when the link was revoked (token version changed) or the account is gone.
 */
export async function turnOffByToken(input: {
  userId: string;
  scope: TurnOffScope;
  version: number;
}): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, prefs: notificationPreferences })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, input.userId))
    .limit(1);
  if (!row) return false;
  if ((row.prefs?.tokenVersion ?? 1) !== input.version) return false;
  const modes = { ...(row.prefs?.modes ?? {}) };
  if (input.scope === "digest") {
    for (const kind of NOTIFICATION_KINDS) if (emailModeOf(modes, kind) === "digest") modes[kind] = "off";
  } else {
    modes[input.scope] = "off";
  }
  await db
    .insert(notificationPreferences)
    .values({ userId: input.userId, modes, digestHour: row.prefs?.digestHour ?? DEFAULT_DIGEST_HOUR })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { modes, updatedAt: new Date() } });
  await applyModesToWaitingMail(input.userId, modes);
  return true;
}
