import { describe, expect, it } from "vitest";
import { classifySmtpRefusal } from "./bounce";

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
