"use client";

import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from "react";
import { type FileLimitBreach, type FileLimits, fileLimitBreach } from "@/lib/forms/file-limits";

/**
 * Checks the files as they are chosen: files over a limit are taken off the input at once, so the
 * form never sends a request the server would refuse whole (and nothing typed is lost), and the
 * breach is shown beside the field. It is forgotten when the form's state changes (`resetOn`).
 */
export function useFileLimits(limits: FileLimits, resetOn: { status: string; filesToChooseAgain?: number }) {
  const [breach, setBreach] = useState<FileLimitBreach | null>(null);
  const [chosen, setChosen] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (resetOn === undefined) return;
    setBreach(null);
    setChosen(false);
  }, [resetOn]);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    input.current = event.target;
    const files = Array.from(event.target.files ?? []);
    const found = fileLimitBreach(files, limits);
    if (found) event.target.value = "";
    setBreach(found);
    setChosen(!found && files.length > 0);
  };
  // Files sent with a form that came back (an error, a preview) are gone from the field: say so
  // until the member picks files again.
  const toChooseAgain = (!chosen && resetOn.filesToChooseAgain) || 0;
  /**
   * For a form that needs its file: while a breach is shown, sending would only replace its message
   * with "choose a file", so the form stays and focus goes to the file field.
   */
  const keepBreach = (event: FormEvent<HTMLFormElement>) => {
    if (!breach) return;
    event.preventDefault();
    input.current?.focus();
  };
  return { breach, onChange, toChooseAgain, keepBreach };
}
