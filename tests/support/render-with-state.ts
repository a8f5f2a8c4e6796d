import { NextIntlClientProvider } from "next-intl";
import { type ComponentProps, createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach } from "vitest";
import type { FormState } from "@/lib/forms/state";
import { type Locale, TIME_ZONE } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { returned } from "./action-state";

afterEach(() => {
  returned.state = null;
});

/** The component's HTML, in `locale`, as its form shows `state` (action-state.ts mocks React for it). */
export function renderWithState<P extends object>(
  component: FunctionComponent<P>,
  props: P,
  state: FormState | null = null,
  locale: Locale = "de",
) {
  returned.state = state;
  type Intl = ComponentProps<typeof NextIntlClientProvider>;
  const intl: Omit<Intl, "children"> = { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, intl as Intl, createElement(component, props)),
  );
}
