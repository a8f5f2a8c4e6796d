import { describe, expect, it } from "vitest";
import { classifySmtpRefusal, reasonGroup } from "./bounce";

const refusal = (responseCode: number, response: string) =>
  classifySmtpRefusal(Object.assign(new Error(response), { responseCode, response }));

describe("classifySmtpRefusal", () => {
  it.each([
    [550, "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown"],
    [550, "550 Requested action not taken: mailbox unavailable"],
    [551, "551 User not local"],
    [553, "553 Mailbox name not allowed"],
    [550, "550 5.2.1 The email account that you tried to reach is disabled"],
    [554, "554 5.1.10 Recipient address has null MX"],
  ])("takes %i (%s) as an address that is gone", (code, response) => {
    expect(refusal(code, response)).toMatchObject({ permanent: true, addressGone: true });
  });

  it.each([
    [552, "552 5.2.2 Mailbox full"],
    [552, "552 Message size exceeds fixed maximum message size"],
    [554, "554 5.7.1 Message rejected as spam"],
    [554, "554 Transaction failed: content rejected"],
    [550, "550 5.7.1 Sender not authorised by SPF"],
    [550, "550 Message refused: listed on a blocklist"],
    [530, "530 5.7.0 Authentication required"],
  ])("fails %i (%s) for this mail without giving up the address", (code, response) => {
    expect(refusal(code, response)).toMatchObject({ permanent: true, addressGone: false });
  });

  it("takes 4xx and network errors as passing later", () => {
    expect(refusal(451, "451 4.7.1 Greylisted, try again later")).toMatchObject({
      permanent: false,
      addressGone: false,
    });
    expect(classifySmtpRefusal(new Error("connect ECONNREFUSED"))).toMatchObject({
      permanent: false,
      addressGone: false,
      reason: "connect ECONNREFUSED",
    });
  });
});

describe("reasonGroup", () => {
  it("takes out the recipient's address and the mail's id, so one cause is one group", () => {
    const gmail = (address: string, id: string) =>
      `550-5.1.1 The email account that you tried to reach does not exist. <${address}> For more information, go to https://support.google.com/mail/?p=NoSuchUser ${id} - gsmtp`;
    expect(reasonGroup(gmail("anna@example.org", "d2e1a72fcca58-72a7f4a8b5bsi1234567b3a.123"))).toBe(
      reasonGroup(gmail("bernd@example.org", "41be03b00d2f7-b2f2a9c0c33si5566778a12.45")),
    );
    expect(
      reasonGroup("550 5.1.1 <a@b.example>: Recipient address rejected: User unknown (in reply to RCPT TO)"),
    ).toBe("550 5.1.1 …: Recipient address rejected: User unknown (in reply to RCPT TO)");
  });

  it("keeps what tells causes apart: codes, words and the help link", () => {
    expect(reasonGroup("552 5.2.2 Mailbox full")).toBe("552 5.2.2 Mailbox full");
    expect(reasonGroup("554 5.7.1 Message rejected as spam (queue id 4Xyz12AbCdEf)")).toBe(
      "554 5.7.1 Message rejected as spam (queue id …)",
    );
    expect(reasonGroup("550 Message refused: listed on https://www.spamhaus.org/query/ip/192.0.2.1")).toBe(
      "550 Message refused: listed on https://www.spamhaus.org/query/ip/192.0.2.1",
    );
  });
});
