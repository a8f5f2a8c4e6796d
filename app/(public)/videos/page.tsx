import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { languageAlternates, metadataBase } from "@/lib/faq/metadata";
import type { Locale } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle } from "@/lib/ui/components/button-styles";
import { listPublishedVideos } from "@/lib/videos/data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("videos");
  return {
    title: t("title"),
    description: t("metaDescription"),
    metadataBase: metadataBase(),
    alternates: languageAlternates("/videos"),
  };
}

export default async function VideosPage() {
  const t = await getTranslations("videos");
  const locale = (await getLocale()) as Locale;
  const list = await listPublishedVideos({ locale });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-2xl text-lg">{t("intro")}</p>
      {list.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="grid gap-6 sm:grid-cols-2">
        {list.map((video) => {
          const foreign = video.shownLocale !== locale;
          return (
            <li key={video.slug} className={cardStyle}>
              {video.posterUrl ? (
                // biome-ignore lint/performance/noImgElement: our own poster, served by range route
                <img
                  src={video.posterUrl}
                  alt=""
                  loading="lazy"
                  className="mb-3 aspect-video w-full rounded object-cover"
                />
              ) : null}
              <h2
                className="mb-1 text-xl font-bold"
                lang={foreign ? "de" : undefined}
                dir={foreign ? "ltr" : undefined}
              >
                <a href={`/videos/${video.slug}`}>{video.title}</a>
              </h2>
              {video.kind === "external" ? (
                <p className="text-sm font-semibold">{t("externalBadge")}</p>
              ) : null}
              {foreign ? <p className="text-sm">{t("onlyGerman")}</p> : null}
              <p lang={foreign ? "de" : undefined} dir={foreign ? "ltr" : undefined}>
                {video.description}
              </p>
            </li>
          );
        })}
      </ul>
      <p className="mt-8">{t.rich("faqHint", { link: (chunks) => <a href="/faq">{chunks}</a> })}</p>
    </>
  );
}
