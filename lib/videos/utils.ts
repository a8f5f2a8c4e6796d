/** A YouTube video id from a watch, short or embed URL (or a bare id); null if it is none of these. */
export function youtubeId(input: string): string | null {
  const text = input.trim();
  if (/^[\w-]{11}$/.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\.|^m\./, "");
  let id: string | null = null;
  if (host === "youtu.be") id = url.pathname.slice(1);
  else if (host === "youtube.com" || host === "youtube-nocookie.com") {
    id =
      url.pathname === "/watch"
        ? url.searchParams.get("v")
        : (url.pathname.match(/^\/(?:embed|shorts)\/([^/]+)/)?.[1] ?? null);
  }
  return id && /^[\w-]{11}$/.test(id) ? id : null;
}

/**
 * The file type by its first bytes, whatever name or type the browser claimed: WebM (EBML header),
 * MP4 ("ftyp" box), JPEG, PNG, WebP.
 */
export function sniffMediaType(head: Uint8Array): string | null {
  const at = (offset: number, bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
  if (at(0, [0x1a, 0x45, 0xdf, 0xa3])) return "video/webm";
  if (at(4, [0x66, 0x74, 0x79, 0x70])) return "video/mp4";
  if (at(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  return null;
}

export type ByteRange = { start: number; end: number };

/**
 * One range from a Range header ("bytes=0-", "bytes=100-199", "bytes=-500") for a file of `size`
 * bytes; null when there is none or several (then the whole file is sent), "unsatisfiable" for 416.
 */
export function parseRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  if (!header) return null;
  const match = header.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return null;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return null;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/** Whether a text is a WebVTT file (its first line starts with "WEBVTT"). */
export const isWebVtt = (text: string) => /^\uFEFF?WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(text);
