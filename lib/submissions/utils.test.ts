import { describe, expect, it } from "vitest";
import { SUBMISSION_FIELD } from "./constants";
import { submissionOf } from "./utils";

const form = (fields: Record<string, string>, file?: File) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  if (file) data.set("attachments", file);
  return data;
};
const of = (data: FormData) =>
  submissionOf(data, { userId: "u1", scope: "forum:thread:1", fields: ["body"] });

describe("submissionOf", () => {
  it("takes the form's key when it is a UUID, and draws one of its own otherwise", () => {
    const key = crypto.randomUUID();
    expect(of(form({ [SUBMISSION_FIELD]: key.toUpperCase() })).key).toBe(key);
    const forged = of(form({ [SUBMISSION_FIELD]: "1' OR '1'='1" })).key;
    expect(forged).toMatch(/^[0-9a-f-]{36}$/);
    expect(of(form({})).key).not.toBe(forged);
  });

  it("hashes the text as the schemas read it: line breaks and surrounding spaces do not count, words do", () => {
    const print = (body: string) => of(form({ body })).fingerprint;
    expect(print("Hallo\r\nWelt ")).toBe(print("Hallo\nWelt"));
    expect(print("Hallo Welt")).not.toBe(print("Hallo\nWelt"));
    expect(of(form({ body: "a", title: "b" })).fingerprint).toBe(print("a"));
  });

  it("knows whether files go with it, chosen or kept from a preview", () => {
    expect(of(form({ body: "a" })).withFiles).toBe(false);
    expect(of(form({ body: "a" }, new File([], ""))).withFiles).toBe(false);
    expect(of(form({ body: "a" }, new File(["x"], "a.pdf"))).withFiles).toBe(true);
    expect(of(form({ body: "a", attachment: "id:a.pdf" })).withFiles).toBe(true);
  });
});
