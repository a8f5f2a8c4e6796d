import { signOutAction } from "@/lib/auth/actions";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { HeaderMessageLinks } from "@/lib/notifications/components/header-links";
import { getNetworkBranding } from "@/lib/settings/data";
import { LanguageSwitcher } from "./language-switcher";

const navLink = "inline-flex min-h-11 items-center rounded px-3 font-semibold";

export async function SiteHeader() {
  const t = await getTranslations("shell");
  const tFaq = await getTranslations("faq");
  const tVideos = await getTranslations("videos");
  const tf = await getTranslations("forum");
  const tAdmin = await getTranslations("admin.nav");
  const tPrivacy = await getTranslations("privacy");
  const tEvents = await getTranslations("events");
  const viewer = await getViewer();
  const member = viewer?.status === "approved";
  const branding = await getNetworkBranding();
  return (
    <header className="border-b border-gray-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <a
          href={member ? "/home" : "/"}
          className="inline-flex items-center gap-3 text-xl font-bold text-brand no-underline"
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
              className="h-10 w-auto"
            />
          ) : null}
          {branding.name ?? t("siteName")}
        </a>
        <LanguageSwitcher />
      </div>
      <nav aria-label={t("mainNav")} className="mx-auto max-w-5xl px-2 pb-2">
        <ul className="flex flex-wrap items-center gap-1">
          {member ? (
            <li>
              <a href="/home" className={navLink}>
                {t("navHome")}
              </a>
            </li>
          ) : (
            <li>
              <a href="/" className={navLink}>
                {t("navStart")}
              </a>
            </li>
          )}
          <li>
            <a href="/forum" className={navLink}>
              {tf("title")}
            </a>
          </li>
          <li>
            <a href="/members" className={navLink}>
              {t("navMembers")}
            </a>
          </li>
          <li>
            <a href="/organisations" className={navLink}>
              {t("navOrganisations")}
            </a>
          </li>
          <li>
            <a href="/faq" className={navLink}>
              {tFaq("navLink")}
            </a>
          </li>
          <li>
            <a href="/videos" className={navLink}>
              {tVideos("navLink")}
            </a>
          </li>
          <li>
            <a href="/events" className={navLink}>
              {tEvents("nav")}
            </a>
          </li>
          {member && viewer ? <HeaderMessageLinks userId={viewer.id} /> : null}
          {member ? (
            <li>
              <a href="/settings/profile" className={navLink}>
                {t("navProfile")}
              </a>
            </li>
          ) : null}
          {member ? (
            <li>
              <a href="/settings/privacy" className={navLink}>
                {tPrivacy("navLink")}
              </a>
            </li>
          ) : null}
          {viewer && hasRole(viewer, "coordinator") && member ? (
            <li>
              <a href="/admin/signups" className={navLink}>
                {t("navSignups")}
              </a>
            </li>
          ) : null}
          {viewer && hasRole(viewer, "coordinator") && member ? (
            <li>
              <a href="/admin" className={navLink}>
                {tAdmin("headerLink")}
              </a>
            </li>
          ) : null}
          {viewer && !member ? (
            <li>
              <a href="/application" className={navLink}>
                {t("navApplication")}
              </a>
            </li>
          ) : null}
          {viewer ? (
            <li className="ms-auto">
              <form action={signOutAction}>
                <button type="submit" className={`${navLink} border border-brand text-brand`}>
                  {t("signOut")}
                </button>
              </form>
            </li>
          ) : (
            <>
              <li className="ms-auto">
                <a href="/signup" className={navLink}>
                  {t("navSignup")}
                </a>
              </li>
              <li>
                <a href="/login" className={navLink}>
                  {t("navLogin")}
                </a>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}
