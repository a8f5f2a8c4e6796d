"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "@/lib/forms/state";

/** Field errors from the shared "errors" namespace, or the admin area's own ones. */
export function useErrorText() {
  const te = useTranslations("errors");
  const ta = useTranslations("admin.errors");
  return (error: FieldError | undefined | string): string | undefined => {
    if (!error) return undefined;
    const { key, values } = typeof error === "string" ? { key: error, values: undefined } : error;
    return ta.has(key) ? ta(key, values) : te(key, values);
  };
}
