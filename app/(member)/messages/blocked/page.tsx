import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { requireUser } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { unblockMemberAction } from "@/lib/messages/actions";
import { listBlockedMembers } from "@/lib/messages/blocks";
import { secondaryButton } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("blocked.title") };
}

export default async function BlockedMembersPage() {
  const viewer = await requireUser();
  const [t, format, blocked] = await Promise.all([
    getTranslations("messages"),
    getFormatter(),
    listBlockedMembers(viewer.id),
  ]);
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <a href="/messages" className="inline-flex min-h-11 items-center">
          {t("blocked.back")}
        </a>
      </p>
      <h1 className="mb-3 text-3xl font-bold">{t("blocked.title")}</h1>
      <p className="mb-6">{t("blocked.intro")}</p>
      {blocked.length === 0 ? (
        <p>{t("blocked.empty")}</p>
      ) : (
        <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white">
          {blocked.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <span>
                <span className="font-semibold">{b.name ?? t("formerMember")}</span>{" "}
                <span className="text-sm text-muted">
                  {t("blocked.since", { date: format.dateTime(b.since, { dateStyle: "medium" }) })}
                </span>
              </span>
              <form action={unblockMemberAction}>
                <input type="hidden" name="memberId" value={b.id} />
                <button type="submit" className={secondaryButton}>
                  {t("blocked.unblock", { name: b.name ?? t("formerMember") })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
