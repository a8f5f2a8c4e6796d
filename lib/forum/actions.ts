"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { MAX_ECHO } from "@/lib/forms/action";
import { toFieldErrors } from "@/lib/forms/schema";
import type { FieldErrors } from "@/lib/forms/state";
import { reportContent } from "@/lib/moderation/mutations";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { findSubmitted } from "@/lib/submissions/data";
import { AlreadySubmitted } from "@/lib/submissions/mutations";
import { type Submission, submissionOf } from "@/lib/submissions/utils";
import { PENDING_FIELD, type PendingAttachment } from "@/lib/uploads/constants";
import { MAX_MENTIONS } from "./constants";
import { getThread, isHoldFirstPostsOn, listCategories } from "./data";
import { setPostStatus, updateThreadFlags } from "./moderation-mutations";
import {
  createReply,
  createThread,
  editPost,
  isFirstTimePoster,
  removeEarlierVersions,
  setReaction,
  setWatch,
} from "./mutations";
import { resolveMentions } from "./notify";
import { gatherAttachments } from "./pending-attachments";
import { getPost } from "./post-data";
import { type Mentioned, renderPost } from "./render";
import {
  DeletePost,
  EditPost,
  NewReply,
  NewThread,
  PostRef,
  Reaction,
  ReportInput,
  ThreadModeration,
  Watch,
} from "./schema";
import { historyHref, pageOfNumber, parseReactionValue, postHref, threadHref, withNotice } from "./utils";
import { type ForumViewer, forumViewer, isModerator } from "./visibility";

export type ComposerState =
  | { status: "idle" }
  | {
      status: "error" | "preview";
      fieldErrors: FieldErrors;
      formError?: string;
      values: Record<string, string>;
      previewHtml?: string;
      /** Files sent with the form, kept for the member: the form lists them and posting attaches them. */
      attachments?: PendingAttachment[];
      /** Names of chosen files refused as neither image nor PDF (the others are kept). */
      refusedFiles?: string[];
    }
  | { status: "success"; message: string };

const textValues = (formData: FormData): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries())
    if (!k.startsWith("$") && k !== PENDING_FIELD && typeof v === "string") values[k] = v.slice(0, MAX_ECHO);
  return values;
};

async function member(): Promise<NonNullable<ForumViewer>> {
  return forumViewer(await requireUser())!;
}

/** Posting limit per member: a burst of 5 a minute, 60 an hour. */
async function checkPostingRate(userId: string) {
  const result = await hitRateLimits([
    { key: `forum:post:min:${userId}`, limit: 5, windowSeconds: 60 },
    { key: `forum:post:hour:${userId}`, limit: 60, windowSeconds: 3600 },
  ]);
  if (!result.allowed) throw new AppError({ code: "rate_limited", message: "forumRateLimited" });
}

async function shouldHold(viewer: NonNullable<ForumViewer>) {
  if (isModerator(viewer)) return false;
  return (await isHoldFirstPostsOn()) && (await isFirstTimePoster(viewer.id));
}

/**
 * Shared by new thread, reply and edit: "preview" renders the text on the server and shows it above
 * the unchanged form (works without JavaScript); "submit" saves. Errors keep every value, and files
 * sent with a new thread or a reply are kept as the member's pending attachments (a file field cannot
 * be filled in again), listed in the form and attached when the post is saved.
 * A new thread or reply is sent once (`once`, lib/submissions): the same form sent again lands on
 * the post it created, before its files are stored or the rate limit counts it.
 */
async function compose<T extends { intent: "preview" | "submit"; body: string }>(
  schema: {
    safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import("zod").ZodError };
  },
  formData: FormData,
  save: (
    data: T,
    viewer: NonNullable<ForumViewer>,
    attachments: PendingAttachment[],
    submission: Submission | undefined,
    /** The members the text names, resolved once here for the check and the post. */
    mentioned: Mentioned[],
  ) => Promise<string>,
  { withAttachments, once }: { withAttachments: boolean; once?: { scope: string; fields: string[] } },
): Promise<ComposerState> {
  const values = textValues(formData);
  const parsed = schema.safeParse(values);
  const viewer = await member();
  const submission =
    once && values.intent !== "preview" ? submissionOf(formData, { userId: viewer.id, ...once }) : undefined;
  const earlier = submission ? await findSubmitted(submission) : null;
  if (earlier) redirect(earlier);
  const {
    pending: attachments,
    error: attachmentError,
    refused: refusedFiles,
  } = withAttachments ? await gatherAttachments(viewer.id, formData) : { pending: undefined };
  const kept = { values, attachments, refusedFiles };
  const fileErrors: FieldErrors = attachmentError ? { attachments: { key: attachmentError } } : {};
  if (!parsed.success)
    return { status: "error", fieldErrors: { ...toFieldErrors(parsed.error), ...fileErrors }, ...kept };
  const mentioned = await resolveMentions(parsed.data.body);
  // Too many names: refused beside the text, in the preview too, rather than some left untold.
  const mentionError: FieldErrors =
    mentioned.length > MAX_MENTIONS
      ? { body: { key: "tooManyMentions", values: { max: MAX_MENTIONS, count: mentioned.length } } }
      : {};
  if (parsed.data.intent === "preview") {
    // Mentions link as in the saved post; only members may learn which names belong to members.
    const previewHtml = renderPost(parsed.data.body, mentioned);
    return { status: "preview", fieldErrors: { ...mentionError, ...fileErrors }, previewHtml, ...kept };
  }
  if (attachmentError || mentionError.body)
    return { status: "error", fieldErrors: { ...mentionError, ...fileErrors }, ...kept };
  let target: string;
  try {
    target = await save(parsed.data, viewer, attachments ?? [], submission, mentioned);
  } catch (error) {
    // Sent twice at once: this one waited for the first and goes where it went.
    if (error instanceof AlreadySubmitted) redirect(error.target);
    if (error instanceof AppError) {
      return error.field
        ? { status: "error", fieldErrors: { [error.field]: { key: error.message } }, ...kept }
        : { status: "error", fieldErrors: {}, formError: error.message, ...kept };
    }
    throw error;
  }
  revalidatePath("/forum", "layout");
  redirect(target);
}

export async function createThreadAction(_prev: ComposerState, formData: FormData): Promise<ComposerState> {
  return compose(
    NewThread,
    formData,
    async (data, viewer, pending, submission, mentioned) => {
      const category = (await listCategories({ viewer })).find((c) => c.id === data.categoryId);
      if (!category) throw new AppError({ code: "not_found", message: "required", field: "categoryId" });
      await checkPostingRate(viewer.id);
      const hold = await shouldHold(viewer);
      const landing = (thread: { id: number; slug: string }) =>
        `${threadHref(thread)}${hold ? "?held=1" : ""}`;
      const result = await createThread({
        authorId: viewer.id,
        categoryId: category.id,
        title: data.title,
        body: data.body,
        mentioned,
        pending,
        hold,
        once: submission && { submission, target: (created) => landing(created.thread) },
      });
      return landing(result.thread);
    },
    {
      withAttachments: true,
      once: { scope: `forum:category:${formData.get("categoryId")}`, fields: ["title", "body"] },
    },
  );
}

export async function replyAction(_prev: ComposerState, formData: FormData): Promise<ComposerState> {
  return compose(
    NewReply,
    formData,
    async (data, viewer, pending, submission, mentioned) => {
      const thread = await getThread({ viewer, threadId: data.threadId });
      if (!thread) throw new AppError({ code: "not_found", message: "forumThreadGone" });
      if ((thread.locked || thread.closed) && !isModerator(viewer))
        throw new AppError({ code: "forbidden", message: "forumThreadClosed" });
      await checkPostingRate(viewer.id);
      const hold = await shouldHold(viewer);
      const landing = (number: number) =>
        hold ? withNotice(postHref(thread, number), "held") : postHref(thread, number);
      const result = await createReply({
        authorId: viewer.id,
        threadId: thread.id,
        body: data.body,
        mentioned,
        pending,
        hold,
        once: submission && { submission, target: (created) => landing(created.thread.number) },
      });
      return landing(result.number);
    },
    { withAttachments: true, once: { scope: `forum:thread:${formData.get("threadId")}`, fields: ["body"] } },
  );
}

export async function editPostAction(_prev: ComposerState, formData: FormData): Promise<ComposerState> {
  return compose(
    EditPost,
    formData,
    async (data, viewer, _pending, _submission, mentioned) => {
      const post = await getPost({ viewer, postId: data.postId });
      if (!post || post.status === "deleted")
        throw new AppError({ code: "not_found", message: "forumThreadGone" });
      const mod = isModerator(viewer);
      if ((post.authorId !== viewer.id && !mod) || (post.thread.locked && !mod))
        throw new AppError({ code: "not_found", message: "forumThreadGone" });
      await editPost({ postId: post.id, editorId: viewer.id, body: data.body, mentioned });
      return postHref(post.thread, post.number);
    },
    { withAttachments: false },
  );
}

/**
 * The author takes their post back (soft delete); it stays as a placeholder so numbering holds.
 * Only from the confirmation step (?delete=<post> on the thread page); not in a locked thread.
 */
export async function deletePostAction(formData: FormData) {
  const viewer = await member();
  const { postId, confirmed } = DeletePost.parse(Object.fromEntries(formData));
  const post = await getPost({ viewer, postId });
  if (!post || post.authorId !== viewer.id || post.status === "deleted") redirect("/forum");
  if (post.thread.locked && !isModerator(viewer)) redirect(postHref(post.thread, post.number));
  if (confirmed !== "yes") {
    const page = threadHref(post.thread, pageOfNumber(post.number));
    redirect(`${page}${page.includes("?") ? "&" : "?"}delete=${post.id}#confirm-heading`);
  }
  const { threadGone } = await setPostStatus({ postId, status: "deleted", actorId: viewer.id });
  revalidatePath("/forum", "layout");
  redirect(threadGone ? `/forum/c/${post.thread.categorySlug}` : postHref(post.thread, post.number));
}

/**
 * The author (or a coordinator) removes a post's earlier versions, only from the history page's
 * confirmation step (?confirm=delete). Anyone else is sent back to the history, which stays as it was.
 */
export async function removeVersionsAction(formData: FormData) {
  const viewer = await member();
  const { postId, confirmed } = DeletePost.parse(Object.fromEntries(formData));
  const post = await getPost({ viewer, postId });
  if (!post || post.status === "deleted") redirect("/forum");
  const history = historyHref(post.id);
  const own = post.authorId === viewer.id;
  if (!own && !isModerator(viewer)) redirect(history);
  if (confirmed !== "yes") redirect(`${history}?confirm=delete#confirm-heading`);
  await removeEarlierVersions({ postId, actorId: viewer.id, audit: !own });
  revalidatePath("/forum", "layout");
  redirect(withNotice(history, "removed"));
}

/** A coordinator takes back the hiding of a post: its report was closed when it was hidden. */
export async function restorePostAction(formData: FormData) {
  const viewer = await member();
  const { postId } = PostRef.parse(Object.fromEntries(formData));
  const post = isModerator(viewer) ? await getPost({ viewer, postId }) : null;
  if (post?.status !== "hidden") redirect("/forum");
  await setPostStatus({ postId, status: "visible", actorId: viewer.id, audit: true });
  revalidatePath("/forum", "layout");
  redirect(withNotice(postHref(post.thread, post.number), "restored"));
}

export async function reactAction(formData: FormData) {
  const viewer = await member();
  const parsed = Reaction.safeParse(parseReactionValue(formData.get("reaction")));
  if (!parsed.success) redirect("/forum");
  const post = await getPost({ viewer, postId: parsed.data.postId });
  if (post?.status !== "visible" || post.thread.locked) redirect("/forum");
  await setReaction({ postId: post.id, userId: viewer.id, emoji: parsed.data.emoji, give: parsed.data.give });
  revalidatePath("/forum", "layout");
  redirect(postHref(post.thread, post.number));
}

export async function watchAction(formData: FormData) {
  const viewer = await member();
  const parsed = Watch.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/forum");
  const { subjectType, subjectId, level, back } = parsed.data;
  const visible =
    subjectType === "thread"
      ? await getThread({ viewer, threadId: Number(subjectId) })
      : (await listCategories({ viewer })).find((c) => c.id === subjectId);
  if (visible)
    await setWatch({ userId: viewer.id, subjectType, subjectId, level: level === "none" ? null : level });
  redirect(back);
}

export async function moderateThreadAction(formData: FormData) {
  const viewer = await member();
  const parsed = ThreadModeration.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !isModerator(viewer)) redirect("/forum");
  const { threadId, op, categoryId } = parsed.data;
  const thread = await getThread({ viewer, threadId });
  if (!thread) redirect("/forum");
  const set =
    op === "move"
      ? (await listCategories({ viewer })).some((c) => c.id === categoryId)
        ? { categoryId: categoryId! }
        : {}
      : {
          pin: { pinned: true },
          unpin: { pinned: false },
          lock: { locked: true },
          unlock: { locked: false },
          close: { closed: true },
          open: { closed: false },
        }[op];
  await updateThreadFlags({ threadId, actorId: viewer.id, set });
  revalidatePath("/forum", "layout");
  redirect(threadHref(thread));
}

export type ReportState =
  | { status: "idle" }
  | { status: "error"; fieldErrors: FieldErrors; values: Record<string, string> }
  | { status: "success" };

export async function reportPostAction(_prev: ReportState, formData: FormData): Promise<ReportState> {
  const viewer = await member();
  const values = textValues(formData);
  const parsed = ReportInput.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: toFieldErrors(parsed.error), values };
  const post = await getPost({ viewer, postId: parsed.data.postId });
  if (!post) return { status: "error", fieldErrors: { reason: { key: "notFound" } }, values };
  try {
    await reportContent({
      reporterId: viewer.id,
      subjectType: "post",
      subjectId: String(post.id),
      reason: parsed.data.reason,
    });
  } catch (error) {
    // Reported already and still waiting for the coordinators: said beside the reason.
    if (!(error instanceof AppError && error.field)) throw error;
    return { status: "error", fieldErrors: { [error.field]: { key: error.message } }, values };
  }
  return { status: "success" };
}
