import type { Page } from "@playwright/test";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { expectNoA11yViolations } from "./support/a11y";
import { escapeRegExp, expect, plain, test, tr, uniqueSuffix, waitForHydration } from "./support/fixtures";
import { CACHE_RENEWAL } from "./support/page-cache";
import { expectInertFor, recordDialogs } from "./support/xss";

const t = tr("de");

/**
 * A visitor's page cache forgets a changed video at once in the process that made the change, and in
 * the other web processes (PostgreSQL runs several) at their next check, within a second.
 */
const expectGoneForVisitors = (visitor: Page, url: string) =>
  expect.poll(async () => (await visitor.goto(url))?.status(), { timeout: 3_000 }).toBe(404);
const expectListedForVisitors = (visitor: Page, title: string) =>
  expect(async () => {
    await visitor.goto("/videos");
    await expect(visitor.getByRole("link", { name: title })).toBeVisible({ timeout: 100 });
  }).toPass(CACHE_RENEWAL);

/** Deletes the video whose edit page is open, through the confirmation step. */
async function deleteVideo(coordinator: Page) {
  await coordinator.getByRole("link", { name: t("videosAdmin.delete") }).click();
  await coordinator.getByRole("button", { name: t("videosAdmin.confirmDelete") }).click();
  await expect(coordinator.getByRole("status")).toHaveText(t("videosAdmin.saved.deleted"));
}

/** Records a few seconds of a canvas with Chromium's MediaRecorder: a real, tiny WebM file. */
async function recordWebm(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 90;
    const context = canvas.getContext("2d")!;
    const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: "video/webm" });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => {
      recorder.onstop = resolve;
    });
    let frame = 0;
    const draw = () => {
      context.fillStyle = `hsl(${(frame * 30) % 360} 70% 40%)`;
      context.fillRect(0, 0, 160, 90);
      context.fillStyle = "#fff";
      context.fillText(`Bild ${frame}`, 10, 50);
      frame += 1;
    };
    draw();
    const timer = setInterval(draw, 100);
    recorder.start(200);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    recorder.stop();
    clearInterval(timer);
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return Buffer.from(base64, "base64");
}

async function drawPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 320;
    canvas.height = 180;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#1d4ed8";
    context.fillRect(0, 0, 320, 180);
    return canvas.toDataURL("image/png");
  });
  return Buffer.from(dataUrl.split(",")[1]!, "base64");
}

const vtt = (text: string) => Buffer.from(`WEBVTT\n\n00:00.000 --> 00:02.000\n${text}\n`);

/** Creates and publishes a YouTube video with this transcript; returns its admin and public URLs. */
async function createExternalVideo(
  page: Page,
  video: { title: string; description: string; transcript: string },
) {
  await page.goto("/admin/videos/new");
  await page.getByLabel(t("videosAdmin.title")).fill(video.title);
  await page.getByLabel(t("videosAdmin.description")).fill(video.description);
  await page.getByLabel(t("videosAdmin.kind")).selectOption({ label: t("videosAdmin.kinds.external") });
  await page.getByLabel(t("videosAdmin.externalUrl")).fill("https://www.youtube.com/watch?v=aqz-KE-bpKQ");
  await page.getByLabel(t("videosAdmin.transcript")).fill(video.transcript);
  await page.getByLabel(t("videosAdmin.publishedLabel")).check();
  await page.getByRole("button", { name: t("videosAdmin.save"), exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(t("videosAdmin.saved.created"));
  const publicUrl = await page.getByRole("link", { name: t("videosAdmin.preview") }).getAttribute("href");
  return { editUrl: page.url().split("?")[0]!, publicUrl: publicUrl! };
}

test("a coordinator uploads a video with poster and captions; a visitor plays it with captions, seeking by range requests", async ({
  coordinator,
  newPage,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const title = `Anmeldung erklärt ${uniqueSuffix()}`;
  await coordinator.goto("/admin/videos/new");
  await coordinator.getByLabel(t("videosAdmin.title")).fill(title);
  await coordinator.getByLabel(t("videosAdmin.description")).fill("So melden Sie sich an.");
  await coordinator
    .getByLabel(t("videosAdmin.transcript"))
    .fill("Willkommen! In diesem Video zeigen wir die Anmeldung.");
  await coordinator.getByLabel(t("videosAdmin.publishedLabel")).check();
  await coordinator.getByRole("button", { name: t("videosAdmin.save"), exact: true }).click();
  await expect(coordinator.getByRole("status")).toHaveText(t("videosAdmin.saved.created"));
  await expectNoA11yViolations(coordinator);
  const editUrl = coordinator.url().split("?")[0]!;

  // A file that is not a video is refused beside the field.
  await coordinator.getByLabel(t("videosAdmin.videoFile")).setInputFiles({
    name: "film.mp4",
    mimeType: "video/mp4",
    buffer: Buffer.from("<html>kein Video</html>"),
  });
  await coordinator.getByRole("button", { name: t("videosAdmin.uploadVideo") }).click();
  await expect(coordinator.getByText(t("videosAdmin.errors.fileTypeVideo"))).toBeVisible();

  // The real video goes up with a progress bar (JavaScript) and the page reports it.
  await coordinator.getByLabel(t("videosAdmin.videoFile")).setInputFiles({
    name: "anmeldung.webm",
    mimeType: "video/webm",
    buffer: await recordWebm(coordinator),
  });
  await coordinator.getByRole("button", { name: t("videosAdmin.uploadVideo") }).click();
  await expect(coordinator.getByRole("status")).toHaveText(t("videosAdmin.saved.file"));

  // The poster goes up through the plain form, without JavaScript.
  const png = await drawPng(coordinator);
  const noScript = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    storageState: await coordinator.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto(editUrl);
  await plain
    .getByLabel(t("videosAdmin.posterFile"))
    .setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: png });
  await plain.getByRole("button", { name: t("videosAdmin.uploadPoster") }).click();
  await expect(plain.getByRole("status")).toHaveText(t("videosAdmin.saved.poster"));
  await noScript.close();

  // Captions in German and Arabic.
  for (const [locale, text] of [
    ["de", "Willkommen!"],
    ["ar", "أهلًا وسهلًا!"],
  ] as const) {
    await coordinator.goto(editUrl);
    await coordinator.getByLabel(t("videosAdmin.captionsLanguage")).selectOption(locale);
    await coordinator
      .getByLabel(t("videosAdmin.captionsFile"))
      .setInputFiles({ name: `${locale}.vtt`, mimeType: "text/vtt", buffer: vtt(text) });
    await coordinator.getByRole("button", { name: t("videosAdmin.captionsSave") }).click();
    await expect(coordinator.getByRole("status")).toHaveText(t("videosAdmin.saved.captions"));
  }
  await expect(
    coordinator.getByText(
      t("videosAdmin.captionsPresent", {
        languages: `${t("videosAdmin.languages.de")}, ${t("videosAdmin.languages.ar")}`,
      }),
    ),
  ).toBeVisible();

  // A visitor finds it in the list and plays it.
  const visitor = await newPage({ locale: "de-DE" });
  const mediaStatuses: number[] = [];
  visitor.on("response", (response) => {
    if (response.url().includes("/api/videos/media/")) mediaStatuses.push(response.status());
  });
  await expectListedForVisitors(visitor, title);
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByRole("heading", { name: t("videos.transcript") })).toBeVisible();
  await expectNoA11yViolations(visitor);
  const video = visitor.locator("video");
  await expect(video).toHaveAttribute("poster", /\/api\/videos\/media\//);
  await expect(video.locator("track")).toHaveCount(2);
  await expect(video.locator('track[srclang="ar"]')).toHaveAttribute("label", "العربية");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2);
  // Captions are selectable: switch to Arabic and its cues load.
  await video.evaluate((v: HTMLVideoElement) => {
    for (const track of Array.from(v.textTracks))
      track.mode = track.language === "ar" ? "showing" : "disabled";
  });
  await expect
    .poll(() =>
      video.evaluate(
        (v: HTMLVideoElement) =>
          Array.from(v.textTracks).find((tt) => tt.language === "ar")?.cues?.[0]?.["text" as never],
      ),
    )
    .toBe("أهلًا وسهلًا!");
  expect(mediaStatuses).toContain(206);

  // Seeking: a range in the middle of the file is answered with exactly that range.
  const source = await video.locator("source").getAttribute("src");
  const ranged = await visitor.request.get(source!, { headers: { range: "bytes=100-199" } });
  expect(ranged.status()).toBe(206);
  expect(ranged.headers()["content-range"]).toMatch(/^bytes 100-199\/\d+$/);
  expect((await ranged.body()).byteLength).toBe(100);
});

test("the external video makes no request to YouTube before the visitor clicks", async ({
  browser,
  baseURL,
}) => {
  // Its own context: the shared guard would (rightly) fail on the request made after the click.
  const context = await browser.newContext({ baseURL, locale: "de-DE" });
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!["localhost", "127.0.0.1"].includes(new URL(request.url()).hostname)) foreign.push(request.url());
  });
  // No network to YouTube here: answer its frame locally, but the request itself is what counts.
  await page.route(/youtube-nocookie\.com/, (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>Player</title>" }),
  );

  const response = await page.goto("/videos/knotenpunkt-in-zwei-minuten");
  expect(response?.headers()["content-security-policy"]).not.toContain("youtube");
  await expect(page.getByText(t("videos.externalNotice"))).toBeVisible();
  await expect(page.getByRole("heading", { name: t("videos.transcript") })).toBeVisible();
  await expect(page.locator("iframe")).toHaveCount(0);
  await expectNoA11yViolations(page);
  expect(foreign).toEqual([]);

  await page.getByRole("link", { name: t("videos.externalLoad") }).click();
  await expect(page.locator('iframe[src^="https://www.youtube-nocookie.com/embed/"]')).toBeVisible();
  await expect.poll(() => foreign.length).toBeGreaterThan(0);
  expect(foreign.every((url) => url.startsWith("https://www.youtube-nocookie.com/"))).toBe(true);
  await context.close();
});

test("a coordinator translates a video, withdraws and publishes it again, moves it up and deletes it", async ({
  coordinator,
  newPage,
}) => {
  const suffix = uniqueSuffix();
  const title = `Kita-Anmeldung ${suffix}`;
  const english = `Registering for day care ${suffix}`;
  const { editUrl, publicUrl } = await createExternalVideo(coordinator, {
    title,
    description: "Wie Sie einen Kita-Platz beantragen.",
    transcript: "Zuerst füllen Sie den Antrag aus.",
  });

  const reader = await newPage();
  await test.step("the English translation reaches English readers", async () => {
    const en = t("videosAdmin.languages.en");
    await coordinator.getByLabel(`${t("videosAdmin.title")} (${en})`).fill(english);
    await coordinator
      .getByLabel(`${t("videosAdmin.transcript")} (${en})`)
      .fill("First, you fill in the application.");
    await coordinator.getByRole("button", { name: `${t("videosAdmin.saveTranslation")} (${en})` }).click();
    await expect(coordinator.getByRole("status")).toHaveText(t("videosAdmin.saved.en"));
    await expectNoA11yViolations(coordinator);
    await reader.goto(`${publicUrl}?lang=en`);
    await expect(reader.getByRole("heading", { level: 1, name: english })).toBeVisible();
    await expect(reader.getByText("First, you fill in the application.")).toBeVisible();
  });

  await test.step("a German change marks the translation outdated for its readers at once", async () => {
    await coordinator
      .getByLabel(t("videosAdmin.transcript"), { exact: true })
      .fill("Zuerst füllen Sie den Antrag im Online-Portal aus.");
    await coordinator.getByRole("button", { name: t("videosAdmin.save"), exact: true }).click();
    await expect(coordinator.getByRole("status")).toHaveText(t("videosAdmin.saved.video"));
    // (every web process renews its cached page within a second of the change: PostgreSQL runs several)
    await expect(async () => {
      await reader.reload();
      await expect(reader.getByText(plain(tr("en")("videos.outdatedNotice")))).toBeVisible({ timeout: 100 });
    }).toPass(CACHE_RENEWAL);
    await expect(reader.getByRole("heading", { level: 1, name: english })).toBeVisible();
    await expectNoA11yViolations(reader);
  });

  const visitor = await newPage();
  await test.step("withdrawn, visitors no longer find it; published again, they do", async () => {
    await coordinator.goto("/admin/videos");
    await coordinator.getByRole("button", { name: t("videosAdmin.unpublishLabel", { title }) }).click();
    await expect(coordinator.getByRole("status")).toHaveText(t("videosAdmin.saved.unpublished"));
    await expectGoneForVisitors(visitor, publicUrl);
    await coordinator.getByRole("button", { name: t("videosAdmin.publishLabel", { title }) }).click();
    await expect(coordinator.getByRole("status")).toHaveText(t("videosAdmin.saved.published"));
    await expectListedForVisitors(visitor, title);
  });

  await test.step("moved up, it comes one place earlier", async () => {
    const titles = () => coordinator.getByRole("main").locator("ol > li h2").allTextContents();
    const before = (await titles()).indexOf(title);
    expect(before).toBeGreaterThan(0);
    await coordinator.getByRole("button", { name: t("videosAdmin.moveUpLabel", { title }) }).click();
    await expect.poll(async () => (await titles()).indexOf(title)).toBe(before - 1);
  });

  await test.step("deleted, it is gone for visitors", async () => {
    await coordinator.goto(editUrl);
    // One click only asks what will happen; "cancel" keeps the video.
    await coordinator.getByRole("link", { name: t("videosAdmin.delete") }).click();
    const confirmHeading = coordinator.getByRole("heading", {
      name: t("videosAdmin.confirmDeleteHeading", { title }),
    });
    await expect(confirmHeading).toBeVisible();
    await expectNoA11yViolations(coordinator);
    await coordinator.getByRole("link", { name: t("videosAdmin.cancel") }).click();
    await expect(confirmHeading).toHaveCount(0);
    await expectListedForVisitors(visitor, title);
    await deleteVideo(coordinator);
    await expect(coordinator.getByRole("link", { name: title })).toHaveCount(0);
    await expectGoneForVisitors(visitor, publicUrl);
  });
});

test("a video transcript with 60 XSS payloads renders inert for the coordinator and for visitors", {
  tag: "@network-wide", // a video added meanwhile would shift the order another spec checks
}, async ({ coordinator, newPage }) => {
  const { editUrl, publicUrl } = await createExternalVideo(coordinator, {
    title: `Sicherheitstest Video ${uniqueSuffix()}`,
    description: "Ein Video mit schädlichem Transkript.",
    transcript: XSS_PAYLOADS.join("\n\n"),
  });

  const visitor = await newPage();
  const dialogs = recordDialogs(coordinator, visitor);
  await expectInertFor([coordinator, visitor], publicUrl, (viewer) =>
    viewer.getByRole("region", { name: t("videos.transcript") }),
  );
  expect(dialogs).toEqual([]);

  await coordinator.goto(editUrl);
  await deleteVideo(coordinator);
  await expectGoneForVisitors(visitor, publicUrl);
});

test("captions over 512 KB are refused beside the field as they are chosen, and saving anyway sends nothing", async ({
  coordinator,
}) => {
  await coordinator.goto("/admin/videos/new");
  await coordinator.getByLabel(t("videosAdmin.title")).fill(`Untertitel zu groß ${uniqueSuffix()}`);
  await coordinator.getByRole("button", { name: t("videosAdmin.save"), exact: true }).click();
  await expect(coordinator.getByRole("status")).toHaveText(t("videosAdmin.saved.created"));

  const file = coordinator.getByLabel(t("videosAdmin.captionsFile"));
  const tooLarge = new RegExp(escapeRegExp(t("videosAdmin.errors.captionsTooLarge")));
  await waitForHydration(file);
  await file.setInputFiles({
    name: "ar.vtt",
    mimeType: "text/vtt",
    buffer: Buffer.concat([vtt("أهلًا وسهلًا!"), Buffer.alloc(512 * 1024, 0x20)]),
  });
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(file).toHaveAccessibleDescription(tooLarge);
  expect(await file.evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
  await expectNoA11yViolations(coordinator);

  const posts: string[] = [];
  coordinator.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await coordinator.getByRole("button", { name: t("videosAdmin.captionsSave") }).click();
  await coordinator.waitForLoadState("networkidle");
  expect(posts).toEqual([]);
  await expect(file).toBeFocused();
  await expect(file).toHaveAccessibleDescription(tooLarge);
  await deleteVideo(coordinator);
});
