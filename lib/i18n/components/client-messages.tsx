import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

type Messages = { [key: string]: string | Messages };

/** Copies `messages[a][b]…` for the path "a.b…" into `into`, under the same keys. */
function copyPath(messages: Messages, into: Messages, [key, ...rest]: string[]) {
  if (key === undefined) return;
  const value = messages[key];
  if (rest.length === 0 || typeof value !== "object") {
    into[key] = value ?? {};
    return;
  }
  into[key] ??= {};
  copyPath(value, into[key] as Messages, rest);
}

/**
 * Gives the client components inside it the message namespaces they read, and only those: pages
 * without forms send no messages to the browser at all. A namespace may be nested ("forum.composer"):
 * a thread page sends its reply form's few labels, not the forum's every message.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: string[];
  children: ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  const picked: Messages = {};
  for (const namespace of namespaces) copyPath(messages, picked, namespace.split("."));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
