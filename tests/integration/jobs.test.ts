import { describe, expect, it } from "vitest";
import { sendJob } from "@/lib/jobs/queue";
import { jobStates, runQueuedJobs } from "@/lib/jobs/testing";

describe("job queue (pg-boss on the app's database)", () => {
  it("runs a queued job once and keeps a delayed one until it is due", async () => {
    const now = await sendJob("notifications.sweep", {});
    const later = await sendJob("notifications.sweep", {}, { startAfter: new Date(Date.now() + 60_000) });
    expect(now).toEqual(expect.any(String));
    expect(later).toEqual(expect.any(String));

    const first = await runQueuedJobs({ names: ["notifications.sweep"] });
    expect(first).toMatchObject({ completed: 1, failed: 0 });
    expect((await jobStates("notifications.sweep")).map((j) => j.state).sort()).toEqual([
      "completed",
      "created",
    ]);

    const second = await runQueuedJobs({ names: ["notifications.sweep"], dueWithinMs: 120_000 });
    expect(second).toMatchObject({ completed: 1, failed: 0 });
  });

  it("drops a second waiting job with the same singleton key", async () => {
    const key = crypto.randomUUID();
    const a = await sendJob(
      "notifications.digest",
      { userId: key },
      { singletonKey: key, startAfter: new Date(Date.now() + 60_000) },
    );
    const b = await sendJob("notifications.digest", { userId: key }, { singletonKey: key });
    expect(a).toEqual(expect.any(String));
    expect(b).toBeNull();
  });
});

describe("restarts", () => {
  it("lose no job: what was queued before the worker stopped runs after it starts again", async () => {
    const { stopBosses } = await import("@/lib/jobs/boss");
    await sendJob("notifications.sweep", { restart: true });
    await stopBosses({ graceful: true, timeout: 1000 });
    const result = await runQueuedJobs({ names: ["notifications.sweep"] });
    expect(result).toMatchObject({ completed: 1, failed: 0 });
  });
});
