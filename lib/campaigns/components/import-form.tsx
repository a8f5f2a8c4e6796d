"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { LEGAL_BASES } from "@/db/schema/enums";
import { formView, IDLE } from "@/lib/forms/state";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { errorMessage, Field, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { useFileLimits } from "@/lib/ui/components/use-file-limits";
import { IMPORT_FILE_LIMITS } from "../constants";
import { uploadContactsAction } from "../import-actions";

/**
 * Uploads a contact list with its legal basis; the next page shows a preview before anything is
 * imported. A file over the limit is refused as it is chosen, so the request never fails whole; a
 * browser cannot refill a file field, so after an error the form asks for the file again.
 */
export function ImportForm() {
  const t = useTranslations("campaignContacts.form");
  const te = useTranslations("campaignContacts.errors");
  const tb = useTranslations("campaignContacts.legalBases");
  const tc = useTranslations("errors");
  const [state, action] = useActionState(uploadContactsAction, IDLE);
  const { errors, text } = formView(state);
  const file = useFileLimits(IMPORT_FILE_LIMITS, state);
  const fileError = file.breach
    ? te("fileTooLarge")
    : (errorMessage(te, errors.file) ??
      (file.toChooseAgain ? tc("chooseFilesAgain", { count: file.toChooseAgain }) : undefined));
  return (
    <form action={action} onSubmit={file.keepBreach} noValidate className="max-w-2xl">
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <Field
        id="import-file"
        label={t("file")}
        hint={t("fileHint")}
        error={fileError}
        required
        requiredLabel={t("required")}
      >
        {(aria) => (
          <input
            {...aria}
            type="file"
            name="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            onChange={file.onChange}
            className={inputStyle}
          />
        )}
      </Field>
      <SelectField
        id="import-legal-basis"
        name="legalBasis"
        label={t("legalBasis")}
        hint={t("legalBasisHint")}
        error={errorMessage(te, errors.legalBasis)}
        required
        requiredLabel={t("required")}
        defaultValue={text("legalBasis")}
        placeholder={t("choose")}
        options={LEGAL_BASES.map((basis) => [basis, tb(basis)] as const)}
      />
      <TextField
        id="import-legal-note"
        name="legalNote"
        label={t("legalNote")}
        hint={t("legalNoteHint")}
        error={errorMessage(te, errors.legalNote)}
        required
        requiredLabel={t("required")}
        defaultValue={text("legalNote")}
        rows={2}
      />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
