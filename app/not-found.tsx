import { getLoginHref, getViewer } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  // Members-only pages are "not found" for visitors too (nothing tells whether they exist): offer the
  // login, which comes back here.
  const signIn = (await getViewer()) ? null : await getLoginHref();
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4">{t("body")}</p>
      {signIn ? (
        <p className="mb-4">{t.rich("signIn", { link: (chunks) => <a href={signIn}>{chunks}</a> })}</p>
      ) : null}
      <a href="/">{t("home")}</a>
    </>
  );
}
