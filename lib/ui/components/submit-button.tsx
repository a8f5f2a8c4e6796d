"use client";

import { useFormStatus } from "react-dom";
import { primaryButton } from "./button-styles";

/** Disables itself while the form is sending (with JavaScript); a plain submit button without. */
export function SubmitButton({
  children,
  pendingLabel,
  className,
}: {
  children: string;
  pendingLabel: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className ?? primaryButton} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
