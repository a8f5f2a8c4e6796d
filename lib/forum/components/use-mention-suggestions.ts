"use client";

import { useEffect, useRef, useState } from "react";
import { type MentionScope, type MentionSuggestion, mentionScopeParams } from "./mention-query";

/** Waits this long after the last key before asking, so a word typed quickly costs one request. */
const PAUSE_MS = 150;

/**
 * The members the server suggests for what was typed after "@" (app/api/forum/mentions) in this
 * thread or category (nothing without one), kept per query for as long as the composer is open;
 * `loaded` once the answer for this query is there.
 */
export function useMentionSuggestions(query: string | null, scope: MentionScope | null) {
  const cache = useRef(new Map<string, MentionSuggestion[]>());
  const [answer, setAnswer] = useState<{ key: string; members: MentionSuggestion[] } | null>(null);
  const key = query !== null && scope ? `${mentionScopeParams(scope)}&q=${encodeURIComponent(query)}` : null;

  useEffect(() => {
    if (key === null || cache.current.has(key)) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/forum/mentions?${key}`, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        const members: MentionSuggestion[] = response.ok ? ((await response.json()).members ?? []) : [];
        if (response.ok) cache.current.set(key, members);
        setAnswer({ key, members });
      } catch {
        // Aborted because more was typed, or offline: no suggestions, typing the name still works.
      }
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  if (key === null) return { suggestions: [], loaded: false };
  const cached = cache.current.get(key);
  if (cached) return { suggestions: cached, loaded: true };
  // While the next answer is on its way the last list stays, so it does not flicker with every letter.
  return { suggestions: answer?.members ?? [], loaded: false };
}
