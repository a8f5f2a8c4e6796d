import { describe, expect, it } from "vitest";
import { hitRateLimit, hitRateLimits } from "@/lib/rate-limit/mutations";

const key = (name: string) => `test:${name}:${crypto.randomUUID()}`;

describe("hitRateLimit", () => {
  it("allows `limit` attempts, then refuses with a time to wait", async () => {
    const k = key("limit");
    for (let i = 0; i < 3; i++) {
      expect((await hitRateLimit({ key: k, limit: 3, windowSeconds: 600 })).allowed).toBe(true);
    }
    const refused = await hitRateLimit({ key: k, limit: 3, windowSeconds: 600 });
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(590);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
  });

  it("counts each key on its own", async () => {
    const a = key("a");
    const b = key("b");
    await hitRateLimit({ key: a, limit: 1, windowSeconds: 600 });
    expect((await hitRateLimit({ key: a, limit: 1, windowSeconds: 600 })).allowed).toBe(false);
    expect((await hitRateLimit({ key: b, limit: 1, windowSeconds: 600 })).allowed).toBe(true);
  });

  it("allows again once the window has passed", async () => {
    const k = key("window");
    await hitRateLimit({ key: k, limit: 1, windowSeconds: 1 });
    const refused = await hitRateLimit({ key: k, limit: 1, windowSeconds: 1 });
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await hitRateLimit({ key: k, limit: 1, windowSeconds: 1 })).allowed).toBe(true);
    expect((await hitRateLimit({ key: k, limit: 1, windowSeconds: 1 })).allowed).toBe(false);
  });

  it("counts attempts made at the same moment without losing any", async () => {
    const k = key("burst");
    const results = await Promise.all(
      Array.from({ length: 8 }, () => hitRateLimit({ key: k, limit: 5, windowSeconds: 600 })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });
});

describe("hitRateLimits", () => {
  it("refuses when any one of the limits is reached, with the longest wait", async () => {
    const perAddress = key("addr");
    const perIp = key("ip");
    const checks = [
      { key: perIp, limit: 10, windowSeconds: 3600 },
      { key: perAddress, limit: 1, windowSeconds: 900 },
    ];
    expect(await hitRateLimits(checks)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const refused = await hitRateLimits(checks);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(890);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
  });
});
