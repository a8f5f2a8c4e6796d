import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { StatusBadge } from "@/lib/faq/components/status-badge";
import { LOCALES } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle, primaryButton, secondaryButton, smallButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { MoveButtons } from "@/lib/ui/components/move-buttons";
import { moveVideoAction, setVideoPublishedAction } from "@/lib/videos/actions";
import { listVideosForAdmin } from "@/lib/videos/admin-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("videosAdmin"))("pageTitle") };
}

const SAVED = ["published", "unpublished", "deleted"] as const;

export default async function AdminVideosPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string }>;
}) {
  await requireRole("coordinator");
  const t = await getTranslations("videosAdmin");
  const { saved } = await searchParams;
  const list = await listVideosForAdmin();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("pageTitle")}</h1>
      <p className="mb-4 max-w-2xl">{t("intro")}</p>
      {SAVED.find((s) => s === saved) ? (
        <FormAlert kind="success">{t(`saved.${saved as (typeof SAVED)[number]}`)}</FormAlert>
      ) : null}
      <div className="mb-8 flex flex-wrap gap-3">
        <a href="/admin/videos/new" className={primaryButton}>
          {t("newVideo")}
        </a>
        <a href="/videos" className={secondaryButton}>
          {t("viewPublic")}
        </a>
      </div>
      {list.length === 0 ? <p>{t("empty")}</p> : null}
      <ol className="space-y-4">
        {list.map((video, index) => (
          <li key={video.id} id={`video-${video.id}`} className={cardStyle}>
            <h2 className="text-lg font-bold">
              <a href={`/admin/videos/${video.id}`}>{video.title}</a>
            </h2>
            <p className="text-sm">
              <span className="font-semibold">{video.published ? t("published") : t("draft")}</span> ·{" "}
              {t(`kinds.${video.kind}`)}
              {video.hasMedia ? "" : ` · ${t("noFile")}`}
              {` · ${t("captionsCount", { count: video.captionLocales.length })}`}
            </p>
            <ul className="my-3 flex flex-wrap gap-2" aria-label={t("translationStatus")}>
              {LOCALES.filter((l) => l !== "de").map((locale) => (
                <li key={locale} data-locale={locale}>
                  <StatusBadge
                    status={video.statuses[locale]}
                    label={t("statusFor", {
                      language: t(`languages.${locale}`),
                      status: t(`status.${video.statuses[locale]}`),
                    })}
                  />
                </li>
              ))}
            </ul>
            <div className="flex flex-wrap gap-2">
              <form action={setVideoPublishedAction}>
                <input type="hidden" name="videoId" value={video.id} />
                <input type="hidden" name="published" value={video.published ? "0" : "1"} />
                <button
                  type="submit"
                  className={smallButton}
                  aria-label={t(video.published ? "unpublishLabel" : "publishLabel", { title: video.title })}
                >
                  {video.published ? t("unpublish") : t("publish")}
                </button>
              </form>
              <MoveButtons
                action={moveVideoAction}
                item={{ videoId: video.id }}
                up={index > 0 ? { text: t("moveUp"), label: t("moveUpLabel", { title: video.title }) } : null}
                down={
                  index < list.length - 1
                    ? { text: t("moveDown"), label: t("moveDownLabel", { title: video.title }) }
                    : null
                }
              />
              <a
                href={`/admin/videos/${video.id}`}
                className={smallButton}
                aria-label={t("editLabel", { title: video.title })}
              >
                {t("edit")}
              </a>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
