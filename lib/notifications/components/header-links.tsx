import { cache } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { BellIcon, EnvelopeIcon } from "@/lib/ui/components/icons";
import { countUnread } from "../data";
import type { NotificationReader } from "../visibility";

const navLink = "inline-flex min-h-11 items-center gap-1 rounded px-3 font-semibold";
const badge =
  "inline-flex min-w-6 items-center justify-center rounded-full bg-brand px-1.5 text-sm text-white";
// The phone header's icon links, at least 44 px each way; the count on the icon's upper inline-end corner.
const iconLink = "relative inline-flex h-11 w-10 items-center justify-center rounded";
const cornerBadge = `${badge} absolute end-0 top-0 ring-2 ring-white`;

export const HEADER_MESSAGE_HREFS = ["/messages", "/notifications"];

// The header renders the links twice (wide and phone layouts): one query per request.
const unreadCounts = cache(countUnread);

/**
 * "Nachrichten" and "Benachrichtigungen" in the header, each with its unread count (one query).
 * `compact`: the phone's top bar, an icon with the count; the name stays the link's text (`sr-only`).
 */
export async function HeaderMessageLinks({
  member,
  current = null,
  compact = false,
}: {
  member: NotificationReader;
  /** The header's link to the section the page is in (lib/shell/utils.ts). */
  current?: string | null;
  compact?: boolean;
}) {
  const [tm, tn, { conversations, notifications }] = await Promise.all([
    getTranslations("messages"),
    getTranslations("notifications"),
    unreadCounts(member.id, member.role),
  ]);
  const shown = (n: number) => (n > 99 ? "99+" : String(n));
  const links = [
    {
      href: "/messages",
      name: tm("nav"),
      count: conversations,
      unread: tm("navUnread", { count: conversations }),
      Icon: EnvelopeIcon,
    },
    {
      href: "/notifications",
      name: tn("navLabel"),
      count: notifications,
      unread: tn("navUnread", { count: notifications }),
      Icon: BellIcon,
    },
  ];
  return (
    <>
      {links.map(({ href, name, count, unread, Icon }) => (
        <li key={href}>
          {compact ? (
            <a href={href} aria-current={href === current ? "page" : undefined} className={iconLink}>
              <Icon />
              <span className="sr-only">{count > 0 ? unread : name}</span>
              {count > 0 ? (
                <span aria-hidden="true" className={cornerBadge}>
                  {shown(count)}
                </span>
              ) : null}
            </a>
          ) : (
            <a href={href} aria-current={href === current ? "page" : undefined} className={navLink}>
              <span aria-hidden={count > 0 ? true : undefined}>{name}</span>
              {count > 0 ? (
                <>
                  <span aria-hidden="true" className={badge}>
                    {shown(count)}
                  </span>
                  <span className="sr-only">{unread}</span>
                </>
              ) : null}
            </a>
          )}
        </li>
      ))}
    </>
  );
}
