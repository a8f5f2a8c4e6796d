"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sendSignInEmail } from "@/emails/sign-in";
import { createSignInLink } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/schema";
import { resolveLocale } from "@/lib/i18n/request";
import { getPolicyVersion } from "@/lib/legal/data";
import { listSimilarOrganisations, type SimilarOrganisation } from "@/lib/organisations/data";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { signUpLimits } from "@/lib/rate-limit/policies";
import { createApplication } from "./mutations";
import { NEW_ORGANISATION, SIGN_UP_MULTI_FIELDS, SignUp } from "./schema";

/** The form's state; `similar` lists organisations like the proposed one, to pick instead. */
export type SignUpState = FormState & { similar?: SimilarOrganisation[] };

/** Organisations like the one proposed, unless the applicant has already said to propose it anyway. */
async function similarToProposal(formData: FormData): Promise<SimilarOrganisation[]> {
  const name = formData.get("proposedOrganisation");
  if (formData.get("organisationId") !== NEW_ORGANISATION || typeof name !== "string") return [];
  if (formData.get("organisationChoice") === NEW_ORGANISATION || name.length > 150) return [];
  return listSimilarOrganisations({ name });
}

export async function signUpAction(previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const similar = await similarToProposal(formData);
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
      if (!limit.allowed) redirect(`/too-many-requests?retry=${limit.retryAfterSeconds}`);

      const locale = await resolveLocale();
      const application = picked ? { ...data, organisationId: picked.id } : data;
      await createApplication({ data: application, locale, policyVersion: await getPolicyVersion() });
      const link = await createSignInLink({ email: data.email, callbackPath: "/application", kind: "code" });
      await sendSignInEmail({
        to: data.email,
        locale,
        url: link.url,
        code: link.code,
        purpose: "confirm",
        name: data.name,
      });
      redirect(`/login/check-email?purpose=confirm&email=${encodeURIComponent(data.email)}`);
    },
    { multi: SIGN_UP_MULTI_FIELDS, uniqueViolation: { field: "email", key: "emailTaken" } },
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
