import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/viewer";
import { createThreadAction } from "@/lib/forum/actions";
import { Composer } from "@/lib/forum/components/composer";
import { ACCEPTED_ATTACHMENT_TYPES } from "@/lib/forum/constants";
import { listCategories } from "@/lib/forum/data";
import { forumViewer } from "@/lib/forum/visibility";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getRequestLocale, getTranslations } from "@/lib/i18n/server";
import { newSubmissionKey } from "@/lib/submissions/utils";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forum"))("newThread") };
}

export default async function NewThreadPage({
  searchParams,
}: {
  searchParams: Promise<{ category?: string }>;
}) {
  const viewer = forumViewer(await requireUser());
  const categories = await listCategories({ viewer, locale: await getRequestLocale() });
  const { category } = await searchParams;
  const t = await getTranslations("forum");
  return (
    <>
      <p className="mb-2">
        <a href="/forum">{t("title")}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("newThread")}</h1>
      <div className="max-w-3xl">
        <ClientMessages namespaces={["forum.composer", "forum.errors", "errors"]}>
          <Composer
            mode="thread"
            action={createThreadAction}
            hidden={{}}
            categories={categories.map((c) => ({ id: c.id, name: c.name }))}
            defaultCategoryId={categories.some((c) => c.id === category) ? category : ""}
            acceptedTypes={ACCEPTED_ATTACHMENT_TYPES}
            submissionKey={newSubmissionKey()}
          />
        </ClientMessages>
      </div>
    </>
  );
}
