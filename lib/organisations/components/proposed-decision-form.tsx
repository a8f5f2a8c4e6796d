"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { decideOrganisationAction, mergeOrganisationAction } from "../actions";
import type { SimilarOrganisation } from "../proposal-data";

/**
 * Confirm or reject a proposed organisation, or assign its people to an existing one instead: one of
 * the similar confirmed ones offered, or any confirmed one typed with the page's suggestions (the
 * <datalist> `choicesId`). Plain forms, no JavaScript needed.
 */
export function ProposedDecisionForm({
  organisationId,
  name,
  similar,
  choicesId,
}: {
  organisationId: string;
  name: string;
  similar: SimilarOrganisation[];
  choicesId: string;
}) {
  const t = useTranslations("organisations.admin");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(decideOrganisationAction, IDLE);
  const [merge, mergeAction, merging] = useActionState(mergeOrganisationAction, IDLE);
  const { errors, text } = formView(merge);
  const done = state.status === "success" ? state : merge.status === "success" ? merge : null;
  if (done) return <FormAlert kind="success">{t(done.message as "confirmed")}</FormAlert>;
  // A typed name that matched nothing is said beside its field; anything else above the choices.
  const mergeError =
    merge.status === "error" ? (merge.formError ?? (errors.intoName ? undefined : "invalid")) : undefined;
  return (
    <>
      <section aria-labelledby={`similar-${organisationId}`} className="mt-4">
        <h4 id={`similar-${organisationId}`} className="font-semibold">
          {t("similarTitle")}
        </h4>
        {mergeError ? <FormAlert kind="error">{te(mergeError)}</FormAlert> : null}
        {similar.length === 0 ? (
          <p>{t("similarNone")}</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-muted">{t("similarIntro")}</p>
            <ul className="grid gap-2">
              {similar.map((o) => (
                <li key={o.id}>
                  {o.proposed ? (
                    <p className="flex flex-wrap items-center gap-3">
                      <a href={`/organisations/${o.slug}`}>{o.name}</a>
                      <span className="text-sm text-muted">({t("waiting")})</span>
                    </p>
                  ) : (
                    <form action={mergeAction} className="flex flex-wrap items-center gap-3">
                      <input type="hidden" name="organisationId" value={organisationId} />
                      <input type="hidden" name="intoId" value={o.id} />
                      <a href={`/organisations/${o.slug}`}>{o.name}</a>
                      <button
                        type="submit"
                        disabled={merging}
                        className={secondaryButton}
                        aria-label={t("mergeIntoLabel", { name, into: o.name })}
                      >
                        {t("mergeInto")}
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        <form action={mergeAction} noValidate className="mt-3 max-w-xl">
          <input type="hidden" name="organisationId" value={organisationId} />
          <TextField
            id={`merge-into-${organisationId}`}
            name="intoName"
            list={choicesId}
            label={t("mergeTypedLabel")}
            hint={t("mergeTypedHint")}
            error={errorMessage(te, errors.intoName)}
            defaultValue={text("intoName")}
          />
          <button
            type="submit"
            disabled={merging}
            className={secondaryButton}
            aria-label={t("mergeTypedButtonLabel", { name })}
          >
            {t("mergeTyped")}
          </button>
        </form>
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
