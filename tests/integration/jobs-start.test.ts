import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getDbHandle, rowsOf } from "@/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { sendJob } from "@/lib/jobs/queue";
import { jobsDbFor } from "@/lib/jobs/sql";
import { jobStates } from "@/lib/jobs/testing";

describe("starting the job queue", () => {
  it("installs pg-boss once when the enqueuing side and a worker start at the same moment", async () => {
    // On PostgreSQL these are two connections racing to create the same schema and queues, as two
    // server processes do when they start together on a fresh database.
    const [client, worker] = await Promise.all([getBoss("client"), getBoss("worker")]);
    expect(client).not.toBe(worker);
    await sendJob("notifications.sweep", { fromTest: true });
    expect((await jobStates("notifications.sweep")).map((job) => job.state)).toEqual(["created"]);
  });

  it("a failing statement list leaves no aborted transaction behind for the app's next queries", async () => {
    const handle = await getDbHandle();
    await expect(jobsDbFor(handle).executeSql("BEGIN; SELECT 1/0; COMMIT;")).rejects.toThrow(
      /division by zero/,
    );
    // More queries at once than the pool has connections: each of them must still answer.
    const db = await getDb();
    const answers = await Promise.all(
      Array.from({ length: 12 }, async () => rowsOf<{ one: number }>(await db.execute(sql`select 1 as one`))),
    );
    expect(answers.map((rows) => rows[0]?.one)).toEqual(Array(12).fill(1));
  });
});
