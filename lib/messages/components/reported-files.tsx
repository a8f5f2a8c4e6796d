import { getTranslations } from "@/lib/i18n/server";
import { listReportedMessageAttachments } from "../reported-files";

const attachmentHref = (id: string) => `/messages/attachments/${id}`;

/**
 * The files of a reported message in the moderation queue (the page checks the coordinator's role):
 * images as thumbnails, other files by name and size, each opening the file while the report is open.
 */
export async function ReportedMessageFiles({ messageId }: { messageId: string }) {
  const [files, t] = await Promise.all([
    listReportedMessageAttachments(messageId),
    getTranslations("messages"),
  ]);
  if (files.length === 0) return null;
  const headingId = `reported-files-${messageId}`;
  return (
    <div className="my-2">
      <p id={headingId} className="font-semibold">
        {t("reportedFiles", { count: files.length })}
      </p>
      <ul aria-labelledby={headingId} className="mt-1 flex flex-wrap gap-3">
        {files.map((file) => {
          const size = t("conversation.fileSize", { size: Math.max(1, Math.round(file.byteSize / 1024)) });
          return (
            <li key={file.id}>
              <a
                href={attachmentHref(file.id)}
                className="inline-flex min-h-11 flex-col items-start gap-1 break-all"
              >
                {file.contentType.startsWith("image/") ? (
                  // biome-ignore lint/performance/noImgElement: a thumbnail from our own route, which next/image could not fetch with the coordinator's session
                  <img
                    src={attachmentHref(file.id)}
                    // The file's name follows in the link: the picture only shows what it is.
                    alt=""
                    loading="lazy"
                    className="max-h-40 max-w-60 rounded border border-gray-300"
                  />
                ) : null}
                <span>
                  <span aria-hidden="true">📎 </span>
                  <bdi>{file.fileName}</bdi> <span className="text-sm text-muted">({size})</span>
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
