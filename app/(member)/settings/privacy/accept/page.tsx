import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { getPolicyVersion } from "@/lib/legal/data";
import { acceptPolicyAction } from "@/lib/privacy/actions";
import { safeNextPath } from "@/lib/privacy/utils";
import { primaryButton } from "@/lib/ui/components/button-styles";
import { ErrorText } from "@/lib/ui/components/field";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("acceptTitle") };
}

/** Where members land after sign-in when the privacy policy has a version they have not accepted. */
export default async function AcceptPolicyPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; next?: string }>;
}) {
  const viewer = await requireUser({ skipConsent: true });
  const { error, next } = await searchParams;
  const t = await getTranslations("privacy");
  const version = await getPolicyVersion();
  const pending = viewer.needsConsent;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-3 text-3xl font-bold">{t("acceptTitle")}</h1>
      <p className="mb-3">{pending ? t("acceptChanged", { version }) : t("acceptCurrent", { version })}</p>
      <p className="mb-6">
        <a href="/datenschutz">{t("readPolicy")}</a>
      </p>
      <form action={acceptPolicyAction} noValidate>
        <input type="hidden" name="next" value={safeNextPath(next)} />
        <div className="mb-5">
          {error ? <ErrorText id="accept-error">{t("acceptRequired")}</ErrorText> : null}
          <label className="flex min-h-11 items-start gap-3">
            <input
              type="checkbox"
              name="accept"
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "accept-error" : undefined}
              className="mt-1 size-6 shrink-0"
            />
            <span>{t("acceptLabel", { version })}</span>
          </label>
        </div>
        <button type="submit" className={primaryButton}>
          {t("acceptButton")}
        </button>
      </form>
    </div>
  );
}
