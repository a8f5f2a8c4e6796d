import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { applications, users } from "@/db/schema";
import { decideApplicationAction } from "@/lib/applications/actions";
import { IDLE } from "@/lib/forms/schema";
import { createApplication } from "@/lib/signup/mutations";
import { actAs } from "../support/actions";
import { createSession, createUser, signUpInput } from "../support/factories";

vi.mock("next/headers", () => import("../support/next-headers"));

/** A confirmed application waiting in the queue. */
async function waitingApplication() {
  const { userId } = await createApplication({
    data: signUpInput(),
    locale: "de",
    policyVersion: "2026-11-01",
  });
  const db = await getDb();
  await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, userId));
  const [application] = await db.select().from(applications).where(eq(applications.userId, userId));
  return application!.id;
}

/** Presses a decision button on /admin/signups as a coordinator; `enhanced`: the page's JavaScript runs. */
async function decide(fields: Record<string, string>) {
  const coordinator = await createUser({ role: "coordinator" });
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return actAs(await createSession(coordinator.id), () => decideApplicationAction(IDLE, form));
}

describe("decideApplicationAction", () => {
  it("without JavaScript, comes back to the queue saying what was decided", async () => {
    expect(await decide({ applicationId: await waitingApplication(), decision: "approved" })).toBe(
      "redirected:/admin/signups?done=approved",
    );
    expect(
      await decide({
        applicationId: await waitingApplication(),
        decision: "rejected",
        reason: "Nicht im Kreis.",
      }),
    ).toBe("redirected:/admin/signups?done=rejected");
  });

  it("with JavaScript, answers the card in place", async () => {
    expect(
      await decide({ applicationId: await waitingApplication(), decision: "approved", enhanced: "1" }),
    ).toEqual({ status: "success", message: "approvedDone" });
  });
});
