"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, Field, SelectField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { useFileLimits } from "@/lib/ui/components/use-file-limits";
import { saveCaptionsAction } from "../actions";
import { CAPTION_LIMITS } from "../constants";

/**
 * Uploads a WebVTT file for one language (replacing an earlier one). A file over the limit is refused
 * as it is chosen; after an error the form asks for the file again (a file field cannot be refilled).
 */
export function CaptionsForm({ videoId }: { videoId: string }) {
  const t = useTranslations("videosAdmin");
  const te = useTranslations("videosAdmin.errors");
  const tc = useTranslations("errors");
  const [state, action] = useActionState(saveCaptionsAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  const file = useFileLimits(CAPTION_LIMITS, state);
  const fileError = file.breach
    ? te("captionsTooLarge")
    : (errorMessage(te, errors.vtt) ??
      (file.toChooseAgain ? tc("chooseFilesAgain", { count: file.toChooseAgain }) : undefined));
  return (
    <form action={action} onSubmit={file.keepBreach} noValidate className="max-w-xl">
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
      <Field id="captions-file" label={t("captionsFile")} hint={t("captionsHint")} error={fileError}>
        {(aria) => (
          <input
            {...aria}
            type="file"
            name="vtt"
            accept=".vtt,text/vtt"
            onChange={file.onChange}
            className={inputStyle}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("saving")} className={secondaryButton}>
        {t("captionsSave")}
      </SubmitButton>
    </form>
  );
}
