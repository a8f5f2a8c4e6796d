"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { decideApplicationAction } from "../actions";

/** Approve, or reject with a reason the applicant will read; two submit buttons, no JavaScript needed. */
export function DecisionForm({
  applicationId,
  applicantName,
}: {
  applicationId: string;
  applicantName: string;
}) {
  const t = useTranslations("signups");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(decideApplicationAction, IDLE);
  // Once this runs, the confirmation shows in the card; without JavaScript the queue shows it.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  if (state.status === "success")
    return <FormAlert kind="success">{t(state.message as "approvedDone")}</FormAlert>;
  const { errors, text } = formView(state);
  return (
    <form action={action} className="mt-4">
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <input type="hidden" name="applicationId" value={applicationId} />
      {enhanced ? <input type="hidden" name="enhanced" value="1" /> : null}
      <TextField
        id={`reason-${applicationId}`}
        name="reason"
        rows={2}
        label={t("reason")}
        hint={t("reasonHint")}
        error={errorMessage(te, errors.reason)}
        defaultValue={text("reason")}
      />
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="decision"
          value="approved"
          disabled={pending}
          className={primaryButton}
          aria-label={t("approveLabel", { name: applicantName })}
        >
          {t("approve")}
        </button>
        <button
          type="submit"
          name="decision"
          value="rejected"
          disabled={pending}
          className={secondaryButton}
          aria-label={t("rejectLabel", { name: applicantName })}
        >
          {t("reject")}
        </button>
      </div>
    </form>
  );
}
