"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/viewer";
import { formAction } from "@/lib/forms/action";
import { checkAttachments } from "./attachments";
import { reportMessage } from "./moderation";
import {
  blockMember,
  conversationHref,
  deleteOwnMessage,
  leaveConversation,
  sendMessage,
  startConversation,
  unblockMember,
} from "./mutations";
import { checkMessagingRate } from "./rate";
import {
  ConversationIdInput,
  MemberIdInput,
  MessageIdInput,
  ReportMessageInput,
  SendMessageInput,
  StartConversationInput,
} from "./schema";

const filesOf = (formData: FormData) =>
  formData
    .getAll("attachments")
    .filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f);

export const sendMessageAction = formAction(SendMessageInput, async (data, formData) => {
  const viewer = await requireUser();
  const files = await checkAttachments(filesOf(formData));
  await checkMessagingRate({ userId: viewer.id, starting: false });
  const posted = await sendMessage({
    senderId: viewer.id,
    conversationId: data.conversationId,
    body: data.body,
    files,
  });
  revalidatePath("/messages");
  redirect(conversationHref(posted.conversationId, posted.messageId));
});

export const startConversationAction = formAction(
  StartConversationInput,
  async (data, formData) => {
    const viewer = await requireUser();
    const files = await checkAttachments(filesOf(formData));
    await checkMessagingRate({ userId: viewer.id, starting: true });
    const posted = await startConversation({
      senderId: viewer.id,
      recipientIds: data.to,
      title: data.title,
      body: data.body,
      files,
    });
    revalidatePath("/messages");
    redirect(conversationHref(posted.conversationId, posted.messageId));
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
