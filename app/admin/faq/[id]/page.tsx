import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter } from "next-intl/server";
import { requireRole } from "@/lib/auth/viewer";
import { deleteFaqEntryAction } from "@/lib/faq/actions";
import { FaqEntryForm } from "@/lib/faq/components/faq-entry-form";
import { FaqTranslationForm } from "@/lib/faq/components/faq-translation-form";
import { StatusBadge } from "@/lib/faq/components/status-badge";
import { getFaqEntryForEdit, listFaqCategories } from "@/lib/faq/data";
import { TRANSLATION_LOCALES } from "@/lib/faq/schema";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle } from "@/lib/ui/components/button-styles";
import { DeleteSection } from "@/lib/ui/components/delete-section";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { ConfirmPanel } from "@/lib/users/components/confirm-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("faqAdmin"))("editTitle") };
}

const SAVED = ["created", "entry", "en", "ar", "uk"] as const;

export default async function EditFaqEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; confirm?: string }>;
}) {
  await requireRole("coordinator");
  const { id } = await params;
  const { saved, confirm } = await searchParams;
  const entry = id.length <= 64 ? await getFaqEntryForEdit({ entryId: id }) : null;
  if (!entry) notFound();
  const t = await getTranslations("faqAdmin");
  const format = await getFormatter();
  const categories = await listFaqCategories();
  const german = entry.texts.de;
  const here = `/admin/faq/${entry.id}`;
  return (
    <>
      <p className="mb-2">
        <a href="/admin/faq">{t("backToList")}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("editTitle")}</h1>
      {SAVED.find((s) => s === saved) ? (
        <FormAlert kind="success">{t(`saved.${saved as (typeof SAVED)[number]}`)}</FormAlert>
      ) : null}
      {confirm === "delete" ? (
        <ConfirmPanel
          heading={t("confirmDeleteHeading", { question: german?.question ?? entry.slug })}
          explanation={t("deleteHint")}
          confirmLabel={t("confirmDelete")}
          cancelLabel={t("cancel")}
          cancelHref={here}
          action={deleteFaqEntryAction}
          fields={{ entryId: entry.id, confirmed: "yes" }}
          danger
        />
      ) : null}
      <ClientMessages namespaces={["faqAdmin"]}>
        <section aria-labelledby="german-heading" className="mb-12">
          <h2 id="german-heading" className="mb-2 text-2xl font-bold">
            {t("germanTitle")}
          </h2>
          <p className="mb-4 max-w-2xl">{t("germanHint")}</p>
          <FaqEntryForm
            entry={{
              entryId: entry.id,
              categoryId: entry.categoryId,
              slug: entry.slug,
              question: german?.question ?? "",
              answer: german?.answer ?? "",
              published: entry.published,
            }}
            categories={categories.map((c) => [c.id, c.names.de ?? c.slug] as const)}
          />
        </section>
        <section aria-labelledby="translations-heading" className="mb-12">
          <h2 id="translations-heading" className="mb-4 text-2xl font-bold">
            {t("translationsTitle")}
          </h2>
          <div className="space-y-6">
            {TRANSLATION_LOCALES.map((locale) => {
              const text = entry.texts[locale];
              const status = text?.status ?? "missing";
              return (
                <section
                  key={locale}
                  id={`translation-${locale}`}
                  aria-labelledby={`translation-${locale}-heading`}
                  className={cardStyle}
                >
                  <div className="mb-3 flex flex-wrap items-center gap-3">
                    <h3 id={`translation-${locale}-heading`} className="text-xl font-bold">
                      {t("translationTitle", { language: t(`languages.${locale}`) })}
                    </h3>
                    <StatusBadge
                      status={status}
                      label={t("statusFor", {
                        language: t(`languages.${locale}`),
                        status: t(`status.${status}`),
                      })}
                    />
                  </div>
                  {text ? (
                    <p className="mb-2 text-sm text-muted">
                      {t("lastChanged", {
                        date: format.dateTime(text.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
                      })}
                    </p>
                  ) : null}
                  <details className="mb-4" open={status !== "current"}>
                    <summary className="min-h-11 cursor-pointer font-semibold">{t("germanSource")}</summary>
                    <div lang="de" dir="ltr" className="mt-2 rounded bg-gray-50 p-3">
                      <p className="font-semibold">{german?.question}</p>
                      <p className="whitespace-pre-wrap">{german?.answer}</p>
                    </div>
                  </details>
                  <FaqTranslationForm
                    entryId={entry.id}
                    locale={locale}
                    question={text?.question ?? ""}
                    answer={text?.answer ?? ""}
                  />
                </section>
              );
            })}
          </div>
        </section>
      </ClientMessages>
      <DeleteSection title={t("deleteTitle")} hint={t("deleteHint")} label={t("delete")} pageHref={here} />
    </>
  );
}
