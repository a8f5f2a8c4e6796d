"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { cardStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveFaqCategoryAction } from "../actions";

const NAMES = [
  ["nameDe", "de"],
  ["nameEn", "en"],
  ["nameAr", "ar"],
  ["nameUk", "uk"],
] as const;

/** Creates a category, or renames a saved one in every language (that form folded into a <details>). */
export function FaqCategoryForm({
  category,
}: {
  category?: { id: string; names: Partial<Record<string, string>> };
}) {
  const t = useTranslations("faqAdmin");
  const te = useTranslations("faqAdmin.errors");
  const [state, action] = useActionState(saveFaqCategoryAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  const prefix = category ? `category-${category.id}` : "category-new";
  const form = (
    <form action={action} noValidate className="grid gap-x-4 sm:grid-cols-2">
      {failed && state.formError ? (
        <div className="sm:col-span-2">
          <FormAlert kind="error">{te(state.formError)}</FormAlert>
        </div>
      ) : null}
      {category ? <input type="hidden" name="categoryId" value={category.id} /> : null}
      {NAMES.map(([name, locale]) => (
        <TextField
          key={name}
          id={`${prefix}-${name}`}
          name={name}
          label={t(name)}
          error={errorMessage(te, errors[name])}
          defaultValue={failed ? text(name) : (category?.names[locale] ?? "")}
          {...(name === "nameDe" ? { required: true, requiredLabel: t("required") } : {})}
        />
      ))}
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={t("saving")} className={secondaryButton}>
          {t("saveCategory")}
        </SubmitButton>
      </div>
    </form>
  );
  if (!category) return form;
  // Open after a failed try (also without scripts, when the server renders this state), so the
  // errors are seen; a saved change comes back as a notice at the top of the page.
  return (
    <details className={`${cardStyle} mb-3`} open={failed || undefined}>
      <summary className="min-h-11 cursor-pointer font-semibold">
        {t("categoryEdit", { name: category.names.de ?? "" })}
      </summary>
      <div className="mt-4">{form}</div>
    </details>
  );
}
