import { z } from "zod";

export const SearchQuery = z.object({
  q: z.string().trim().max(200).default(""),
  author: z.string().trim().max(100).default(""),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
