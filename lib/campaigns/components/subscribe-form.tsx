"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { ErrorText, errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { subscribeAction } from "../actions";

/** The public newsletter sign-up; a confirmation mail follows (double opt-in). */
export function SubscribeForm() {
  const t = useTranslations("newsletter");
  const te = useTranslations("newsletter.errors");
  const [state, action] = useActionState(subscribeAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  return (
    <form action={action} noValidate className="max-w-md">
      {failed && state.formError ? (
        <FormAlert kind="error">{te(state.formError, state.formErrorValues)}</FormAlert>
      ) : null}
      <TextField
        id="newsletter-email"
        name="email"
        type="email"
        autoComplete="email"
        label={t("email")}
        required
        requiredLabel={t("required")}
        error={errorMessage(te, errors.email)}
        defaultValue={failed ? text("email") : ""}
      />
      <TextField
        id="newsletter-name"
        name="name"
        autoComplete="name"
        label={t("name")}
        error={errorMessage(te, errors.name)}
        defaultValue={failed ? text("name") : ""}
      />
      <div className="mb-5">
        {errors.consent ? (
          <ErrorText id="newsletter-consent-error">{te(errors.consent.key)}</ErrorText>
        ) : null}
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            name="consent"
            defaultChecked={failed && text("consent") === "on"}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "newsletter-consent-error" : undefined}
            className="mt-1 size-6 shrink-0"
          />
          <span>{t.rich("consent", { link: (chunks) => <a href="/datenschutz">{chunks}</a> })}</span>
        </label>
      </div>
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
