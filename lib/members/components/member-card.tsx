import { getLocale } from "next-intl/server";
import { formatList } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { photoSrc } from "@/lib/profile/constants";
import { cardStyle } from "@/lib/ui/components/button-styles";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { type Html, html } from "@/lib/ui/html";
import type { MemberSummary } from "../data";

const photoClass = (size: 96 | 160) =>
  `${size === 96 ? "size-24" : "size-40"} shrink-0 rounded-full bg-gray-100 object-cover`;

/** The photo at /api/uploads/<id>: decorative next to the name, so it has an empty alt text. */
export function MemberPhoto({ photoId, size }: { photoId: string; size: 96 | 160 }) {
  return (
    // biome-ignore lint/performance/noImgElement: served by our own upload route, already sized
    <img src={photoSrc(photoId)} alt="" width={size} height={size} className={photoClass(size)} />
  );
}

export type CardLabels = {
  speaks: string;
  topics: string;
  topic: (key: string) => string;
  language: (key: string) => string;
  list: (items: string[]) => string;
};

/** The translations every card needs, looked up once per page rather than once per card. */
export async function loadCardLabels(): Promise<CardLabels> {
  const [tt, tl, t, locale] = await Promise.all([
    getTranslations("topics"),
    getTranslations("languages"),
    getTranslations("members.card"),
    getLocale(),
  ]);
  return {
    speaks: t("speaks"),
    topics: t("topics"),
    topic: (key) => tt(key as never),
    language: (key) => tl(key as never),
    list: (items) => formatList(locale, items),
  };
}

/**
 * A member's card, holding only the fields the data layer let through for this viewer. Its content is
 * an HTML string (lib/ui/html.ts), like the forum's posts: a directory page shows 24 cards. In a
 * `flex flex-col` list item it grows to the item's height, so the cards of a row line up, and what
 * follows it in the item (a "write a message" link) stays below it.
 */
export function MemberCard({ member, labels }: { member: MemberSummary; labels: CardLabels }) {
  return <HtmlElement as="article" className={`${cardStyle} grow`} html={cardHtml(member, labels)} />;
}

function cardHtml(member: MemberSummary, labels: CardLabels): Html {
  const photo = member.photoId
    ? html`<img src="${photoSrc(member.photoId)}" alt="" width="96" height="96" class="${photoClass(96)}">`
    : null;
  const line = (text: string | null, className: string) =>
    text ? html`<p class="${className}"><bdi>${text}</bdi></p>` : null;
  return html`<div class="flex items-start gap-4">${photo}<div class="min-w-0"><h3 class="text-lg font-bold break-words"><a href="/members/${encodeURIComponent(member.id)}" class="inline-flex min-h-11 items-center"><bdi>${member.name}</bdi></a></h3>${line(member.jobFunction, "break-words")}${line(member.organisation, "break-words text-muted")}${line(member.municipality, "text-muted")}</div></div>${
    member.languages.length
      ? html`<p class="mt-2 text-sm"><span class="font-semibold">${labels.speaks}: </span>${labels.list(member.languages.map(labels.language))}</p>`
      : null
  }${
    member.topics.length
      ? html`<ul class="mt-2 flex flex-wrap gap-1" aria-label="${labels.topics}">${member.topics.map(
          (topic) =>
            html`<li class="rounded-full bg-blue-50 px-2 py-0.5 text-sm text-brand-dark">${labels.topic(topic)}</li>`,
        )}</ul>`
      : null
  }`;
}
