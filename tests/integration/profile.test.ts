import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/uploads/[id]/route";
import { getDb } from "@/db/client";
import { profiles, uploads, users, type Visibility } from "@/db/schema";
import { toFieldErrors } from "@/lib/forms/schema";
import type { FieldErrors } from "@/lib/forms/state";
import { getOwnProfile } from "@/lib/profile/data";
import { removeProfilePhoto, setProfilePhoto, updateProfile } from "@/lib/profile/mutations";
import { processPhoto } from "@/lib/profile/photo";
import { ProfileInput } from "@/lib/profile/schema";
import { createOrganisation, createSession, createUser, profileForm } from "../support/factories";

/** What the form sends when nothing is filled in but the required name; overrides per test. */
const form = (overrides: Record<string, unknown> = {}) => profileForm("Olena Kovalenko", "1", overrides);

function fieldErrors(raw: Record<string, unknown>): FieldErrors {
  const parsed = ProfileInput.safeParse(raw);
  expect(parsed.success).toBe(false);
  return toFieldErrors(parsed.error!);
}

async function storedProfile(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  return row!;
}

/** A 2000×1500 PNG, red on top and blue below, that a camera turned: EXIF says "rotate 90° clockwise". */
async function cameraPng(): Promise<Buffer> {
  const red = await sharp({ create: { width: 2000, height: 750, channels: 3, background: "#ff0000" } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 2000, height: 1500, channels: 3, background: "#0000ff" } })
    .composite([{ input: red, top: 0, left: 0 }])
    .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 3/1 0/1" } })
    .withMetadata({ orientation: 6 })
    .png()
    .toBuffer();
}

const smallPng = (background = "#336699") =>
  sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .png()
    .toBuffer();

const blob = (bytes: Buffer | string, type = "image/png") =>
  new Blob([new Uint8Array(Buffer.from(bytes))], { type });

const photoError = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { field?: string; message: string }) => `${error.field}:${error.message}`,
  );

async function memberWithPhoto(visPhoto: Visibility) {
  const owner = await createUser({ name: "Amal Yousef" });
  await updateProfile({ userId: owner.id, data: ProfileInput.parse(form({ visPhoto: String(visPhoto) })) });
  const { photoId } = await setProfilePhoto({
    userId: owner.id,
    photo: await processPhoto(blob(await smallPng())),
  });
  return { owner, photoId };
}

/** Calls the route as a browser would, signed in as `userId` (or as a visitor). */
async function fetchUpload(id: string, userId?: string, headers: Record<string, string> = {}) {
  const cookie = userId ? `theme=dark; authjs.session-token=${await createSession(userId)}` : "";
  const request = new Request(`http://localhost:3000/api/uploads/${id}`, { headers: { cookie, ...headers } });
  return GET(request, { params: Promise.resolve({ id }) });
}

describe("updateProfile", () => {
  it("stores the fields and their visibility and keeps the search columns up to date", async () => {
    const organisation = await createOrganisation({
      name: `Caritas Zeitz ${crypto.randomUUID().slice(0, 6)}`,
    });
    const user = await createUser({ name: "Alt" });
    const db = await getDb();
    await db.insert(profiles).values({ userId: user.id, organisationId: organisation.id });
    const word = `Schreibwerkstätten${crypto.randomUUID().slice(0, 6).replace(/\d/g, "x")}`;
    const data = ProfileInput.parse(
      form({
        name: "Jürgen Müller-Lüdenscheidt",
        jobFunction: "Migrationsberater",
        municipality: "Zeitz",
        topics: ["language", "work"],
        languages: ["de", "ar"],
        bio: `Ich leite **${word}** für Geflüchtete.\r\n\r\n- montags\n- mittwochs`,
        contactEmail: " Juergen@Example.org ",
        phone: "+49 (3441) 123-456",
        website: "https://caritas-zeitz.example.org",
        visName: "0",
        visBio: "0",
        visLanguages: "2",
        visContact: "2",
      }),
    );
    await updateProfile({ userId: user.id, data });

    const [account] = await db.select({ name: users.name }).from(users).where(eq(users.id, user.id));
    expect(account!.name).toBe("Jürgen Müller-Lüdenscheidt");
    const profile = await storedProfile(user.id);
    expect(profile).toMatchObject({
      organisationId: organisation.id,
      jobFunction: "Migrationsberater",
      municipality: "Zeitz",
      topics: ["language", "work"],
      languages: ["de", "ar"],
      bio: `Ich leite **${word}** für Geflüchtete.\n\n- montags\n- mittwochs`,
      contactEmail: "juergen@example.org",
      phone: "+49 (3441) 123-456",
      website: "https://caritas-zeitz.example.org",
      visName: 0,
      visPhoto: 1,
      visBio: 0,
      visLanguages: 2,
      visContact: 2,
      nameFolded: "jurgen muller-ludenscheidt",
    });
    expect(profile).toMatchObject({
      searchText: "Jürgen Müller-Lüdenscheidt",
      organisationNames: organisation.name,
    });

    const found = await db
      .select({ userId: profiles.userId })
      .from(profiles)
      .where(sql`${profiles.search} @@ websearch_to_tsquery('german', ${word})`);
    expect(found.map((r) => r.userId)).toEqual([user.id]);
  });

  it("empties optional fields the member cleared", async () => {
    const user = await createUser();
    await updateProfile({
      userId: user.id,
      data: ProfileInput.parse(form({ jobFunction: "Lehrerin", bio: "Hallo", phone: "0345 1234" })),
    });
    await updateProfile({ userId: user.id, data: ProfileInput.parse(form()) });
    expect(await storedProfile(user.id)).toMatchObject({ jobFunction: null, bio: null, phone: null });
    const own = await getOwnProfile({ userId: user.id });
    expect(own).toMatchObject({ jobFunction: "", bio: "", phone: "", topics: [] });
  });
});

describe("ProfileInput", () => {
  it("explains what is wrong with phone, website, e-mail and an overlong bio", () => {
    expect(
      fieldErrors(
        form({
          phone: "0345 12ab34",
          website: "javascript:alert(1)",
          contactEmail: "kein-at-zeichen",
          bio: "x".repeat(2001),
        }),
      ),
    ).toEqual({
      phone: { key: "invalidPhone", values: {} },
      website: { key: "invalidUrl", values: {} },
      contactEmail: { key: "invalidEmail", values: {} },
      bio: { key: "tooLong", values: { max: 2000 } },
    });
    expect(fieldErrors(form({ website: "beispiel" })).website?.key).toBe("invalidUrl");
  });

  it("takes phone numbers with brackets and web addresses without https://, as the organisation form does", () => {
    const data = ProfileInput.parse(form({ phone: "(03445) 123456", website: "www.vhs-blk.de" }));
    expect(data).toMatchObject({ phone: "(03445) 123456", website: "https://www.vhs-blk.de" });
  });

  it("never lets the name be hidden, and accepts only the three visibility levels", () => {
    expect(fieldErrors(form({ visName: "2" })).visName?.key).toBe("invalidChoice");
    expect(fieldErrors(form({ visBio: "3" })).visBio?.key).toBe("invalidChoice");
    expect(fieldErrors(form({ municipality: "Berlin" })).municipality?.key).toBe("invalidChoice");
    expect(fieldErrors(form({ topics: ["astrology"] })).topics?.key).toBe("invalidChoice");
  });
});

describe("profile photo", () => {
  it("stores an upright square WebP of at most 512×512 without EXIF or GPS data", async () => {
    const input = await cameraPng();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const user = await createUser();
    const { photoId } = await setProfilePhoto({ userId: user.id, photo: await processPhoto(blob(input)) });

    const db = await getDb();
    const [upload] = await db.select().from(uploads).where(eq(uploads.id, photoId));
    expect(upload).toMatchObject({
      ownerId: user.id,
      purpose: "profile_photo",
      contentType: "image/webp",
      width: 512,
      height: 512,
    });
    expect(upload!.byteSize).toBe(upload!.data.byteLength);
    const stored = await sharp(upload!.data).metadata();
    expect(stored).toMatchObject({ format: "webp", width: 512, height: 512 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    // Turned upright: what was the red top is now the right-hand side.
    const { data } = await sharp(upload!.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * 512 + x) * 3, (y * 512 + x) * 3 + 3)];
    expect(pixel(500, 256)[0]).toBeGreaterThan(200); // red
    expect(pixel(10, 256)[2]).toBeGreaterThan(200); // blue
    expect((await storedProfile(user.id)).photoId).toBe(photoId);
  });

  it("refuses a text file named .png, a file over 5 MB and an image over 40 megapixels", async () => {
    const text = new File(["Das ist kein Bild."], "foto.png", { type: "image/png" });
    expect(await photoError(processPhoto(text))).toBe("photo:imageType");
    const huge = Buffer.concat([await smallPng(), Buffer.alloc(6 * 1024 * 1024)]);
    expect(await photoError(processPhoto(blob(huge)))).toBe("photo:imageFileTooLarge");
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect(bomb.byteLength).toBeLessThan(5 * 1024 * 1024);
    expect(await photoError(processPhoto(blob(bomb)))).toBe("photo:imageTooBig");
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    expect(await photoError(processPhoto(blob(gif, "image/png")))).toBe("photo:imageType");
  });

  it("deletes the previous photo when a new one comes, and all of it on removal", async () => {
    const { owner, photoId: first } = await memberWithPhoto(1);
    const { photoId: second } = await setProfilePhoto({
      userId: owner.id,
      photo: await processPhoto(blob(await smallPng("#aa0000"))),
    });
    const db = await getDb();
    const kept = await db.select({ id: uploads.id }).from(uploads).where(eq(uploads.ownerId, owner.id));
    expect(kept.map((u) => u.id)).toEqual([second]);
    expect((await fetchUpload(first, owner.id)).status).toBe(404);

    await removeProfilePhoto({ userId: owner.id });
    expect((await storedProfile(owner.id)).photoId).toBeNull();
    expect(await db.select().from(uploads).where(eq(uploads.ownerId, owner.id))).toEqual([]);
  });
});

describe("GET /api/uploads/[id]", () => {
  it("shows a members-only photo to the owner and to members, not to visitors", async () => {
    const { owner, photoId } = await memberWithPhoto(1);
    const member = await createUser();

    for (const viewer of [owner.id, member.id]) {
      const response = await fetchUpload(photoId, viewer);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/webp");
      expect(response.headers.get("cache-control")).toBe("private, max-age=300");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("etag")).toBe(`"${photoId}"`);
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get("content-length")).toBe(String(body.byteLength));
      expect((await sharp(body).metadata()).format).toBe("webp");
    }
    expect((await fetchUpload(photoId)).status).toBe(404);
    const applicant = await createUser({ status: "pending" });
    expect((await fetchUpload(photoId, applicant.id)).status).toBe(404);
  });

  it("shows a hidden photo to the owner only, not to other members or coordinators", async () => {
    const { owner, photoId } = await memberWithPhoto(2);
    const member = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    expect((await fetchUpload(photoId, member.id)).status).toBe(404);
    expect((await fetchUpload(photoId, coordinator.id)).status).toBe(404);
    expect((await fetchUpload(photoId, owner.id)).status).toBe(200);
  });

  it("serves a public photo to visitors, cacheably, and answers 304 to a known ETag", async () => {
    const { photoId } = await memberWithPhoto(0);
    const response = await fetchUpload(photoId);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const again = await fetchUpload(photoId, undefined, { "if-none-match": `W/"x", "${photoId}"` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("hides the photo of a member who is no longer approved, and knows no unknown ids", async () => {
    const { owner, photoId } = await memberWithPhoto(0);
    const db = await getDb();
    await db.update(users).set({ status: "blocked" }).where(eq(users.id, owner.id));
    expect((await fetchUpload(photoId)).status).toBe(404);
    expect((await fetchUpload(photoId, (await createUser()).id)).status).toBe(404);
    expect((await fetchUpload(crypto.randomUUID())).status).toBe(404);
  });
});
