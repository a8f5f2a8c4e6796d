/**
 * A post's text as the thread shows it, from its stored sanitised HTML (lib/forum/render.ts), for
 * the pages that show a post outside its thread (the report form, the moderation queue).
 */
export function PostBody({ html, className = "" }: { html: string; className?: string }) {
  return (
    <div
      dir="auto"
      className={`forum-body prose-legal ${className}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: body_html is rendered and sanitised when the post is saved
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
