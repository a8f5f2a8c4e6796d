import "server-only";
import { and, ne } from "drizzle-orm";
import { users } from "@/db/schema";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { suggestMembers } from "@/lib/members/data";
import { viewerLevel } from "@/lib/members/visibility";
import { hitRateLimit } from "@/lib/rate-limit/mutations";
import {
  MENTION_QUERY_MAX,
  MENTION_QUERY_MIN_LETTERS,
  type MentionSuggestion,
} from "./components/mention-query";
import { getReadableCategoryId } from "./data";
import { mentionCandidates } from "./utils";
import { forumViewer, mayReadCategory } from "./visibility";

export const MENTION_SUGGESTIONS = 8;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "private, no-store", ...headers } });

/** Whether "@name" in a post resolves to this name again (lib/forum/notify.ts resolveMentions). */
const mentionable = (name: string) => mentionCandidates(`@${name}`)[0]?.[0] === name.toLowerCase();

/** The thread (?thread=12) or the new thread's category (?category=…) the composer asks for. */
function scopeOf(params: URLSearchParams): { threadId: number } | { categoryId: string } | null {
  const thread = params.get("thread");
  const category = params.get("category");
  if (thread !== null && category === null) {
    const threadId = Number(thread);
    return Number.isSafeInteger(threadId) && threadId > 0 ? { threadId } : null;
  }
  return category && thread === null && category.length <= 100 ? { categoryId: category } : null;
}

/**
 * The composer's "@Na…" suggestions: approved members only (a visitor gets 401, anyone else 404), for
 * a thread or category the asker may read (400 without one, 404 for one they may not), offering only
 * other members who may read it too, each as the directory shows them to members, and only those "@Name"
 * will link to.
 */
export async function mentionSuggestionsResponse(request: Request): Promise<Response> {
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return json({ error: "unauthorized" }, 401);
  if (viewer.status !== "approved" || viewer.needsConsent) return json({ error: "not_found" }, 404);
  const params = new URL(request.url).searchParams;
  const where = scopeOf(params);
  if (!where) return json({ error: "bad_request" }, 400);
  const q = (params.get("q") ?? "").trim().slice(0, MENTION_QUERY_MAX);
  if ((q.match(/\p{L}/gu)?.length ?? 0) < MENTION_QUERY_MIN_LETTERS) return json({ members: [] });
  // Members may browse the directory anyway; this only keeps a script from hammering the database.
  const rate = await hitRateLimit({ key: `forum:mentions:${viewer.id}`, limit: 120, windowSeconds: 60 });
  if (!rate.allowed)
    return json({ error: "rate_limited" }, 429, { "Retry-After": String(rate.retryAfterSeconds) });
  const categoryId = await getReadableCategoryId({ viewer: forumViewer(viewer), where });
  if (!categoryId) return json({ error: "not_found" }, 404);
  // A few more than are shown, for names "@Name" cannot link to (too many words, rare). Never
  // the asker: nobody means to mention themselves, and their name would crowd out the others'.
  const found = await suggestMembers({
    level: viewerLevel(viewer),
    q,
    limit: MENTION_SUGGESTIONS * 2,
    among: and(mayReadCategory(categoryId), ne(users.id, viewer.id)),
  });
  const members: MentionSuggestion[] = found
    .filter((m) => mentionable(m.name))
    .slice(0, MENTION_SUGGESTIONS)
    .map((m) => ({
      id: m.id,
      name: m.name,
      detail: [m.jobFunction, m.organisation].filter(Boolean).join(", "),
    }));
  return json({ members });
}
