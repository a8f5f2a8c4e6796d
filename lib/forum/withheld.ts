import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { VISIBILITY } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { namespaceTranslator } from "@/lib/i18n/translator";
import { nameAt } from "@/lib/members/visibility";
import { profileLinkIds, type WithheldPerson, withholdNamesInText } from "./render";
import { mentionCandidates, plainQuoteAuthors } from "./utils";

/**
 * Whom a post's text names: ids of members it links to (mentions, quotes' authors), the candidates
 * of its "@Name"s (quoted ones too) and the names in quote headers of the older, unlinked form.
 * From the stored HTML where there is one, else from the Markdown's links.
 */
export type NamedIn = { ids: string[]; mentions: string[]; quoteAuthors: string[] };

const MARKDOWN_PROFILE_LINK = /\]\(\/members\/([^)\s"/?#]+)\)/g;

export function namedIn(post: { body: string; bodyHtml?: string }): NamedIn {
  return {
    ids:
      post.bodyHtml !== undefined
        ? profileLinkIds(post.bodyHtml)
        : [...new Set([...post.body.matchAll(MARKDOWN_PROFILE_LINK)].map((m) => m[1]!))],
    mentions: mentionCandidates(post.body, { inQuotes: true }).flat(),
    quoteAuthors: plainQuoteAuthors(post.body),
  };
}

/** Whether `person` is one `named` names: linked, @-mentioned, or a quoted author of this thread. */
export const namesPerson = (named: NamedIn, person: WithheldPerson, threadId: number): boolean => {
  const name = person.name.toLowerCase();
  return (
    named.ids.includes(person.id) ||
    named.mentions.includes(name) ||
    (named.quoteAuthors.includes(name) && person.threads.includes(threadId))
  );
};

/**
 * Of the people these posts name, those whose names visitors may not see, with the threads (of
 * `threadIds`) they wrote in: one query for a page of posts, none when the page names nobody.
 */
export async function findWithheldForVisitors(
  named: NamedIn[],
  threadIds: number[],
  /** A visitor's search words: each person then says whether a word of their name is one of them. */
  query?: string,
): Promise<(WithheldPerson & { inQuery?: boolean })[]> {
  const ids = [...new Set(named.flatMap((n) => n.ids))];
  const names = [...new Set(named.flatMap((n) => [...n.mentions, ...n.quoteAuthors]))];
  if (ids.length === 0 && names.length === 0) return [];
  const seen = nameAt(VISIBILITY.public, sql`u.name`, sql`pr.vis_name`);
  const threads = threadIds.length > 0 ? sql`fp.thread_id in ${threadIds}` : sql`false`;
  const db = await getDb();
  const rows = await db.execute(sql`select u.id, u.name,
      array(select distinct fp.thread_id from forum_posts fp where fp.author_id = u.id and ${threads}) as threads
    ${
      query
        ? sql`, tsvector_to_array(to_tsvector('german', u.name)) && tsvector_to_array(to_tsvector('german', ${query})) as "inQuery"`
        : sql``
    }
    from users u left join profiles pr on pr.user_id = u.id
    where ${seen.withheld}
      and (${ids.length > 0 ? sql`u.id in ${ids}` : sql`false`}
        or ${names.length > 0 ? sql`lower(u.name) in ${names}` : sql`false`})`);
  return rowsOf<WithheldPerson & { inQuery?: boolean }>(rows).map((r) => ({
    ...r,
    threads: r.threads.map(Number),
  }));
}

/**
 * For a visitor's search page: plain texts (search snippets) with the names their source Markdown
 * mentions or quotes replaced by "Mitglied des Netzwerks" where visitors may not see them; also, per
 * item, the names withheld in it that share a word with the search words (a hit may have been found
 * by those alone), and the label shown.
 */
export async function withholdInItems(
  items: { threadId: number; source: string; text: string }[],
  locale: Locale,
  query?: string,
): Promise<{ texts: string[]; queried: string[][]; label: string }> {
  const label = namespaceTranslator(locale, "forum")("withheldName");
  const named = items.map((item) => namedIn({ body: item.source }));
  const withheld = await findWithheldForVisitors(
    named,
    [...new Set(items.map((item) => item.threadId))],
    query,
  );
  const people = items.map((item, i) =>
    withheld.filter((person) => namesPerson(named[i]!, person, item.threadId)),
  );
  return {
    texts: items.map((item, i) =>
      people[i]!.length === 0
        ? item.text
        : withholdNamesInText(
            item.text,
            people[i]!.map((p) => p.name),
            label,
          ),
    ),
    queried: people.map((found) => found.filter((p) => p.inQuery).map((p) => p.name)),
    label,
  };
}
