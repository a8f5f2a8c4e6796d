import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/language/route";

const switchTo = (locale: string, referer: string) =>
  GET(
    new NextRequest(`http://localhost:3000/language?set=${locale}`, {
      headers: { referer, host: "localhost:3000" },
    }),
  );

describe("the language switcher", () => {
  it("returns to the page without its ?lang=, so the new choice is what the page shows", async () => {
    const response = await switchTo("de", "http://localhost:3000/faq?lang=ar&q=Sprachkurs#wohnen");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/faq?q=Sprachkurs");
    expect(response.headers.get("set-cookie")).toContain("locale=de");
  });

  it("does not send anyone to another site", async () => {
    const response = await switchTo("ar", "https://elsewhere.example/faq");
    expect(response.headers.get("location")).toBe("/");
  });
});
