import type { Metadata } from "next";
import { encodeCursor } from "@/db/cursor";
import { getTranslations } from "@/lib/i18n/server";
import { ConversationList } from "@/lib/messages/components/conversation-list";
import { loadConversationList } from "@/lib/messages/loaders";
import { primaryButton } from "@/lib/ui/components/button-styles";
import { PageLinks } from "@/lib/ui/components/page-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MessagesPage({ searchParams }: { searchParams: SearchParams }) {
  const { viewer, items, next, paged } = await loadConversationList(await searchParams);
  const t = await getTranslations("messages");
  return (
    <div className="max-w-3xl">
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4">{t("intro")}</p>
      <p className="mb-6 flex flex-wrap items-center gap-4">
        <a href="/messages/new" className={primaryButton}>
          {t("newMessage")}
        </a>
        <a href="/messages/blocked" className="inline-flex min-h-11 items-center">
          {t("blockedLink")}
        </a>
      </p>
      {items.length === 0 && !paged ? (
        <p>
          {t("empty")}{" "}
          <a href="/members" className="font-semibold">
            {t("toDirectory")}
          </a>
        </p>
      ) : (
        <ConversationList items={items} viewerId={viewer.id} />
      )}
      <PageLinks
        label={t("pages")}
        first={paged ? { href: "/messages", label: t("newest") } : undefined}
        next={next ? { href: `/messages?before=${encodeCursor(next)}`, label: t("older") } : undefined}
      />
    </div>
  );
}
