"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { setPostStatus } from "@/lib/forum/moderation-mutations";
import { restoreMessage } from "@/lib/messages/removal";
import { APPROVE_REFUSED, REFUSALS, RESTORE_MESSAGE_REFUSED } from "./constants";
import { resolveReport } from "./mutations";

/** "confirmed" comes only from the page's confirmation step, which every delete passes first. */
const confirmed = z.string().max(8).optional();

const Decision = z.object({
  reportId: z.string().min(1).max(64),
  decision: z.enum(["hide", "restore", "delete", "dismiss"]),
  confirmed,
});

export async function resolveReportAction(formData: FormData) {
  const viewer = await requireRole("coordinator");
  const parsed = Decision.safeParse(Object.fromEntries(formData));
  if (parsed.success && parsed.data.decision === "delete" && parsed.data.confirmed !== "yes")
    redirect(`/admin/moderation?deleteReport=${encodeURIComponent(parsed.data.reportId)}#confirm-heading`);
  const resolved = parsed.success
    ? await resolveReport({ ...parsed.data, actorId: viewer.id }).catch(refused)
    : null;
  revalidatePath("/admin/moderation");
  revalidatePath("/forum", "layout");
  const done = parsed.success ? `${parsed.data.decision}${resolved?.threadGone ? "Thread" : ""}` : "none";
  redirect(`/admin/moderation?done=${done}`);
}

/**
 * A decision on a closed report, or one the queue does not offer for the subject's state (also from a
 * forged form), is refused: nothing changes, and the queue says why.
 */
function refused(error: unknown): never {
  if (error instanceof AppError && Object.hasOwn(REFUSALS, error.message))
    redirect(`/admin/moderation?done=${REFUSALS[error.message as keyof typeof REFUSALS]}`);
  throw error;
}

function notHeld(error: unknown): never {
  if (error instanceof AppError && error.message === "decisionRefused")
    redirect(`/admin/moderation?done=${APPROVE_REFUSED}`);
  throw error;
}

const Approval = z.object({
  postId: z.coerce.number().int().positive(),
  decision: z.enum(["approve", "delete"]),
  confirmed,
});

/** Releases a held post (or, after the confirmation step, deletes it); its author is told either way. */
export async function approvePostAction(formData: FormData) {
  const viewer = await requireRole("coordinator");
  const parsed = Approval.safeParse(Object.fromEntries(formData));
  if (parsed.success && parsed.data.decision === "delete" && parsed.data.confirmed !== "yes")
    redirect(`/admin/moderation?deleteHeld=${parsed.data.postId}#confirm-heading`);
  if (parsed.success) {
    await setPostStatus({
      postId: parsed.data.postId,
      status: parsed.data.decision === "approve" ? "visible" : "deleted",
      actorId: viewer.id,
      audit: true,
      // Only a held post: never one its author deleted or a published one (a forged or old form).
      allowedFrom: (current) => current === "pending",
    }).catch(notHeld);
  }
  revalidatePath("/admin/moderation");
  revalidatePath("/forum", "layout");
  redirect(
    `/admin/moderation?done=${parsed.success ? (parsed.data.decision === "delete" ? "reject" : "approve") : "none"}`,
  );
}

const MessageRef = z.object({ messageId: z.string().min(1).max(64) });

/**
 * A coordinator brings back a message removed by a report's decision (the queue's list of removed
 * messages), as the forum restores a hidden post. One its author deleted, or one not removed, is not.
 */
export async function restoreMessageAction(formData: FormData) {
  const viewer = await requireRole("coordinator");
  const parsed = MessageRef.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin/moderation");
  await restoreMessage({ messageId: parsed.data.messageId, actorId: viewer.id }).catch((error: unknown) => {
    if (
      error instanceof AppError &&
      (error.message === "removedByAuthor" || error.message === "decisionRefused")
    )
      redirect(`/admin/moderation?done=${RESTORE_MESSAGE_REFUSED}`);
    throw error;
  });
  revalidatePath("/admin/moderation");
  revalidatePath("/messages");
  redirect("/admin/moderation?done=restoreMessage");
}
