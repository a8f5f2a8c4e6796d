// Two coordinators edit one draft: the later save from an editor opened before the other's save is
// refused with everything typed kept, instead of silently undoing the other's work; saving again
// from the form that came back overwrites deliberately.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { saveCampaignAction } from "@/lib/campaigns/actions";
import { getCampaign } from "@/lib/campaigns/data";
import { saveCampaign } from "@/lib/campaigns/mutations";
import { actAs } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { form } from "../support/forms";

async function draft(actorId: string) {
  const { id } = await saveCampaign({
    actorId,
    data: {
      kind: "broadcast",
      title: "Einladung",
      members: true,
      subjectDe: "Betreff",
      bodyDe: "Text",
    } as never,
  });
  return (await getCampaign(id))!;
}

const edit = (campaign: { id: string }, version: string, title: string, body: string) =>
  form({
    campaignId: campaign.id,
    version,
    kind: "broadcast",
    title,
    members: "on",
    subjectDe: "Betreff",
    bodyDe: body,
  });

const saved = async (id: string) => {
  const db = await getDb();
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return { title: row!.title, body: row!.versions.de?.body, version: row!.updatedAt.getTime() };
};

describe("a campaign draft edited by two coordinators", () => {
  it("refuses the older editor's save, keeps what they typed, and takes a second save", async () => {
    const [anna, ben] = [
      await createUser({ role: "coordinator" }),
      await createUser({ role: "coordinator" }),
    ];
    const campaign = await draft(anna.id);
    const opened = String(campaign.updatedAt.getTime());
    const [annaToken, benToken] = [await createSession(anna.id), await createSession(ben.id)];

    // Both opened the editor; Ben saves first.
    expect(
      await actAs(benToken, () =>
        saveCampaignAction({ status: "idle" }, edit(campaign, opened, "Einladung (Ben)", "Bens Text")),
      ),
    ).toBe(`redirected:/admin/campaigns/${campaign.id}?saved=saved`);
    const bens = await saved(campaign.id);
    expect(bens).toMatchObject({ title: "Einladung (Ben)", body: "Bens Text" });

    // Anna's save from the older editor changes nothing and brings back her text.
    const refused = await actAs(annaToken, () =>
      saveCampaignAction({ status: "idle" }, edit(campaign, opened, "Einladung (Anna)", "Annas Text")),
    );
    expect(refused).toMatchObject({
      status: "error",
      formError: "changedMeanwhile",
      formErrorValues: { version: bens.version },
      values: { title: "Einladung (Anna)", bodyDe: "Annas Text" },
    });
    expect(await saved(campaign.id)).toEqual(bens);

    // Saving again from that form (now on Ben's version) replaces Ben's text with hers.
    expect(
      await actAs(annaToken, () =>
        saveCampaignAction(
          { status: "idle" },
          edit(campaign, String(bens.version), "Einladung (Anna)", "Annas Text"),
        ),
      ),
    ).toBe(`redirected:/admin/campaigns/${campaign.id}?saved=saved`);
    expect(await saved(campaign.id)).toMatchObject({ title: "Einladung (Anna)", body: "Annas Text" });
  });
});
