import ar from "@/messages/ar.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import uk from "@/messages/uk.json";
import type { Locale } from "./config";

export type Messages = typeof de;

export const MESSAGES: Record<Locale, Messages> = { de, en, ar, uk };
