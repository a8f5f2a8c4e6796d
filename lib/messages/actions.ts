"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { PENDING_FIELD, type PendingAttachment } from "@/lib/uploads/constants";
import { blockMember, unblockMember } from "./blocks";
import { reportMessage } from "./moderation";
import { conversationHref, type Posted, sendMessage, startConversation } from "./mutations";
import { leaveConversation } from "./participation";
import { gatherMessageFiles } from "./pending-attachments";
import { checkMessagingRate } from "./rate";
import { deleteOwnMessage } from "./removal";
import {
  ConversationIdInput,
  MemberIdInput,
  MessageIdInput,
  ReportMessageInput,
  SendMessageInput,
  StartConversationInput,
} from "./schema";

/**
 * A message form's state: after an error it also lists the files kept for the member, and names the
 * chosen files refused as of another type (the others are kept).
 */
export type MessageFormState = FormState & { attachments?: PendingAttachment[]; refusedFiles?: string[] };

/**
 * A message form's action whose files are not lost when the message comes back (too long, a blocked
 * recipient, the rate limit, any error): they are kept as the member's pending uploads first, listed
 * ticked in the form that comes back, and sending attaches them.
 */
function keepingFiles<S extends z.ZodType>(
  schema: S,
  send: (data: z.infer<S>, senderId: string, pending: PendingAttachment[]) => Promise<Posted>,
  options?: { multi?: readonly string[] },
) {
  return async (previous: MessageFormState, formData: FormData): Promise<MessageFormState> => {
    const viewer = await requireUser();
    const files = await gatherMessageFiles(viewer.id, formData);
    const state = await formAction(
      schema,
      async (data) => {
        if (files.error) throw new AppError({ code: "invalid", message: files.error, field: "attachments" });
        const posted = await send(data, viewer.id, files.pending);
        revalidatePath("/messages");
        redirect(conversationHref(posted.conversationId, posted.messageId));
      },
      options,
    )(previous, formData);
    if (state.status !== "error") return state;
    const { [PENDING_FIELD]: _listed, ...values } = state.values;
    const fieldErrors =
      files.error && !state.fieldErrors.attachments
        ? { ...state.fieldErrors, attachments: { key: files.error } }
        : state.fieldErrors;
    return {
      ...state,
      values,
      fieldErrors,
      filesToChooseAgain: undefined,
      attachments: files.pending,
      refusedFiles: files.refused,
    };
  };
}

export const sendMessageAction = keepingFiles(SendMessageInput, async (data, senderId, pending) => {
  await checkMessagingRate({ userId: senderId, starting: false });
  return sendMessage({ senderId, conversationId: data.conversationId, body: data.body, files: [], pending });
});

export const startConversationAction = keepingFiles(
  StartConversationInput,
  async (data, senderId, pending) => {
    await checkMessagingRate({ userId: senderId, starting: true });
    return startConversation({
      senderId,
      recipientIds: data.to,
      title: data.title,
      body: data.body,
      files: [],
      pending,
    });
  },
  { multi: ["to"] },
);

export const reportMessageAction = formAction(ReportMessageInput, async (data) => {
  const viewer = await requireUser();
  await reportMessage({ reporterId: viewer.id, messageId: data.messageId, reason: data.reason });
  return { status: "success", message: "reported" };
});

/** Plain form actions (buttons): anything not the viewer's own ends as "not found". */
export async function leaveConversationAction(formData: FormData): Promise<void> {
  const viewer = await requireUser();
  const parsed = ConversationIdInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  try {
    await leaveConversation({ userId: viewer.id, conversationId: parsed.data.conversationId });
  } catch {
    notFound();
  }
  revalidatePath("/messages");
  redirect("/messages");
}

export async function deleteMessageAction(formData: FormData): Promise<void> {
  const viewer = await requireUser();
  const parsed = MessageIdInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  let conversationId: string;
  try {
    ({ conversationId } = await deleteOwnMessage({ userId: viewer.id, messageId: parsed.data.messageId }));
  } catch {
    notFound();
  }
  redirect(conversationHref(conversationId, parsed.data.messageId));
}

const backTo = (formData: FormData, fallback: string) => {
  const value = formData.get("back");
  return typeof value === "string" && /^\/(messages|members)(\/[\w-]*)*$/.test(value) ? value : fallback;
};

export async function blockMemberAction(formData: FormData): Promise<void> {
  const viewer = await requireUser();
  const parsed = MemberIdInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success || parsed.data.memberId === viewer.id) notFound();
  await blockMember({ blockerId: viewer.id, blockedId: parsed.data.memberId });
  revalidatePath("/", "layout");
  redirect(backTo(formData, "/messages/blocked"));
}

export async function unblockMemberAction(formData: FormData): Promise<void> {
  const viewer = await requireUser();
  const parsed = MemberIdInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  await unblockMember({ blockerId: viewer.id, blockedId: parsed.data.memberId });
  revalidatePath("/", "layout");
  redirect(backTo(formData, "/messages/blocked"));
}
