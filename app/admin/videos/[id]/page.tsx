import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { StatusBadge } from "@/lib/faq/components/status-badge";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle } from "@/lib/ui/components/button-styles";
import { DeleteSection } from "@/lib/ui/components/delete-section";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { ConfirmPanel } from "@/lib/users/components/confirm-panel";
import { deleteVideoAction } from "@/lib/videos/actions";
import { getVideoForEdit } from "@/lib/videos/admin-data";
import { CaptionsForm } from "@/lib/videos/components/captions-form";
import { UploadForm } from "@/lib/videos/components/upload-form";
import { VideoForm } from "@/lib/videos/components/video-form";
import { VideoTranslationForm } from "@/lib/videos/components/video-translation-form";
import { MAX_POSTER_BYTES, MAX_VIDEO_BYTES } from "@/lib/videos/constants";
import { VIDEO_TRANSLATION_LOCALES } from "@/lib/videos/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("videosAdmin"))("editTitle") };
}

const SAVED = ["created", "video", "en", "ar", "uk", "captions"] as const;
const UPLOAD_ERRORS = ["fileRequired", "fileType", "fileTooLarge", "uploadFailed"] as const;
const MB = 1024 * 1024;

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{
    saved?: string;
    uploaded?: string;
    error?: string;
    kind?: string;
    confirm?: string;
  }>;
};

export default async function EditVideoPage({ params, searchParams }: Props) {
  await requireRole("coordinator");
  const { id } = await params;
  const query = await searchParams;
  const video = id.length <= 64 ? await getVideoForEdit({ videoId: id }) : null;
  if (!video) notFound();
  const t = await getTranslations("videosAdmin");
  const uploadError = UPLOAD_ERRORS.find((e) => e === query.error);
  const errorFor = (kind: "video" | "poster") =>
    uploadError && query.kind === kind
      ? t(
          `errors.${uploadError}${uploadError === "fileType" || uploadError === "fileTooLarge" ? (kind === "video" ? "Video" : "Poster") : ""}` as "errors.uploadFailed",
          {
            max: Math.round((kind === "video" ? MAX_VIDEO_BYTES : MAX_POSTER_BYTES) / MB),
          },
        )
      : undefined;
  const german = video.texts.de;
  const here = `/admin/videos/${video.id}`;
  return (
    <>
      <p className="mb-2">
        <a href="/admin/videos">{t("backToList")}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("editTitle")}</h1>
      {SAVED.find((s) => s === query.saved) ? (
        <FormAlert kind="success">{t(`saved.${query.saved as (typeof SAVED)[number]}`)}</FormAlert>
      ) : null}
      {query.uploaded === "video" || query.uploaded === "poster" ? (
        <FormAlert kind="success">{t(query.uploaded === "video" ? "saved.file" : "saved.poster")}</FormAlert>
      ) : null}
      {query.confirm === "delete" ? (
        <ConfirmPanel
          heading={t("confirmDeleteHeading", { title: german?.title ?? video.slug })}
          explanation={t("deleteHint")}
          confirmLabel={t("confirmDelete")}
          cancelLabel={t("cancel")}
          cancelHref={here}
          action={deleteVideoAction}
          fields={{ videoId: video.id, confirmed: "yes" }}
          danger
        />
      ) : null}
      <p className="mb-6">
        <a href={`/videos/${video.slug}`}>{t("preview")}</a>
      </p>
      <ClientMessages namespaces={["videosAdmin", "errors.chooseFilesAgain"]}>
        <section aria-labelledby="german-heading" className="mb-12">
          <h2 id="german-heading" className="mb-2 text-2xl font-bold">
            {t("germanTitle")}
          </h2>
          <p className="mb-4 max-w-2xl">{t("germanHint")}</p>
          <VideoForm
            video={{
              videoId: video.id,
              slug: video.slug,
              kind: video.kind,
              externalUrl: video.externalId ? `https://www.youtube.com/watch?v=${video.externalId}` : "",
              title: german?.title ?? "",
              description: german?.description ?? "",
              transcript: german?.transcript ?? "",
              published: video.published,
            }}
          />
        </section>
        <section aria-labelledby="files-heading" className="mb-12">
          <h2 id="files-heading" className="mb-4 text-2xl font-bold">
            {t("filesTitle")}
          </h2>
          {video.kind === "upload" ? (
            <div id="upload-video" className={`${cardStyle} mb-4`}>
              <p className="mb-3">
                {video.media
                  ? t("currentFile", { type: video.media.type, size: (video.media.byteSize / MB).toFixed(1) })
                  : t("noFile")}
              </p>
              <UploadForm
                id="video-file"
                action={`/api/videos/${video.id}/upload?kind=video`}
                label={t("videoFile")}
                hint={t("videoFileHint", { max: MAX_VIDEO_BYTES / MB })}
                accept="video/mp4,video/webm"
                submit={t("uploadVideo")}
                error={errorFor("video")}
              />
            </div>
          ) : null}
          <div id="upload-poster" className={cardStyle}>
            {video.posterUrl ? (
              // biome-ignore lint/performance/noImgElement: our own poster
              <img src={video.posterUrl} alt={t("currentPoster")} className="mb-3 max-h-40 rounded" />
            ) : null}
            <UploadForm
              id="poster-file"
              action={`/api/videos/${video.id}/upload?kind=poster`}
              label={t("posterFile")}
              hint={t("posterFileHint", { max: MAX_POSTER_BYTES / MB })}
              accept="image/jpeg,image/png,image/webp"
              submit={t("uploadPoster")}
              error={errorFor("poster")}
            />
          </div>
        </section>
        <section id="captions" aria-labelledby="captions-heading" className="mb-12">
          <h2 id="captions-heading" className="mb-2 text-2xl font-bold">
            {t("captionsTitle")}
          </h2>
          <p className="mb-4">
            {video.captionLocales.length > 0
              ? t("captionsPresent", {
                  languages: video.captionLocales.map((l) => t(`languages.${l}`)).join(", "),
                })
              : t("captionsNone")}
          </p>
          <CaptionsForm videoId={video.id} />
        </section>
        <section aria-labelledby="translations-heading" className="mb-12">
          <h2 id="translations-heading" className="mb-4 text-2xl font-bold">
            {t("translationsTitle")}
          </h2>
          <div className="space-y-6">
            {VIDEO_TRANSLATION_LOCALES.map((locale) => {
              const text = video.texts[locale];
              const status = text?.status ?? "missing";
              return (
                <section
                  key={locale}
                  id={`translation-${locale}`}
                  aria-labelledby={`translation-${locale}-heading`}
                  className={cardStyle}
                >
                  <div className="mb-3 flex flex-wrap items-center gap-3">
                    <h3 id={`translation-${locale}-heading`} className="text-xl font-bold">
                      {t(`languages.${locale}`)}
                    </h3>
                    <StatusBadge
                      status={status}
                      label={t("statusFor", {
                        language: t(`languages.${locale}`),
                        status: t(`status.${status}`),
                      })}
                    />
                  </div>
                  <VideoTranslationForm
                    videoId={video.id}
                    locale={locale}
                    values={{
                      title: text?.title ?? "",
                      description: text?.description ?? "",
                      transcript: text?.transcript ?? "",
                    }}
                  />
                </section>
              );
            })}
          </div>
        </section>
      </ClientMessages>
      <DeleteSection title={t("deleteTitle")} hint={t("deleteHint")} label={t("delete")} pageHref={here} />
    </>
  );
}
