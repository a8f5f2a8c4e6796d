// On PostgreSQL the e2e run gets a database of its own on the same server: the integration tests
// (which share DATABASE_URL) leave events, threads and rate-limit counts that would crowd the pages
// and the coordinator's sign-in limit. Created before the app starts, dropped after the run (database-server.ts).
import postgres from "postgres";

/** DATABASE_URL with the database name replaced by the run's own. */
export function e2eDatabaseUrl(databaseUrl: string, runId: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${url.pathname.replace(/^\//, "") || "postgres"}_e2e_${runId}`;
  return url.toString();
}

function serverAndName(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const name = url.pathname.replace(/^\//, "");
  url.pathname = "/postgres";
  return { server: postgres(url.toString(), { max: 1, onnotice: () => {} }), name };
}

export async function createDatabase(databaseUrl: string): Promise<void> {
  const { server, name } = serverAndName(databaseUrl);
  try {
    await server`drop database if exists ${server(name)} with (force)`;
    await server`create database ${server(name)}`;
  } finally {
    await server.end({ timeout: 5 });
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { server, name } = serverAndName(databaseUrl);
  try {
    await server`drop database if exists ${server(name)} with (force)`;
  } finally {
    await server.end({ timeout: 5 });
  }
}
