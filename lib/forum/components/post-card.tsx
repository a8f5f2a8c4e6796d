import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { dateTimeFormat } from "@/lib/i18n/date-time";
import { deletePostAction, reactAction } from "../actions";
import type { PostView } from "../data";
import { REACTIONS, reactionValue } from "../utils";

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

/** One post: author, time, text (sanitised HTML), attachments, reactions and what this viewer may do. */
export function PostCard({
  post,
  labels,
  threadHref,
  viewerId,
  moderator,
  canReact,
  canReply,
  picking,
  isFirstUnread,
}: {
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
}) {
  const { t, when, reaction } = labels;
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
    shown.length > 0 ? (
      <fieldset aria-label={t("reactions")} className="flex min-w-0 flex-wrap gap-1">
        {shown.map(({ emoji, count, mine }) => {
          const text = count > 0 ? `${emoji} ${count}` : emoji;
          return canReact ? (
            <button
              key={emoji}
              type="submit"
              form={REACTION_FORM}
              name="reaction"
              value={reactionValue(post.id, emoji)}
              aria-pressed={mine}
              aria-label={reaction(emoji, count)}
              className="post-action reaction"
            >
              {text}
            </button>
          ) : (
            <span key={emoji} role="img" aria-label={reaction(emoji, count)} className="post-action">
              {text}
            </span>
          );
        })}
      </fieldset>
    ) : null;
  return (
    <article id={`post-${post.number}`} aria-labelledby={`post-${post.number}-author`} className="post-card">
      {isFirstUnread ? (
        <p id="new" className="-mt-1 mb-3 border-b-2 border-brand pb-1 text-sm font-bold text-brand">
          {t("newSinceLastVisit")}
        </p>
      ) : null}
      <header className="post-head">
        <h3 id={`post-${post.number}-author`} className="font-bold">
          {post.authorId && post.authorName ? (
            <a href={`/members/${post.authorId}`}>{post.authorName}</a>
          ) : (
            t("formerMember")
          )}
        </h3>
        <p className="text-sm text-muted">
          <a href={`${threadHref}#post-${post.number}`} className="text-muted">
            #{post.number}
          </a>{" "}
          · <time dateTime={post.createdAt.toISOString()}>{when(post.createdAt)}</time>
          {post.editCount > 0 && readable ? (
            <>
              {" · "}
              <a href={`/forum/p/${post.id}/history`}>{t("edited", { count: post.editCount })}</a>
            </>
          ) : null}
        </p>
      </header>
      {post.status === "pending" ? (
        <p className="mb-2 rounded bg-amber-50 p-2 text-sm font-semibold">{t("pendingNote")}</p>
      ) : null}
      {post.status === "hidden" ? (
        <p className="mb-2 rounded bg-gray-100 p-2 text-sm font-semibold">{t("hiddenNote")}</p>
      ) : null}
      {post.status === "deleted" ? (
        <p className="mb-2 rounded bg-gray-100 p-2 text-sm font-semibold">{t("deletedNote")}</p>
      ) : null}
      {readable && (post.status !== "deleted" || moderator) ? (
        <div
          className="forum-body prose-legal"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised on the server when saved
          dangerouslySetInnerHTML={{ __html: post.bodyHtml! }}
        />
      ) : null}
      {post.attachments.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-3" aria-label={t("composer.attachments")}>
          {post.attachments.map((a) => (
            <li key={a.id}>
              {a.contentType.startsWith("image/") ? (
                <a href={`/forum/attachments/${a.id}`}>
                  {/* biome-ignore lint/performance/noImgElement: our own re-encoded image behind the forum's access check */}
                  <img
                    src={`/forum/attachments/${a.id}`}
                    alt={t("imageAlt", { name: a.filename })}
                    width={a.width}
                    height={a.height}
                    loading="lazy"
                    className="h-auto max-h-80 max-w-full rounded border border-gray-300"
                  />
                </a>
              ) : (
                <a href={`/forum/attachments/${a.id}`} className="post-action">
                  {t("pdfLink", { name: a.filename })}
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {post.status === "visible" ? (
        <footer className="post-foot">
          {reactionList}
          {canReact && !picking ? (
            <a href={`${withParam("react")}#post-${post.number}`} className="post-action">
              {t("react")}
            </a>
          ) : null}
          <div className="post-tools">
            {canReply ? (
              <a href={`${withParam("quote")}#reply`} className="post-action">
                {t("quote")}
              </a>
            ) : null}
            {(own || moderator) && canReact ? (
              <a href={`/forum/p/${post.id}/edit`} className="post-action">
                {t("edit")}
              </a>
            ) : null}
            {own ? (
              <form action={deletePostAction}>
                <input type="hidden" name="postId" value={post.id} />
                <button type="submit" className="post-action text-danger">
                  {t("delete")}
                </button>
              </form>
            ) : null}
            {viewerId && !own ? (
              <a href={`/forum/p/${post.id}/report`} className="post-action">
                {t("report")}
              </a>
            ) : null}
          </div>
        </footer>
      ) : null}
    </article>
  );
}
