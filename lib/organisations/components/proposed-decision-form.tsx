"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms/state";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { decideOrganisationAction, mergeOrganisationAction } from "../actions";
import type { SimilarOrganisation } from "../proposal-data";

/**
 * Confirm or reject a proposed organisation, or assign its people to a similar existing one instead:
 * submit buttons only, no JavaScript needed.
 */
export function ProposedDecisionForm({
  organisationId,
  name,
  similar,
}: {
  organisationId: string;
  name: string;
  similar: SimilarOrganisation[];
}) {
  const t = useTranslations("organisations.admin");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(decideOrganisationAction, IDLE);
  const [merge, mergeAction, merging] = useActionState(mergeOrganisationAction, IDLE);
  const done = state.status === "success" ? state : merge.status === "success" ? merge : null;
  if (done) return <FormAlert kind="success">{t(done.message as "confirmed")}</FormAlert>;
  return (
    <>
      <section aria-labelledby={`similar-${organisationId}`} className="mt-4">
        <h4 id={`similar-${organisationId}`} className="font-semibold">
          {t("similarTitle")}
        </h4>
        {merge.status === "error" ? (
          <FormAlert kind="error">{te(merge.formError ?? "generic")}</FormAlert>
        ) : null}
        {similar.length === 0 ? (
          <p>{t("similarNone")}</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-muted">{t("similarIntro")}</p>
            <ul className="grid gap-2">
              {similar.map((o) => (
                <li key={o.id}>
                  <form action={mergeAction} className="flex flex-wrap items-center gap-3">
                    <input type="hidden" name="organisationId" value={organisationId} />
                    <input type="hidden" name="intoId" value={o.id} />
                    <a href={`/organisations/${o.slug}`}>{o.name}</a>
                    {o.proposed ? <span className="text-sm text-muted">({t("waiting")})</span> : null}
                    <button
                      type="submit"
                      disabled={merging}
                      className={secondaryButton}
                      aria-label={t("mergeIntoLabel", { name, into: o.name })}
                    >
                      {t("mergeInto")}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
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
    </>
  );
}
