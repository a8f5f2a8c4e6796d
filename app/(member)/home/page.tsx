import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { loadCardLabels, MemberCard } from "@/lib/members/components/member-card";
import { getMemberSummary, listNewestMembers } from "@/lib/members/data";
import { viewerLevel } from "@/lib/members/visibility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

export default async function HomePage() {
  const viewer = await requireUser();
  const [t, labels] = await Promise.all([getTranslations("home"), loadCardLabels()]);
  const [me, newest] = await Promise.all([
    getMemberSummary({ userId: viewer.id, level: viewerLevel(viewer, viewer.id) }),
    listNewestMembers({ limit: 12, level: viewerLevel(viewer) }),
  ]);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t("welcome", { name: viewer.name ?? viewer.email })}</h1>
      <section aria-labelledby="me-heading" className="mb-10">
        <h2 id="me-heading" className="mb-3 text-2xl font-bold">
          {t("yourProfile")}
        </h2>
        {me ? <MemberCard member={me} labels={labels} /> : null}
      </section>
      <section aria-labelledby="newest-heading">
        <h2 id="newest-heading" className="mb-3 text-2xl font-bold">
          {t("newestMembers")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {newest.map((m) => (
            <li key={m.id} className="flex flex-col">
              <MemberCard member={m} labels={labels} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
