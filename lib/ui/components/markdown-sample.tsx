import type { ReactNode } from "react";

/**
 * Markdown written out in a help text, e.g. `[Text](https://…)`: left-to-right code, isolated from
 * the sentence around it (`dir` isolates), so an Arabic hint keeps its word order and the sample its
 * characters in the order they are typed.
 */
export function MarkdownSample({ children }: { children: ReactNode }) {
  return (
    <code dir="ltr" className="rounded bg-gray-100 px-1 font-sans">
      {children}
    </code>
  );
}

/** The `<code>` tag of hints that show Markdown, for `t.rich(key, markdownTags)`. */
export const markdownTags = { code: (chunks: ReactNode) => <MarkdownSample>{chunks}</MarkdownSample> };
