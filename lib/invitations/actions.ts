"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth/viewer";
import { decodeCsv } from "@/lib/csv/utils";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import type { FieldError } from "@/lib/forms/state";
import { parseInvitationCsv } from "./csv";
import { inviteMember } from "./mutations";
import { Invite, MAX_CSV_BYTES } from "./schema";

export const inviteAction = formAction(
  Invite,
  async (data) => {
    const coordinator = await requireRole("coordinator");
    await inviteMember({ ...data, inviterId: coordinator.id, inviterName: coordinator.name });
    revalidatePath("/admin/signups");
    return { status: "success", message: "invited" };
  },
  { uniqueViolation: { field: "email", key: "alreadyRegistered" } },
);

export type CsvInviteResult = {
  status: "idle" | "error" | "done";
  error?: string;
  invited: number;
  problems: { line: number; email?: string; error: FieldError }[];
  tooMany?: boolean;
};

const CsvUpload = z.object({
  file: z
    .instanceof(File, { error: "fileRequired" })
    // a form sent without a chosen file carries one without name or content
    .refine((f) => f.size > 0 || f.name !== "", { error: "fileRequired", abort: true })
    .refine((f) => f.size > 0, { error: "fileEmpty", abort: true })
    .refine((f) => f.size <= MAX_CSV_BYTES, { error: "fileTooLarge" })
    .refine((f) => /\.(csv|txt)$/i.test(f.name) || f.type.startsWith("text/"), { error: "fileNotCsv" }),
});

/** Invites every valid row of an uploaded CSV file; reports the rest row by row. */
export async function inviteCsvAction(
  _previous: CsvInviteResult,
  formData: FormData,
): Promise<CsvInviteResult> {
  const coordinator = await requireRole("coordinator");
  const parsed = CsvUpload.safeParse({ file: formData.get("file") });
  if (!parsed.success)
    return { status: "error", error: parsed.error.issues[0]?.message, invited: 0, problems: [] };
  const { rows, tooMany } = parseInvitationCsv(
    decodeCsv(new Uint8Array(await parsed.data.file.arrayBuffer())),
  );
  if (!rows.length) return { status: "error", error: "csvNoRows", invited: 0, problems: [] };
  const problems: CsvInviteResult["problems"] = [];
  let invited = 0;
  for (const row of rows) {
    if (!row.ok) {
      problems.push({ line: row.line, email: row.email, error: row.error });
      continue;
    }
    try {
      await inviteMember({ ...row.invite, inviterId: coordinator.id, inviterName: coordinator.name });
      invited++;
    } catch (error) {
      if (!(error instanceof AppError)) console.error("CSV invitation failed:", error);
      problems.push({
        line: row.line,
        email: row.invite.email,
        error: { key: error instanceof AppError ? error.message : "generic" },
      });
    }
  }
  revalidatePath("/admin/signups");
  return { status: "done", invited, problems, tooMany };
}
