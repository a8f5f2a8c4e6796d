// Started by playwright.config.ts before the app (web servers start in order) when the run uses
// PostgreSQL: creates the run's own database, answers on a port once it exists, and drops it when
// Playwright stops it at the end of the run.
import { createServer } from "node:http";
import { createDatabase, dropDatabase } from "./database";

const url = process.env.E2E_DATABASE_URL;
const port = Number(process.argv[2]);
if (!url || !port) throw new Error("usage: E2E_DATABASE_URL=… tsx database-server.ts <port>");

async function main(databaseUrl: string) {
  await createDatabase(databaseUrl);
  const server = createServer((_req, res) => res.end("ok")).listen(port, "127.0.0.1");
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      server.close();
      await dropDatabase(databaseUrl).catch((error: unknown) =>
        console.error("could not drop the e2e database:", error),
      );
      process.exit(0);
    });
  }
}

void main(url);
