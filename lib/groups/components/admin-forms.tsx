"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CATEGORY_TRANSLATION_LOCALES, type CategoryTranslations } from "@/db/schema/enums";
import { formView, IDLE } from "@/lib/forms/state";
import { SubmissionKey } from "@/lib/submissions/components/submission-key";
import { SUBMISSION_FIELD } from "@/lib/submissions/constants";
import { errorMessage, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { addGroupMemberAction, createGroupAction, saveCategoryAction } from "../actions";

type Category = {
  id: string;
  name: string;
  description: string;
  translations: CategoryTranslations;
  color: string;
  visibility: string;
  groupId: string | null;
  position: number;
};

/**
 * Creates a category, or edits one when given. `submissionKey`: a new category's one-time key, so
 * that the form sent again (a reload without JavaScript) makes no second one.
 */
export function CategoryEditor({
  category,
  groups,
  submissionKey,
}: {
  category?: Category;
  groups: { id: string; name: string }[];
  submissionKey?: string;
}) {
  const t = useTranslations("forumAdmin");
  const te = useTranslations("errors");
  const [state, action] = useActionState(saveCategoryAction, IDLE);
  const view = formView(state);
  const err = (name: string) => errorMessage(te as never, view.errors[name]);
  const v = (name: string, fallback: string) => (state.status === "error" ? view.text(name) : fallback);
  const key = category?.id ?? "new";
  const form = (
    <form action={action} noValidate className="grid gap-x-4 sm:grid-cols-2">
      {state.status === "success" ? (
        <div className="sm:col-span-2">
          <FormAlert kind="success">{t("categorySaved")}</FormAlert>
        </div>
      ) : null}
      {state.status === "error" && state.formError ? (
        <div className="sm:col-span-2">
          <FormAlert kind="error">{te(state.formError)}</FormAlert>
        </div>
      ) : null}
      {category ? <input type="hidden" name="id" value={category.id} /> : null}
      {submissionKey ? <SubmissionKey fresh={submissionKey} kept={view.text(SUBMISSION_FIELD)} /> : null}
      <TextField
        id={`${key}-name`}
        name="name"
        label={t("name")}
        defaultValue={v("name", category?.name ?? "")}
        error={err("name")}
      />
      <TextField
        id={`${key}-color`}
        name="color"
        label={t("color")}
        hint={t("colorHint")}
        defaultValue={v("color", category?.color ?? "#0b5394")}
        error={err("color")}
      />
      <TextField
        id={`${key}-description`}
        name="description"
        label={t("description")}
        defaultValue={v("description", category?.description ?? "")}
        error={err("description")}
      />
      <TextField
        id={`${key}-position`}
        name="position"
        label={t("position")}
        defaultValue={v("position", String(category?.position ?? 0))}
        error={err("position")}
      />
      <SelectField
        id={`${key}-visibility`}
        name="visibility"
        label={t("visibility")}
        defaultValue={v("visibility", category?.visibility ?? "members")}
        options={[
          ["public", t("visibilityPublic")],
          ["members", t("visibilityMembers")],
          ["group", t("visibilityGroup")],
        ]}
        error={err("visibility")}
      />
      <SelectField
        id={`${key}-group`}
        name="groupId"
        label={t("group")}
        defaultValue={v("groupId", category?.groupId ?? "")}
        placeholder={t("noGroup")}
        options={groups.map((g) => [g.id, g.name] as const)}
        error={err("groupId")}
      />
      <fieldset className="mb-5 sm:col-span-2">
        <legend className="mb-1 font-semibold">{t("translations")}</legend>
        <p className="mb-3 text-sm text-muted">{t("translationsHint")}</p>
        {CATEGORY_TRANSLATION_LOCALES.map((locale) => (
          <div key={locale} className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              id={`${key}-name-${locale}`}
              name={`name_${locale}`}
              label={t(`translatedName.${locale}`)}
              lang={locale}
              defaultValue={v(`name_${locale}`, category?.translations[locale]?.name ?? "")}
              error={err(`name_${locale}`)}
            />
            <TextField
              id={`${key}-description-${locale}`}
              name={`description_${locale}`}
              label={t(`translatedDescription.${locale}`)}
              lang={locale}
              defaultValue={v(`description_${locale}`, category?.translations[locale]?.description ?? "")}
              error={err(`description_${locale}`)}
            />
          </div>
        ))}
      </fieldset>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={t("saving")}>
          {category ? t("saveCategory") : t("createCategory")}
        </SubmitButton>
      </div>
    </form>
  );
  if (!category) return form;
  // A saved category's form is folded away; it opens after a submission (also without scripts, when
  // the server renders that state), so the errors beside the fields or the success notice are seen.
  return (
    <details
      className="mb-3 rounded-lg border border-gray-300 bg-white p-4"
      open={state.status !== "idle" || undefined}
    >
      <summary className="min-h-11 cursor-pointer font-semibold">{category.name}</summary>
      {form}
    </details>
  );
}

/** A new working group; `submissionKey` as for CategoryEditor. */
export function GroupCreator({ submissionKey }: { submissionKey: string }) {
  const t = useTranslations("forumAdmin");
  const te = useTranslations("errors");
  const [state, action] = useActionState(createGroupAction, IDLE);
  const view = formView(state);
  return (
    <form action={action} noValidate>
      <SubmissionKey fresh={submissionKey} kept={view.text(SUBMISSION_FIELD)} />
      {state.status === "success" ? <FormAlert kind="success">{t("groupCreated")}</FormAlert> : null}
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <TextField
        id="group-name"
        name="name"
        label={t("groupName")}
        defaultValue={view.text("name")}
        error={errorMessage(te as never, view.errors.name)}
      />
      <TextField
        id="group-description"
        name="description"
        label={t("description")}
        defaultValue={view.text("description")}
        error={errorMessage(te as never, view.errors.description)}
      />
      <SubmitButton pendingLabel={t("saving")}>{t("createGroup")}</SubmitButton>
    </form>
  );
}

export function MemberAdder({ groupId, groupName }: { groupId: string; groupName: string }) {
  const t = useTranslations("forumAdmin");
  const te = useTranslations("errors");
  const [state, action] = useActionState(addGroupMemberAction, IDLE);
  const view = formView(state);
  return (
    <form action={action} noValidate>
      {state.status === "success" ? <FormAlert kind="success">{t("memberAdded")}</FormAlert> : null}
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <input type="hidden" name="groupId" value={groupId} />
      <TextField
        id={`add-${groupId}`}
        name="email"
        type="email"
        label={t("addMember", { group: groupName })}
        defaultValue={view.text("email")}
        error={errorMessage(te as never, view.errors.email)}
      />
      <SubmitButton pendingLabel={t("saving")}>{t("add")}</SubmitButton>
    </form>
  );
}
