import arCore from "@/messages/ar/core.json";
import deCore from "@/messages/de/core.json";
import enCore from "@/messages/en/core.json";
import ukCore from "@/messages/uk/core.json";
import type { Locale } from "./config";

// One file per area and language (messages/<locale>/<area>.json), each holding whole namespaces.
const de = { ...deCore };

export type Messages = typeof de;

export const MESSAGES: Record<Locale, Messages> = {
  de,
  en: { ...enCore },
  ar: { ...arCore },
  uk: { ...ukCore },
};
