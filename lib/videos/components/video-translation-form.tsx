"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { errorMessage, Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { Textarea } from "@/lib/ui/components/textarea";
import { saveVideoTranslationAction } from "../actions";
import type { VideoTranslationLocale } from "../schema";

type Name = "title" | "description" | "transcript";

export function VideoTranslationForm({
  videoId,
  locale,
  values,
}: {
  videoId: string;
  locale: VideoTranslationLocale;
  values: Record<Name, string>;
}) {
  const t = useTranslations("videosAdmin");
  const te = useTranslations("videosAdmin.errors");
  const [state, action] = useActionState(saveVideoTranslationAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  const dir = locale === "ar" ? "rtl" : "ltr";
  const language = t(`languages.${locale}`);
  const rows: Record<Name, number> = { title: 0, description: 3, transcript: 8 };
  return (
    <form action={action} noValidate>
      {failed && state.formError ? <FormAlert kind="error">{te(state.formError)}</FormAlert> : null}
      <input type="hidden" name="videoId" value={videoId} />
      <input type="hidden" name="locale" value={locale} />
      {(["title", "description", "transcript"] as const).map((name) => (
        <Field
          key={name}
          id={`${locale}-${name}`}
          label={`${t(name)} (${language})`}
          error={errorMessage(te, errors[name])}
          {...(name === "title" ? { required: true, requiredLabel: t("required") } : {})}
        >
          {(aria) =>
            rows[name] ? (
              <Textarea
                {...aria}
                name={name}
                rows={rows[name]}
                lang={locale}
                dir={dir}
                defaultValue={failed ? text(name) : values[name]}
                className={inputStyle}
              />
            ) : (
              <input
                {...aria}
                name={name}
                lang={locale}
                dir={dir}
                defaultValue={failed ? text(name) : values[name]}
                className={inputStyle}
              />
            )
          }
        </Field>
      ))}
      <SubmitButton pendingLabel={t("saving")}>{`${t("saveTranslation")} (${language})`}</SubmitButton>
    </form>
  );
}
