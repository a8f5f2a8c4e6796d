// Campaign and contact buttons as a coordinator presses them (the server actions): rescheduling,
// cancelling only after the confirmation step, copying any campaign as a new draft, removing a
// contact; each in the audit log.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, type CampaignAudience, campaigns, newsletterContacts, suppressions } from "@/db/schema";
import {
  changeCampaignStatusAction,
  duplicateCampaignAction,
  resubscribeAction,
} from "@/lib/campaigns/actions";
import { getCampaign } from "@/lib/campaigns/data";
import { removeContactAction } from "@/lib/campaigns/import-actions";
import { saveCampaign, startCampaign } from "@/lib/campaigns/mutations";
import { unsubscribedSince } from "@/lib/campaigns/subscriptions";
import { SUBMISSION_FIELD } from "@/lib/submissions/constants";
import { actAs } from "../support/actions";
import { createSession, createUser, uniqueEmail } from "../support/factories";
import { form } from "../support/forms";

const AUDIENCE: CampaignAudience = {
  members: true,
  roles: ["admin"],
  topics: ["women"],
  languages: [],
  municipalities: ["Gleina"],
  organisationTypes: [],
  contacts: true,
};

async function scheduledCampaign(actorId: string) {
  const title = `Geplant ${crypto.randomUUID().slice(0, 8)}`;
  const { id } = await saveCampaign({
    actorId,
    data: {
      kind: "broadcast",
      title,
      ...AUDIENCE,
      subjectDe: "Betreff",
      bodyDe: "Text",
      subjectAr: "موضوع",
      bodyAr: "نص",
    } as never,
  });
  await startCampaign({ actorId, campaignId: id, at: new Date(Date.now() + 86_400_000) });
  return { id, title };
}

const auditActions = async (campaignId: string) => {
  const db = await getDb();
  const rows = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "campaign"), eq(auditLog.targetId, campaignId)));
  return rows.map((r) => r.action);
};

describe("campaign status buttons", () => {
  it("take a scheduled campaign back to a draft, so its time can be changed and set again", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const token = await createSession(coordinator.id);
    const { id } = await scheduledCampaign(coordinator.id);
    expect(
      await actAs(token, () =>
        changeCampaignStatusAction(form({ campaignId: id, transition: "unschedule" })),
      ),
    ).toBe(`redirected:/admin/campaigns/${id}?saved=unscheduled`);
    expect(await getCampaign(id)).toMatchObject({ status: "draft", scheduledAt: null });
    expect(await auditActions(id)).toContain("campaign.unschedule");
    const later = new Date(Date.now() + 2 * 86_400_000);
    await startCampaign({ actorId: coordinator.id, campaignId: id, at: later });
    expect(await getCampaign(id)).toMatchObject({ status: "scheduled", scheduledAt: later });
  });

  it("cancel only from the confirmation step", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const token = await createSession(coordinator.id);
    const { id } = await scheduledCampaign(coordinator.id);
    expect(
      await actAs(token, () => changeCampaignStatusAction(form({ campaignId: id, transition: "cancel" }))),
    ).toBe(`redirected:/admin/campaigns/${id}?confirm=cancel`);
    expect((await getCampaign(id))?.status).toBe("scheduled");
    expect(
      await actAs(token, () =>
        changeCampaignStatusAction(form({ campaignId: id, transition: "cancel", confirmed: "yes" })),
      ),
    ).toBe(`redirected:/admin/campaigns/${id}?saved=cancelled`);
    expect((await getCampaign(id))?.status).toBe("cancelled");
    expect(await auditActions(id)).toContain("campaign.cancel");
  });
});

describe("a status button pressed twice", () => {
  it("pauses once; the second press says to reload the page instead of an error page", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const token = await createSession(coordinator.id);
    const { id } = await scheduledCampaign(coordinator.id);
    const db = await getDb();
    await db
      .update(campaigns)
      .set({ status: "sending", startedAt: new Date(), scheduledAt: null })
      .where(eq(campaigns.id, id));
    const pause = () =>
      actAs(token, () => changeCampaignStatusAction(form({ campaignId: id, transition: "pause" })));
    expect((await Promise.all([pause(), pause()])).sort()).toEqual([
      `redirected:/admin/campaigns/${id}?error=wrongStatus`,
      `redirected:/admin/campaigns/${id}?saved=paused`,
    ]);
    expect(await pause()).toBe(`redirected:/admin/campaigns/${id}?error=wrongStatus`);
  });
});

describe("copying a campaign", () => {
  it("makes one draft of a form sent twice (a double click), and another when the page is opened anew", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const token = await createSession(coordinator.id);
    const { id, title } = await scheduledCampaign(coordinator.id);
    // Each rendering of the campaign's page gives its "Duplicate" form a key of its own.
    const duplicate = (key: string) =>
      actAs(token, () => duplicateCampaignAction(form({ campaignId: id, [SUBMISSION_FIELD]: key })));
    const copies = async () => {
      const db = await getDb();
      const rows = await db
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(and(eq(campaigns.createdBy, coordinator.id), eq(campaigns.title, `${title} (Kopie)`)))
        .orderBy(campaigns.createdAt);
      return rows.map((r) => r.id);
    };
    const page = crypto.randomUUID();
    const [first, second] = await Promise.all([duplicate(page), duplicate(page)]);
    const [copyId, ...more] = await copies();
    expect(more).toEqual([]);
    expect([first, second, await duplicate(page)]).toEqual(
      Array(3).fill(`redirected:/admin/campaigns/${copyId}?saved=duplicated`),
    );

    // A minute later, from the page opened again: a second copy, as asked.
    const again = await duplicate(crypto.randomUUID());
    const all = await copies();
    expect(all).toHaveLength(2);
    expect(again).toBe(`redirected:/admin/campaigns/${all[1]}?saved=duplicated`);
  });

  it("makes a new draft of a cancelled one with every language version and the audience; members get not found", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser({ role: "member" });
    const { id, title } = await scheduledCampaign(coordinator.id);
    const db = await getDb();
    await db.update(campaigns).set({ status: "cancelled" }).where(eq(campaigns.id, id));

    expect(
      await actAs(await createSession(member.id), () => duplicateCampaignAction(form({ campaignId: id }))),
    ).toBe("notFound");
    const target = await actAs(await createSession(coordinator.id), () =>
      duplicateCampaignAction(form({ campaignId: id })),
    );
    const copyId = /^redirected:\/admin\/campaigns\/([^?]+)\?saved=duplicated$/.exec(String(target))?.[1];
    expect(copyId).toBeDefined();
    expect(copyId).not.toBe(id);
    const [original, copy] = [await getCampaign(id), await getCampaign(copyId!)];
    expect(copy).toMatchObject({
      kind: "broadcast",
      status: "draft",
      title: `${title} (Kopie)`,
      scheduledAt: null,
      audience: original!.audience,
      versions: original!.versions,
    });
    expect(Object.keys(copy!.versions).sort()).toEqual(["ar", "de"]);
    expect(await auditActions(copyId!)).toEqual(["campaign.duplicate"]);
  });
});

describe("removing a contact", () => {
  it("deletes it and puts its address on the suppression list, audited; members get not found", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser({ role: "member" });
    const email = uniqueEmail();
    const db = await getDb();
    const [contact] = await db
      .insert(newsletterContacts)
      .values({ email, status: "confirmed", legalBasis: "legitimate_interest" })
      .returning();
    const remove = (userId: string) =>
      createSession(userId).then((token) =>
        actAs(token, () => removeContactAction(form({ contactId: contact!.id }))),
      );

    expect(await remove(member.id)).toBe("notFound");
    expect(await remove(coordinator.id)).toBe("redirected:/admin/campaigns/contacts?removed=1#contacts");
    expect(await db.select().from(newsletterContacts).where(eq(newsletterContacts.email, email))).toEqual([]);
    const [blocked] = await db.select().from(suppressions).where(eq(suppressions.email, email));
    expect(blocked?.reason).toBe("unsubscribed");
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "contacts.removed"), eq(auditLog.targetId, contact!.id)));
    expect(entry).toMatchObject({ actorId: coordinator.id, targetType: "contact", data: { email } });
    // Pressed twice (the page was still open): nothing more happens, and nothing claims it did.
    expect(await remove(coordinator.id)).toBe("redirected:/admin/campaigns/contacts#contacts");
  });
});

describe("a member's campaign mail setting", () => {
  it("shows since when they unsubscribed and lets them subscribe again; a bounced address stays blocked", async () => {
    const member = await createUser({ role: "member" });
    const bounced = await createUser({ role: "member" });
    const db = await getDb();
    await db.insert(suppressions).values([
      { email: member.email.toLowerCase(), reason: "unsubscribed" },
      { email: bounced.email.toLowerCase(), reason: "bounced" },
    ]);
    expect(await unsubscribedSince(member.email)).toBeInstanceOf(Date);
    expect(await unsubscribedSince(bounced.email)).toBeNull();

    expect(await actAs(await createSession(member.id), () => resubscribeAction())).toBe(
      "redirected:/settings/notifications?campaigns=resubscribed#campaign-mail",
    );
    expect(await unsubscribedSince(member.email)).toBeNull();
    expect(
      await db.select().from(suppressions).where(eq(suppressions.email, member.email.toLowerCase())),
    ).toEqual([]);
    await actAs(await createSession(bounced.id), () => resubscribeAction());
    const [kept] = await db
      .select()
      .from(suppressions)
      .where(eq(suppressions.email, bounced.email.toLowerCase()));
    expect(kept?.reason).toBe("bounced");
  });
});
