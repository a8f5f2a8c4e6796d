import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";
import { getMailSender, getNetworkBranding, getSetting } from "@/lib/settings/data";
import { processLogo } from "@/lib/settings/logo";
import { updateSettings } from "@/lib/settings/mutations";
import { auditEntriesFor, createPerson } from "../support/admin-factories";

const KEYS = ["network.name", "mail.senderName", "mail.senderAddress", "forum.holdFirstPosts"] as const;
let snapshot: { key: string; value: unknown }[] = [];

// Settings are network-wide and other files share the database on PostgreSQL: restore them.
afterAll(async () => {
  const db = await getDb();
  for (const key of KEYS) {
    const saved = snapshot.find((s) => s.key === key);
    if (saved) await db.update(settings).set({ value: saved.value }).where(eq(settings.key, key));
    else await db.delete(settings).where(eq(settings.key, key));
  }
});

describe("settings", () => {
  it("has typed defaults before anyone saved anything", async () => {
    expect(typeof (await getSetting("forum.holdFirstPosts"))).toBe("boolean");
  });

  it("admins save them; the change is logged; the forum reads holdFirstPosts", async () => {
    const db = await getDb();
    snapshot = await db.select({ key: settings.key, value: settings.value }).from(settings);
    const admin = await createPerson("admin");
    await updateSettings({
      actorId: admin.id,
      values: {
        "network.name": "Integrationsnetzwerk Burgenlandkreis",
        "mail.senderName": 'Netzwerk "BLK"',
        "mail.senderAddress": "netzwerk@blk.example",
        "forum.holdFirstPosts": true,
      },
    });
    expect(await getSetting("forum.holdFirstPosts")).toBe(true);
    expect((await getNetworkBranding()).name).toBe("Integrationsnetzwerk Burgenlandkreis");
    // quotes in the name cannot break the From header
    expect(await getMailSender()).toBe('"Netzwerk BLK" <netzwerk@blk.example>');
    const [entry] = await auditEntriesFor(
      "network.name,mail.senderName,mail.senderAddress,forum.holdFirstPosts",
    );
    expect(entry).toMatchObject({ action: "settings.updated", actorId: admin.id });
  });

  it("coordinators and members cannot change settings", async () => {
    for (const role of ["member", "coordinator"] as const) {
      const person = await createPerson(role);
      await expect(
        updateSettings({ actorId: person.id, values: { "forum.holdFirstPosts": false } }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe("processLogo", () => {
  it("turns an image into a small PNG", async () => {
    const input = await sharp({ create: { width: 1200, height: 400, channels: 4, background: "#0b5394" } })
      .jpeg()
      .toBuffer();
    const logo = await processLogo(new Blob([new Uint8Array(input)]));
    expect(logo.height).toBeLessThanOrEqual(96);
    expect((await sharp(logo.data).metadata()).format).toBe("png");
  });

  it("refuses what is not an image (an SVG, text) by its content", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    await expect(processLogo(new Blob([svg]))).rejects.toMatchObject({ field: "logo", message: "logoType" });
    await expect(processLogo(new Blob(["hello"]))).rejects.toMatchObject({ message: "logoType" });
    await expect(processLogo(new Blob([]))).rejects.toMatchObject({ message: "logoRequired" });
  });
});
