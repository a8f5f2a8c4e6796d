import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown/render";
import { getLegalText, type LegalPage } from "../data";

/** A legal page's text from the settings, in the reader's language or German with a notice. */
export async function LegalPageView({ page, title }: { page: LegalPage; title: string }) {
  const locale = await getLocale();
  const t = await getTranslations("legal");
  const text = await getLegalText(page, locale);
  return (
    <article className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{title}</h1>
      {text && text.locale !== locale ? (
        <p className="mb-4 rounded-md bg-amber-50 p-3" role="note">
          {t("germanOnly")}
        </p>
      ) : null}
      {text ? (
        <div
          className="prose-legal"
          lang={text.locale}
          // Sanitised on the server by renderMarkdown (tested in lib/markdown/render.test.ts).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised above
          dangerouslySetInnerHTML={{ __html: renderMarkdown(text.markdown) }}
        />
      ) : (
        <p>{t("missing")}</p>
      )}
    </article>
  );
}
