import { getTranslations } from "next-intl/server";
import { cardStyle } from "@/lib/ui/components/button-styles";
import type { MemberSummary } from "../data";

/** The photo at /api/uploads/<id>: decorative next to the name, so it has an empty alt text. */
export function MemberPhoto({ photoId, size }: { photoId: string; size: 96 | 160 }) {
  return (
    // biome-ignore lint/performance/noImgElement: served by our own upload route, already sized
    <img
      src={`/api/uploads/${encodeURIComponent(photoId)}`}
      alt=""
      width={size}
      height={size}
      className={`${size === 96 ? "size-24" : "size-40"} shrink-0 rounded-full bg-gray-100 object-cover`}
    />
  );
}

/** A member's card, holding only the fields the data layer let through for this viewer. */
export async function MemberCard({ member }: { member: MemberSummary }) {
  const tt = await getTranslations("topics");
  const tl = await getTranslations("languages");
  const t = await getTranslations("members.card");
  return (
    <article className={`${cardStyle} h-full`}>
      <div className="flex items-start gap-4">
        {member.photoId ? <MemberPhoto photoId={member.photoId} size={96} /> : null}
        <div className="min-w-0">
          <h3 className="text-lg font-bold break-words">
            <a
              href={`/members/${encodeURIComponent(member.id)}`}
              className="inline-flex min-h-11 items-center"
            >
              {member.name}
            </a>
          </h3>
          {member.jobFunction ? <p className="break-words">{member.jobFunction}</p> : null}
          {member.organisation ? <p className="break-words text-muted">{member.organisation}</p> : null}
          {member.municipality ? <p className="text-muted">{member.municipality}</p> : null}
        </div>
      </div>
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
