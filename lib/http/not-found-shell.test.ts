import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUEST_PATH_HEADER } from "@/lib/auth/next-path";
import { replaceEmptyNotFound } from "./not-found-shell";

const EMPTY =
  '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div></body></html>';

/** Answers like Next does: status and headers first, then the document in several chunks. */
function next(request: IncomingMessage, response: ServerResponse) {
  const html = (status: number, ...chunks: string[]) => {
    response.statusCode = status;
    response.setHeader("content-type", "text/html; charset=utf-8");
    for (const chunk of chunks.slice(0, -1)) response.write(chunk);
    response.end(chunks.at(-1));
  };
  if (request.url?.startsWith("/gone?")) return html(404, EMPTY.slice(0, 20), EMPTY.slice(20));
  if (request.url === "/gone-gzip") {
    // what Next's compression hands on when the browser accepts gzip
    response.statusCode = 404;
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.setHeader("content-encoding", "gzip");
    return response.end(gzipSync(EMPTY));
  }
  if (request.url === "/unknown")
    return html(404, "<html><body><h1>Seite nicht gefunden</h1>", "</body></html>");
  return html(200, "<html><body><h1>Mitglieder</h1>", "</body></html>");
}

let base = "";
let renderedFor: string | string[] | undefined;
const server = createServer((request, response) => {
  replaceEmptyNotFound(request, response, async () => {
    renderedFor = request.headers[REQUEST_PATH_HEADER];
    response.statusCode = 404;
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end("<html><body><h1>Seite nicht gefunden</h1></body></html>");
  });
  next(request, response);
});
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const get = async (path: string, headers: Record<string, string> = { accept: "text/html" }) => {
  const response = await fetch(base + path, { headers });
  return { status: response.status, body: await response.text() };
};

describe("replaceEmptyNotFound", () => {
  it("answers a page's empty 404 document with the not-found page, for the page asked for", async () => {
    expect(await get("/gone?x=1")).toEqual({
      status: 404,
      body: "<html><body><h1>Seite nicht gefunden</h1></body></html>",
    });
    expect(renderedFor).toBe("/gone?x=1");
  });

  it("recognises the empty document compressed", async () => {
    expect(await get("/gone-gzip")).toEqual({
      status: 404,
      body: "<html><body><h1>Seite nicht gefunden</h1></body></html>",
    });
  });

  it("passes every other answer through as it was", async () => {
    expect(await get("/unknown")).toEqual({
      status: 404,
      body: "<html><body><h1>Seite nicht gefunden</h1></body></html>",
    });
    expect(await get("/members")).toEqual({
      status: 200,
      body: "<html><body><h1>Mitglieder</h1></body></html>",
    });
  });

  it("leaves client-side navigations (RSC) and non-document requests alone", async () => {
    expect((await get("/gone?rsc", { accept: "text/html", rsc: "1" })).body).toBe(EMPTY);
    expect((await get("/gone?any", { accept: "*/*" })).body).toBe(EMPTY);
  });
});
