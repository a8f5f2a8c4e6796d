import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { countAppliedMigrations } from "@/db/migrate";

export const dynamic = "force-dynamic";

/** Liveness and database state, for monitoring and load balancers. */
export async function GET() {
  const started = performance.now();
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    const migrations = await countAppliedMigrations(handle);
    return Response.json({
      status: "ok",
      database: {
        driver: handle.driver,
        connected: true,
        migrations,
        latencyMs: Math.round(performance.now() - started),
      },
    });
  } catch (error) {
    console.error("Health check failed:", error);
    return Response.json(
      {
        status: "error",
        database: { connected: false, error: error instanceof Error ? error.message : "unknown" },
      },
      { status: 503 },
    );
  }
}
