import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailChanges, organisationAdmins, users } from "@/db/schema";
import { confirmEmailChangeAction } from "@/lib/account/actions";
import { getPendingEmailChange } from "@/lib/account/data";
import { findAccessState } from "@/lib/auth/data";
import { IDLE } from "@/lib/forms/state";
import { cancelUserEmailChangeAction, requestUserEmailChangeAction } from "@/lib/users/actions";
import { requestUserEmailChange } from "@/lib/users/mutations";
import { actAs } from "../support/actions";
import { auditEntriesFor, createPerson } from "../support/admin-factories";
import { mailsTo } from "../support/event-factories";
import { createOrganisation, createSession, createUser, uniqueEmail } from "../support/factories";
import { form } from "../support/forms";

/** Someone signed in in the given role; `correct(userId, email)` submits the admin page's address form as them. */
async function signedIn(role: "member" | "coordinator" | "admin") {
  const person = await createPerson(role);
  const session = await createSession(person.id);
  return {
    ...person,
    session,
    correct: (userId: string, email: string) =>
      actAs(session, () => requestUserEmailChangeAction(IDLE, form({ userId, email }))),
  };
}

const emailOf = async (userId: string) => {
  const db = await getDb();
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email;
};

async function tokenMailedTo(email: string): Promise<string> {
  const [mail] = await mailsTo(email);
  const token = mail?.text.match(/\/settings\/account\/confirm\?token=(\S+)/)?.[1];
  expect(token, `no confirmation link mailed to ${email}`).toBeTruthy();
  return decodeURIComponent(token!);
}

const fieldError = (state: unknown) =>
  (state as { fieldErrors?: Record<string, { key: string }> }).fieldErrors?.email?.key;

describe("a coordinator corrects a member's sign-in address", () => {
  it("mails the link to the new address in the member's language; opening it changes the address", async () => {
    const coordinator = await signedIn("coordinator");
    const member = await createUser({ locale: "en", name: "Mia Lost-Mailbox" });
    const next = uniqueEmail();
    expect(await coordinator.correct(member.id, ` ${next.toUpperCase()}`)).toBe(
      `redirected:/admin/users/${member.id}?done=emailChangeRequested#email-heading`,
    );

    // Nothing changed yet: a typo by the coordinator cannot lock the member out.
    expect(await emailOf(member.id)).toBe(member.email);
    expect(await getPendingEmailChange({ userId: member.id })).toMatchObject({ newEmail: next });
    const [mail] = await mailsTo(next);
    expect(mail?.subject).toBe("Confirm your new sign-in address");
    expect(mail?.text).toContain("The coordination office of");
    expect(mail?.text).toContain("Mia Lost-Mailbox");
    expect(await mailsTo(member.email)).toHaveLength(0);
    const [requested] = await auditEntriesFor(member.id);
    expect(requested).toMatchObject({ action: "user.emailChangeRequested", actorId: coordinator.id });

    // The member opens the link signed out (the old mailbox is gone): the link is the proof.
    const token = await tokenMailedTo(next);
    expect(await actAs(undefined, () => confirmEmailChangeAction(form({ token })))).toBe(
      "redirected:/settings/account/confirm?done=1",
    );
    expect(await emailOf(member.id)).toBe(next);
    expect(await findAccessState(next)).toMatchObject({ status: "approved" });
    const [notice] = await mailsTo(member.email);
    expect(notice?.subject).toBe("Your sign-in address was changed");
    expect(notice?.text).toContain(next);
    const actions = (await auditEntriesFor(member.id)).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["user.emailChangeRequested", coordinator.id],
        ["user.emailChanged", member.id],
      ]),
    );
  });

  it("says beside the field when the address is malformed, unchanged or another account's", async () => {
    const coordinator = await signedIn("coordinator");
    const member = await createUser();
    const applicant = await createUser({ status: "pending" });
    expect(fieldError(await coordinator.correct(member.id, "not-an-address"))).toBe("invalidEmail");
    expect(fieldError(await coordinator.correct(member.id, member.email.toUpperCase()))).toBe(
      "emailUnchanged",
    );
    const taken = await coordinator.correct(member.id, applicant.email);
    expect(fieldError(taken)).toBe("emailInUse");
    // What was typed stays in the field; nothing about the other account comes back.
    expect(taken).toMatchObject({ values: { email: applicant.email } });
    expect(JSON.stringify(taken)).not.toContain(applicant.id);
    expect(await getPendingEmailChange({ userId: member.id })).toBeNull();
    expect(await mailsTo(applicant.email)).toHaveLength(0);
  });

  it("refuses a plain member and an organisation admin on the server", async () => {
    const member = await createUser();
    const next = uniqueEmail();
    const plain = await signedIn("member");
    expect(await plain.correct(member.id, next)).toBe("notFound");

    const orgAdmin = await signedIn("member");
    const organisation = await createOrganisation();
    const db = await getDb();
    await db.insert(organisationAdmins).values({ userId: orgAdmin.id, organisationId: organisation.id });
    expect(await orgAdmin.correct(member.id, next)).toBe("notFound");
    expect(
      await actAs(undefined, () =>
        requestUserEmailChangeAction(IDLE, form({ userId: member.id, email: next })),
      ),
    ).toBe("notFound");
    // The mutation checks the actor again, whatever the caller.
    await expect(
      requestUserEmailChange({ actorId: plain.id, userId: member.id, newEmail: next }),
    ).rejects.toThrow("notAllowed");

    expect(await getPendingEmailChange({ userId: member.id })).toBeNull();
    expect(await mailsTo(next)).toHaveLength(0);
    expect(await emailOf(member.id)).toBe(member.email);
  });

  it("leaves coordinators' and admins' addresses to admins, and applicants alone", async () => {
    const coordinator = await signedIn("coordinator");
    const admin = await signedIn("admin");
    const colleague = await createPerson("coordinator");
    const applicant = await createUser({ status: "pending" });
    const state = (await coordinator.correct(colleague.id, uniqueEmail())) as { formError?: string };
    expect(state.formError).toBe("emailOnlyAdminsForStaff");
    expect(await getPendingEmailChange({ userId: colleague.id })).toBeNull();
    expect(
      ((await coordinator.correct(applicant.id, uniqueEmail())) as { formError?: string }).formError,
    ).toBe("emailNeedsMember");

    const next = uniqueEmail();
    expect(await admin.correct(colleague.id, next)).toMatch(/done=emailChangeRequested/);
    expect(await getPendingEmailChange({ userId: colleague.id })).toMatchObject({ newEmail: next });
  });

  it("a coordinator withdraws a waiting change; a member cannot", async () => {
    const coordinator = await signedIn("coordinator");
    const plain = await signedIn("member");
    const member = await createUser();
    const next = uniqueEmail();
    await coordinator.correct(member.id, next);
    const token = await tokenMailedTo(next);

    const cancel = (session: string) =>
      actAs(session, () => cancelUserEmailChangeAction(form({ userId: member.id })));
    expect(await cancel(plain.session)).toBe("notFound");
    expect(await getPendingEmailChange({ userId: member.id })).toMatchObject({ newEmail: next });

    expect(await cancel(coordinator.session)).toBe(
      `redirected:/admin/users/${member.id}?done=emailChangeCancelled`,
    );
    const db = await getDb();
    expect(await db.select().from(emailChanges).where(eq(emailChanges.userId, member.id))).toHaveLength(0);
    expect(await actAs(undefined, () => confirmEmailChangeAction(form({ token })))).toMatch(
      /^redirected:\/settings\/account\/confirm\?token=/,
    );
    expect(await emailOf(member.id)).toBe(member.email);
    expect(await cancel(coordinator.session)).toBe(
      `redirected:/admin/users/${member.id}?error=noEmailChangePending`,
    );
    expect((await auditEntriesFor(member.id))[0]).toMatchObject({
      action: "user.emailChangeCancelled",
      actorId: coordinator.id,
    });
  });
});
