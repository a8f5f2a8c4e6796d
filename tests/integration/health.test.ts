import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";

describe("GET /api/health", () => {
  it("reports a migrated, reachable database of the configured kind", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.database).toMatchObject({
      driver: process.env.DATABASE_URL ? "postgres" : "pglite",
      connected: true,
    });
    expect(body.database.migrations).toBeGreaterThanOrEqual(2);
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
