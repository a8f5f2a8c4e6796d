import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { REQUEST_PATH_HEADER } from "@/lib/auth/next-path";

/**
 * A page that calls `notFound()` comes out of a production build as an empty document
 * (`<html id="__next_error__">`): the not-found page exists only in the script payload, so without
 * JavaScript the reader sees nothing (vercel/next.js#98954; an unknown path is rendered properly).
 * The front server (scripts/serve.ts) holds a page request's 404 answer back and, when it is that
 * empty document, has Next render the not-found page instead (`render`: the /_not-found route).
 */
const EMPTY_SHELL = '<html id="__next_error__"';

/** Documents only: a client-side navigation (RSC) reads the payload and shows the page itself. */
const isDocumentRequest = (request: IncomingMessage) =>
  (request.method === "GET" || request.method === "HEAD") &&
  request.headers.rsc === undefined &&
  (request.headers.accept ?? "").includes("text/html");

/** The held answer as text: Next compresses what the browser accepts. */
function decoded(body: Buffer, encoding: unknown): string {
  try {
    if (encoding === "gzip") return gunzipSync(body).toString();
    if (encoding === "deflate") return inflateSync(body).toString();
    if (encoding === "br") return brotliDecompressSync(body).toString();
  } catch {
    return ""; // not what it claims to be: passed on as it is
  }
  return body.toString();
}

type Chunk = string | Uint8Array;

/**
 * Wraps the response's writeHead, write and end (beneath whatever Next wraps around them, such as its
 * compression): a 404 HTML answer is held until it ends, everything else passes straight through.
 */
export function replaceEmptyNotFound(
  request: IncomingMessage,
  response: ServerResponse,
  render: () => Promise<unknown>,
): void {
  if (!isDocumentRequest(request)) return;
  const asked = request.url ?? "/";
  // Typed loosely: each has several overloads, all of which pass on here.
  type Loose = (this: ServerResponse, ...args: unknown[]) => ServerResponse & boolean;
  const writeHead = response.writeHead as unknown as Loose;
  const write = response.write as unknown as Loose;
  const end = response.end as unknown as Loose;
  let held: Buffer[] | null = null;
  let passing = false;
  let head: Parameters<ServerResponse["writeHead"]> | null = null;
  const holding = () => {
    if (passing || held) return held !== null;
    const html = String(response.getHeader("content-type") ?? "").startsWith("text/html");
    if (response.statusCode === 404 && html) held = [];
    else passing = true;
    return held !== null;
  };
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string") held!.push(Buffer.from(chunk, encoding as BufferEncoding | undefined));
    else if (chunk instanceof Uint8Array) held!.push(Buffer.from(chunk));
  };

  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (!passing && !held) response.statusCode = args[0];
    if (!holding()) return writeHead.apply(response, args);
    head = args;
    return response;
  } as ServerResponse["writeHead"];

  response.write = ((chunk: Chunk, encoding?: unknown, callback?: () => void) => {
    if (!holding()) return write.call(response, chunk, encoding, callback);
    keep(chunk, encoding);
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  }) as ServerResponse["write"];

  response.end = ((chunk?: unknown, encoding?: unknown, callback?: () => void) => {
    if (!holding()) return end.call(response, chunk, encoding, callback);
    keep(chunk, encoding);
    const body = Buffer.concat(held!);
    held = null;
    passing = true;
    if (!decoded(body, response.getHeader("content-encoding")).slice(0, 512).includes(EMPTY_SHELL)) {
      if (head) writeHead.apply(response, head);
      return end.call(response, body, undefined, callback);
    }
    // Next answers once more, from the start: what it wrapped around the response (its compression
    // patches writeHead, write, end, on and flush), its headers (encoding, length) and its listeners.
    for (const key of ["writeHead", "write", "end", "on", "flush"]) Reflect.deleteProperty(response, key);
    response.removeHeader("content-encoding");
    response.removeHeader("content-length");
    response.setMaxListeners(response.getMaxListeners() * 2);
    // The not-found page offers visitors the login that returns to the page asked for (proxy.ts).
    request.headers[REQUEST_PATH_HEADER] = asked;
    render().catch((error: unknown) => {
      console.error("not-found page:", error);
      if (!response.headersSent) writeHead.call(response, 404);
      end.call(response, body);
    });
    return response;
  }) as ServerResponse["end"];
}
