"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { ErrorText } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveNotificationSettingsAction } from "../actions";
import { EMAIL_MODES, type EmailMode, NOTIFICATION_KINDS, type NotificationKind } from "../kinds";

/**
 * One group of radio buttons per kind the person can receive (immediately / daily / off) and the digest
 * hour; the choices for kinds they cannot receive (coordinators' reminders) go back unchanged.
 */
export function NotificationSettingsForm({
  modes,
  digestHour,
  kinds,
}: {
  modes: Record<NotificationKind, EmailMode>;
  digestHour: number;
  kinds: NotificationKind[];
}) {
  const t = useTranslations("notifications");
  const [state, action] = useActionState(saveNotificationSettingsAction, IDLE);
  const view = formView(state);
  const chosen = (kind: NotificationKind) => view.text(`mode_${kind}`) || modes[kind];
  const hour = view.text("digestHour") || String(digestHour);
  return (
    <form action={action} noValidate>
      {state.status === "success" ? <FormAlert kind="success">{t("settings.saved")}</FormAlert> : null}
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{t("settings.invalid")}</FormAlert>
      ) : null}
      <p className="mb-4 text-sm text-muted">{t("settings.modeHint")}</p>
      {NOTIFICATION_KINDS.filter((kind) => !kinds.includes(kind)).map((kind) => (
        <input key={kind} type="hidden" name={`mode_${kind}`} value={modes[kind]} />
      ))}
      {kinds.map((kind) => (
        <fieldset key={kind} className="mb-5 rounded-md border border-gray-300 bg-white p-4">
          <legend className="px-1 font-semibold">{t(`kindLabels.${kind}`)}</legend>
          {view.errors[`mode_${kind}`] ? <ErrorText>{t("settings.invalid")}</ErrorText> : null}
          <div className="flex flex-wrap gap-x-6">
            {EMAIL_MODES.map((mode) => (
              <label key={mode} className="inline-flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name={`mode_${kind}`}
                  value={mode}
                  defaultChecked={chosen(kind) === mode}
                  className="size-5"
                />
                {t(`settings.modes.${mode}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="mb-5">
        <label htmlFor="digest-hour" className="mb-1 block font-semibold">
          {t("settings.digestHour")}
        </label>
        <p id="digest-hour-hint" className="mb-1 text-sm text-muted">
          {t("settings.digestHourHint")}
        </p>
        {view.errors.digestHour ? (
          <ErrorText id="digest-hour-error">{t("settings.invalid")}</ErrorText>
        ) : null}
        {/* React does not pass a changed defaultValue on to a mounted <select>, so after a save its
            reset would bring the old hour back: the saved hour as key gives a fresh one. */}
        <select
          key={hour}
          id="digest-hour"
          name="digestHour"
          defaultValue={hour}
          aria-describedby={`${view.errors.digestHour ? "digest-hour-error " : ""}digest-hour-hint`}
          aria-invalid={view.errors.digestHour ? true : undefined}
          className={`${inputStyle} max-w-xs`}
        >
          {Array.from({ length: 24 }, (_, h) => (
            <option key={h} value={String(h)}>
              {t("settings.hourOption", { hour: String(h).padStart(2, "0") })}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pendingLabel={t("settings.save")}>{t("settings.save")}</SubmitButton>
    </form>
  );
}
