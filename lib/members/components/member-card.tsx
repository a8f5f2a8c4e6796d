import { getTranslations } from "next-intl/server";
import { cardStyle } from "@/lib/ui/components/button-styles";
import type { MemberSummary } from "../data";

export async function MemberCard({ member }: { member: MemberSummary }) {
  const tt = await getTranslations("topics");
  const tl = await getTranslations("languages");
  const t = await getTranslations("home");
  return (
    <article className={`${cardStyle} h-full`}>
      <h3 className="text-lg font-bold">{member.name}</h3>
      {member.jobFunction ? <p>{member.jobFunction}</p> : null}
      {member.organisation ? <p className="text-muted">{member.organisation}</p> : null}
      {member.municipality ? <p className="text-muted">{member.municipality}</p> : null}
      {member.languages.length ? (
        <p className="mt-2 text-sm">
          <span className="font-semibold">{t("speaks")}: </span>
          {member.languages.map((l) => tl(l as never)).join(", ")}
        </p>
      ) : null}
      {member.topics.length ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("topics")}>
          {member.topics.map((topic) => (
            <li key={topic} className="rounded-full bg-blue-50 px-2 py-0.5 text-sm text-brand-dark">
              {tt(topic as never)}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
