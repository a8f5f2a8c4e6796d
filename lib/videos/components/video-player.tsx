import { getTranslations } from "@/lib/i18n/server";
import { primaryButton } from "@/lib/ui/components/button-styles";
import type { PublicVideo } from "../data";

const NATIVE_NAMES = { de: "Deutsch", en: "English", ar: "العربية", uk: "Українська" } as const;

/** The platform's own player: range-served file, poster, one captions track per language. */
export async function VideoPlayer({ video }: { video: PublicVideo }) {
  const t = await getTranslations("videos");
  if (video.kind === "external") return <ExternalVideo video={video} />;
  if (!video.source) return <p className="rounded border border-gray-300 p-4">{t("notReady")}</p>;
  return (
    // biome-ignore lint/a11y/useMediaCaption: tracks are rendered below when captions exist
    <video
      controls
      preload="metadata"
      poster={video.posterUrl ?? undefined}
      className="aspect-video w-full rounded-lg bg-black"
      aria-label={video.title}
    >
      <source src={video.source.url} type={video.source.type} />
      {video.captions.map((c, index) => (
        <track
          key={c.locale}
          kind="captions"
          src={c.url}
          srcLang={c.locale}
          label={NATIVE_NAMES[c.locale]}
          default={index === 0}
        />
      ))}
      <a href={video.source.url}>{t("download")}</a>
    </video>
  );
}

/**
 * A YouTube video: until the visitor asks for it, only our own placeholder (no request to YouTube).
 * The button is a link to this page with ?play=1; only that response allows the privacy-enhanced
 * youtube-nocookie.com frame (see proxy.ts), so it works without JavaScript.
 */
async function ExternalVideo({ video }: { video: PublicVideo & { play?: boolean } }) {
  const t = await getTranslations("videos");
  if (video.play && video.externalId) {
    return (
      <iframe
        src={`https://www.youtube-nocookie.com/embed/${video.externalId}?autoplay=1`}
        title={video.title}
        className="aspect-video w-full rounded-lg"
        allow="autoplay; encrypted-media; picture-in-picture"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
      />
    );
  }
  return (
    <div
      className="flex aspect-video w-full flex-col items-center justify-center gap-3 rounded-lg bg-gray-800 bg-cover bg-center p-4 text-center text-white"
      data-external-placeholder
    >
      {video.posterUrl ? (
        // biome-ignore lint/performance/noImgElement: our own poster, no optimisation service
        <img src={video.posterUrl} alt="" className="max-h-40 rounded opacity-80" />
      ) : null}
      <p className="max-w-md">{t("externalNotice")}</p>
      <a href={`/videos/${video.slug}?play=1#player`} className={primaryButton}>
        {t("externalLoad")}
      </a>
    </div>
  );
}

export { ExternalVideo };
