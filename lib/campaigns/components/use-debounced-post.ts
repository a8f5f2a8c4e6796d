"use client";

import { useEffect, useRef } from "react";

/** Waits until typing pauses, then posts the form's data and hands the JSON answer on. */
export function useDebouncedPost<T>(url: string, delayMs = 400) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return (body: FormData, onResult: (result: T) => void) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const ticket = ++latest.current;
      const response = await fetch(url, { method: "POST", body }).catch(() => null);
      if (!response?.ok || ticket !== latest.current) return;
      onResult((await response.json()) as T);
    }, delayMs);
  };
}
