import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { FaqEntryForm } from "@/lib/faq/components/faq-entry-form";
import { listFaqCategories } from "@/lib/faq/data";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("faqAdmin"))("newTitle") };
}

export default async function NewFaqEntryPage() {
  await requireRole("coordinator");
  const t = await getTranslations("faqAdmin");
  const categories = await listFaqCategories();
  return (
    <>
      <p className="mb-2">
        <a href="/admin/faq">{t("backToList")}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("newTitle")}</h1>
      <ClientMessages namespaces={["faqAdmin"]}>
        <FaqEntryForm
          entry={{
            categoryId: categories[0]?.id ?? "",
            slug: "",
            question: "",
            answer: "",
            published: false,
          }}
          categories={categories.map((c) => [c.id, c.names.de ?? c.slug] as const)}
        />
      </ClientMessages>
    </>
  );
}
