import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/auth/actions";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { LanguageSwitcher } from "./language-switcher";

const navLink = "inline-flex min-h-11 items-center rounded px-3 font-semibold";

export async function SiteHeader() {
  const t = await getTranslations("shell");
  const viewer = await getViewer();
  const member = viewer?.status === "approved";
  return (
    <header className="border-b border-gray-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <a href={member ? "/home" : "/"} className="text-xl font-bold text-brand no-underline">
          {t("siteName")}
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
            <a href="/members" className={navLink}>
              {t("navMembers")}
            </a>
          </li>
          <li>
            <a href="/organisations" className={navLink}>
              {t("navOrganisations")}
            </a>
          </li>
          {member ? (
            <li>
              <a href="/settings/profile" className={navLink}>
                {t("navProfile")}
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
