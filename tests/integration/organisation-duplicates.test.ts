import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { organisationAdmins, organisations, profileOrganisations, profiles, users } from "@/db/schema";
import { env } from "@/lib/env";
import { IDLE } from "@/lib/forms/state";
import { translatorFor } from "@/lib/i18n/translator";
import { mergeOrganisationAction } from "@/lib/organisations/actions";
import { isOrganisationAdmin } from "@/lib/organisations/data";
import { mergeProposedOrganisation } from "@/lib/organisations/mutations";
import { listSimilarOrganisations } from "@/lib/organisations/proposal-data";
import { getNetworkName } from "@/lib/settings/data";
import { type SignUpState, signUpAction } from "@/lib/signup/actions";
import { changeUserOrganisationAction } from "@/lib/users/actions";
import { listUserOrganisations } from "@/lib/users/data";
import { changeUserOrganisation } from "@/lib/users/mutations";
import { auditEntriesFor, createPerson } from "../support/admin-factories";
import { mailsTo } from "../support/event-factories";
import {
  createApplicant,
  createMember,
  createOrganisation,
  createSession,
  signUpFormData,
} from "../support/factories";
import { signInWith } from "../support/next-headers";

/** A made-up place name per test, so similar names from other tests never get in the way. */
const place = () =>
  `Q${[...crypto.getRandomValues(new Uint8Array(7))].map((b) => "bcdfghklmnprstvwz"[b % 17]).join("")}`;
const names = (list: { name: string }[]) => list.map((o) => o.name);

describe("organisations similar to a proposed name", () => {
  it("finds longer spellings, umlaut and typo variants, not merely related names; waiting proposals only for coordinators", async () => {
    const p = place();
    const caritas = await createOrganisation({ name: `Caritasverband für den ${p}kreis e.V.` });
    const jugend = await createOrganisation({ name: `Jugendhilfe Müller ${p}` });
    const waiting = await createOrganisation({ name: `Caritas ${p}kreis Süd`, status: "proposed" });
    await createOrganisation({ name: `Jobcenter ${p}kreis` });

    // an applicant at sign-up is shown confirmed organisations only
    expect(names(await listSimilarOrganisations({ name: `Caritas ${p}kreis` }))).toEqual([caritas.name]);
    expect(
      names(await listSimilarOrganisations({ name: `Caritas ${p}kreis`, withProposed: true })).sort(),
    ).toEqual([caritas.name, waiting.name].sort());
    expect(await listSimilarOrganisations({ name: `caritas ${p}kries`, withProposed: true })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: waiting.id, proposed: true }),
        expect.objectContaining({ id: caritas.id, proposed: false }),
      ]),
    );
    expect(names(await listSimilarOrganisations({ name: `Jugendhilfe Mueller ${p}` }))).toEqual([
      jugend.name,
    ]);
    expect(names(await listSimilarOrganisations({ name: `Jugendhlfe Müler ${p}` }))).toEqual([jugend.name]);
    // the proposal itself is left out where a coordinator compares it with the others
    expect(
      names(
        await listSimilarOrganisations({ name: waiting.name, withProposed: true, excludeId: waiting.id }),
      ),
    ).not.toContain(waiting.name);
    expect(await listSimilarOrganisations({ name: `Sportverein ${p}` })).toEqual([]);
  });
});

const profileOf = async (email: string) => {
  const db = await getDb();
  const [row] = await db
    .select({ organisationId: profiles.organisationId })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(eq(users.email, email));
  return row;
};

describe("signing up with a proposed organisation like an existing one", () => {
  it("asks first, keeps what was typed, then takes the existing one or, when told so, the new one", async () => {
    const p = place();
    const existing = await createOrganisation({ name: `Caritasverband für den ${p}kreis e.V.` });
    const proposed = `Caritas ${p}kreis`;

    const form = signUpFormData({ organisation: proposed });
    const email = String(form.get("email"));
    const asked = (await signUpAction(IDLE, form)) as Extract<SignUpState, { status: "error" }>;
    expect(asked).toMatchObject({
      status: "error",
      fieldErrors: { organisationChoice: { key: "similarOrganisations" } },
      values: { organisation: proposed, email },
    });
    expect(names(asked.similar ?? [])).toEqual([existing.name]);
    expect(await profileOf(email)).toBeUndefined();

    form.set("organisationChoice", existing.id);
    await expect(signUpAction(asked, form)).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await profileOf(email))?.organisationId).toBe(existing.id);

    const other = signUpFormData({ organisation: proposed, organisationChoice: "new" });
    await expect(signUpAction(IDLE, other)).rejects.toThrow(/NEXT_REDIRECT/);
    const created = await profileOf(String(other.get("email")));
    const db = await getDb();
    const [org] = await db.select().from(organisations).where(eq(organisations.id, created!.organisationId!));
    expect(org).toMatchObject({ name: proposed, status: "proposed" });
  });
});

describe("signing up with a confirmed organisation's name", () => {
  it("joins it without asking, in any case; where two share the name, the suggested label with the slug tells which", async () => {
    const p = place();
    const single = await createOrganisation({ name: `Tafel ${p}` });
    const first = await createOrganisation({ name: `Caritas ${p}` });
    const second = await createOrganisation({ name: `Caritas ${p}` });
    const db = await getDb();
    const [secondRow] = await db.select().from(organisations).where(eq(organisations.id, second.id));

    const typed = signUpFormData({ organisation: `  tafel  ${p.toUpperCase()} ` });
    await expect(signUpAction(IDLE, typed)).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await profileOf(String(typed.get("email"))))?.organisationId).toBe(single.id);

    const labelled = signUpFormData({ organisation: `Caritas ${p} (${secondRow!.slug})` });
    await expect(signUpAction(IDLE, labelled)).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await profileOf(String(labelled.get("email"))))?.organisationId).toBe(second.id);

    // the bare shared name could be either: the form asks which one, and proposes nothing yet
    const bare = signUpFormData({ organisation: `Caritas ${p}` });
    const asked = (await signUpAction(IDLE, bare)) as Extract<SignUpState, { status: "error" }>;
    expect(asked.fieldErrors).toEqual({ organisationChoice: { key: "similarOrganisations" } });
    expect((asked.similar ?? []).map((o) => o.id).sort()).toEqual([first.id, second.id].sort());
    expect(await profileOf(String(bare.get("email")))).toBeUndefined();
  });
});

describe("assigning a proposal's people to an existing organisation", () => {
  it("moves main and further memberships, deletes the proposal and logs it; a member is refused", async () => {
    const coordinator = await createPerson("coordinator");
    const target = await createOrganisation();
    const proposal = await createOrganisation({ status: "proposed" });
    const proposer = await createMember({ profile: { organisationId: proposal.id } });
    const volunteer = await createMember({ profile: { organisationId: target.id } });
    const db = await getDb();
    await db.insert(profileOrganisations).values({ userId: volunteer.id, organisationId: proposal.id });

    const member = await createPerson("member");
    const form = new FormData();
    form.set("organisationId", proposal.id);
    form.set("intoId", target.id);
    signInWith(await createSession(member.id));
    try {
      await expect(mergeOrganisationAction(IDLE, form)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    } finally {
      signInWith(undefined);
    }
    expect(await db.select().from(organisations).where(eq(organisations.id, proposal.id))).toHaveLength(1);

    await mergeProposedOrganisation({
      actorId: coordinator.id,
      organisationId: proposal.id,
      intoId: target.id,
    });
    expect(await db.select().from(organisations).where(eq(organisations.id, proposal.id))).toHaveLength(0);
    expect(await listUserOrganisations({ userId: proposer.id })).toMatchObject([
      { id: target.id, main: true },
    ]);
    expect(await listUserOrganisations({ userId: volunteer.id })).toMatchObject([
      { id: target.id, main: true },
    ]);
    expect((await auditEntriesFor(target.id))[0]).toMatchObject({
      action: "organisation.merged",
      actorId: coordinator.id,
      data: { merged: proposal.name, name: target.name },
    });
    await expect(
      mergeProposedOrganisation({ actorId: coordinator.id, organisationId: target.id, intoId: proposal.id }),
    ).rejects.toMatchObject({ message: "organisationGone" });
  });
});

describe("the people of a proposal assigned to an existing organisation", () => {
  it("are told by mail, in their language, under which name it is listed now, with a link; not when unconfirmed or rejected", async () => {
    const coordinator = await createPerson("coordinator");
    const target = await createOrganisation({ name: `Caritasverband ${place()}` });
    const applicant = await createApplicant({ locale: "uk" });
    const db = await getDb();
    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, applicant.userId));
    const proposalId = profile!.organisationId!;
    const [proposal] = await db.select().from(organisations).where(eq(organisations.id, proposalId));
    const colleague = await createMember({ locale: "ar", name: "Amal Haddad" });
    await db.insert(profileOrganisations).values({ userId: colleague.id, organisationId: proposalId });
    const unconfirmed = await createMember({
      status: "pending",
      emailVerified: null,
      profile: { organisationId: proposalId },
    });
    const rejected = await createMember({ status: "rejected", profile: { organisationId: proposalId } });

    const form = new FormData();
    form.set("organisationId", proposalId);
    form.set("intoId", target.id);
    signInWith(await createSession(coordinator.id));
    try {
      expect(await mergeOrganisationAction(IDLE, form)).toMatchObject({ status: "success" });
    } finally {
      signInWith(undefined);
    }
    const link = `/organisations/${target.slug}`;
    const organisation = `\u2068${target.name}\u2069`;
    const proposed = `\u2068${proposal!.name}\u2069`;
    for (const [person, locale] of [
      [applicant, "uk"],
      [colleague, "ar"],
    ] as const) {
      const mails = await mailsTo(person.email);
      expect(mails).toHaveLength(1);
      const t = translatorFor(locale);
      expect(mails[0]!.subject).toBe(t("organisations.admin.mergedMail.subject", { organisation }));
      expect(mails[0]!.text).toContain(
        t("organisations.admin.mergedMail.body", {
          proposed,
          organisation,
          network: await getNetworkName(locale),
        }),
      );
      expect(mails[0]!.text).toContain(link);
      expect(mails[0]!.html).toContain(`href="${new URL(link, env.APP_URL)}"`);
    }
    expect(await mailsTo(unconfirmed.email)).toHaveLength(0);
    expect(await mailsTo(rejected.email)).toHaveLength(0);
  });
});

describe("a coordinator setting a member's organisations", () => {
  it("sets the main one, adds and removes further ones, gives and takes the admin flag, each logged", async () => {
    const coordinator = await createPerson("coordinator");
    const before = await createOrganisation();
    const after = await createOrganisation();
    const further = await createOrganisation();
    const person = await createMember({ profile: { organisationId: before.id } });
    const change = (organisationId: string, kind: Parameters<typeof changeUserOrganisation>[0]["change"]) =>
      changeUserOrganisation({ actorId: coordinator.id, userId: person.id, organisationId, change: kind });

    await change(after.id, "main");
    await change(further.id, "add");
    expect(await listUserOrganisations({ userId: person.id })).toMatchObject([
      { id: after.id, main: true, admin: false },
      { id: further.id, main: false },
    ]);
    const db = await getDb();
    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, person.id));
    expect(profile?.organisationNames).toBe(`${after.name} ${further.name}`);
    await expect(change(after.id, "main")).rejects.toMatchObject({ message: "organisationUnchanged" });
    await expect(change(before.id, "grantAdmin")).rejects.toMatchObject({ message: "adminNeedsMember" });

    await change(further.id, "grantAdmin");
    expect(await isOrganisationAdmin({ userId: person.id, organisationId: further.id })).toBe(true);
    await change(further.id, "revokeAdmin");
    expect(await isOrganisationAdmin({ userId: person.id, organisationId: further.id })).toBe(false);
    await change(further.id, "remove");
    expect(await listUserOrganisations({ userId: person.id })).toMatchObject([{ id: after.id }]);

    expect((await auditEntriesFor(person.id)).map((e) => e.action).sort()).toEqual(
      [
        "user.mainOrganisationChanged",
        "user.organisationAdded",
        "user.organisationAdminGranted",
        "user.organisationAdminRevoked",
        "user.organisationRemoved",
      ].sort(),
    );
  });

  it("refuses a plain member, in the mutation and in the action, and changes nothing", async () => {
    const member = await createPerson("member");
    const org = await createOrganisation();
    const target = await createMember({ profile: { organisationId: org.id } });
    const other = await createOrganisation();
    await expect(
      changeUserOrganisation({
        actorId: member.id,
        userId: target.id,
        organisationId: other.id,
        change: "main",
      }),
    ).rejects.toMatchObject({ code: "not_found" });

    const form = new FormData();
    form.set("userId", target.id);
    form.set("organisationId", org.id);
    form.set("change", "grantAdmin");
    signInWith(await createSession(member.id));
    try {
      await expect(changeUserOrganisationAction(form)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    } finally {
      signInWith(undefined);
    }
    expect(await listUserOrganisations({ userId: target.id })).toMatchObject([{ id: org.id, main: true }]);
    const db = await getDb();
    const admins = await db
      .select()
      .from(organisationAdmins)
      .where(and(eq(organisationAdmins.userId, target.id), eq(organisationAdmins.organisationId, org.id)));
    expect(admins).toHaveLength(0);
    expect(await auditEntriesFor(target.id)).toHaveLength(0);
  });

  it("adds a further organisation typed by name; a name no confirmed one has goes back to the field; a member typing one is refused", async () => {
    const coordinator = await createPerson("coordinator");
    const main = await createOrganisation();
    const target = await createMember({ profile: { organisationId: main.id } });
    const further = await createOrganisation({ name: `Tafel ${place()}` });
    const add = (name: string) => {
      const form = new FormData();
      form.set("userId", target.id);
      form.set("organisationName", name);
      form.set("change", "add");
      return changeUserOrganisationAction(form);
    };
    // where the action sends the browser: NEXT_REDIRECT;replace;<url>;307
    const redirected = (action: Promise<unknown>) =>
      action.then(
        () => null,
        (error: Error & { digest?: string }) => new URL(String(error.digest).split(";")[2]!, "http://app"),
      );

    signInWith(await createSession((await createPerson("member")).id));
    try {
      await expect(add(further.name)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    } finally {
      signInWith(undefined);
    }
    expect(await listUserOrganisations({ userId: target.id })).toHaveLength(1);

    signInWith(await createSession(coordinator.id));
    try {
      const unknown = await redirected(add(`${further.name} Nord`));
      expect(unknown?.pathname).toBe(`/admin/users/${target.id}`);
      expect(unknown?.searchParams.get("addName")).toBe(`${further.name} Nord`);
      expect(unknown?.hash).toBe("#add-organisation");
      expect(await listUserOrganisations({ userId: target.id })).toHaveLength(1);

      const done = await redirected(add(`  ${further.name.toUpperCase()} `));
      expect(done?.search).toBe("?done=organisation.add");
    } finally {
      signInWith(undefined);
    }
    expect(await listUserOrganisations({ userId: target.id })).toMatchObject([
      { id: main.id, main: true },
      { id: further.id, main: false },
    ]);
  });
});
