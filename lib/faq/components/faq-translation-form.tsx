"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { ErrorText, errorMessage, Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { markdownTags } from "@/lib/ui/components/markdown-sample";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { Textarea } from "@/lib/ui/components/textarea";
import { saveFaqTranslationAction } from "../actions";
import type { TranslationLocale } from "../schema";

/** One language's translation; the inputs are marked with that language and its writing direction. */
export function FaqTranslationForm({
  entryId,
  locale,
  question,
  answer,
}: {
  entryId: string;
  locale: TranslationLocale;
  question: string;
  answer: string;
}) {
  const t = useTranslations("faqAdmin");
  const te = useTranslations("faqAdmin.errors");
  const [state, action] = useActionState(saveFaqTranslationAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  const dir = locale === "ar" ? "rtl" : "ltr";
  const language = t(`languages.${locale}`);
  return (
    <form action={action} noValidate>
      {failed && state.formError ? <FormAlert kind="error">{te(state.formError)}</FormAlert> : null}
      {failed && errors.entryId ? <ErrorText>{te("entryGone")}</ErrorText> : null}
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="locale" value={locale} />
      <Field
        id={`${locale}-question`}
        label={`${t("question")} (${language})`}
        error={errorMessage(te, errors.question)}
        required
        requiredLabel={t("required")}
      >
        {(aria) => (
          <input
            {...aria}
            name="question"
            lang={locale}
            dir={dir}
            defaultValue={failed ? text("question") : question}
            className={inputStyle}
          />
        )}
      </Field>
      <Field
        id={`${locale}-answer`}
        label={`${t("answer")} (${language})`}
        hint={t.rich("answerHint", markdownTags)}
        error={errorMessage(te, errors.answer)}
        required
        requiredLabel={t("required")}
      >
        {(aria) => (
          <Textarea
            {...aria}
            name="answer"
            rows={8}
            lang={locale}
            dir={dir}
            defaultValue={failed ? text("answer") : answer}
            className={inputStyle}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("saving")}>{`${t("saveTranslation")} (${language})`}</SubmitButton>
    </form>
  );
}
