import type { Metadata } from "next";
import { DEFAULT_LANDING, safeNextPath } from "@/lib/auth/next-path";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/tokens";
import { getTranslations } from "@/lib/i18n/server";
import { inputStyle, primaryButton } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkEmail"))("title") };
}

/** After a link was requested: explains the mail, and takes the code for signing in on this device. */
export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string; purpose?: string; next?: unknown }>;
}) {
  const { email = "", purpose, next } = await searchParams;
  const t = await getTranslations("checkEmail");
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 max-w-xl" role="status">
        {purpose === "confirm" ? t("confirmBody") : t("body")}
      </p>
      <p className="mb-8 max-w-xl text-muted">{t("spamHint")}</p>
      <h2 className="mb-2 text-xl font-bold">{t("codeTitle")}</h2>
      <p className="mb-4 max-w-xl">{t("codeIntro")}</p>
      {/* A plain GET form: Auth.js verifies and consumes the code like a clicked link. */}
      <form method="get" action={`/api/auth/callback/${EMAIL_PROVIDER_ID}`} className="max-w-md">
        <input type="hidden" name="callbackUrl" value={safeNextPath(next) ?? DEFAULT_LANDING} />
        <div className="mb-5">
          <label htmlFor="code-email" className="mb-1 block font-semibold">
            {t("email")}
          </label>
          <input
            id="code-email"
            name="email"
            type="email"
            required
            defaultValue={email}
            autoComplete="email"
            className={inputStyle}
          />
        </div>
        <div className="mb-5">
          <label htmlFor="code" className="mb-1 block font-semibold">
            {t("code")}
          </label>
          <p id="code-hint" className="mb-1 text-sm text-muted">
            {t("codeHint")}
          </p>
          <input
            id="code"
            name="token"
            required
            autoComplete="one-time-code"
            inputMode="text"
            dir="ltr"
            aria-describedby="code-hint"
            className={`${inputStyle} max-w-xs font-mono text-xl tracking-widest uppercase`}
          />
        </div>
        <button type="submit" className={primaryButton}>
          {t("submit")}
        </button>
      </form>
    </>
  );
}
