import type { Metadata } from "next";
import { CodeForm } from "@/lib/auth/components/code-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";

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
      <ClientMessages namespaces={["checkEmail", "errors"]}>
        <CodeForm email={email} next={safeNextPath(next)} />
      </ClientMessages>
    </>
  );
}
