import type { Metadata } from "next";
import { EmailChangeForm } from "@/lib/account/components/email-change-form";
import { PendingEmailChange } from "@/lib/account/components/pending-email-change";
import { getPendingEmailChange } from "@/lib/account/data";
import { requireUser } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { FormAlert } from "@/lib/ui/components/form-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{
    sent?: string;
    changed?: string;
    cancelled?: string;
    taken?: string;
    wait?: string;
  }>;
}) {
  const viewer = await requireUser();
  const { sent, changed, cancelled, taken, wait } = await searchParams;
  const minutes = Number.parseInt(wait ?? "", 10);
  const [t, pending] = await Promise.all([
    getTranslations("account"),
    getPendingEmailChange({ userId: viewer.id }),
  ]);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      {changed && !pending ? (
        <FormAlert kind="success">{t("changed", { email: viewer.email })}</FormAlert>
      ) : null}
      {cancelled && !pending ? (
        <FormAlert kind="success">{t("cancelled", { email: viewer.email })}</FormAlert>
      ) : null}
      <p className="mb-4">{t("intro")}</p>
      <p className="mb-8">
        {t("currentLabel")}:{" "}
        <strong dir="ltr" className="break-all">
          {viewer.email}
        </strong>
      </p>
      {pending ? (
        <PendingEmailChange
          pending={pending}
          current={viewer.email}
          sent={Boolean(sent)}
          taken={Boolean(taken)}
          waitMinutes={minutes > 0 ? Math.min(minutes, 1440) : undefined}
        />
      ) : null}
      <section aria-labelledby="new-email-heading">
        <h2 id="new-email-heading" className="mb-4 text-2xl font-bold">
          {pending ? t("formHeadingOther") : t("formHeading")}
        </h2>
        <ClientMessages namespaces={["account", "errors"]}>
          <EmailChangeForm />
        </ClientMessages>
      </section>
    </div>
  );
}
