"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveColorsAction } from "../actions";
import { useErrorText } from "./use-error-text";

/** Two colours; the server refuses any below WCAG AA contrast and says by how much. */
export function ColorsForm(props: { brand: string; brandDark: string; custom: boolean }) {
  const t = useTranslations("admin.settings");
  const errorText = useErrorText();
  const [state, action] = useActionState(saveColorsAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  const fields = [
    ["brand", t("colorBrand"), t("colorBrandHint"), props.brand],
    ["brandDark", t("colorBrandDark"), t("colorBrandDarkHint"), props.brandDark],
  ] as const;
  return (
    <form action={action} noValidate>
      {state.status === "success" && state.message ? (
        <FormAlert kind="success">
          {t(state.message === "colorsReset" ? "colorsReset" : "colorsSaved")}
        </FormAlert>
      ) : null}
      {failed && state.formError ? <FormAlert kind="error">{errorText(state.formError)!}</FormAlert> : null}
      <div className="grid gap-x-6 sm:grid-cols-2">
        {fields.map(([name, label, hint, value]) => (
          <Field key={name} id={name} label={label} hint={hint} error={errorText(errors[name])}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                name={name}
                inputMode="text"
                spellCheck={false}
                autoComplete="off"
                pattern="#[0-9a-fA-F]{6}"
                defaultValue={failed ? text(name) : value}
                className="block w-full min-h-11 rounded-md border border-gray-500 bg-white px-3 py-2 font-mono aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger"
              />
            )}
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={t("saving")}>{t("saveColors")}</SubmitButton>
        {props.custom ? (
          <button type="submit" name="intent" value="reset" className={secondaryButton}>
            {t("resetColors")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
