import "server-only";
import { eq, type SQL, sql } from "drizzle-orm";
import { type Executor, rowsOf } from "@/db/client";
import { containing } from "@/db/like";
import { forumPostRevisions, forumPosts, users } from "@/db/schema";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { namespaceTranslator } from "@/lib/i18n/translator";
import { profileLinks, type WithheldPerson, withholdNames, withholdNamesInMarkdown } from "./render";

/**
 * Takes an erased member's name out of every forum post and earlier version that names them (their
 * mentions, quotes of them, also under a name they had before): the text stays, their name becomes
 * "Ehemaliges Mitglied". The stored Markdown and HTML are rewritten in the deletion's transaction,
 * so search (whose index the database derives from the Markdown) no longer finds the posts by it.
 */
export async function eraseNameFromPosts(tx: Executor, userId: string): Promise<void> {
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  const name = user?.name?.trim();
  const linked = sql`(${forumPosts.bodyHtml} like ${containing(`/members/${userId}"`)}
    or ${forumPosts.body} like ${containing(`(/members/${userId})`)})`;
  const named: SQL = name
    ? sql`(${forumPosts.search} @@ phraseto_tsquery('german', ${name}) or ${linked})`
    : linked;
  const posts = await tx
    .select({
      id: forumPosts.id,
      threadId: forumPosts.threadId,
      body: forumPosts.body,
      bodyHtml: forumPosts.bodyHtml,
    })
    .from(forumPosts)
    .where(named);
  // Names they were mentioned by before a change of name are the links' texts.
  const names = new Set(name ? [name] : []);
  for (const post of posts)
    for (const link of profileLinks(post.bodyHtml)) {
      const old = link.text.replace(/^@/, "").trim();
      if (link.id === userId && old) names.add(old);
    }
  // Others' mentions in the post stay as they are, also where their name begins like one of these.
  const othersMentioned = (html: string) =>
    profileLinks(html)
      .filter((link) => link.id !== userId && link.text.startsWith("@"))
      .map((link) => link.text);
  const threads = rowsOf<{ thread_id: number }>(
    await tx.execute(sql`select distinct thread_id from forum_posts where author_id = ${userId}`),
  ).map((r) => Number(r.thread_id));
  const people: WithheldPerson[] = [...names].map((n) => ({ id: userId, name: n, threads }));
  const label = namespaceTranslator(DEFAULT_LOCALE, "forum")("formerMember");

  for (const post of posts) {
    const body = withholdNamesInMarkdown(
      post.body,
      people,
      label,
      post.threadId,
      othersMentioned(post.bodyHtml),
    );
    const bodyHtml = withholdNames(post.bodyHtml, people, label, post.threadId);
    if (body !== post.body || bodyHtml !== post.bodyHtml)
      await tx.update(forumPosts).set({ body, bodyHtml }).where(eq(forumPosts.id, post.id));
  }

  const patterns = [...names, `(/members/${userId})`].map((n) => sql`r.body ilike ${containing(n)}`);
  const revisions = rowsOf<{ id: string; body: string; thread_id: number; body_html: string }>(
    await tx.execute(sql`select r.id, r.body, p.thread_id, p.body_html from ${forumPostRevisions} r
      join ${forumPosts} p on p.id = r.post_id
      where ${sql.join(patterns, sql` or `)}`),
  );
  for (const revision of revisions) {
    const body = withholdNamesInMarkdown(
      revision.body,
      people,
      label,
      Number(revision.thread_id),
      othersMentioned(revision.body_html),
    );
    if (body !== revision.body)
      await tx.update(forumPostRevisions).set({ body }).where(eq(forumPostRevisions.id, revision.id));
  }
}
