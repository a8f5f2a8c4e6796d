import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/videos/[id]/upload/route";
import { GET as captionsRoute } from "@/app/api/videos/captions/[id]/[locale]/route";
import { GET as media } from "@/app/api/videos/media/[id]/route";
import { getVideoForEdit } from "@/lib/videos/admin-data";
import { getVideo, listPublishedVideos } from "@/lib/videos/data";
import { saveCaptions, saveVideo, setVideoPublished } from "@/lib/videos/mutations";
import { createSession, createUser } from "../support/factories";

const BASE = "http://localhost:3000";
let coordinator: { id: string; cookie: string };
let member: { cookie: string };

beforeAll(async () => {
  const c = await createUser({ role: "coordinator" });
  coordinator = { id: c.id, cookie: `authjs.session-token=${await createSession(c.id)}` };
  member = { cookie: `authjs.session-token=${await createSession((await createUser()).id)}` };
});

/** A fake WebM: the real EBML magic bytes, then a pattern, so every byte's position can be checked. */
function fakeWebm(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = i % 251;
  bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
  return bytes;
}

async function newVideo(published = false) {
  const title = `Erklärvideo ${crypto.randomUUID().slice(0, 8)}`;
  const { id } = await saveVideo({
    actorId: coordinator.id,
    data: {
      kind: "upload",
      slug: undefined,
      title,
      description: "Kurz erklärt",
      transcript: "Hallo",
      published,
      externalId: null,
    },
  });
  return id;
}

function uploadRequest(
  videoId: string,
  kind: string,
  file: Blob,
  cookie: string,
  accept = "application/json",
) {
  const body = new FormData();
  body.set("file", file, "film.webm");
  return upload(
    new NextRequest(`${BASE}/api/videos/${videoId}/upload?kind=${kind}`, {
      method: "POST",
      body,
      headers: { cookie, accept },
    }),
    {
      params: Promise.resolve({ id: videoId }),
    },
  );
}

const get = (mediaId: string, headers: Record<string, string> = {}) =>
  media(new Request(`${BASE}/api/videos/media/${mediaId}`, { headers }), {
    params: Promise.resolve({ id: mediaId }),
  });

describe("video upload and range requests", () => {
  it("stores an upload in chunks and answers range requests with exactly the bytes asked for", async () => {
    const videoId = await newVideo();
    const bytes = fakeWebm(700 * 1024); // three 256 KB chunks
    const response = await uploadRequest(
      videoId,
      "video",
      new Blob([bytes], { type: "video/webm" }),
      coordinator.cookie,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      location: `/admin/videos/${videoId}?uploaded=video#upload-video`,
    });
    const edit = await getVideoForEdit({ videoId });
    expect(edit?.media).toMatchObject({ type: "video/webm", byteSize: bytes.byteLength });
    const mediaId = edit!.media!.url.split("/").pop()!;

    // Unpublished: the coordinator may preview it, a member and a visitor get "not found".
    expect((await get(mediaId, { cookie: coordinator.cookie })).status).toBe(200);
    expect((await get(mediaId, { cookie: member.cookie })).status).toBe(404);
    expect((await get(mediaId)).status).toBe(404);

    await setVideoPublished({ actorId: coordinator.id, videoId, published: true });
    const whole = await get(mediaId);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);

    // A range across the boundary of the first and second chunk.
    const start = 256 * 1024 - 10;
    const partial = await get(mediaId, { range: `bytes=${start}-${start + 99}` });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes ${start}-${start + 99}/${bytes.byteLength}`);
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(bytes.subarray(start, start + 100));

    const tail = await get(mediaId, { range: "bytes=-5" });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.byteLength - 5));
    expect((await get(mediaId, { range: `bytes=${bytes.byteLength}-` })).status).toBe(416);

    const page = await getVideo({ slug: edit!.slug, locale: "de" });
    expect(page?.source).toEqual({ url: `/api/videos/media/${mediaId}`, type: "video/webm" });
  });

  it("refuses files that are not videos, posters that are too large, and members", async () => {
    const videoId = await newVideo();
    const html = new Blob(["<html><script>alert(1)</script></html>".repeat(10)], { type: "video/mp4" });
    expect(await (await uploadRequest(videoId, "video", html, coordinator.cookie)).json()).toMatchObject({
      ok: false,
      error: "fileType",
    });

    const bigPng = new Uint8Array(2 * 1024 * 1024 + 10);
    bigPng.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const tooLarge = await uploadRequest(
      videoId,
      "poster",
      new Blob([bigPng], { type: "image/png" }),
      coordinator.cookie,
      "text/html",
    );
    expect(tooLarge.status).toBe(303);
    expect(tooLarge.headers.get("location")).toBe(
      `/admin/videos/${videoId}?error=fileTooLarge&kind=poster#upload-poster`,
    );

    const byMember = await uploadRequest(videoId, "video", new Blob([fakeWebm(1000)]), member.cookie);
    expect(byMember.status).toBe(404);
    expect((await getVideoForEdit({ videoId }))?.media).toBeNull();
    expect((await getVideoForEdit({ videoId }))?.posterUrl).toBeNull();
  });

  it("serves captions per language and lists them on the video, the visitor's language first", async () => {
    const videoId = await newVideo(true);
    await saveCaptions({
      actorId: coordinator.id,
      videoId,
      locale: "de",
      vtt: "WEBVTT\n\n00:00.000 --> 00:02.000\nHallo",
    });
    await saveCaptions({
      actorId: coordinator.id,
      videoId,
      locale: "ar",
      vtt: "WEBVTT\n\n00:00.000 --> 00:02.000\nمرحبا",
    });
    const response = await captionsRoute(new Request(`${BASE}/api/videos/captions/${videoId}/ar`), {
      params: Promise.resolve({ id: videoId, locale: "ar" }),
    });
    expect(response.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(await response.text()).toContain("مرحبا");
    const slug = (await getVideoForEdit({ videoId }))!.slug;
    const video = await getVideo({ slug, locale: "ar" });
    expect(video?.captions.map((c) => c.locale)).toEqual(["ar", "de"]);
    expect(video).toMatchObject({ shownLocale: "de", status: "missing" });
    expect((await listPublishedVideos({ locale: "ar" })).some((v) => v.slug === slug)).toBe(true);
  });
});
