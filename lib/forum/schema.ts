import { z } from "zod";
import { line, multiline } from "@/lib/forms/schema";
import { MAX_BODY } from "./constants";
import { REACTIONS } from "./utils";

const body = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(MAX_BODY, { error: "tooLong" })
  // Line breaks and tabs are fine in a post; other control characters are not.
  .refine((v) => !/[\p{Cc}]/u.test(v.replace(/[\n\r\t]/g, "")), { error: "invalidCharacters" });

const intent = z.enum(["preview", "submit"]).default("submit");

export const NewThread = z.object({
  categoryId: z.string({ error: "required" }).min(1, { error: "required" }).max(64),
  title: line(150, 5),
  body,
  intent,
});
export type NewThread = z.infer<typeof NewThread>;

export const NewReply = z.object({ threadId: z.coerce.number().int().positive(), body, intent });
export type NewReply = z.infer<typeof NewReply>;

export const EditPost = z.object({ postId: z.coerce.number().int().positive(), body, intent });
export type EditPost = z.infer<typeof EditPost>;

export const PostRef = z.object({ postId: z.coerce.number().int().positive() });

/** "confirmed" comes only from the confirmation step: the post's button leads there first. */
export const DeletePost = PostRef.extend({ confirmed: z.string().max(8).optional() });

export const Reaction = z.object({
  postId: z.coerce.number().int().positive(),
  emoji: z.enum(REACTIONS),
  give: z.boolean(),
});

export const Watch = z.object({
  subjectType: z.enum(["thread", "category"]),
  subjectId: z.string().min(1).max(64),
  level: z.enum(["watch", "mute", "none"]),
  back: z.string().startsWith("/forum").max(300),
});

export const ThreadModeration = z.object({
  threadId: z.coerce.number().int().positive(),
  op: z.enum(["pin", "unpin", "lock", "unlock", "close", "open", "move"]),
  categoryId: z.string().max(64).optional(),
});

export const ReportInput = z.object({
  postId: z.coerce.number().int().positive(),
  reason: multiline(1000, 3),
});
