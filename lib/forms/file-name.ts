/**
 * A file's name as words, for an image's text alternative: "Wohnung_Zeitz-2.jpg" reads "Wohnung Zeitz
 * 2". Uploaded photos are stored as WebP, so the stored name's extension is ours, not the author's.
 */
export function fileNameAsWords(name: string): string {
  const words = name
    .replace(/\.[a-z0-9]{1,5}$/i, "")
    .replace(/[_.-]+/g, " ")
    .trim();
  return words || name;
}
