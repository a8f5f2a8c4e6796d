"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, TextField } from "@/lib/ui/components/field";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveFaqCategoryAction } from "../actions";

const NAMES = [
  ["nameDe", "de"],
  ["nameEn", "en"],
  ["nameAr", "ar"],
  ["nameUk", "uk"],
] as const;

/** Creates a category or renames one in every language. */
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
  return (
    <form action={action} noValidate className="grid gap-x-4 sm:grid-cols-2">
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
}
