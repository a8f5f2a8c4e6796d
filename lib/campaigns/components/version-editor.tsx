"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { directionOf, type Locale } from "@/lib/i18n/config";
import { inputStyle } from "@/lib/ui/components/button-styles";
import { ErrorText } from "@/lib/ui/components/field";
import { Textarea } from "@/lib/ui/components/textarea";
import { versionFields } from "../constants";
import { MailPreview, type Preview } from "./mail-preview";
import { useDebouncedPost } from "./use-debounced-post";

/** One language version: subject and Markdown text, with the mail's HTML and text preview beside it. */
export function VersionEditor(props: {
  locale: Locale;
  language: string;
  legend: string;
  hint?: string;
  open: boolean;
  subject: string;
  body: string;
  subjectError?: string;
  bodyError?: string;
  preview?: Preview;
}) {
  const t = useTranslations("campaigns.form");
  const f = versionFields(props.locale);
  const dir = directionOf(props.locale);
  const [preview, setPreview] = useState<Preview | undefined>(props.preview);
  const postPreview = useDebouncedPost<Preview>("/api/admin/campaigns/preview");
  const id = (name: string) => `campaign-${name}`;
  const describedBy = (name: string, error?: string) => (error ? `${id(name)}-error` : undefined);
  return (
    <details open={props.open} className="mb-6 rounded-lg border border-gray-300 p-4">
      <summary className="min-h-11 cursor-pointer text-lg font-bold">{props.legend}</summary>
      {props.hint ? <p className="mb-3 text-sm text-muted">{props.hint}</p> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <label htmlFor={id(f.subject)} className="mb-1 block font-semibold">
            {t("subjectIn", { language: props.language })}
          </label>
          {props.subjectError ? (
            <ErrorText id={`${id(f.subject)}-error`}>{props.subjectError}</ErrorText>
          ) : null}
          <input
            id={id(f.subject)}
            name={f.subject}
            defaultValue={props.subject}
            dir={dir}
            lang={props.locale}
            aria-invalid={props.subjectError ? true : undefined}
            aria-describedby={describedBy(f.subject, props.subjectError)}
            className={`${inputStyle} mb-4`}
          />
          <label htmlFor={id(f.body)} className="mb-1 block font-semibold">
            {t("bodyIn", { language: props.language })}
          </label>
          {props.bodyError ? <ErrorText id={`${id(f.body)}-error`}>{props.bodyError}</ErrorText> : null}
          <Textarea
            id={id(f.body)}
            name={f.body}
            rows={14}
            defaultValue={props.body}
            dir={dir}
            lang={props.locale}
            aria-invalid={props.bodyError ? true : undefined}
            aria-describedby={describedBy(f.body, props.bodyError)}
            className={`${inputStyle} font-mono text-sm`}
            onChange={(event) => {
              const data = new FormData();
              data.set("body", event.currentTarget.value);
              postPreview(data, setPreview);
            }}
          />
        </div>
        <MailPreview locale={props.locale} preview={preview} language={props.language} />
      </div>
    </details>
  );
}
