"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState } from "react";
import { useFormStatus } from "react-dom";
import { formView, IDLE } from "@/lib/forms/state";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { useFileLimits } from "@/lib/ui/components/use-file-limits";
import { saveLogoAction } from "../actions";
import { LOGO_LIMITS } from "../constants";
import { useErrorText } from "./use-error-text";

/**
 * The current logo with "upload" and "remove"; works without JavaScript. A file over the limit is
 * refused as it is chosen; after an error the form asks for the file again (it cannot be refilled).
 */
export function LogoForm({ logo }: { logo: { id: string; width: number; height: number } | null }) {
  const t = useTranslations("admin.settings");
  const errorText = useErrorText();
  const [state, action] = useActionState(saveLogoAction, IDLE);
  const { errors } = formView(state);
  const file = useFileLimits(LOGO_LIMITS, state);
  const error = file.breach
    ? errorText("logoFileTooLarge")
    : (errorText(errors.logo) ??
      (file.toChooseAgain
        ? errorText({ key: "chooseFilesAgain", values: { count: file.toChooseAgain } })
        : undefined));
  // Removing the current logo still goes ahead while a too-large file is refused.
  const keepBreach = (event: FormEvent<HTMLFormElement>) => {
    if ((event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") !== "remove")
      file.keepBreach(event);
  };
  return (
    <form action={action} onSubmit={keepBreach} noValidate>
      {state.status === "success" && state.message ? (
        <FormAlert kind="success">
          {t(state.message === "logoRemoved" ? "logoRemoved" : "logoSaved")}
        </FormAlert>
      ) : null}
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{errorText(state.formError)!}</FormAlert>
      ) : null}
      <div className="mb-5">
        {logo ? (
          // biome-ignore lint/performance/noImgElement: a small PNG served by our own route
          <img
            src={`/api/network/logo?v=${logo.id}`}
            alt={t("logoCurrent")}
            width={logo.width}
            height={logo.height}
            className="h-12 w-auto rounded border border-gray-300 bg-white p-1"
          />
        ) : (
          <p className="text-muted">{t("noLogo")}</p>
        )}
      </div>
      <Field id="logo" label={t("logoChoose")} hint={t("logoHint")} error={error}>
        {(aria) => (
          <input
            {...aria}
            type="file"
            name="logo"
            accept="image/png,image/jpeg,image/webp"
            onChange={file.onChange}
            className="block w-full min-h-11 rounded-md border border-gray-500 bg-white px-3 py-2"
          />
        )}
      </Field>
      <LogoButtons hasLogo={logo !== null} />
    </form>
  );
}

function LogoButtons({ hasLogo }: { hasLogo: boolean }) {
  const t = useTranslations("admin.settings");
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" name="intent" value="upload" className={primaryButton} disabled={pending}>
        {pending ? t("saving") : t("logoUpload")}
      </button>
      {hasLogo ? (
        <button type="submit" name="intent" value="remove" className={secondaryButton} disabled={pending}>
          {t("logoRemove")}
        </button>
      ) : null}
    </div>
  );
}
