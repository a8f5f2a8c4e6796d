/**
 * Pages measured by `npm run bench`. Append a line for every page an issue sets a target for;
 * `as` picks the session cookie sent with each request (visitor sends none).
 */
import { benchMemberId, benchOrganisationSlug } from "./generate";
import { benchEventId } from "./generate-events";
import { BENCH_VIDEO_SLUG } from "./generate-faq";
import { BENCH_LONG_THREAD } from "./generate-forum";
import { benchConversationId } from "./generate-messages";

export type BenchRole = "visitor" | "member" | "coordinator";
export type BenchTarget = { name: string; path: string; as: BenchRole };

/** The floor: a dynamic page under the root layout that does nothing. Always measured first. */
export const BARE_TARGET: BenchTarget = { name: "bare", path: "/bench/bare", as: "visitor" };

/** Müller is among the surnames the generator draws twice as often; the filters narrow it to a few. */
const DIRECTORY_SEARCH = `q=${encodeURIComponent("Müller")}&topic=housing&language=ar`;

export const TARGETS: BenchTarget[] = [
  BARE_TARGET,
  { name: "landing", path: "/", as: "visitor" },
  { name: "health", path: "/api/health", as: "visitor" },
  { name: "signup-form", path: "/signup", as: "visitor" },
  { name: "signup-queue", path: "/admin/signups", as: "coordinator" },
  { name: "directory", path: `/members?${DIRECTORY_SEARCH}`, as: "member" },
  { name: "directory-browse", path: "/members", as: "member" },
  // member 2, not 1: the bench member viewing its own profile would skip the visibility rules
  { name: "profile", path: `/members/${benchMemberId(2)}`, as: "member" },
  { name: "organisations", path: "/organisations", as: "visitor" },
  { name: "organisation", path: `/organisations/${benchOrganisationSlug(1)}`, as: "visitor" },
  { name: "events", path: "/events", as: "visitor" },
  // Visitors' FAQ, video, landing and events pages come from the page cache (lib/page-cache); the
  // search, the filters and a signed-in member take the dynamic path.
  { name: "faq", path: "/faq", as: "visitor" },
  { name: "faq-search", path: `/faq?q=${encodeURIComponent("Sprachkurs")}`, as: "visitor" },
  { name: "faq-member", path: "/faq", as: "member" },
  { name: "videos", path: "/videos", as: "visitor" },
  { name: "video", path: `/videos/${BENCH_VIDEO_SLUG}`, as: "visitor" },
  { name: "events-filtered", path: "/events?format=in_person&language=ar&topic=counselling", as: "member" },
  {
    name: "events-filtered-visitor",
    path: "/events?format=in_person&language=ar&topic=counselling",
    as: "visitor",
  },
  { name: "event", path: `/events/${benchEventId()}`, as: "member" },
  // A visitor's events list (above) and public event pages come from the page cache too.
  { name: "event-visitor", path: `/events/${benchEventId()}`, as: "visitor" },
  // Forum: 1M posts in 50,000 threads. Thread 2 is in a public category; thread 1 has 10,000 posts.
  { name: "forum-categories", path: "/forum", as: "member" },
  { name: "forum-thread", path: "/forum/t/2/frage-2", as: "member" },
  { name: "forum-thread-visitor", path: "/forum/t/2/frage-2", as: "visitor" },
  {
    name: "forum-thread-deep",
    path: `/forum/t/${BENCH_LONG_THREAD}/frage-${BENCH_LONG_THREAD}?page=500`,
    as: "member",
  },
  { name: "forum-search", path: `/search?q=${encodeURIComponent("Kaution Naumburg")}`, as: "member" },
  // One common word, as most searches are: its page fills from the newest posts.
  { name: "forum-search-word", path: `/search?q=${encodeURIComponent("Wohnung")}`, as: "member" },
  // A common word by the 200-odd members named Müller (the generator's most common surname).
  {
    name: "forum-search-author",
    path: `/search?q=${encodeURIComponent("Wohnung")}&author=${encodeURIComponent("Müller")}`,
    as: "member",
  },
  // A word no post has (a typo, a rare word): the newest posts are read in order, the rest asked of the index.
  { name: "forum-search-none", path: `/search?q=${encodeURIComponent("Zahnarztpraxis")}`, as: "member" },
  // Messages: 200,000 in 20,000 conversations; member 1 takes part in 200, conversation 1 has 5,000.
  { name: "messages-list", path: "/messages", as: "member" },
  { name: "conversation", path: `/messages/${benchConversationId(1)}`, as: "member" },
];
