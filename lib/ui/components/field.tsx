import type { ReactNode } from "react";
import type { FieldError } from "@/lib/forms/state";
import { directionOf, type Locale } from "@/lib/i18n/config";
import { inputStyle } from "./button-styles";
import { FocusFieldOnError } from "./focus-on-error";
import { Textarea } from "./textarea";

/** A labelled control with its hint and error beside it, wired up with aria-describedby. */
export function Field(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  requiredLabel?: string;
  children: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-5">
      <label htmlFor={props.id} className="mb-1 block font-semibold">
        {props.label}
        {props.required && props.requiredLabel ? (
          <span className="font-normal text-muted"> ({props.requiredLabel})</span>
        ) : null}
      </label>
      {props.hint ? (
        <p id={hintId} className="mb-1 text-sm text-muted">
          {props.hint}
        </p>
      ) : null}
      {props.error ? <ErrorText id={errorId!}>{props.error}</ErrorText> : null}
      {props.children({
        id: props.id,
        "aria-describedby": describedBy,
        "aria-invalid": props.error ? true : undefined,
      })}
    </div>
  );
}

/** The message beside a field; with an id, the field it describes takes the focus after a submission. */
export function ErrorText({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="mb-1 font-semibold text-danger">
      <span aria-hidden="true">⚠ </span>
      {children}
      {id ? <FocusFieldOnError errorId={id} /> : null}
    </p>
  );
}

/** Translates a field error with a translator for the "errors" namespace. */
export function errorMessage(
  t: (key: string, values?: Record<string, number>) => string,
  error: FieldError | undefined,
): string | undefined {
  return error ? t(error.key, error.values) : undefined;
}

/** The common case: a labelled text input (or textarea) with hint and error. */
export function TextField({
  name,
  defaultValue,
  type = "text",
  autoComplete,
  list,
  rows,
  lang,
  ...field
}: Omit<Parameters<typeof Field>[0], "children"> & {
  name: string;
  defaultValue: string;
  type?: "text" | "email" | "tel" | "url" | "date" | "time";
  autoComplete?: string;
  /** The id of a <datalist> whose entries the browser suggests while typing. */
  list?: string;
  /** Renders a textarea with this many rows. */
  rows?: number;
  /** The language of the text typed here, where it is not the page's (a German source on an Arabic page). */
  lang?: Locale;
}) {
  const language = lang ? { lang, dir: directionOf(lang) } : {};
  return (
    <Field {...field}>
      {(aria) =>
        rows ? (
          <Textarea
            {...aria}
            {...language}
            name={name}
            rows={rows}
            defaultValue={defaultValue}
            className={inputStyle}
          />
        ) : (
          <input
            {...aria}
            {...language}
            name={name}
            type={type}
            autoComplete={autoComplete}
            list={list}
            defaultValue={defaultValue}
            className={inputStyle}
          />
        )
      }
    </Field>
  );
}

/** A labelled drop-down; `placeholder` adds an empty first choice. */
export function SelectField({
  name,
  defaultValue,
  options,
  placeholder,
  ...field
}: Omit<Parameters<typeof Field>[0], "children"> & {
  name: string;
  defaultValue: string;
  options: readonly (readonly [value: string, label: string])[];
  placeholder?: string;
}) {
  return (
    <Field {...field}>
      {(aria) => (
        // React resets a form after its action but never updates a <select>'s defaultValue:
        // a key per value remounts it, so the choice survives a failed submission.
        <select key={defaultValue} {...aria} name={name} defaultValue={defaultValue} className={inputStyle}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
