"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * The phone menu's `<details>`: with JavaScript, Escape and a click outside close it as they do any
 * menu. Escape puts the focus back on the toggle; so does a click outside when the focus was in the
 * menu, which would otherwise stay on a link no longer shown. Without JavaScript a plain `<details>`.
 */
export function MenuDetails({ className, children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const close = (refocus: boolean) => {
      details.open = false;
      if (refocus) details.querySelector("summary")?.focus();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      event.preventDefault();
      close(true);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!details.open || details.contains(event.target as Node)) return;
      close(details.contains(document.activeElement));
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, []);
  return (
    <details ref={ref} className={className}>
      {children}
    </details>
  );
}
