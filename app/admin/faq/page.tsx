import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { moveFaqEntryAction, setFaqPublishedAction } from "@/lib/faq/actions";
import { FaqCategoryForm } from "@/lib/faq/components/faq-category-form";
import { StatusBadge } from "@/lib/faq/components/status-badge";
import { listFaqCategories, listFaqForAdmin } from "@/lib/faq/data";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { LOCALES } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle, primaryButton, secondaryButton, smallButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { MoveButtons } from "@/lib/ui/components/move-buttons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("faqAdmin"))("title") };
}

const SAVED = ["published", "unpublished", "deleted", "category"] as const;

export default async function AdminFaqPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  await requireRole("coordinator");
  const t = await getTranslations("faqAdmin");
  const { saved } = await searchParams;
  const [categories, entries] = await Promise.all([listFaqCategories(), listFaqForAdmin()]);
  const name = (names: Partial<Record<string, string>>) => names.de ?? "";
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl">{t("intro")}</p>
      {SAVED.find((s) => s === saved) ? (
        <FormAlert kind="success">{t(`saved.${saved as (typeof SAVED)[number]}`)}</FormAlert>
      ) : null}
      <div className="mb-8 flex flex-wrap gap-3">
        {categories.length > 0 ? (
          <a href="/admin/faq/new" className={primaryButton}>
            {t("newEntry")}
          </a>
        ) : (
          <p>{t("noCategories")}</p>
        )}
        <a href="/faq" className={secondaryButton}>
          {t("viewPublic")}
        </a>
      </div>
      {categories.map((category) => {
        const mine = entries.filter((e) => e.categoryId === category.id);
        return (
          <section key={category.id} aria-labelledby={`cat-${category.id}`} className="mb-10">
            <h2 id={`cat-${category.id}`} className="mb-3 text-2xl font-bold">
              {name(category.names)}
            </h2>
            {mine.length === 0 ? <p>{t("noEntries")}</p> : null}
            <ol className="space-y-4">
              {mine.map((entry, index) => (
                <li key={entry.id} id={`entry-${entry.id}`} className={cardStyle}>
                  <h3 className="text-lg font-bold">
                    <a
                      href={`/admin/faq/${entry.id}`}
                      aria-label={t("editLabel", { question: entry.question })}
                    >
                      {entry.question}
                    </a>
                  </h3>
                  <p className="text-sm">
                    <span className="font-semibold">{entry.published ? t("published") : t("draft")}</span> · #
                    {entry.slug}
                  </p>
                  <p className="mt-2 mb-1 text-sm font-semibold">{t("translationStatus")}</p>
                  <ul className="mb-3 flex flex-wrap gap-2" aria-label={t("translationStatus")}>
                    {LOCALES.filter((l) => l !== "de").map((locale) => (
                      <li key={locale} data-locale={locale}>
                        <StatusBadge
                          status={entry.statuses[locale]}
                          label={t("statusFor", {
                            language: t(`languages.${locale}`),
                            status: t(`status.${entry.statuses[locale]}`),
                          })}
                        />
                      </li>
                    ))}
                  </ul>
                  <div className="flex flex-wrap gap-2">
                    <form action={setFaqPublishedAction}>
                      <input type="hidden" name="entryId" value={entry.id} />
                      <input type="hidden" name="published" value={entry.published ? "0" : "1"} />
                      <button
                        type="submit"
                        className={smallButton}
                        aria-label={t(entry.published ? "unpublishLabel" : "publishLabel", {
                          question: entry.question,
                        })}
                      >
                        {entry.published ? t("unpublish") : t("publish")}
                      </button>
                    </form>
                    <MoveButtons
                      action={moveFaqEntryAction}
                      item={{ entryId: entry.id }}
                      up={
                        index > 0
                          ? { text: t("moveUp"), label: t("moveUpLabel", { question: entry.question }) }
                          : null
                      }
                      down={
                        index < mine.length - 1
                          ? { text: t("moveDown"), label: t("moveDownLabel", { question: entry.question }) }
                          : null
                      }
                    />
                    <a href={`/admin/faq/${entry.id}`} className={smallButton}>
                      {t("edit")}
                    </a>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      <section id="categories" aria-labelledby="categories-heading" className="mt-12">
        <h2 id="categories-heading" className="mb-4 text-2xl font-bold">
          {t("categoriesTitle")}
        </h2>
        <ClientMessages namespaces={["faqAdmin"]}>
          {categories.map((category) => (
            <FaqCategoryForm key={category.id} category={category} />
          ))}
          <div className={cardStyle}>
            <h3 className="mb-3 text-lg font-bold">{t("categoryNew")}</h3>
            <FaqCategoryForm />
          </div>
        </ClientMessages>
      </section>
    </>
  );
}
