"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { ErrorText } from "@/lib/ui/components/field";

/** "Who may see this?" beside a profile field: everyone, members only, or only the member. */
export function VisibilitySelect(props: {
  name: string;
  /** The field's label, so a screen reader hears which field this select belongs to. */
  field: string;
  defaultValue: string;
  error?: string;
  /** The name can be limited to members, but never hidden. */
  allowHidden?: boolean;
}) {
  const t = useTranslations("profile");
  const errorId = props.error ? `${props.name}-error` : undefined;
  return (
    <div className="mb-5 sm:w-48 sm:shrink-0">
      <label htmlFor={props.name} className="mb-1 block text-sm font-semibold">
        {t("visibleTo")}
      </label>
      {props.error ? <ErrorText id={errorId}>{props.error}</ErrorText> : null}
      <select
        // A key per value remounts the select, so a saved or resubmitted choice always shows.
        key={props.defaultValue}
        id={props.name}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-label={t("visibleToField", { field: props.field })}
        aria-describedby={errorId}
        aria-invalid={props.error ? true : undefined}
        className={inputStyle}
      >
        <option value="0">{t("visPublic")}</option>
        <option value="1">{t("visMembers")}</option>
        {props.allowHidden === false ? null : <option value="2">{t("visHidden")}</option>}
      </select>
    </div>
  );
}

/** A profile field with its visibility choice beside it (below it on narrow screens). */
export function FieldRow({ children, visibility }: { children: ReactNode; visibility: ReactNode }) {
  return (
    <div className="border-t border-gray-200 pt-4 sm:flex sm:items-start sm:gap-6">
      <div className="min-w-0 flex-1">{children}</div>
      {visibility}
    </div>
  );
}
