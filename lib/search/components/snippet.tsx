/**
 * A search snippet with its matches highlighted. ts_headline marks them with [[[mark]]] delimiters
 * in the raw text; React escapes every piece, so nothing from a post can become markup.
 */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/\[\[\[(\/?)mark\]\]\]/);
  const out: React.ReactNode[] = [];
  let marked = false;
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      marked = parts[i] === "";
      continue;
    }
    const piece = parts[i]!;
    if (!piece) continue;
    out.push(marked ? <mark key={i}>{piece}</mark> : piece);
  }
  return <>{out}</>;
}
