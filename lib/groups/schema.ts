import { z } from "zod";
import { line } from "@/lib/forms/schema";

export const GroupInput = z.object({
  name: line(100, 2),
  description: z.string().trim().max(500).default(""),
});

export const GroupMemberInput = z.object({
  groupId: z.string().min(1).max(64),
  email: z.string().trim().toLowerCase().min(1, { error: "required" }).max(254),
});

export const CategoryForm = z
  .object({
    id: z
      .string()
      .max(64)
      .optional()
      .transform((v) => v || undefined),
    name: line(80, 2),
    description: z.string().trim().max(500).default(""),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "invalid" }),
    visibility: z.enum(["public", "members", "group"], { error: "invalidChoice" }),
    groupId: z
      .string()
      .max(64)
      .optional()
      .transform((v) => v || undefined),
    position: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .refine((v) => v.visibility !== "group" || v.groupId, { error: "required", path: ["groupId"] });
