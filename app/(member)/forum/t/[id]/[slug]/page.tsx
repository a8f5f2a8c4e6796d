import type { Metadata } from "next";
import { getLoginHref, getViewer } from "@/lib/auth/viewer";
import { deletePostAction, replyAction } from "@/lib/forum/actions";
import { CategoryBadge } from "@/lib/forum/components/category-badge";
import { Composer } from "@/lib/forum/components/composer";
import { Pagination } from "@/lib/forum/components/pagination";
import { loadPostLabels, PostCard, ReactionForm, RestorePostForm } from "@/lib/forum/components/post-card";
import { ThreadModeration } from "@/lib/forum/components/thread-moderation";
import { WatchForm } from "@/lib/forum/components/watch-form";
import { ACCEPTED_ATTACHMENT_TYPES } from "@/lib/forum/constants";
import { listCategories } from "@/lib/forum/data";
import { loadQuote, loadThreadPage } from "@/lib/forum/loaders";
import { getRemovalScope } from "@/lib/forum/removal";
import { postHref, quoteMarkdown, threadHref } from "@/lib/forum/utils";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getRequestLocale, getTranslations } from "@/lib/i18n/server";
import { newSubmissionKey } from "@/lib/submissions/utils";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { ConfirmPanel } from "@/lib/users/components/confirm-panel";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string; slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { thread, page } = await loadThreadPage((await params).id, (await searchParams).page);
  const t = await getTranslations("forum");
  return { title: page > 1 ? `${thread.title} – ${t("pageLabel", { page })}` : thread.title };
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [data, labels] = await Promise.all([loadThreadPage(id, query.page), loadPostLabels()]);
  const { viewer, thread, posts, page, pages, watch, lastRead, moderator, canReply } = data;
  const { t } = labels;
  const base = threadHref(thread);
  const here = threadHref(thread, page);
  const quote = canReply ? await loadQuote(thread.id, query.quote) : null;
  const categories = moderator ? await listCategories({ viewer, locale: await getRequestLocale() }) : [];
  const firstUnread = lastRead !== null ? thread.firstUnread : null;
  const canReact = viewer !== null && (!thread.locked || moderator);
  const reactingTo = canReact ? Number(query.react) : null;
  // The second step of "delete" (the action checks again): one of the viewer's own posts on this page.
  const deleting = canReact
    ? posts.find((p) => String(p.id) === query.delete && p.authorId === viewer?.id && p.status === "visible")
    : undefined;
  // Whether deleting it takes the whole thread along (an opening post nobody else answered).
  const wholeThread = deleting ? (await getRemovalScope(deleting.id))?.deleteTakesThread : false;
  return (
    <>
      <p className="mb-2">
        <a href="/forum">{t("title")}</a>{" "}
        <span aria-hidden="true" className="inline-block rtl:rotate-180">
          ›
        </span>{" "}
        <CategoryBadge
          name={thread.categoryName}
          color={thread.categoryColor}
          href={`/forum/c/${thread.categorySlug}`}
        />
      </p>
      <h1 className="mb-2 text-3xl font-bold break-words">
        <bdi>{thread.title}</bdi>
      </h1>
      <p className="mb-4 flex flex-wrap gap-2 text-sm">
        {thread.pinned ? (
          <span className="rounded bg-amber-100 px-2 font-semibold">{t("pinned")}</span>
        ) : null}
        {thread.locked ? <span className="rounded bg-gray-200 px-2 font-semibold">{t("locked")}</span> : null}
        {thread.closed ? <span className="rounded bg-gray-200 px-2 font-semibold">{t("closed")}</span> : null}
        <span className="text-muted">{t("replies", { count: thread.replyCount })}</span>
      </p>
      {query.held ? <FormAlert kind="success">{t("heldNotice")}</FormAlert> : null}
      {query.restored && moderator ? <FormAlert kind="success">{t("restoredNotice")}</FormAlert> : null}
      {viewer ? (
        <div className="mb-4 flex flex-wrap items-center gap-4">
          <WatchForm subjectType="thread" subjectId={String(thread.id)} level={watch} back={here} />
          {firstUnread ? (
            <a
              href={postHref(thread, firstUnread).replace(`#post-${firstUnread}`, "#new")}
              className="inline-flex min-h-11 items-center font-semibold"
            >
              {t("jumpToNew")}
            </a>
          ) : null}
        </div>
      ) : null}
      {moderator ? <ThreadModeration thread={thread} categories={categories} /> : null}
      {deleting ? (
        <ConfirmPanel
          heading={
            wholeThread
              ? t("deleteConfirm.threadHeading", { title: thread.title })
              : t("deleteConfirm.heading", { number: deleting.number })
          }
          explanation={t(
            wholeThread
              ? "deleteConfirm.wholeThread"
              : deleting.number === 1
                ? "deleteConfirm.firstPost"
                : "deleteConfirm.reply",
          )}
          confirmLabel={t("deleteConfirm.confirm")}
          cancelLabel={t("deleteConfirm.keep")}
          cancelHref={`${here}#post-${deleting.number}`}
          action={deletePostAction}
          fields={{ postId: String(deleting.id), confirmed: "yes" }}
          danger
        />
      ) : null}
      <Pagination page={page} pages={pages} href={(p) => threadHref(thread, p)} />
      <h2 className="sr-only">{t("posts")}</h2>
      {canReact ? <ReactionForm /> : null}
      {moderator ? <RestorePostForm /> : null}
      <ol className="flex flex-col gap-4">
        {posts.map((post) => (
          <PostCard
            key={post.id}
            post={post}
            labels={labels}
            threadHref={here}
            viewerId={viewer?.id ?? null}
            moderator={moderator}
            canReact={canReact}
            canReply={canReply}
            picking={post.id === reactingTo}
            isFirstUnread={post.number === firstUnread}
          />
        ))}
      </ol>
      <Pagination page={page} pages={pages} href={(p) => threadHref(thread, p)} />
      <section id="reply" aria-labelledby="reply-heading" className="mt-8 max-w-3xl scroll-mt-4">
        <h2 id="reply-heading" className="mb-3 text-2xl font-bold">
          {t("reply")}
        </h2>
        {canReply ? (
          <ClientMessages namespaces={["forum.composer", "forum.errors", "errors"]}>
            <Composer
              key={quote?.id ?? "reply"}
              mode="reply"
              action={replyAction}
              hidden={{ threadId: String(thread.id) }}
              threadId={thread.id}
              initialBody={
                quote
                  ? quoteMarkdown(
                      {
                        id: quote.authorName ? quote.authorId : null,
                        name: quote.authorName ?? t("formerMember"),
                      },
                      quote.body,
                    )
                  : ""
              }
              acceptedTypes={ACCEPTED_ATTACHMENT_TYPES}
              submissionKey={newSubmissionKey()}
            />
          </ClientMessages>
        ) : viewer ? (
          <p>{t("closedNote")}</p>
        ) : (await getViewer()) ? (
          // signed in, but an applicant waiting for approval
          <p>
            {t("applicantToReply")}{" "}
            <a href="/application" className="font-semibold">
              {t("applicantLink")}
            </a>
          </p>
        ) : (
          <p>
            {t("loginToReply")}{" "}
            <a href={await getLoginHref()} className="font-semibold">
              {t("visitorLogin")}
            </a>
          </p>
        )}
      </section>
      <p className="mt-6">
        <a href={base}>{t("backToStart")}</a>
      </p>
    </>
  );
}
