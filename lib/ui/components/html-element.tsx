import type { HTMLAttributes } from "react";
import type { Html } from "../html";

type Props = HTMLAttributes<HTMLElement> & { as: "li" | "article" | "search" | "datalist"; html: Html };

/**
 * An element whose content is written with the `html` template (lib/ui/html.ts), for the items of
 * long lists and for markup with nothing interactive in it (the directory's search form). It takes
 * only `Html`, so what it inserts has had every value escaped.
 */
export function HtmlElement({ as: Tag, html, ...props }: Props) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: Html comes only from the html template, which escapes every value
  return <Tag {...props} dangerouslySetInnerHTML={{ __html: html.value }} />;
}
