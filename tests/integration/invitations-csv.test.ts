import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { inviteCsvAction } from "@/lib/invitations/actions";
import { createSession, createUser } from "../support/factories";
import { signInWith } from "../support/next-headers";

const uid = () => crypto.randomUUID().slice(0, 8);

/** Uploads these bytes as the CSV file (no name: no file chosen), signed in as a new coordinator. */
async function upload(bytes: Uint8Array<ArrayBuffer>, fileName = "einladungen.csv") {
  const coordinator = await createUser({ role: "coordinator" });
  signInWith(await createSession(coordinator.id));
  const form = new FormData();
  form.set("file", new File([bytes], fileName, { type: fileName ? "text/csv" : "application/octet-stream" }));
  try {
    return await inviteCsvAction({ status: "idle", invited: 0, problems: [] }, form);
  } finally {
    signInWith(undefined);
  }
}

async function nameOf(email: string) {
  const db = await getDb();
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.email, email));
  return row?.name;
}

describe("inviting from a CSV file", () => {
  it("reads a German Excel export in Windows-1252 with semicolons: umlauts arrive whole", async () => {
    const email = `juergen.${uid()}@example.net`;
    // "Name;E-Mail;Sprache" / "Jürgen Müller;…;de" / "Zoë Weiß;…;en" as Windows-1252 bytes
    const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    const other = `zoe.${uid()}@example.net`;
    const bytes = latin1(
      `Name;E-Mail;Sprache\r\nJ\xfcrgen M\xfcller;${email};de\r\nZo\xeb Wei\xdf;${other};en\r\n`,
    );
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();

    const result = await upload(bytes);
    expect(result).toMatchObject({ status: "done", invited: 2, problems: [] });
    expect(await nameOf(email)).toBe("Jürgen Müller");
    expect(await nameOf(other)).toBe("Zoë Weiß");
  });

  it("still reads UTF-8", async () => {
    const email = `olena.${uid()}@example.net`;
    const result = await upload(new TextEncoder().encode(`Олена Коваленко,${email},uk\n`));
    expect(result.invited).toBe(1);
    expect(await nameOf(email)).toBe("Олена Коваленко");
  });

  it("a row with an unknown language names the allowed ones and keeps its e-mail address", async () => {
    const email = `fs.${uid()}@example.net`;
    const result = await upload(new TextEncoder().encode(`Falsche Sprache,${email},fr\n`));
    expect(result).toMatchObject({
      status: "done",
      invited: 0,
      problems: [{ line: 1, email, error: { key: "csvUnknownLanguage" } }],
    });
    expect(await nameOf(email)).toBeUndefined();
  });

  it("names a second row with the same address a duplicate of its first line, and invites once", async () => {
    const email = `dup.${uid()}@example.net`;
    const result = await upload(
      new TextEncoder().encode(
        `Name;E-Mail\nDora Dupont;${email}\nX;x.${uid()}@example.net\nDora D.;${email}\n`,
      ),
    );
    expect(result).toMatchObject({
      status: "done",
      invited: 1,
      problems: [
        { line: 3, error: { key: "tooShort", values: { min: 2 } } },
        { line: 4, email, error: { key: "csvDuplicateRow", values: { line: 2 } } },
      ],
    });
    expect(await nameOf(email)).toBe("Dora Dupont");
  });

  it("tells an empty file from no file chosen, and a file without people from both", async () => {
    expect(await upload(new Uint8Array(0))).toMatchObject({ status: "error", error: "fileEmpty" });
    expect(await upload(new Uint8Array(0), "")).toMatchObject({ status: "error", error: "fileRequired" });
    expect(await upload(new TextEncoder().encode("Name;E-Mail;Sprache\r\n"))).toMatchObject({
      status: "error",
      error: "csvNoRows",
    });
  });
});
