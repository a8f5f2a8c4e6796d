import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailChanges, suppressions, users } from "@/db/schema";
import {
  cancelEmailChangeAction,
  confirmEmailChangeAction,
  requestEmailChangeAction,
  resendEmailChangeAction,
} from "@/lib/account/actions";
import { checkEmailChangeLink, getPendingEmailChange } from "@/lib/account/data";
import { confirmEmailChange, requestEmailChange } from "@/lib/account/mutations";
import { findAccessState } from "@/lib/auth/data";
import { IDLE } from "@/lib/forms/state";
import { exportUserData } from "@/lib/privacy/data";
import { getUserDetail } from "@/lib/users/data";
import { actAs } from "../support/actions";
import { auditEntriesFor } from "../support/admin-factories";
import { mailsTo } from "../support/event-factories";
import { createSession, createUser, uniqueEmail } from "../support/factories";
import { form } from "../support/forms";

/** A member with a session; `ask(email)` submits "Neue E-Mail-Adresse" as them. */
async function member(locale: "de" | "en" | "ar" | "uk" = "de") {
  const user = await createUser({ locale, name: `Person ${crypto.randomUUID().slice(0, 6)}` });
  const session = await createSession(user.id);
  return {
    ...user,
    session,
    ask: (email: string) => actAs(session, () => requestEmailChangeAction(IDLE, form({ email }))),
  };
}

/** The token of the newest confirmation link mailed to the address. */
async function tokenMailedTo(email: string): Promise<string> {
  const [mail] = await mailsTo(email);
  const token = mail?.text.match(/\/settings\/account\/confirm\?token=(\S+)/)?.[1];
  expect(token, `no confirmation link mailed to ${email}`).toBeTruthy();
  return decodeURIComponent(token!);
}

const confirmAs = (session: string | undefined, token: string) =>
  actAs(session, () => confirmEmailChangeAction(form({ token })));

const emailOf = async (userId: string) => {
  const db = await getDb();
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email;
};

describe("changing one's sign-in address", () => {
  it("mails the new address; only its link changes the address, and the old one is told", async () => {
    const person = await member("en");
    const next = uniqueEmail();
    expect(await person.ask(`  ${next.toUpperCase()} `)).toBe(
      "redirected:/settings/account?sent=1#pending-heading",
    );

    // Nothing changed yet: the old address still signs in, the page shows the wait.
    expect(await emailOf(person.id)).toBe(person.email);
    expect(await getPendingEmailChange({ userId: person.id })).toMatchObject({
      newEmail: next,
      expired: false,
    });
    const [confirmation] = await mailsTo(next);
    expect(confirmation?.subject).toBe("Confirm your new sign-in address");
    expect(confirmation?.html).toContain('lang="en"');
    expect(await mailsTo(person.email)).toHaveLength(0);

    const token = await tokenMailedTo(next);
    expect(await confirmAs(person.session, token)).toBe("redirected:/settings/account?changed=1");
    expect(await emailOf(person.id)).toBe(next);
    expect(await findAccessState(next)).toMatchObject({ status: "approved" });
    expect(await findAccessState(person.email)).toBeNull();
    expect(await getPendingEmailChange({ userId: person.id })).toBeNull();
    // Coordinators see the new address at /admin/users.
    expect(await getUserDetail({ userId: person.id })).toMatchObject({ email: next });

    const [notice] = await mailsTo(person.email);
    expect(notice?.subject).toBe("Your sign-in address was changed");
    expect(notice?.text).toContain(next);
    expect(notice?.text).toContain("If this was not you");
    expect((await auditEntriesFor(person.id))[0]).toMatchObject({ action: "user.emailChanged" });

    // Single use: the same link again does nothing.
    expect(await confirmAs(person.session, token)).toMatch(
      /^redirected:\/settings\/account\/confirm\?token=/,
    );
    expect(await checkEmailChangeLink({ token, viewerId: null })).toEqual({ state: "invalid" });
  });

  it("works from the link signed out too (the link is the proof), with the notice in Arabic", async () => {
    const person = await member("ar");
    const next = uniqueEmail();
    await person.ask(next);
    expect(await confirmAs(undefined, await tokenMailedTo(next))).toBe(
      "redirected:/settings/account/confirm?done=1",
    );
    expect(await emailOf(person.id)).toBe(next);
    const [notice] = await mailsTo(person.email);
    expect(notice?.html).toContain('dir="rtl"');
    expect(notice?.subject).toBe("تم تغيير عنوان تسجيل الدخول الخاص بك");
  });

  it("says beside the field when the address is unchanged, malformed or another account's", async () => {
    const person = await member();
    const other = await createUser({ status: "pending" });
    const fieldError = async (email: string) => {
      const state = (await person.ask(email)) as {
        status: string;
        fieldErrors: Record<string, { key: string }>;
      };
      expect(state.status).toBe("error");
      return state.fieldErrors.email?.key;
    };
    expect(await fieldError(person.email.toUpperCase())).toBe("emailUnchanged");
    expect(await fieldError("not-an-address")).toBe("invalidEmail");
    expect(await fieldError(other.email)).toBe("emailInUse");
    expect(await getPendingEmailChange({ userId: person.id })).toBeNull();
    expect(await mailsTo(other.email)).toHaveLength(0);
  });

  it("refuses an expired link and keeps the old address", async () => {
    const person = await createUser();
    const next = uniqueEmail();
    const past = new Date(Date.now() - 25 * 3600_000);
    const { token } = await requestEmailChange({ userId: person.id, newEmail: next, now: past });
    expect(await getPendingEmailChange({ userId: person.id })).toMatchObject({ expired: true });
    await expect(confirmEmailChange({ token, viewerId: null })).rejects.toThrow("linkInvalid");
    expect(await emailOf(person.id)).toBe(person.email);
  });

  it("refuses when the address was taken meanwhile, e.g. by a sign-up", async () => {
    const person = await createUser();
    const next = uniqueEmail();
    const { token } = await requestEmailChange({ userId: person.id, newEmail: next });
    const applicant = await createUser({ status: "pending", email: next });
    expect(await checkEmailChangeLink({ token, viewerId: person.id })).toMatchObject({ state: "taken" });
    await expect(confirmEmailChange({ token, viewerId: person.id })).rejects.toThrow("emailInUse");
    expect(await emailOf(person.id)).toBe(person.email);
    expect(await emailOf(applicant.id)).toBe(next);
  });

  it("gives one address to one account when two confirm it at once", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    const next = uniqueEmail();
    const links = await Promise.all(
      [a!, b!].map((user) => requestEmailChange({ userId: user.id, newEmail: next })),
    );
    const results = await Promise.allSettled(
      links.map(({ token }, i) => confirmEmailChange({ token, viewerId: [a!, b!][i]!.id })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const db = await getDb();
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, next))).toHaveLength(1);
  });

  it("refuses another member: they cannot confirm or cancel someone else's change", async () => {
    const owner = await member();
    const intruder = await member();
    const next = uniqueEmail();
    await owner.ask(next);
    const token = await tokenMailedTo(next);

    expect(await checkEmailChangeLink({ token, viewerId: intruder.id })).toEqual({ state: "otherAccount" });
    expect(await confirmAs(intruder.session, token)).toMatch(
      /^redirected:\/settings\/account\/confirm\?token=/,
    );
    // Cancelling and resending act on the viewer's own change only: the owner's stays.
    expect(await actAs(intruder.session, () => cancelEmailChangeAction())).toBe(
      "redirected:/settings/account?cancelled=1",
    );
    expect(await actAs(intruder.session, () => resendEmailChangeAction())).toBe(
      "redirected:/settings/account",
    );
    expect(await emailOf(owner.id)).toBe(owner.email);
    expect(await emailOf(intruder.id)).toBe(intruder.email);
    expect(await getPendingEmailChange({ userId: owner.id })).toMatchObject({ newEmail: next });
    // A visitor is sent to sign in.
    expect(await actAs(undefined, () => cancelEmailChangeAction())).toMatch(/^redirected:\/login/);

    // The owner's own link still works.
    expect(await confirmAs(owner.session, token)).toBe("redirected:/settings/account?changed=1");
    expect(await emailOf(owner.id)).toBe(next);
  });

  it("resending mails a new link and the earlier ones keep working; another address or cancelling ends them", async () => {
    const person = await member();
    const next = uniqueEmail();
    await person.ask(next);
    const first = await tokenMailedTo(next);
    // "Link erneut senden", clicked twice
    for (let click = 0; click < 2; click++)
      expect(await actAs(person.session, () => resendEmailChangeAction())).toBe(
        "redirected:/settings/account?sent=1#pending-heading",
      );
    expect(await mailsTo(next)).toHaveLength(3);
    const newest = await tokenMailedTo(next);
    expect(newest).not.toBe(first);
    for (const token of [first, newest])
      expect(await checkEmailChangeLink({ token, viewerId: null })).toEqual({
        state: "valid",
        newEmail: next,
      });

    // Another address: the links to the first one stop working.
    const other = uniqueEmail();
    await person.ask(other);
    for (const token of [first, newest])
      expect(await checkEmailChangeLink({ token, viewerId: null })).toEqual({ state: "invalid" });
    const toOther = await tokenMailedTo(other);

    await actAs(person.session, () => cancelEmailChangeAction());
    expect(await checkEmailChangeLink({ token: toOther, viewerId: null })).toEqual({ state: "invalid" });
    expect(await confirmAs(person.session, toOther)).toMatch(
      /^redirected:\/settings\/account\/confirm\?token=/,
    );
    expect(await emailOf(person.id)).toBe(person.email);
  });

  it("changes the address from the first of two links mailed, after which the other one is spent", async () => {
    const person = await member();
    const next = uniqueEmail();
    await person.ask(next);
    const first = await tokenMailedTo(next);
    await actAs(person.session, () => resendEmailChangeAction());
    const second = await tokenMailedTo(next);

    expect(await confirmAs(person.session, first)).toBe("redirected:/settings/account?changed=1");
    expect(await emailOf(person.id)).toBe(next);
    expect(await checkEmailChangeLink({ token: second, viewerId: null })).toEqual({ state: "invalid" });
  });

  it("takes the member's campaign unsubscribe along, and the export shows a pending change", async () => {
    const person = await createUser();
    const db = await getDb();
    await db.insert(suppressions).values({ email: person.email, reason: "unsubscribed" });
    const waiting = uniqueEmail();
    await requestEmailChange({ userId: person.id, newEmail: waiting });
    expect((await exportUserData({ userId: person.id })).pendingEmailChange).toMatchObject({
      newEmail: waiting,
    });

    const next = uniqueEmail();
    const { token } = await requestEmailChange({ userId: person.id, newEmail: next });
    await confirmEmailChange({ token, viewerId: null });
    expect(await db.select().from(suppressions).where(eq(suppressions.email, next))).toHaveLength(1);
    expect((await exportUserData({ userId: person.id })).pendingEmailChange).toBeNull();
    expect(await db.select().from(emailChanges).where(eq(emailChanges.userId, person.id))).toHaveLength(0);
  });
});
