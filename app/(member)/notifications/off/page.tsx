import type { Metadata } from "next";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { TurnOffForm } from "@/lib/notifications/components/turn-off-form";
import { verifyTurnOffToken } from "@/lib/notifications/tokens";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("off.title"), robots: { index: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Reached from a mail's "turn off" link, without signing in: the signed token says who and what. */
export default async function TurnOffPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  const t = await getTranslations("notifications");
  const parsed = typeof token === "string" ? verifyTurnOffToken(token) : null;
  const kind = parsed && parsed.scope !== "digest" ? t(`kindLabels.${parsed.scope}`) : "";
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("off.title")}</h1>
      {parsed && typeof token === "string" ? (
        <ClientMessages namespaces={["notifications"]}>
          <TurnOffForm
            token={token}
            question={parsed.scope === "digest" ? t("off.confirmDigest") : t("off.confirm", { kind })}
            done={parsed.scope === "digest" ? t("off.doneDigest") : t("off.done", { kind })}
          />
        </ClientMessages>
      ) : (
        <p
          role="alert"
          className="mb-4 rounded-md border-2 border-danger bg-red-50 p-3 font-semibold text-danger"
        >
          {t("off.invalid")}
        </p>
      )}
      <p className="mt-6">
        <a href="/settings/notifications" className="inline-flex min-h-11 items-center">
          {t("off.settingsLink")}
        </a>
      </p>
    </div>
  );
}
