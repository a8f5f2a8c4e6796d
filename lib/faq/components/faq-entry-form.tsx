"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { errorMessage, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { markdownTags } from "@/lib/ui/components/markdown-sample";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveFaqEntryAction } from "../actions";

export type FaqEntryFormValues = {
  entryId?: string;
  categoryId: string;
  slug: string;
  question: string;
  answer: string;
  published: boolean;
};

/** The German text of an entry (new or existing); works without JavaScript, keeps values after an error. */
export function FaqEntryForm({
  entry,
  categories,
}: {
  entry: FaqEntryFormValues;
  categories: readonly (readonly [id: string, name: string])[];
}) {
  const t = useTranslations("faqAdmin");
  const te = useTranslations("faqAdmin.errors");
  const [state, action] = useActionState(saveFaqEntryAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  const value = (name: "categoryId" | "slug" | "question" | "answer") => (failed ? text(name) : entry[name]);
  const published = failed ? text("published") === "on" : entry.published;
  const field = (name: "categoryId" | "slug" | "question" | "answer") => ({
    id: `entry-${name}`,
    name,
    label: t(name === "categoryId" ? "category" : name),
    error: errorMessage(te, errors[name]),
    defaultValue: value(name),
  });
  const required = { required: true, requiredLabel: t("required") };
  return (
    <form action={action} noValidate className="max-w-2xl">
      {failed ? (
        <FormAlert kind="error">
          {state.formError ? te(state.formError) : t("fixErrors", { count: Object.keys(errors).length })}
        </FormAlert>
      ) : null}
      {entry.entryId ? <input type="hidden" name="entryId" value={entry.entryId} /> : null}
      <SelectField {...field("categoryId")} options={categories} {...required} />
      <TextField {...field("question")} lang="de" {...required} />
      <TextField
        {...field("answer")}
        lang="de"
        rows={10}
        hint={t.rich("answerHint", markdownTags)}
        {...required}
      />
      <TextField {...field("slug")} hint={t("slugHint")} />
      <div className="mb-5 flex items-center gap-2">
        <input
          key={String(published)}
          id="entry-published"
          type="checkbox"
          name="published"
          defaultChecked={published}
          className="size-5"
        />
        <label htmlFor="entry-published" className="font-semibold">
          {t("publishedLabel")}
        </label>
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
