"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import type { Locale } from "@/lib/i18n/config";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { ErrorText, errorMessage, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { sendCampaignAction, sendTestAction } from "../actions";

/** Sends one of the campaign's language versions to the coordinator's own address. */
export function TestSendForm({
  campaignId,
  locales,
  locale,
}: {
  campaignId: string;
  locales: readonly Locale[];
  locale: Locale;
}) {
  const t = useTranslations("campaigns.detail");
  const tl = useTranslations("campaigns.languages");
  const te = useTranslations("campaigns.errors");
  const [state, action] = useActionState(sendTestAction, IDLE);
  return (
    <form action={action} className="max-w-md">
      {state.status === "error" ? (
        <FormAlert kind="error">{te(state.formError ?? "invalid")}</FormAlert>
      ) : null}
      <input type="hidden" name="campaignId" value={campaignId} />
      <SelectField
        id="test-locale"
        name="locale"
        label={t("testLanguage")}
        defaultValue={locale}
        options={locales.map((l) => [l, tl(l)] as const)}
      />
      <SubmitButton pendingLabel={t("testSend")} className={secondaryButton}>
        {t("testSend")}
      </SubmitButton>
    </form>
  );
}

/** Send now, or at a date and time (Europe/Berlin). */
export function SendForm({ campaignId }: { campaignId: string }) {
  const t = useTranslations("campaigns.detail");
  const te = useTranslations("campaigns.errors");
  const [state, action] = useActionState(sendCampaignAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  // Uncontrolled, like the other fields: React resets the form after the action, to these defaults,
  // so after an error "later" stays chosen (a controlled radio fell back to "now" and sent at once).
  const when = failed ? text("when") || "now" : "now";
  return (
    <form action={action} noValidate className="max-w-md">
      {failed && state.formError ? <FormAlert kind="error">{te(state.formError)}</FormAlert> : null}
      <input type="hidden" name="campaignId" value={campaignId} />
      <fieldset className="mb-4">
        <legend className="sr-only">{t("sendTitle")}</legend>
        {(["now", "later"] as const).map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="when"
              value={value}
              defaultChecked={when === value}
              className="size-6"
            />
            {t(value === "now" ? "sendNow" : "sendLater")}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          id="send-date"
          name="date"
          label={t("date")}
          type="date"
          error={errorMessage(te, errors.date)}
          defaultValue={failed ? text("date") : ""}
        />
        <TextField
          id="send-time"
          name="time"
          label={t("time")}
          type="time"
          error={errorMessage(te, errors.time)}
          defaultValue={failed ? text("time") : ""}
        />
      </div>
      <div className="mb-4">
        {errors.confirmNow ? <ErrorText id="confirm-now-error">{te(errors.confirmNow.key)}</ErrorText> : null}
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            name="confirmNow"
            className="size-6 shrink-0"
            aria-invalid={errors.confirmNow ? true : undefined}
            aria-describedby={errors.confirmNow ? "confirm-now-error" : undefined}
          />
          {t("confirmNow")}
        </label>
      </div>
      <SubmitButton pendingLabel={t("sendButton")}>{t("sendButton")}</SubmitButton>
    </form>
  );
}
