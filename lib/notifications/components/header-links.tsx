import { cache } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { BellIcon, EnvelopeIcon } from "@/lib/ui/components/icons";
import { countUnread } from "../data";

const navLink = "inline-flex min-h-11 items-center gap-1 rounded px-3 font-semibold";
const badge =
  "inline-flex min-w-6 items-center justify-center rounded-full bg-brand px-1.5 text-sm text-white";
// The phone header's icon links, at least 44 px each way; the count on the icon's upper inline-end corner.
const iconLink = "relative inline-flex h-11 w-10 items-center justify-center rounded";
const cornerBadge = `${badge} absolute end-0 top-0 ring-2 ring-white`;

// The header renders the links twice (wide and phone layouts): one query per request.
const unreadCounts = cache(countUnread);

/**
 * "Nachrichten" and "Benachrichtigungen" in the header, each with its unread count (one query).
 * `compact`: the phone's top bar, an icon with the count; the name stays the link's text (`sr-only`).
 */
export async function HeaderMessageLinks({ userId, compact = false }: { userId: string; compact?: boolean }) {
  const [tm, tn, { conversations, notifications }] = await Promise.all([
    getTranslations("messages"),
    getTranslations("notifications"),
    unreadCounts(userId),
  ]);
  const shown = (n: number) => (n > 99 ? "99+" : String(n));
  if (compact)
    return (
      <>
        <li>
          <a href="/messages" className={iconLink}>
            <EnvelopeIcon />
            <span className="sr-only">
              {conversations > 0 ? tm("navUnread", { count: conversations }) : tm("nav")}
            </span>
            {conversations > 0 ? (
              <span aria-hidden="true" className={cornerBadge}>
                {shown(conversations)}
              </span>
            ) : null}
          </a>
        </li>
        <li>
          <a href="/notifications" className={iconLink}>
            <BellIcon />
            <span className="sr-only">
              {notifications > 0 ? tn("navUnread", { count: notifications }) : tn("navLabel")}
            </span>
            {notifications > 0 ? (
              <span aria-hidden="true" className={cornerBadge}>
                {shown(notifications)}
              </span>
            ) : null}
          </a>
        </li>
      </>
    );
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
