/**
 * The production server: Next.js behind a thin Node `http` server that answers visitors' cached
 * landing, FAQ and video pages straight from the page cache (lib/page-cache/front.ts) and hands
 * every other request to Next, whose empty 404 documents it replaces with the real not-found page
 * (lib/http/not-found-shell.ts). Started by `npm start` and the bench; honours PORT and HOSTNAME.
 * On PostgreSQL it runs several such processes on one port (WEB_CONCURRENCY, scripts/serve-cluster.ts).
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { parse } from "node:url";
import next from "next";
import { env, webProcessCount } from "@/lib/env";
import { replaceEmptyNotFound } from "@/lib/http/not-found-shell";
import { servePageFromCache } from "@/lib/page-cache/front";
import { superviseWebProcesses } from "./serve-cluster";

// lib/page-cache/render.ts asks this very server (env.PORT) for the pages it caches.
const { PORT: port, HOSTNAME: hostname } = env;

/** The fast path must never take the server down: on any surprise, Next answers instead. */
function fromCache(...args: Parameters<typeof servePageFromCache>): boolean {
  try {
    return servePageFromCache(...args);
  } catch (error) {
    console.error("page cache:", error);
    return false;
  }
}

async function main() {
  const app = next({ dev: false, port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const notFoundPage = parse("/_not-found", true);
  const server = createServer((request, response) => {
    if (fromCache(request, response)) return;
    replaceEmptyNotFound(request, response, () => handle(request, response, notFoundPage));
    void handle(request, response);
  });
  const which = cluster.isWorker ? ` (web process ${cluster.worker?.id})` : "";
  server.listen(port, hostname, () => console.log(`✓ Ready on port ${port}${which}`));

  let closing = false;
  const close = (code: number) => {
    if (closing) return;
    closing = true;
    // Stop accepting connections, let Next finish its work, then leave (as `next start` does).
    server.close();
    server.closeIdleConnections();
    void app.close().finally(() => process.exit(code));
    setTimeout(() => process.exit(code), 5_000).unref();
  };
  process.on("SIGINT", () => close(130));
  process.on("SIGTERM", () => close(143));
}

const processes = webProcessCount(env, availableParallelism());
if (!env.DATABASE_URL && (env.WEB_CONCURRENCY ?? 1) > 1) {
  console.warn("WEB_CONCURRENCY is ignored with PGlite: only one process may open its folder.");
}
if (cluster.isPrimary && processes > 1) {
  superviseWebProcesses(processes);
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
