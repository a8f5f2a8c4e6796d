import { describe, expect, it } from "vitest";
import { decideApplicationAction } from "@/lib/applications/actions";
import { IDLE } from "@/lib/forms/state";
import { actAs } from "../support/actions";
import { createApplicant, createSession, createUser } from "../support/factories";

/** Presses a decision button on /admin/signups as a coordinator; `enhanced`: the page's JavaScript runs. */
async function decide(fields: Record<string, string>) {
  const coordinator = await createUser({ role: "coordinator" });
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return actAs(await createSession(coordinator.id), () => decideApplicationAction(IDLE, form));
}

describe("decideApplicationAction", () => {
  it("without JavaScript, comes back to the queue saying what was decided", async () => {
    expect(
      await decide({ applicationId: (await createApplicant()).applicationId, decision: "approved" }),
    ).toBe("redirected:/admin/signups?done=approved");
    expect(
      await decide({
        applicationId: (await createApplicant()).applicationId,
        decision: "rejected",
        reason: "Nicht im Kreis.",
      }),
    ).toBe("redirected:/admin/signups?done=rejected");
  });

  it("with JavaScript, answers the card in place", async () => {
    expect(
      await decide({
        applicationId: (await createApplicant()).applicationId,
        decision: "approved",
        enhanced: "1",
      }),
    ).toEqual({ status: "success", message: "approvedDone" });
  });
});
