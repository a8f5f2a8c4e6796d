// Without JavaScript, reloading the page a form returned to sends the form again (the browser asks
// first). Creating a working group or a category must not make a second one then.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forumCategories, workingGroups } from "@/db/schema";
import { IDLE } from "@/lib/forms/state";
import { createGroupAction, saveCategoryAction } from "@/lib/groups/actions";
import { SUBMISSION_FIELD } from "@/lib/submissions/constants";
import { actAs } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { form } from "../support/forms";

const unique = () => crypto.randomUUID().slice(0, 8);

async function coordinatorSession() {
  const coordinator = await createUser({ role: "coordinator" });
  return createSession(coordinator.id);
}

const groupsNamed = async (name: string) =>
  (await getDb()).select().from(workingGroups).where(eq(workingGroups.name, name));
const categoriesNamed = async (name: string) =>
  (await getDb()).select().from(forumCategories).where(eq(forumCategories.name, name));

describe("the forum administration's creating forms, sent again", () => {
  it("make one working group, and another from the form shown anew", async () => {
    const session = await coordinatorSession();
    const name = `AK Wohnen ${unique()}`;
    const sent = form({ name, description: "Wohnungssuche", [SUBMISSION_FIELD]: crypto.randomUUID() });
    const create = (data: FormData) => actAs(session, () => createGroupAction(IDLE, data));

    for (let sending = 0; sending < 2; sending++)
      expect(await create(sent)).toEqual({ status: "success", message: "groupCreated" });
    expect(await groupsNamed(name)).toHaveLength(1);

    // The same key with other text: the form kept after a success and filled in for the next group.
    const next = `AK Arbeit ${unique()}`;
    sent.set("name", next);
    expect(await create(sent)).toEqual({ status: "success", message: "groupCreated" });
    expect(await groupsNamed(next)).toHaveLength(1);
    // A group of the same name from the page loaded anew is a second group, as asked.
    await create(form({ name, description: "", [SUBMISSION_FIELD]: crypto.randomUUID() }));
    expect(await groupsNamed(name)).toHaveLength(2);
  });

  it("make one category; saving an existing category again stays a save", async () => {
    const session = await coordinatorSession();
    const name = `Sprachkurse ${unique()}`;
    const fields = { name, description: "Kurse", color: "#1d4ed8", visibility: "members", position: 3 };
    const save = (data: FormData) => actAs(session, () => saveCategoryAction(IDLE, data));
    const sent = form({ ...fields, [SUBMISSION_FIELD]: crypto.randomUUID() });

    for (let sending = 0; sending < 2; sending++)
      expect(await save(sent)).toEqual({ status: "success", message: "categorySaved" });
    const [category, ...more] = await categoriesNamed(name);
    expect(more).toEqual([]);

    const edit = form({ ...fields, id: category!.id, description: "Kurse und Sprachcafés" });
    for (let sending = 0; sending < 2; sending++)
      expect(await save(edit)).toEqual({ status: "success", message: "categorySaved" });
    expect(await categoriesNamed(name)).toMatchObject([
      { id: category!.id, description: "Kurse und Sprachcafés" },
    ]);
  });

  it("are refused to members", async () => {
    const member = await createUser({ role: "member" });
    const session = await createSession(member.id);
    const name = `AK ${unique()}`;
    await expect(
      actAs(session, () => createGroupAction(IDLE, form({ name, [SUBMISSION_FIELD]: crypto.randomUUID() }))),
    ).resolves.toBe("notFound");
    expect(await groupsNamed(name)).toEqual([]);
  });
});
