import { getTranslations } from "@/lib/i18n/server";
import { countUnread } from "../data";

const navLink = "inline-flex min-h-11 items-center gap-1 rounded px-3 font-semibold";
const badge =
  "inline-flex min-w-6 items-center justify-center rounded-full bg-brand px-1.5 text-sm text-white";

/** "Nachrichten" and "Benachrichtigungen" in the header, each with its unread count (one query). */
export async function HeaderMessageLinks({ userId }: { userId: string }) {
  const [tm, tn, { conversations, notifications }] = await Promise.all([
    getTranslations("messages"),
    getTranslations("notifications"),
    countUnread(userId),
  ]);
  const shown = (n: number) => (n > 99 ? "99+" : String(n));
  return (
    <>
      <li>
        <a href="/messages" className={navLink}>
          <span aria-hidden={conversations > 0 ? true : undefined}>{tm("nav")}</span>
          {conversations > 0 ? (
            <>
              <span aria-hidden="true" className={badge}>
                {shown(conversations)}
              </span>
              <span className="sr-only">{tm("navUnread", { count: conversations })}</span>
            </>
          ) : null}
        </a>
      </li>
      <li>
        <a href="/notifications" className={navLink}>
          <span aria-hidden={notifications > 0 ? true : undefined}>{tn("navLabel")}</span>
          {notifications > 0 ? (
            <>
              <span aria-hidden="true" className={badge}>
                {shown(notifications)}
              </span>
              <span className="sr-only">{tn("navUnread", { count: notifications })}</span>
            </>
          ) : null}
        </a>
      </li>
    </>
  );
}
