import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applications, userErasures, users } from "@/db/schema";
import { getViewerBySessionToken } from "@/lib/auth/viewer";
import { confirmDeletionAction, requestDeletionAction } from "@/lib/privacy/actions";
import { deleteOwnAccount } from "@/lib/privacy/mutations";
import { redirectOf } from "../support/actions";
import { mailsTo } from "../support/event-factories";
import { createSession, createUser } from "../support/factories";
import { signInWith } from "../support/next-headers";
import { ownDatabaseForThisFile } from "../support/own-database";

/** Presses "delete" (or "withdraw") as this person; resolves to where it went. */
async function requestAs(userId: string): Promise<string> {
  signInWith(await createSession(userId));
  try {
    return await redirectOf(() => requestDeletionAction());
  } finally {
    signInWith(undefined);
  }
}

/** Opens the mailed link and presses the confirm button there (no session needed). */
async function confirmFromMail(email: string): Promise<string> {
  const [mail] = await mailsTo(email);
  const token = mail?.text.match(/\/settings\/privacy\/delete\?token=(\S+)/)?.[1];
  expect(token).toBeTruthy();
  const form = new FormData();
  form.set("token", decodeURIComponent(token!));
  return redirectOf(() => confirmDeletionAction(form));
}

const isErased = async (userId: string) => {
  const db = await getDb();
  return (await db.select().from(userErasures).where(eq(userErasures.userId, userId))).length === 1;
};

// "The only admin" must be one this file creates: no other file's admins in its database.
ownDatabaseForThisFile();

describe("the network's last admin", () => {
  it("is refused on request and on confirmation, until someone else is admin", async () => {
    const admin = await createUser({ role: "admin" });
    expect(await requestAs(admin.id)).toBe("/settings/privacy#delete-heading");
    expect(await mailsTo(admin.email)).toHaveLength(0);
    await expect(deleteOwnAccount({ userId: admin.id })).rejects.toThrow("lastAdmin");

    // A link mailed while there was a second admin, who has left since: still refused.
    const second = await createUser({ role: "admin" });
    expect(await requestAs(admin.id)).toBe("/settings/privacy?sent=1#delete-heading");
    await deleteOwnAccount({ userId: second.id });
    expect(await confirmFromMail(admin.email)).toMatch(/^\/settings\/privacy\/delete\?token=/);
    expect(await isErased(admin.id)).toBe(false);

    // With another admin the first may go; the remaining one then may not.
    const successor = await createUser({ role: "admin" });
    expect(await confirmFromMail(admin.email)).toBe("/settings/privacy/deleted");
    expect(await isErased(admin.id)).toBe(true);
    await expect(deleteOwnAccount({ userId: successor.id })).rejects.toThrow("lastAdmin");
  });
});

describe("an applicant withdraws", () => {
  it("gets the confirmation mail, and after confirming cannot sign in nor appear in the queue", async () => {
    const applicant = await createUser({ status: "pending", name: "Bewerberin Rückzug" });
    const db = await getDb();
    await db.insert(applications).values({
      userId: applicant.id,
      source: "signup",
      status: "pending",
      locale: "de",
      reason: "Ich möchte mitmachen",
    });
    const session = await createSession(applicant.id);
    expect(await requestAs(applicant.id)).toBe("/application?sent=1#delete-heading");
    expect(await isErased(applicant.id)).toBe(false);

    expect(await confirmFromMail(applicant.email)).toBe("/settings/privacy/deleted?withdrawn=1");
    expect(await getViewerBySessionToken(session)).toBeNull();
    const [row] = await db.select().from(users).where(eq(users.id, applicant.id));
    expect(row).toMatchObject({ name: null, status: "blocked" });
    // the coordinators' queue lists rows of this table
    expect(await db.select().from(applications).where(eq(applications.userId, applicant.id))).toEqual([]);
  });
});
