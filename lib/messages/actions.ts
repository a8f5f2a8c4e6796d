"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { findSubmitted } from "@/lib/submissions/data";
import { AlreadySubmitted, type Once } from "@/lib/submissions/mutations";
import { submissionOf } from "@/lib/submissions/utils";
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
 * A message is sent once (lib/submissions): the same form sent again (`scope`: where it writes) lands
 * on the message it created, before its files are stored or the rate limit counts it.
 */
function keepingFiles<S extends z.ZodType>(
  schema: S,
  send: (
    data: z.infer<S>,
    senderId: string,
    pending: PendingAttachment[],
    once: Once<Posted>,
  ) => Promise<Posted>,
  options: { multi?: readonly string[]; scope: (formData: FormData) => string; fields: string[] },
) {
  return async (previous: MessageFormState, formData: FormData): Promise<MessageFormState> => {
    const viewer = await requireUser();
    const { scope, fields, ...formOptions } = options;
    const submission = submissionOf(formData, { userId: viewer.id, scope: scope(formData), fields });
    const earlier = await findSubmitted(submission);
    if (earlier) redirect(earlier);
    const files = await gatherMessageFiles(viewer.id, formData);
    const landing = (posted: Posted) => conversationHref(posted.conversationId, posted.messageId);
    const state = await formAction(
      schema,
      async (data) => {
        if (files.error) throw new AppError({ code: "invalid", message: files.error, field: "attachments" });
        let posted: Posted;
        try {
          posted = await send(data, viewer.id, files.pending, { submission, target: landing });
        } catch (error) {
          // Sent twice at once: this one waited for the first and goes where it went.
          if (error instanceof AlreadySubmitted) redirect(error.target);
          throw error;
        }
        revalidatePath("/messages");
        redirect(landing(posted));
      },
      formOptions,
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

export const sendMessageAction = keepingFiles(
  SendMessageInput,
  async (data, senderId, pending, once) => {
    await checkMessagingRate({ userId: senderId, starting: false });
    return sendMessage({
      senderId,
      conversationId: data.conversationId,
      body: data.body,
      files: [],
      pending,
      once,
    });
  },
  { scope: (formData) => `messages:${formData.get("conversationId")}`, fields: ["body"] },
);

export const startConversationAction = keepingFiles(
  StartConversationInput,
  async (data, senderId, pending, once) => {
    await checkMessagingRate({ userId: senderId, starting: true });
    return startConversation({
      senderId,
      recipientIds: data.to,
      title: data.title,
      body: data.body,
      files: [],
      pending,
      once,
    });
  },
  {
    multi: ["to"],
    scope: (formData) => `messages:to:${[...new Set(formData.getAll("to").map(String))].sort().join(",")}`,
    fields: ["title", "body"],
  },
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
