"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { decodeCursor } from "@/db/cursor";
import { requireUser } from "@/lib/auth/viewer";
import { formAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { NOTIFICATION_KINDS } from "./kinds";
import { markAllNotificationsRead, markNotificationRead } from "./mutations";
import { NotificationIdInput, SettingsInput, TurnOffInput } from "./schema";
import { saveNotificationSettings, turnOffByToken } from "./settings-mutations";
import { verifyTurnOffToken } from "./tokens";

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const viewer = await requireUser();
  const parsed = NotificationIdInput.safeParse(Object.fromEntries(formData));
  if (parsed.success) await markNotificationRead({ userId: viewer.id, id: parsed.data.id });
  revalidatePath("/", "layout");
  // Back to the page the button was on, not to the newest one.
  const before = parsed.success ? parsed.data.before : undefined;
  redirect(
    before && decodeCursor(before) ? `/notifications?before=${encodeURIComponent(before)}` : "/notifications",
  );
}

export async function markAllNotificationsReadAction(): Promise<void> {
  const viewer = await requireUser();
  await markAllNotificationsRead({ userId: viewer.id });
  revalidatePath("/", "layout");
  redirect("/notifications?all=read");
}

export const saveNotificationSettingsAction = formAction(SettingsInput, async (data) => {
  const viewer = await requireUser();
  const modes = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, data[`mode_${kind}`]]),
  ) as Parameters<typeof saveNotificationSettings>[0]["modes"];
  await saveNotificationSettings({ userId: viewer.id, modes, digestHour: data.digestHour });
  // The form's defaults come from the page: without a fresh render React resets it to the old choices.
  revalidatePath("/settings/notifications");
  return { status: "success", message: "saved" };
});

/** The turn-off page's button: no sign-in needed, the signed token says who and what. */
export async function turnOffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = TurnOffInput.safeParse(Object.fromEntries(formData));
  const token = parsed.success ? verifyTurnOffToken(parsed.data.token) : null;
  if (!token || !(await turnOffByToken(token))) {
    return { status: "error", fieldErrors: {}, formError: "invalid", values: {} };
  }
  return { status: "success", message: token.scope };
}
