// The "turn off these e-mails" page opens in the mail's language, even in a browser set to another one
// and without the member signed in (a phone's mail app): the link names the language.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { notify } from "@/lib/notifications/mutations";
import { proxy } from "@/proxy";
import { member, outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW } from "../support/notification-lines";

async function turnOffLinkFor(locale: "ar" | "de" | "uk") {
  const actor = await member("Katrin Vogel");
  const reader = await member("Amal Leserin", { locale });
  await notify({
    recipientIds: [reader.id],
    kind: "mention",
    actorId: actor.id,
    url: "/forum/t/1",
    subjectKey: `example:${crypto.randomUUID()}`,
    params: { title: "Sprachkurse" },
  });
  await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
  const [mail] = await outboxTo(reader.email);
  const link = mail?.text.match(/https?:\/\/\S+\/notifications\/off\?\S+/)?.[0];
  expect(link).toBeTruthy();
  return link!;
}

/** The language cookie the page is rendered with once the proxy has seen the request. */
const renderedLocale = (link: string, headers: Record<string, string>) =>
  proxy(new NextRequest(link, { headers }))
    .headers.get("x-middleware-request-cookie")
    ?.match(/(?:^|; )locale=(\w+)/)?.[1];

describe("the mail's turn-off link", () => {
  it("opens in the member's language, not the browser's", async () => {
    const arabic = await turnOffLinkFor("ar");
    expect(new URL(arabic).searchParams.get("lang")).toBe("ar");
    expect(renderedLocale(arabic, { "accept-language": "de-DE,de;q=0.9" })).toBe("ar");
    expect(renderedLocale(arabic, { "accept-language": "de-DE", cookie: "locale=de" })).toBe("ar");

    const ukrainian = await turnOffLinkFor("uk");
    expect(renderedLocale(ukrainian, { "accept-language": "ar" })).toBe("uk");
  });
});
