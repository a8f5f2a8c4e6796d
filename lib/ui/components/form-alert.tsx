"use client";

import { useRef } from "react";
import { useFocusOnError } from "./focus-on-error";

/**
 * A message about the whole form, announced to screen readers when it appears; an error takes the
 * keyboard focus after a submission (useFocusOnError). A success notice (`flash`) hides once the page
 * shows an error (app/globals.css).
 */
export function FormAlert({ kind, children }: { kind: "error" | "success"; children: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusOnError(() => (kind === "error" ? ref.current : null), kind);
  const style =
    kind === "error"
      ? "border-danger bg-red-50 text-danger"
      : "flash border-success bg-green-50 text-success";
  return (
    <div
      ref={ref}
      role={kind === "error" ? "alert" : "status"}
      tabIndex={kind === "error" ? -1 : undefined}
      className={`mb-5 rounded-md border-2 p-3 font-semibold ${style}`}
    >
      {children}
    </div>
  );
}
