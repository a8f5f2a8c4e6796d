import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

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
});
