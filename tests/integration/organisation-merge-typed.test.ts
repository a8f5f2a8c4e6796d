import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { organisations } from "@/db/schema";
import { IDLE } from "@/lib/forms/state";
import { mergeOrganisationAction } from "@/lib/organisations/actions";
import { mergeProposedOrganisation } from "@/lib/organisations/mutations";
import { listSimilarOrganisations } from "@/lib/organisations/proposal-data";
import { listUserOrganisations } from "@/lib/users/data";
import { createPerson } from "../support/admin-factories";
import { createMember, createOrganisation, createSession } from "../support/factories";
import { signInWith } from "../support/next-headers";

/** A made-up place name per test, so similar names from other tests never get in the way. */
const place = () =>
  `Q${[...crypto.getRandomValues(new Uint8Array(7))].map((b) => "bcdfghklmnprstvwz"[b % 17]).join("")}`;

/**
 * A proposal "AWO <place>" among seven confirmed local AWO branches, and the one it really is, which
 * is a longer name and so not among the five most similar the page offers as buttons.
 */
async function awoNetwork() {
  const p = place();
  for (const branch of ["Nord", "Süd", "Ost", "West", "Mitte", "Altstadt", "Neustadt"])
    await createOrganisation({ name: `AWO ${p} ${branch}` });
  const target = await createOrganisation({ name: `AWO Kreisverband ${p} Burgenland e.V.` });
  const proposal = await createOrganisation({ name: `AWO ${p}`, status: "proposed" });
  const proposer = await createMember({ profile: { organisationId: proposal.id } });
  return { p, target, proposal, proposer };
}

const mergeTyped = (organisationId: string, intoName: string) => {
  const form = new FormData();
  form.set("organisationId", organisationId);
  form.set("intoName", intoName);
  return mergeOrganisationAction(IDLE, form);
};

const stillThere = async (id: string) => {
  const db = await getDb();
  return (await db.select().from(organisations).where(eq(organisations.id, id))).length === 1;
};

async function as<T>(userId: string, run: () => Promise<T>): Promise<T> {
  signInWith(await createSession(userId));
  try {
    return await run();
  } finally {
    signInWith(undefined);
  }
}

describe("assigning a proposal to a confirmed organisation typed by name", () => {
  it("finds one beyond the five similar ones offered, in any case and with extra spaces", async () => {
    const { p, target, proposal, proposer } = await awoNetwork();
    const offered = await listSimilarOrganisations({
      name: proposal.name,
      withProposed: true,
      excludeId: proposal.id,
    });
    expect(offered).toHaveLength(5);
    expect(offered.map((o) => o.id)).not.toContain(target.id);

    const coordinator = await createPerson("coordinator");
    const typed = `  awo  KREISVERBAND ${p.toLowerCase()}   burgenland e.v. `;
    expect(await as(coordinator.id, () => mergeTyped(proposal.id, typed))).toEqual({
      status: "success",
      message: "merged",
    });
    expect(await stillThere(proposal.id)).toBe(false);
    expect(await listUserOrganisations({ userId: proposer.id })).toMatchObject([
      { id: target.id, main: true },
    ]);
  });

  it("says beside the field, keeping what was typed, that a name is no confirmed organisation: unknown, waiting or the proposal's own", async () => {
    const { p, proposal, proposer } = await awoNetwork();
    const waiting = await createOrganisation({ name: `AWO Ortsverein ${p}`, status: "proposed" });
    const coordinator = await createPerson("coordinator");
    for (const typed of [`AWO ${p} Nirgendwo`, waiting.name, proposal.name]) {
      expect(await as(coordinator.id, () => mergeTyped(proposal.id, typed))).toEqual({
        status: "error",
        fieldErrors: { intoName: { key: "unknownMergeTarget" } },
        values: { organisationId: proposal.id, intoName: typed },
      });
    }
    expect(await stillThere(proposal.id)).toBe(true);
    expect(await stillThere(waiting.id)).toBe(true);
    expect(await listUserOrganisations({ userId: proposer.id })).toMatchObject([{ id: proposal.id }]);
  });

  it("refuses a member before looking the name up: not found, known name or not, and nothing moves", async () => {
    const { p, target, proposal, proposer } = await awoNetwork();
    const member = await createPerson("member");
    for (const typed of [target.name, `AWO ${p} Nirgendwo`]) {
      await expect(as(member.id, () => mergeTyped(proposal.id, typed))).rejects.toThrow(
        /NEXT_HTTP_ERROR_FALLBACK;404/,
      );
    }
    expect(await stillThere(proposal.id)).toBe(true);
    expect(await listUserOrganisations({ userId: proposer.id })).toMatchObject([{ id: proposal.id }]);
  });
});

describe("assigning a proposal to another one still waiting", () => {
  it("is refused: its people would be told of a name that is not listed", async () => {
    const coordinator = await createPerson("coordinator");
    const { proposal, proposer } = await awoNetwork();
    const waiting = await createOrganisation({ name: `${proposal.name} e.V.`, status: "proposed" });
    await expect(
      mergeProposedOrganisation({ actorId: coordinator.id, organisationId: proposal.id, intoId: waiting.id }),
    ).rejects.toMatchObject({ message: "mergeTargetNotConfirmed" });
    expect(await stillThere(proposal.id)).toBe(true);
    expect(await listUserOrganisations({ userId: proposer.id })).toMatchObject([{ id: proposal.id }]);
  });
});
