"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, Field, SelectField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveCaptionsAction } from "../actions";

/** Uploads a WebVTT file for one language (replacing an earlier one). */
export function CaptionsForm({ videoId }: { videoId: string }) {
  const t = useTranslations("videosAdmin");
  const te = useTranslations("videosAdmin.errors");
  const [state, action] = useActionState(saveCaptionsAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  return (
    <form action={action} noValidate className="max-w-xl">
      {failed && state.formError ? <FormAlert kind="error">{te(state.formError)}</FormAlert> : null}
      <input type="hidden" name="videoId" value={videoId} />
      <SelectField
        id="captions-locale"
        name="locale"
        label={t("captionsLanguage")}
        defaultValue={failed ? text("locale") : "de"}
        error={errorMessage(te, errors.locale)}
        options={(["de", "en", "ar", "uk"] as const).map((l) => [l, t(`languages.${l}`)] as const)}
      />
      <Field
        id="captions-file"
        label={t("captionsFile")}
        hint={t("captionsHint")}
        error={errorMessage(te, errors.vtt)}
      >
        {(aria) => <input {...aria} type="file" name="vtt" accept=".vtt,text/vtt" className={inputStyle} />}
      </Field>
      <SubmitButton pendingLabel={t("saving")} className={secondaryButton}>
        {t("captionsSave")}
      </SubmitButton>
    </form>
  );
}
