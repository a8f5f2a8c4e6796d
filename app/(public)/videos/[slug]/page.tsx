import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { languageAlternates, metadataBase } from "@/lib/faq/metadata";
import type { Locale } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";
import { ExternalVideo, VideoPlayer } from "@/lib/videos/components/video-player";
import { getVideo } from "@/lib/videos/data";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ play?: string }> };

/** Coordinators also see unpublished videos here, to check them before publishing. Cached per request. */
const load = cache(async (slug: string) => {
  if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(slug)) return null;
  const viewer = await getViewer();
  const preview = viewer?.status === "approved" && hasRole(viewer, "coordinator");
  return getVideo({ slug, locale: (await getLocale()) as Locale, preview });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const video = await load(slug);
  if (!video) return {};
  return {
    title: video.title,
    description: video.description || (await getTranslations("videos"))("metaDescription"),
    metadataBase: metadataBase(),
    alternates: languageAlternates(`/videos/${video.slug}`),
  };
}

export default async function VideoPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const video = await load(slug);
  if (!video) notFound();
  const t = await getTranslations("videos");
  const locale = (await getLocale()) as Locale;
  const foreign = video.shownLocale !== locale;
  // Shown in German for want of a translation, or translated from an older German text.
  const notice = foreign ? "missing" : video.status === "outdated" ? "outdated" : null;
  const german = { lang: foreign ? "de" : undefined, dir: foreign ? ("ltr" as const) : undefined };
  const play = (await searchParams).play !== undefined;
  return (
    <>
      <p className="mb-2">
        <a href="/videos">{t("backToList")}</a>
      </p>
      <h1 className="mb-4 text-3xl font-bold" {...german}>
        {video.title}
      </h1>
      {notice ? (
        <p className="mb-4 rounded border-s-4 border-amber-700 bg-amber-50 p-2" data-notice={notice}>
          {t.rich(`${notice}Notice`, {
            link: (chunks) => (
              <a href={`/videos/${video.slug}?lang=de`} hrefLang="de">
                {chunks}
              </a>
            ),
          })}
        </p>
      ) : null}
      {video.description ? (
        <p className="mb-6 max-w-2xl text-lg" {...german}>
          {video.description}
        </p>
      ) : null}
      <div id="player" className="mb-8 scroll-mt-4">
        {video.kind === "external" ? (
          <ExternalVideo video={{ ...video, play }} />
        ) : (
          <VideoPlayer video={video} />
        )}
      </div>
      {video.transcriptHtml ? (
        <section aria-labelledby="transcript-heading" className="max-w-3xl">
          <h2 id="transcript-heading" className="mb-3 text-2xl font-bold">
            {t("transcript")}
          </h2>
          <div
            {...german}
            className="space-y-2 [&_ol]:list-decimal [&_ol]:ps-6 [&_ul]:list-disc [&_ul]:ps-6"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderMarkdown
            dangerouslySetInnerHTML={{ __html: video.transcriptHtml }}
          />
        </section>
      ) : null}
    </>
  );
}
