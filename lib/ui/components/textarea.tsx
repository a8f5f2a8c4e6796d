"use client";

import { type TextareaHTMLAttributes, useLayoutEffect, useRef, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * A <textarea> that keeps what was typed before the page's JavaScript arrived. When React hydrates a
 * textarea whose default text is not empty, it sets the value back to that text (react-dom's
 * initTextarea; inputs it leaves alone), so on a slow phone whatever someone had already typed into
 * an edit form was silently replaced. The typed text is read while hydrating, before React reaches
 * the element, and put back once it has.
 */
export function Textarea(props: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const typed = useRef<string | null>(null);
  // True on the server and while hydrating; false for anything rendered in the browser afterwards.
  const hydrating = useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
  if (hydrating && typed.current === null && typeof document !== "undefined") {
    const element = document.getElementById(props.id);
    typed.current =
      element instanceof HTMLTextAreaElement && element.value !== element.defaultValue ? element.value : "";
  }
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !typed.current) return;
    element.value = typed.current;
    // Listeners such as a live preview hear of it as if it had just been typed.
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, []);
  return <textarea ref={ref} {...props} />;
}
