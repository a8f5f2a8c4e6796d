import { getTranslations } from "@/lib/i18n/server";
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

export type CardLabels = {
  speaks: string;
  topics: string;
  topic: (key: string) => string;
  language: (key: string) => string;
};

/** The translations every card needs, looked up once per page rather than once per card. */
export async function loadCardLabels(): Promise<CardLabels> {
  const [tt, tl, t] = await Promise.all([
    getTranslations("topics"),
    getTranslations("languages"),
    getTranslations("members.card"),
  ]);
  return {
    speaks: t("speaks"),
    topics: t("topics"),
    topic: (key) => tt(key as never),
    language: (key) => tl(key as never),
  };
}

/** A member's card, holding only the fields the data layer let through for this viewer. */
export function MemberCard({ member, labels }: { member: MemberSummary; labels: CardLabels }) {
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
          <span className="font-semibold">{labels.speaks}: </span>
          {member.languages.map(labels.language).join(", ")}
        </p>
      ) : null}
      {member.topics.length ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label={labels.topics}>
          {member.topics.map((topic) => (
            <li key={topic} className="rounded-full bg-blue-50 px-2 py-0.5 text-sm text-brand-dark">
              {labels.topic(topic)}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
