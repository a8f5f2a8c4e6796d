import { useTranslations } from "next-intl";
import { directionOf, type Locale } from "@/lib/i18n/config";

/**
 * The mail as its recipient will see it: the HTML (sanitised Markdown, in the version's direction)
 * and the plain-text part. Used live in the compose form and on the campaign's page.
 */
export type Preview = { html: string; text: string };

export function MailPreview(props: { locale: Locale; preview?: Preview; label: string }) {
  const t = useTranslations("campaigns.form");
  const dir = directionOf(props.locale);
  return (
    <section aria-label={props.label} className="min-w-0">
      <h3 className="mb-1 font-semibold">{t("previewHtml")}</h3>
      {props.preview?.html ? (
        <div
          lang={props.locale}
          dir={dir}
          className="prose-legal mb-4 max-h-96 overflow-auto rounded-md border border-gray-300 bg-white p-4"
          // Sanitised on the server by renderMarkdown (the same as the mail).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised Markdown
          dangerouslySetInnerHTML={{ __html: props.preview.html }}
        />
      ) : (
        <p className="mb-4 rounded-md border border-gray-300 p-4">{t("previewEmpty")}</p>
      )}
      <h3 className="mb-1 font-semibold">{t("previewText")}</h3>
      <pre
        lang={props.locale}
        dir={dir}
        className="max-h-64 overflow-auto whitespace-pre-wrap rounded-md border border-gray-300 bg-gray-50 p-4 text-sm"
      >
        {props.preview?.text || t("previewEmpty")}
      </pre>
    </section>
  );
}
