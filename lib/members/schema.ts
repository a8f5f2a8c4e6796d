import { z } from "zod";
import { ORGANISATION_TYPES } from "@/db/schema/enums";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";

export const DIRECTORY_PAGE_SIZE = 24;

/** Where the directory stands: the last card of the page before, in (name_folded, user_id) order. */
export type DirectoryCursor = { nameFolded: string; id: string };

const CursorTuple = z.tuple([z.string().max(300), z.string().min(1).max(100)]);

/** base64url of JSON, so any name (spaces, "~", Arabic) survives the URL unchanged. */
export const encodeCursor = (cursor: DirectoryCursor): string =>
  Buffer.from(JSON.stringify([cursor.nameFolded, cursor.id]), "utf8").toString("base64url");

export function decodeCursor(value: string | undefined): DirectoryCursor | undefined {
  if (!value || value.length > 600) return undefined;
  try {
    const parsed = CursorTuple.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { nameFolded: parsed.data[0], id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

/** A repeated parameter (`?topic=a&topic=b`) counts with its first value. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A choice from a fixed list; anything else (empty, unknown, tampered) means "no filter", never an error. */
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(first, z.enum(values).optional().catch(undefined));

const noControlChars = /^[^\p{Cc}\p{Cs}\p{Co}]*$/u;

/** The directory's URL: `?q=…&topic=…&language=…&municipality=…&type=…&after=…`, all optional. */
export const DirectoryQuery = z.object({
  q: z.preprocess(
    first,
    z
      .string()
      .trim()
      .max(100)
      .regex(noControlChars)
      .optional()
      .catch(undefined)
      .transform((v) => v || undefined),
  ),
  topic: choice(TOPICS),
  language: choice(SPOKEN_LANGUAGES),
  municipality: choice(MUNICIPALITIES),
  type: choice(ORGANISATION_TYPES),
  after: z.preprocess(
    first,
    z
      .string()
      .optional()
      .catch(undefined)
      .transform((v) => decodeCursor(v)),
  ),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export type DirectoryFilters = Omit<DirectoryQuery, "after">;

/** Search params as Next.js hands them to a page; never throws. */
export function parseDirectoryQuery(params: Record<string, string | string[] | undefined>): DirectoryQuery {
  const parsed = DirectoryQuery.safeParse(params);
  return parsed.success ? parsed.data : { q: undefined, after: undefined };
}

/** The shareable URL of a filtered directory page. */
export function directoryHref(filters: DirectoryFilters, after?: DirectoryCursor): string {
  const params = new URLSearchParams();
  for (const key of ["q", "topic", "language", "municipality", "type"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (after) params.set("after", encodeCursor(after));
  const search = params.toString();
  return search ? `/members?${search}` : "/members";
}
