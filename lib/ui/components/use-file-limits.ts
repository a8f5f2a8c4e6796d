"use client";

import { type ChangeEvent, useEffect, useState } from "react";
import { type FileLimitBreach, type FileLimits, fileLimitBreach } from "@/lib/forms/file-limits";

/**
 * Checks the files as they are chosen: files over a limit are taken off the input at once, so the
 * form never sends a request the server would refuse whole (and nothing typed is lost), and the
 * breach is shown beside the field. It is forgotten when the form's state changes (`resetOn`).
 */
export function useFileLimits(limits: FileLimits, resetOn: unknown) {
  const [breach, setBreach] = useState<FileLimitBreach | null>(null);
  useEffect(() => {
    if (resetOn !== undefined) setBreach(null);
  }, [resetOn]);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const found = fileLimitBreach(Array.from(event.target.files ?? []), limits);
    if (found) event.target.value = "";
    setBreach(found);
  };
  return { breach, onChange };
}
