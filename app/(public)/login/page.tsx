import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/lib/auth/components/login-form";
import { DEFAULT_LANDING, safeNextPath } from "@/lib/auth/next-path";
import { getViewer } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: unknown }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getViewer()) redirect(next ?? DEFAULT_LANDING);
  const t = await getTranslations("login");
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-md">{t("intro")}</p>
      <ClientMessages namespaces={["login", "errors"]}>
        <LoginForm next={next} />
      </ClientMessages>
      <p className="mt-8 max-w-md">
        {t.rich("noAccount", { link: (chunks) => <a href="/signup">{chunks}</a> })}
      </p>
    </>
  );
}
