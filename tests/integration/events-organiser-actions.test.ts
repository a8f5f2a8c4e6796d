import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { eventOccurrences, organisationAdmins, organisations } from "@/db/schema";
import { toEventViewer } from "@/lib/events/access";
import { changeOccurrenceAction, createEventAction, updateEventAction } from "@/lib/events/actions";
import { RsvpPanel } from "@/lib/events/components/rsvp-panel";
import { getEventDetail } from "@/lib/events/data";
import { getEventForEdit } from "@/lib/events/editor-data";
import { eventFormValues } from "@/lib/events/form-values";
import { respond } from "@/lib/events/rsvp-mutations";
import { IDLE } from "@/lib/forms/state";
import { actAs } from "../support/actions";
import { createTestEvent, daysFromNow, mailsTo } from "../support/event-factories";
import { createMember, createOrganisation, createSession, createUser } from "../support/factories";
import { form } from "../support/forms";

vi.mock("next-intl/server", async (original) => ({
  ...(await original<typeof import("next-intl/server")>()),
  getLocale: async () => "de",
}));

async function statusOf(occurrenceId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ status: eventOccurrences.status })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.id, occurrenceId));
  return row?.status;
}

describe("cancelling one date of a series", () => {
  it("asks first when people answered for it, and mails them only once confirmed", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const session = await createSession(coordinator.id);
    const [yes, maybe] = [await createUser(), await createUser()];
    const { eventId, occurrences } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      untilDate: daysFromNow(25),
    });
    const [first, second] = occurrences;
    await respond({ occurrenceId: first!.id, userId: yes.id, response: "yes" });
    await respond({ occurrenceId: first!.id, userId: maybe.id, response: "maybe" });

    // The button in the date list (one click, with or without JavaScript) leads to the confirmation.
    expect(
      await actAs(session, () => changeOccurrenceAction(form({ occurrenceId: first!.id, change: "cancel" }))),
    ).toBe(`redirected:/events/${eventId}/edit?cancelDate=${first!.id}#confirm-heading`);
    expect(await statusOf(first!.id)).toBe("scheduled");
    expect(await mailsTo(yes.email)).toHaveLength(0);

    expect(
      await actAs(session, () =>
        changeOccurrenceAction(form({ occurrenceId: first!.id, change: "cancel", confirmed: "yes" })),
      ),
    ).toBe(`redirected:/events/${eventId}/edit?saved=dateCancelled#dates`);
    expect(await statusOf(first!.id)).toBe("cancelled");
    expect((await mailsTo(yes.email))[0]?.subject).toMatch(/^Abgesagt: /);
    expect((await mailsTo(maybe.email))[0]?.subject).toMatch(/^Abgesagt: /);

    // A date nobody answered for goes at once: nobody is mailed.
    expect(
      await actAs(session, () =>
        changeOccurrenceAction(form({ occurrenceId: second!.id, change: "cancel" })),
      ),
    ).toBe(`redirected:/events/${eventId}/edit?saved=dateCancelled#dates`);
    expect(await statusOf(second!.id)).toBe("cancelled");
  });

  it("refuses someone who may not edit the event, confirmed or not", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const { occurrences } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      untilDate: daysFromNow(25),
    });
    const session = await createSession(member.id);
    await respond({ occurrenceId: occurrences[0]!.id, userId: member.id, response: "yes" });
    for (const confirmed of [{}, { confirmed: "yes" }] as Record<string, string>[])
      expect(
        await actAs(session, () =>
          changeOccurrenceAction(form({ occurrenceId: occurrences[0]!.id, change: "cancel", ...confirmed })),
        ),
      ).toBe("notFound");
    expect(await statusOf(occurrences[0]!.id)).toBe("scheduled");
  });
});

describe("lowering the seats below the people registered", () => {
  it("keeps their seats, says so beside the field, and the event reads fully booked instead of '2 von 1'", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const session = await createSession(coordinator.id);
    const [first, second, third] = [await createUser(), await createUser(), await createUser()];
    const { eventId, occurrences } = await createTestEvent(coordinator.id, { capacity: 2 });
    const date = occurrences[0]!;
    await respond({ occurrenceId: date.id, userId: first.id, response: "yes" });
    await respond({ occurrenceId: date.id, userId: second.id, response: "yes" });

    const save = async (capacity: string) => {
      const event = await getEventForEdit(eventId, toEventViewer(coordinator));
      const data = new FormData();
      for (const [name, value] of Object.entries(eventFormValues(event!, coordinator.id)))
        for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
      data.set("eventId", eventId);
      data.set("capacity", capacity);
      return actAs(session, () => updateEventAction(IDLE, data));
    };
    // Saved, and the organiser is brought back to the seats field, which explains what happens.
    expect(await save("1")).toBe(`redirected:/events/${eventId}/edit?saved=updated#event-capacity`);

    const detail = await getEventDetail({ eventId, viewer: toEventViewer(third), slotDate: date.slotDate });
    expect(detail?.capacity).toBe(1);
    expect(detail?.counts.going).toBe(2);
    const panel = renderToStaticMarkup(
      await RsvpPanel({ event: detail!, viewer: { kind: "member", sharedContact: null }, now: new Date() }),
    ).replace(/<[^>]+>/g, " ");
    expect(panel).toContain("Ausgebucht – 2 Personen angemeldet");
    expect(panel).not.toContain("2 von 1");
    expect(panel).toContain("Auf die Warteliste");
    expect((await respond({ occurrenceId: date.id, userId: third.id, response: "yes" })).state).toBe(
      "waiting",
    );

    // Enough seats again: back to the event page as usual.
    expect(await save("5")).toBe(`redirected:/events/${eventId}?saved=updated`);
  });
});

describe("choosing the organiser", () => {
  it("lets a coordinator type any confirmed organisation, past the first 500 too; refuses an unknown name and another organisation's admin", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const db = await getDb();
    // more organisations than a drop-down used to hold, all named before the one chosen
    await db
      .insert(organisations)
      .values(Array.from({ length: 501 }, (_, i) => ({ name: `Aaa ${tag} ${i}`, slug: `aaa-${tag}-${i}` })));
    const last = await createOrganisation({ name: `Zzz Verein ${tag}` });
    const coordinator = await createUser({ role: "coordinator" });
    const session = await createSession(coordinator.id);
    const create = (organiser: string, who = session) =>
      actAs(who, () =>
        createEventAction(
          IDLE,
          form({
            title: `Treffen ${tag}`,
            languages: "de",
            format: "in_person",
            venue: "Rathaus",
            organiser,
            visibility: "public",
            date: daysFromNow(30),
            startTime: "10:00",
            endTime: "11:00",
            frequency: "none",
          }),
        ),
      );

    const unknown = await create(`Zzz Verein ${tag} Nord`);
    expect(unknown).toMatchObject({
      status: "error",
      fieldErrors: { organiser: { key: "unknownOrganiser" } },
    });

    const created = await create(`  zzz verein ${tag.toUpperCase()} `);
    const eventId = String(created).match(/^redirected:\/events\/([^?]+)\?saved=created$/)?.[1];
    expect(eventId).toBeDefined();
    const detail = await getEventDetail({ eventId: eventId!, viewer: toEventViewer(coordinator) });
    expect(detail).toMatchObject({ organiser: last.name, organiserOrganisationSlug: expect.any(String) });

    // an organisation's admin picks only their own organisations, from a drop-down
    const own = await createOrganisation();
    const admin = await createMember({ profile: { organisationId: own.id } });
    await db.insert(organisationAdmins).values({ userId: admin.id, organisationId: own.id });
    const adminSession = await createSession(admin.id);
    expect(await create(`org:${last.id}`, adminSession)).toMatchObject({
      fieldErrors: { organiser: { key: "unknownOrganiser" } },
    });
    expect(await create(last.name, adminSession)).toMatchObject({
      fieldErrors: { organiser: { key: "unknownOrganiser" } },
    });
    expect(String(await create(`org:${own.id}`, adminSession))).toMatch(/^redirected:\/events\//);
  });
});
