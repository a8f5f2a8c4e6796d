import { signOutAction } from "@/lib/auth/actions";
import { loginHref } from "@/lib/auth/next-path";
import { getRequestPath, getViewer, hasRole } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { HEADER_MESSAGE_HREFS, HeaderMessageLinks } from "@/lib/notifications/components/header-links";
import { getNetworkBranding } from "@/lib/settings/data";
import { currentSection } from "../utils";
import { LanguageSwitcher } from "./language-switcher";
import { MobileMenu } from "./mobile-menu";

// Short names for what every header link repeats (defined in app/globals.css).
const navLink = "nav-link inline-flex";
const menuLink = "nav-link flex";

type NavItem = { href: string; label: string };

function NavLink({ item, current, className }: { item: NavItem; current: string | null; className: string }) {
  return (
    <a href={item.href} aria-current={item.href === current ? "page" : undefined} className={className}>
      {item.label}
    </a>
  );
}

function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={`${navLink} border border-brand text-brand`}>
        {label}
      </button>
    </form>
  );
}

/**
 * From `md` up the navigation is a wrapped row of links under the name and the languages. Below it
 * the links sit behind a "Menü" disclosure (MobileMenu), so a phone shows one bar before the page:
 * members keep their unread counts in it and find the languages in the menu; visitors and applicants,
 * who may not read German yet, keep the languages visible as a second row.
 */
export async function SiteHeader() {
  const t = await getTranslations("shell");
  const tFaq = await getTranslations("faq");
  const tVideos = await getTranslations("videos");
  const tf = await getTranslations("forum");
  const tAdmin = await getTranslations("admin.nav");
  const tPrivacy = await getTranslations("privacy");
  const tEvents = await getTranslations("events");
  const tAccount = await getTranslations("account");
  const viewer = await getViewer();
  const member = viewer?.status === "approved";
  const coordinator = Boolean(viewer && member && hasRole(viewer, "coordinator"));
  const branding = await getNetworkBranding();
  const path = await getRequestPath();

  const sections: NavItem[] = [
    member ? { href: "/home", label: t("navHome") } : { href: "/", label: t("navStart") },
    { href: "/forum", label: tf("title") },
    { href: "/members", label: t("navMembers") },
    { href: "/organisations", label: t("navOrganisations") },
    { href: "/faq", label: tFaq("navLink") },
    { href: "/videos", label: tVideos("navLink") },
    { href: "/events", label: tEvents("nav") },
  ];
  const own: NavItem[] = [
    ...(member
      ? [
          { href: "/settings/profile", label: t("navProfile") },
          { href: "/settings/account", label: tAccount("navLink") },
          { href: "/settings/privacy", label: tPrivacy("navLink") },
        ]
      : []),
    ...(coordinator
      ? [
          { href: "/admin/signups", label: t("navSignups") },
          { href: "/admin", label: tAdmin("headerLink") },
        ]
      : []),
    ...(viewer && !member ? [{ href: "/application", label: t("navApplication") }] : []),
  ];
  const entry: NavItem[] = viewer
    ? []
    : [
        { href: "/signup", label: t("navSignup") },
        // Signing in from the header comes back to this page.
        { href: loginHref(path), label: t("navLogin") },
      ];
  const current = currentSection(
    path,
    [...sections, ...own, ...entry].map((item) => item.href).concat(member ? HEADER_MESSAGE_HREFS : []),
  );

  return (
    <header className="relative border-b border-gray-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <a
          href={member ? "/home" : "/"}
          className="inline-flex min-h-11 min-w-0 max-w-full items-center gap-3 text-base font-bold text-brand md:text-xl no-underline"
        >
          {branding.customColors ? (
            <link
              rel="stylesheet"
              href={`/api/network/theme?v=${branding.colors.brand.slice(1)}${branding.colors.brandDark.slice(1)}`}
              precedence="high"
            />
          ) : null}
          {branding.logo ? (
            // biome-ignore lint/performance/noImgElement: a small PNG from our own route; the name beside it is the link text
            <img
              src={`/api/network/logo?v=${branding.logo.id}`}
              alt=""
              width={branding.logo.width}
              height={branding.logo.height}
              className="h-10 w-auto max-w-32 shrink-0 object-contain"
            />
          ) : null}
          {/* A long one-word name ("Integrationsnetzwerk") wraps, hyphenated where the language allows, on a phone. */}
          <span className="min-w-0 hyphens-auto wrap-anywhere">{branding.name ?? t("siteName")}</span>
        </a>
        <MobileMenu
          // A new viewer (signed in or out by a server action) gets the menu closed.
          key={viewer?.id ?? "visitor"}
          navLabel={t("mainNav")}
          menuLabel={t("menu")}
          quickLinks={
            member && viewer ? <HeaderMessageLinks member={viewer} current={current} compact /> : null
          }
        >
          <ul>
            {[...sections, ...own, ...entry].map((item) => (
              <li key={item.href}>
                <NavLink item={item} current={current} className={menuLink} />
              </li>
            ))}
          </ul>
          {member ? <LanguageSwitcher className="mt-2 border-t border-gray-300 px-1 pt-2" /> : null}
          {viewer ? (
            <div className="mt-2 border-t border-gray-300 pt-2">
              <SignOutButton label={t("signOut")} />
            </div>
          ) : null}
        </MobileMenu>
        <LanguageSwitcher
          className={member ? "hidden md:block" : "-ms-1.5 basis-full md:ms-0 md:basis-auto"}
        />
      </div>
      <nav aria-label={t("mainNav")} className="mx-auto hidden max-w-5xl px-2 pb-2 md:block">
        <ul className="flex flex-wrap items-center gap-1">
          {sections.map((item) => (
            <li key={item.href}>
              <NavLink item={item} current={current} className={navLink} />
            </li>
          ))}
          {member && viewer ? <HeaderMessageLinks member={viewer} current={current} /> : null}
          {own.map((item) => (
            <li key={item.href}>
              <NavLink item={item} current={current} className={navLink} />
            </li>
          ))}
          {viewer ? (
            <li className="ms-auto">
              <SignOutButton label={t("signOut")} />
            </li>
          ) : (
            entry.map((item, i) => (
              <li key={item.href} className={i === 0 ? "ms-auto" : undefined}>
                <NavLink item={item} current={current} className={navLink} />
              </li>
            ))
          )}
        </ul>
      </nav>
    </header>
  );
}
