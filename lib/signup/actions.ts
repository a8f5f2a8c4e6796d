"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sendExistingAddressEmail } from "@/emails/existing-address";
import { sendSignInEmail } from "@/emails/sign-in";
import { createSignInLink } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { resolveLocale } from "@/lib/i18n/request";
import { getPolicyVersion } from "@/lib/legal/data";
import { choiceNamed, listOrganisationChoices } from "@/lib/organisations/data";
import { listSimilarOrganisations, type SimilarOrganisation } from "@/lib/organisations/proposal-data";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { signUpLimits } from "@/lib/rate-limit/policies";
import { NEW_ORGANISATION } from "./constants";
import { type ApplicationResult, createApplication } from "./mutations";
import { SIGN_UP_MULTI_FIELDS, SignUp } from "./schema";

/** The form's state; `similar` lists organisations like the proposed one, to pick instead. */
export type SignUpState = FormState & { similar?: SimilarOrganisation[] };

/**
 * The organisation typed: a confirmed one, by its name as suggested; otherwise one to propose, with the
 * confirmed organisations like it (unless the applicant has already said to propose it anyway).
 */
async function typedOrganisation(
  formData: FormData,
): Promise<{ id?: string; similar: SimilarOrganisation[] }> {
  const name = formData.get("organisation");
  if (typeof name !== "string" || name.trim() === "" || name.length > 150) return { similar: [] };
  const known = choiceNamed(await listOrganisationChoices(), name);
  if (known) return { id: known.id, similar: [] };
  if (formData.get("organisationChoice") === NEW_ORGANISATION) return { similar: [] };
  return { similar: await listSimilarOrganisations({ name }) };
}

/**
 * Tells the owner of a known address what applies to them, in the language of their account: a member
 * gets a sign-in link, a waiting applicant a link to their application, a rejected one whom to contact
 * (only the coordination office can let them apply again). A blocked account gets nothing.
 */
async function mailKnownAddress(
  email: string,
  person: NonNullable<ApplicationResult["existing"]>,
): Promise<void> {
  const locale: Locale = isLocale(person.locale) ? person.locale : "de";
  const mail = { to: email, locale, name: person.name };
  if (person.status === "rejected") return sendExistingAddressEmail({ ...mail, status: "rejected" });
  if (person.status === "blocked") return;
  const callbackPath = person.status === "approved" ? "/home" : "/application";
  const link = await createSignInLink({ email, callbackPath, kind: "code" });
  await sendExistingAddressEmail({ ...mail, status: person.status, url: link.url });
}

export async function signUpAction(previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const { id: knownId, similar } = await typedOrganisation(formData);
  const submit = formAction(
    SignUp,
    async (data) => {
      // A proposal like an existing organisation comes back once: pick that one, or say "new" on purpose.
      const picked = similar.find((o) => o.id === data.organisationChoice);
      if (similar.length > 0 && !picked)
        throw new AppError({
          code: "conflict",
          message: "similarOrganisations",
          field: "organisationChoice",
        });

      const limit = await hitRateLimits(signUpLimits(clientIp(await headers()), data.email));
      // On the form, with everything typed kept (a venue's shared Wi-Fi reaches the limit at a meeting).
      if (!limit.allowed) throw new AppError({ code: "rate_limited", message: "signUpRateLimited" });

      const locale = await resolveLocale();
      const result = await createApplication({
        data,
        organisationId: knownId ?? picked?.id,
        locale,
        policyVersion: await getPolicyVersion(),
      });
      if (result.existing) await mailKnownAddress(data.email, result.existing);
      else {
        const link = await createSignInLink({
          email: data.email,
          callbackPath: "/application",
          kind: "code",
        });
        await sendSignInEmail({
          to: data.email,
          locale,
          url: link.url,
          code: link.code,
          purpose: "confirm",
          name: data.name,
        });
      }
      // The same page for a known address as for a new one: only the mailbox's owner learns the difference.
      redirect(`/login/check-email?purpose=confirm&email=${encodeURIComponent(data.email)}`);
    },
    { multi: SIGN_UP_MULTI_FIELDS },
  );
  const state = await submit(previous, formData);
  if (state.status !== "error" || similar.length === 0) return state;
  const choice = state.values.organisationChoice;
  const unanswered = !similar.some((o) => o.id === choice);
  return {
    ...state,
    similar,
    fieldErrors: unanswered
      ? { ...state.fieldErrors, organisationChoice: { key: "similarOrganisations" } }
      : state.fieldErrors,
  };
}
