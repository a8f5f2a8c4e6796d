import { createServer, get, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { servePageFromCache } from "./front";
import { cacheKey, pageCacheState } from "./state";

let server: Server;
let base: string;

beforeAll(async () => {
  // What Next would answer: anything the fast path hands on.
  server = createServer((request, response) => {
    if (!servePageFromCache(request, response)) response.writeHead(299).end("next");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Sends a request line fetch() would refuse to build, and reads the status code. */
function rawStatus(target: string): Promise<number> {
  return new Promise((done, fail) => {
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1", () =>
      socket.end(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    );
    let reply = "";
    socket.on("data", (chunk) => {
      reply += chunk;
    });
    socket.on("end", () => done(Number(reply.split(" ")[1])));
    socket.on("error", fail);
  });
}

const FAQ_AR = '<html lang="ar" dir="rtl"><body><h1>الأسئلة الشائعة</h1></body></html>';

beforeEach(() => {
  const state = pageCacheState();
  state.entries.clear();
  state.versions = { faq: 7 };
  // The versions count as just checked for the whole test, however slow the machine: one test took
  // 1.8 s in CI beside an e2e run, past the one second a check counts as fresh.
  state.checkedAt = Date.now() + 60_000;
  state.entries.set(cacheKey("/faq", "ar"), {
    html: FAQ_AR,
    etag: '"faq-ar-7"',
    scopes: ["faq"],
    versionKey: "settings:1,faq:7",
    storedAt: Date.now(),
  });
});

describe("servePageFromCache", () => {
  it("answers a visitor's current cached page in their language, with the cache's headers", async () => {
    const response = await fetch(`${base}/faq`, { headers: { cookie: "locale=ar" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(FAQ_AR);
    expect(response.headers.get("x-page-cache")).toBe("hit");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("etag")).toBe('"faq-ar-7"');
    // ?lang= and Accept-Language reach the same page
    expect((await fetch(`${base}/faq?lang=ar`)).headers.get("x-page-cache")).toBe("hit");
    expect((await fetch(`${base}/faq`, { headers: { "accept-language": "ar-SY" } })).status).toBe(200);
  });

  it("sends gzip when asked, and 304 for the browser's copy", async () => {
    const raw = await new Promise<Buffer>((done) => {
      get(`${base}/faq?lang=ar`, { headers: { "accept-encoding": "gzip" } }, (response) => {
        expect(response.headers["content-encoding"]).toBe("gzip");
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => done(Buffer.concat(chunks)));
      });
    });
    expect(gunzipSync(raw).toString()).toBe(FAQ_AR);
    const again = await fetch(`${base}/faq?lang=ar`, { headers: { "if-none-match": '"faq-ar-7"' } });
    expect(again.status).toBe(304);
  });

  it("hands on to Next: another language, a signed-in member, a search, a post, stale versions", async () => {
    expect((await fetch(`${base}/faq`)).status).toBe(299); // German is not cached yet
    const signedIn = { cookie: "locale=ar; authjs.session-token=abc" };
    expect((await fetch(`${base}/faq`, { headers: signedIn })).status).toBe(299);
    expect((await fetch(`${base}/faq?lang=ar&q=kita`)).status).toBe(299);
    expect((await fetch(`${base}/faq?lang=ar`, { method: "POST" })).status).toBe(299);
    expect((await fetch(`${base}/members?lang=ar`)).status).toBe(299);
    expect(await rawStatus("http://[::1/faq")).toBe(299); // a malformed request line never throws here

    // Another instance raised the FAQ's version: this one must ask Next, which checks the database.
    pageCacheState().versions = { faq: 8 };
    expect((await fetch(`${base}/faq?lang=ar`)).status).toBe(299);
    // An admin saved the settings (the network's name in every header): every page is stale.
    pageCacheState().versions = { faq: 7, settings: 2 };
    expect((await fetch(`${base}/faq?lang=ar`)).status).toBe(299);
    // The versions were last checked more than a second ago: ask Next too.
    pageCacheState().versions = { faq: 7 };
    pageCacheState().checkedAt = Date.now() - 1500;
    expect((await fetch(`${base}/faq?lang=ar`)).status).toBe(299);
  });
});
