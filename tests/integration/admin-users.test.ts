import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { devOutbox, type Role, sessions, users } from "@/db/schema";
import { getViewerBySessionToken } from "@/lib/auth/viewer";
import { inviteMember } from "@/lib/invitations/mutations";
import { deleteUserAccount } from "@/lib/privacy/mutations";
import { getUserDetail, listUsers } from "@/lib/users/data";
import { blockUser, changeUserRole, resendInvitation, unblockUser } from "@/lib/users/mutations";
import { auditEntriesFor, createPerson } from "../support/admin-factories";
import { createSession, uniqueEmail } from "../support/factories";

type Actor = { id: string };
const ACTIONS: Record<
  string,
  { least: Role; run: (actor: Actor, target: { id: string }) => Promise<unknown> }
> = {
  block: { least: "coordinator", run: (a, t) => blockUser({ actorId: a.id, userId: t.id }) },
  changeRole: {
    least: "admin",
    run: (a, t) => changeUserRole({ actorId: a.id, userId: t.id, role: "coordinator" }),
  },
  delete: { least: "admin", run: (a, t) => deleteUserAccount({ actorId: a.id, userId: t.id }) },
};
const RANK: Record<Role, number> = { member: 0, coordinator: 1, admin: 2 };

describe("authorisation matrix for user actions (checked in the database, not just the page)", () => {
  for (const [name, action] of Object.entries(ACTIONS)) {
    for (const role of ["member", "coordinator", "admin"] as const) {
      const allowed = RANK[role] >= RANK[action.least];
      it(`${name}: ${role} is ${allowed ? "allowed" : "refused with not found"}`, async () => {
        const actor = await createPerson(role);
        const target = await createPerson("member");
        const attempt = action.run(actor, target);
        if (allowed) {
          await attempt;
          expect((await auditEntriesFor(target.id))[0]?.actorId).toBe(actor.id);
        } else {
          await expect(attempt).rejects.toMatchObject({ code: "not_found" });
          expect(await auditEntriesFor(target.id)).toHaveLength(0);
        }
      });
    }
  }

  it("a blocked admin can do nothing", async () => {
    const admin = await createPerson("admin");
    const db = await getDb();
    await db.update(users).set({ status: "blocked" }).where(eq(users.id, admin.id));
    const target = await createPerson("member");
    await expect(blockUser({ actorId: admin.id, userId: target.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("blocking", () => {
  it("ends every session at once, is logged, and can be lifted", async () => {
    const coordinator = await createPerson("coordinator");
    const member = await createPerson("member");
    const phone = await createSession(member.id);
    const laptop = await createSession(member.id);
    await blockUser({ actorId: coordinator.id, userId: member.id });
    expect(await getViewerBySessionToken(phone)).toBeNull();
    expect(await getViewerBySessionToken(laptop)).toBeNull();
    const db = await getDb();
    expect(await db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(0);
    expect((await getUserDetail({ userId: member.id }))?.status).toBe("blocked");

    await unblockUser({ actorId: coordinator.id, userId: member.id });
    expect((await getUserDetail({ userId: member.id }))?.status).toBe("approved");
    const actions = (await auditEntriesFor(member.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.blocked", "user.unblocked"]));
  });

  it("coordinators may not block staff; nobody blocks themselves", async () => {
    const coordinator = await createPerson("coordinator");
    const admin = await createPerson("admin");
    await expect(blockUser({ actorId: coordinator.id, userId: admin.id })).rejects.toMatchObject({
      message: "onlyAdminsForStaff",
    });
    await expect(blockUser({ actorId: admin.id, userId: admin.id })).rejects.toMatchObject({
      message: "cannotBlockSelf",
    });
    expect((await getUserDetail({ userId: admin.id }))?.status).toBe("approved");
  });
});

describe("roles", () => {
  it("an admin changes someone's role; it is logged with before and after", async () => {
    const admin = await createPerson("admin");
    const member = await createPerson("member");
    await changeUserRole({ actorId: admin.id, userId: member.id, role: "coordinator" });
    expect((await getUserDetail({ userId: member.id }))?.role).toBe("coordinator");
    const [entry] = await auditEntriesFor(member.id);
    expect(entry).toMatchObject({ action: "user.roleChanged", data: { from: "member", to: "coordinator" } });
  });

  it("nobody changes their own role", async () => {
    const admin = await createPerson("admin");
    await expect(
      changeUserRole({ actorId: admin.id, userId: admin.id, role: "member" }),
    ).rejects.toMatchObject({
      message: "cannotChangeOwnRole",
    });
  });
});

describe("resending an invitation", () => {
  it("mails a new link to an invited person who never signed in, and logs it", async () => {
    const coordinator = await createPerson("coordinator");
    const email = uniqueEmail();
    await inviteMember({
      name: "Nadia Haddad",
      email,
      locale: "ar",
      inviterId: coordinator.id,
      inviterName: coordinator.name,
    });
    const db = await getDb();
    const [invited] = await db.select().from(users).where(eq(users.email, email));
    await resendInvitation({ actorId: coordinator.id, actorName: coordinator.name, userId: invited!.id });
    const mails = await db.select().from(devOutbox).where(eq(devOutbox.to, email));
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain("/api/auth/callback/");
    expect((await auditEntriesFor(invited!.id))[0]?.action).toBe("user.invitationResent");
  });

  it("refuses people who were not invited or have signed in", async () => {
    const coordinator = await createPerson("coordinator");
    const member = await createPerson("member");
    await expect(
      resendInvitation({ actorId: coordinator.id, actorName: null, userId: member.id }),
    ).rejects.toMatchObject({ message: "invitationNotPending" });
  });
});

describe("listUsers", () => {
  it("searches by name or address and filters by role and status", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const a = await createPerson("coordinator", `Zofia ${tag}`);
    const b = await createPerson("member", `Zofia ${tag}`);
    const admin = await createPerson("admin");
    await blockUser({ actorId: admin.id, userId: b.id });
    expect((await listUsers({ q: tag })).map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
    expect((await listUsers({ q: tag, role: "coordinator" })).map((u) => u.id)).toEqual([a.id]);
    expect((await listUsers({ q: tag, status: "blocked" })).map((u) => u.id)).toEqual([b.id]);
    expect((await listUsers({ q: b.email })).map((u) => u.id)).toEqual([b.id]);
    // a % in the search is a character, not a wildcard
    expect(await listUsers({ q: `${tag}%` })).toHaveLength(0);
  });

  it("shows a deleted account as deleted, without name or address", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const admin = await createPerson("admin");
    const gone = await createPerson("member", `Karl ${tag}`);
    await deleteUserAccount({ actorId: admin.id, userId: gone.id });
    expect(await listUsers({ q: tag })).toHaveLength(0);
    const [row] = (await listUsers({ status: "deleted" })).filter((u) => u.id === gone.id);
    expect(row).toMatchObject({ status: "deleted", name: null, email: null });
    await expect(blockUser({ actorId: admin.id, userId: gone.id })).rejects.toMatchObject({
      code: "not_found",
    });
    const db = await getDb();
    const rows = await db
      .select()
      .from(users)
      .where(and(eq(users.id, gone.id), eq(users.status, "blocked")));
    expect(rows).toHaveLength(1);
  });
});
