import type { Locator, Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { invitedMember, test } from "./support/admin-fixtures";
import { expect, tr, uniqueLetters, uniqueSuffix, waitForHydration } from "./support/fixtures";
import { createGroupCategory } from "./support/forum-groups";

const t = tr("de");

/** The reply box under a thread, once React has taken it over (suggestions need the page's script). */
async function replyBox(page: Page, label = t("forum.composer.replyBody")): Promise<Locator> {
  const reply = page.getByRole("textbox", { name: label });
  await waitForHydration(reply);
  return reply;
}

/** The option the text box points at with aria-activedescendant. */
const activeOption = async (page: Page, reply: Locator) =>
  page.locator(`[id="${await reply.getAttribute("aria-activedescendant")}"]`);

/**
 * The options naming this test's members. The name match tolerates typos, so in a category every
 * member reads, a seeded name may come after them ("RACID" also found "Hamid Rahimi").
 */
const optionsNaming = (list: Locator, word: string) =>
  list.getByRole("option").filter({ hasText: new RegExp(word, "i") });

test("a member types @ and a few letters in a reply, picks a suggestion with the keyboard or a click, and the post links the member", async ({
  coordinator,
  newPage,
}) => {
  // Typed whole after "@": four of its letters ("nouk") also found a seeded "Nour" by the typo-tolerant match.
  const word = uniqueLetters();
  const marta = await invitedMember(coordinator, newPage, `Marta ${word}`);
  const mara = await invitedMember(coordinator, newPage, `Mara ${word}`);
  const martin = await invitedMember(coordinator, newPage, `Martin ${word}`);
  const title = `Erwähnen ${uniqueSuffix()}`;
  const page = marta.page;

  await page.goto("/forum/new");
  await test.step("a new thread's suggestions wait for its category, and the box says so", async () => {
    const body = await replyBox(page, t("forum.composer.body"));
    await body.pressSequentially(`@${word.toLowerCase()}`);
    const hint = page.getByRole("status").filter({ hasText: t("forum.composer.mentionNeedsCategory") });
    await expect(hint).toBeVisible();
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await expectNoA11yViolations(page);
    await page.getByLabel(t("forum.composer.category")).selectOption({ label: "Wohnen" });
    await body.press("End");
    const list = page.getByRole("listbox", { name: t("forum.composer.mentionList") });
    // Marta, who asks, is not offered herself.
    await expect(optionsNaming(list, word)).toHaveText([mara.name, martin.name]);
    await expect(hint).toHaveCount(0);
    await body.fill("Wer hilft beim Umzug?");
  });
  await page.getByRole("textbox", { name: t("forum.composer.threadTitle") }).fill(title);
  await page.getByRole("button", { name: t("forum.composer.createThread") }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const thread = page.url().split("#")[0];

  await test.step("typing @ and their shared name lists both others, the first one chosen", async () => {
    const reply = await replyBox(page);
    await reply.pressSequentially(`Danke @${word.toLowerCase()}`);
    const list = page.getByRole("listbox", { name: t("forum.composer.mentionList") });
    await expect(optionsNaming(list, word)).toHaveText([mara.name, martin.name]);
    await expect(reply).toHaveAttribute("aria-autocomplete", "list");
    await expect(reply).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
    await expect(await activeOption(page, reply)).toHaveText(mara.name);
    await expect(list.getByRole("option", { name: mara.name })).toHaveAttribute("aria-selected", "true");
    // The live region announces as many as are listed (two, or more with a seeded look-alike).
    const shown = await list.getByRole("option").count();
    await expect(
      page.getByRole("status").filter({ hasText: t("forum.composer.mentionCount", { count: shown }) }),
    ).toBeAttached();
    await expectNoA11yViolations(page);
  });

  await test.step("the arrow key moves to Martin and Enter inserts his full name; the post links his profile", async () => {
    const reply = await replyBox(page);
    await reply.press("ArrowDown");
    await expect(await activeOption(page, reply)).toHaveText(martin.name);
    await reply.press("Enter");
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await expect(reply).not.toHaveAttribute("aria-activedescendant", /./);
    await expect(reply).toHaveValue(`Danke @${martin.name} `);
    await reply.pressSequentially("für die Hilfe!");
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await page.getByRole("button", { name: t("forum.composer.sendReply") }).click();
    const link = page.locator("#post-2").getByRole("link", { name: `@${martin.name}` });
    await expect(link).toHaveAttribute("href", /^\/members\/[^/]+$/);
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: martin.name })).toBeVisible();
  });

  await test.step("Escape closes the list; on the Arabic page it opens from the right, under the box", async () => {
    await page.goto(`${thread}?lang=ar`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const reply = await replyBox(page, tr("ar")("forum.composer.replyBody"));
    await reply.pressSequentially(`@${word}`);
    const list = page.getByRole("listbox", { name: tr("ar")("forum.composer.mentionList") });
    await expect(optionsNaming(list, word)).toHaveCount(2);
    const [box, listBox, name] = await Promise.all([
      reply.boundingBox(),
      list.boundingBox(),
      list.getByRole("option").first().locator("bdi").first().boundingBox(),
    ]);
    expect(Math.abs(listBox!.x + listBox!.width - (box!.x + box!.width))).toBeLessThan(2);
    expect(listBox!.y).toBeGreaterThanOrEqual(box!.y + box!.height);
    // The name starts at the right edge of the list (after its padding), as Arabic text does.
    expect(listBox!.x + listBox!.width - (name!.x + name!.width)).toBeLessThan(24);
    await expectNoA11yViolations(page);
    await reply.press("Escape");
    await expect(page.getByRole("listbox")).toHaveCount(0);
    // It stays closed for this "@" (the same query would otherwise open it again at once).
    await reply.pressSequentially(" ");
    await expect(page.getByRole("listbox")).toHaveCount(0);
    // A new "@" opens it again, and a click picks a member as Enter does.
    await reply.pressSequentially(`@${word}`);
    await list.getByRole("option", { name: martin.name }).click();
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await expect(reply).toHaveValue(`@${word} @${martin.name} `);
    await expect(reply).toBeFocused();
  });

  await test.step("in an Arabic sentence the mention still reads '@Name', the sign before the name", async () => {
    const reply = await replyBox(page, tr("ar")("forum.composer.replyBody"));
    await reply.fill(`شكرا @${martin.name} على المساعدة`);
    await page.getByRole("button", { name: tr("ar")("forum.composer.sendReply") }).click();
    const link = page.locator("#post-3").getByRole("link", { name: `@${martin.name}` });
    await expect(link).toBeVisible();
    // Where the "@" and the name's first letter are drawn: the sign must stand left of the Latin name.
    const [sign, letter] = await link.evaluate((a) => {
      const text = a.firstChild as Text;
      const x = (i: number) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().x;
      };
      return [x(0), x(1)];
    });
    expect(sign).toBeLessThan(letter);
  });
});

test("in a working group's category the suggestions offer only members of the group, who can read it", async ({
  coordinator,
  newPage,
}) => {
  const word = uniqueLetters();
  const marta = await invitedMember(coordinator, newPage, `Marta ${word}`);
  const mara = await invitedMember(coordinator, newPage, `Mara ${word}`);
  const martin = await invitedMember(coordinator, newPage, `Martin ${word}`);
  const category = `Intern ${uniqueLetters()}`;
  await createGroupCategory(coordinator, {
    group: `AK ${uniqueLetters()}`,
    category,
    members: [marta, mara],
  });
  const page = marta.page;
  const list = page.getByRole("listbox", { name: t("forum.composer.mentionList") });

  await test.step("a new thread in the group's category: Martin, outside the group, is not offered (nor Marta, who asks)", async () => {
    await page.goto("/forum/new");
    await page.getByLabel(t("forum.composer.category")).selectOption({ label: category });
    const body = await replyBox(page, t("forum.composer.body"));
    await body.pressSequentially(`@${word}`);
    await expect(list.getByRole("option")).toHaveText([mara.name]);
    await expectNoA11yViolations(page);
  });

  await test.step("in a category every member reads, he is", async () => {
    await page.getByLabel(t("forum.composer.category")).selectOption({ label: "Wohnen" });
    const body = await replyBox(page, t("forum.composer.body"));
    await body.fill("");
    await body.pressSequentially(`@${word}`);
    await expect(optionsNaming(list, word)).toHaveText([mara.name, martin.name]);
  });

  await test.step("a reply in a thread of the group's category offers only the group's members", async () => {
    await page.getByLabel(t("forum.composer.category")).selectOption({ label: category });
    await page
      .getByRole("textbox", { name: t("forum.composer.threadTitle") })
      .fill(`Intern ${uniqueSuffix()}`);
    await (await replyBox(page, t("forum.composer.body"))).fill("Wer plant mit?");
    await page.getByRole("button", { name: t("forum.composer.createThread") }).click();
    const reply = await replyBox(page);
    await reply.pressSequentially(`@${word}`);
    await expect(list.getByRole("option")).toHaveText([mara.name]);
  });
});
