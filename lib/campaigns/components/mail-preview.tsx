import { useTranslations } from "next-intl";
import { directionOf, type Locale } from "@/lib/i18n/config";

/**
 * The mail as its recipient will see it: the HTML (sanitised Markdown, in the version's direction)
 * and the plain-text part. Used live in the compose form and on the campaign's page.
 */
export type Preview = { html: string; text: string };

export function MailPreview(props: { locale: Locale; preview?: Preview; language: string }) {
  const t = useTranslations("campaigns.form");
  const dir = directionOf(props.locale);
  const id = `preview-${props.locale}`;
  // A long mail scrolls in its box: the box takes the keyboard focus (arrow keys then scroll it) and
  // is named after its heading. A group, not a region: the section is the landmark (one per language).
  return (
    <section aria-label={t("previewIn", { language: props.language })} className="min-w-0">
      <h3 id={`${id}-html`} className="mb-1 font-semibold">
        {t("previewHtml")}
      </h3>
      {props.preview?.html ? (
        // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this is a scroll box
        <div
          role="group"
          aria-labelledby={`${id}-html`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be focusable to be scrolled by keyboard (WCAG 2.1.1)
          tabIndex={0}
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
      <h3 id={`${id}-text`} className="mb-1 font-semibold">
        {t("previewText")}
      </h3>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this is a scroll box */}
      <pre
        role="group"
        aria-labelledby={`${id}-text`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be focusable to be scrolled by keyboard (WCAG 2.1.1)
        tabIndex={0}
        lang={props.locale}
        dir={dir}
        className="max-h-64 overflow-auto whitespace-pre-wrap rounded-md border border-gray-300 bg-gray-50 p-4 text-sm"
      >
        {props.preview?.text || t("previewEmpty")}
      </pre>
    </section>
  );
}
