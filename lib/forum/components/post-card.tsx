import { cache } from "react";
import { fileNameAsWords } from "@/lib/forms/file-name";
import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { type Html, html, trustedHtml } from "@/lib/ui/html";
import { reactAction, restorePostAction } from "../actions";
import type { PostView } from "../post-data";
import { historyHref, REACTIONS, reactionValue } from "../utils";

/**
 * What the posts of one page label alike, worked out once per request and handed to every card (so
 * the cards need not be async): twenty posts ask for the same few reaction labels (most often "no
 * reactions yet"), each a plural rule to format.
 */
export const loadPostLabels = cache(async () => {
  const [t, when] = await Promise.all([getTranslations("forum"), dateTimeFormat()]);
  const reactions = new Map<string, string>();
  return {
    t,
    when,
    /** The labels every post repeats, looked up once. */
    text: {
      reactions: t("reactions"),
      react: t("react"),
      quote: t("quote"),
      edit: t("edit"),
      delete: t("delete"),
      report: t("report"),
      restore: t("restore"),
      formerMember: t("formerMember"),
      withheldName: t("withheldName"),
      attachments: t("composer.attachments"),
    },
    reaction(emoji: string, count: number) {
      const key = `${emoji} ${count}`;
      let label = reactions.get(key);
      if (label === undefined) {
        label = t("reactionLabel", { emoji, count });
        reactions.set(key, label);
      }
      return label;
    },
  };
});

export type PostLabels = Awaited<ReturnType<typeof loadPostLabels>>;

/** The id of the page's one reaction form (<ReactionForm />), which every post's buttons submit. */
const REACTION_FORM = "reactions";

/**
 * The form behind every reaction button of a page: one form instead of one per post, each button
 * sends "post id, emoji" as its value. Works without JavaScript (the buttons' form attribute).
 */
export function ReactionForm() {
  return <form id={REACTION_FORM} action={reactAction} />;
}

/** The id of the page's one restore form (<RestorePostForm />), for coordinators on hidden posts. */
const RESTORE_FORM = "restore-post";

/** The form behind the "restore" button of hidden posts, one per page like <ReactionForm />. */
export function RestorePostForm() {
  return <form id={RESTORE_FORM} action={restorePostAction} />;
}

type PostCardProps = {
  post: PostView;
  labels: PostLabels;
  threadHref: string;
  viewerId: string | null;
  moderator: boolean;
  canReact: boolean;
  canReply: boolean;
  /** This viewer, who may react, asked to react to this post (?react=id): all five are offered. */
  picking: boolean;
  isFirstUnread: boolean;
};

/**
 * One post in its list item: author, time, text (sanitised HTML), attachments, reactions and what
 * this viewer may do. Written as an HTML string (lib/ui/html.ts): twenty posts as React elements
 * made up most of a thread page's elements and of the server's time per page. Its buttons submit
 * the page's <ReactionForm /> and <RestorePostForm />, so the card needs no React; "delete" leads to
 * the page's confirmation step.
 */
export function PostCard(props: PostCardProps) {
  return <HtmlElement as="li" html={postCardHtml(props)} />;
}

function postCardHtml({
  post,
  labels,
  threadHref,
  viewerId,
  moderator,
  canReact,
  canReply,
  picking,
  isFirstUnread,
}: PostCardProps): Html {
  const { t, text, when, reaction } = labels;
  const own = viewerId !== null && post.authorId === viewerId;
  const readable = post.bodyHtml !== null;
  const withParam = (name: string) =>
    `${threadHref}${threadHref.includes("?") ? "&" : "?"}${name}=${post.id}`;
  // Only the reactions given, plus all five while this viewer picks one: five buttons on each of twenty
  // posts made up a third of a thread page and of its rendering time.
  const shown = REACTIONS.flatMap((emoji) => {
    const r = post.reactions.find((x) => x.emoji === emoji);
    return r || picking ? [{ emoji, count: r?.count ?? 0, mine: r?.mine ?? false }] : [];
  });
  const reactionList =
    shown.length > 0
      ? html`<fieldset aria-label="${text.reactions}" class="flex min-w-0 flex-wrap gap-1">${shown.map(
          ({ emoji, count, mine }) => {
            const text = count > 0 ? `${emoji} ${count}` : emoji;
            return canReact
              ? html`<button type="submit" form="${REACTION_FORM}" name="reaction" value="${reactionValue(post.id, emoji, !mine)}" aria-pressed="${String(mine)}" aria-label="${reaction(emoji, count)}" class="post-action reaction">${text}</button>`
              : html`<span role="img" aria-label="${reaction(emoji, count)}" class="post-action">${text}</span>`;
          },
        )}</fieldset>`
      : null;
  const statusNote = (
    status: PostView["status"],
    note: "pendingNote" | "hiddenNote" | "deletedNote",
    colour: string,
  ) =>
    post.status === status
      ? html`<p class="mb-2 rounded ${colour} p-2 text-sm font-semibold">${t(note)}</p>`
      : null;
  const attachments = post.attachments.map((a) => {
    const href = `/forum/attachments/${a.id}`;
    return a.contentType.startsWith("image/")
      ? html`<li><a href="${href}"><img src="${href}" alt="${t("imageAlt", { name: fileNameAsWords(a.filename) })}" width="${a.width}" height="${a.height}" loading="lazy" class="h-auto max-h-80 max-w-full rounded border border-gray-300"></a></li>`
      : html`<li><a href="${href}" class="post-action">${t("pdfLink", { name: a.filename })}</a></li>`;
  });
  const footer = html`<footer class="post-foot">${reactionList}${
    canReact && !picking
      ? html`<a href="${withParam("react")}#post-${post.number}" class="post-action">${text.react}</a>`
      : null
  }<div class="post-tools">${
    canReply ? html`<a href="${withParam("quote")}#reply" class="post-action">${text.quote}</a>` : null
  }${
    (own || moderator) && canReact
      ? html`<a href="/forum/p/${post.id}/edit" class="post-action">${text.edit}</a>`
      : null
  }${
    own && canReact
      ? html`<a href="${withParam("delete")}#confirm-heading" class="post-action text-danger">${text.delete}</a>`
      : null
  }${
    viewerId && !own
      ? html`<a href="/forum/p/${post.id}/report" class="post-action">${text.report}</a>`
      : null
  }</div></footer>`;
  return html`<article id="post-${post.number}" aria-labelledby="post-${post.number}-author" class="post-card">${
    isFirstUnread
      ? html`<p id="new" class="-mt-1 mb-3 border-b-2 border-brand pb-1 text-sm font-bold text-brand">${t("newSinceLastVisit")}</p>`
      : null
  }<header class="post-head"><h3 id="post-${post.number}-author" class="font-bold">${
    post.authorId && post.authorName
      ? html`<a href="/members/${post.authorId}"><bdi>${post.authorName}</bdi></a>`
      : post.authorWithheld
        ? text.withheldName
        : text.formerMember
  }</h3><p class="text-sm text-muted"><a href="${threadHref}#post-${post.number}" class="text-muted">#${post.number}</a> · <time datetime="${post.createdAt.toISOString()}">${when(post.createdAt)}</time>${
    post.editCount > 0 && readable
      ? viewerId
        ? html` · <a href="${historyHref(post.id)}">${t("edited", { count: post.editCount })}</a>`
        : html` · ${t("edited", { count: post.editCount })}`
      : null
  }</p></header>${statusNote("pending", "pendingNote", "bg-amber-50")}${statusNote("hidden", "hiddenNote", "bg-gray-100")}${statusNote("deleted", "deletedNote", "bg-gray-100")}${
    readable && (post.status !== "deleted" || moderator)
      ? html`<div dir="auto" class="forum-body prose-legal">${trustedHtml(post.bodyHtml!)}</div>`
      : null
  }${
    attachments.length > 0
      ? html`<ul class="mt-3 flex flex-wrap gap-3" aria-label="${text.attachments}">${attachments}</ul>`
      : null
  }${
    post.status === "visible"
      ? footer
      : post.status === "hidden" && moderator
        ? html`<footer class="post-foot"><div class="post-tools"><button type="submit" form="${RESTORE_FORM}" name="postId" value="${post.id}" class="post-action">${text.restore}</button></div></footer>`
        : null
  }</article>`;
}
