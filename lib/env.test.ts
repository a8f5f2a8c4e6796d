import { describe, expect, it } from "vitest";
import { parseEnv, webProcessCount } from "./env";

describe("parseEnv", () => {
  it("runs a local demo with nothing set", () => {
    const env = parseEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe("./.data/pglite");
  });

  it("refuses to send real mail signed with the public demo secret", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.org:587" })).toThrow(/AUTH_SECRET/);
    expect(
      parseEnv({ SMTP_URL: "smtp://mail.example.org:587", AUTH_SECRET: "a-real-secret-of-32-characters!!" })
        .SMTP_URL,
    ).toBe("smtp://mail.example.org:587");
  });

  it("treats empty variables as unset and names a bad one", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
  });

  it("keeps four PostgreSQL connections per process unless told otherwise", () => {
    expect(parseEnv({}).DATABASE_POOL_MAX).toBe(4);
    expect(parseEnv({ DATABASE_POOL_MAX: "12" }).DATABASE_POOL_MAX).toBe(12);
    expect(() => parseEnv({ DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX/);
  });
});

describe("webProcessCount", () => {
  const pg = "postgres://postgres@127.0.0.1:5432/knotenpunkt";

  it("runs one process per core, at most four, on PostgreSQL", () => {
    expect(webProcessCount(parseEnv({ DATABASE_URL: pg }), 2)).toBe(2);
    expect(webProcessCount(parseEnv({ DATABASE_URL: pg }), 16)).toBe(4);
  });

  it("takes WEB_CONCURRENCY as given on PostgreSQL and refuses nonsense", () => {
    expect(webProcessCount(parseEnv({ DATABASE_URL: pg, WEB_CONCURRENCY: "6" }), 2)).toBe(6);
    expect(() => parseEnv({ WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
  });

  it("keeps PGlite in one process, whatever is asked", () => {
    expect(webProcessCount(parseEnv({}), 8)).toBe(1);
    expect(webProcessCount(parseEnv({ WEB_CONCURRENCY: "3" }), 8)).toBe(1);
  });
});
