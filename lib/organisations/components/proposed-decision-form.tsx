"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms/schema";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { decideOrganisationAction } from "../actions";

/** Confirm or reject a proposed organisation: two submit buttons, no JavaScript needed. */
export function ProposedDecisionForm({ organisationId, name }: { organisationId: string; name: string }) {
  const t = useTranslations("organisations.admin");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(decideOrganisationAction, IDLE);
  if (state.status === "success")
    return <FormAlert kind="success">{t(state.message as "confirmed")}</FormAlert>;
  return (
    <form action={action} className="mt-4">
      {state.status === "error" ? (
        <FormAlert kind="error">{te(state.formError ?? "generic")}</FormAlert>
      ) : null}
      <input type="hidden" name="organisationId" value={organisationId} />
      <p id={`reject-hint-${organisationId}`} className="mb-3 text-sm text-muted">
        {t("rejectHint")}
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="decision"
          value="confirm"
          disabled={pending}
          className={primaryButton}
          aria-label={t("confirmLabel", { name })}
        >
          {t("confirm")}
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          disabled={pending}
          className={secondaryButton}
          aria-label={t("rejectLabel", { name })}
          aria-describedby={`reject-hint-${organisationId}`}
        >
          {t("reject")}
        </button>
      </div>
    </form>
  );
}
