"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "@/lib/forms/schema";

/** Error keys of this area live under organisations.errors; the shared ones under errors. */
export function useErrorMessage() {
  const te = useTranslations("errors");
  const to = useTranslations("organisations.errors");
  return (error: FieldError | string | undefined): string | undefined => {
    if (!error) return undefined;
    const { key, values } = typeof error === "string" ? { key: error, values: undefined } : error;
    return to.has(key as never) ? to(key as never, values as never) : te(key as never, values as never);
  };
}
