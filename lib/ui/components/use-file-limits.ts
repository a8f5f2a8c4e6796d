"use client";

import { type ChangeEvent, useEffect, useState } from "react";
import { type FileLimitBreach, type FileLimits, fileLimitBreach } from "@/lib/forms/file-limits";

/**
 * Checks the files as they are chosen: files over a limit are taken off the input at once, so the
 * form never sends a request the server would refuse whole (and nothing typed is lost), and the
 * breach is shown beside the field. It is forgotten when the form's state changes (`resetOn`).
 */
export function useFileLimits(limits: FileLimits, resetOn: { status: string; filesToChooseAgain?: number }) {
  const [breach, setBreach] = useState<FileLimitBreach | null>(null);
  const [chosen, setChosen] = useState(false);
  useEffect(() => {
    if (resetOn === undefined) return;
    setBreach(null);
    setChosen(false);
  }, [resetOn]);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    const found = fileLimitBreach(files, limits);
    if (found) event.target.value = "";
    setBreach(found);
    setChosen(!found && files.length > 0);
  };
  // Files sent with a form that came back (an error, a preview) are gone from the field: say so
  // until the member picks files again.
  const toChooseAgain = (!chosen && resetOn.filesToChooseAgain) || 0;
  return { breach, onChange, toChooseAgain };
}
