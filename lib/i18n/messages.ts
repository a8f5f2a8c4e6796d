import arCore from "@/messages/ar/core.json";
import arMembers from "@/messages/ar/members.json";
import arOrganisations from "@/messages/ar/organisations.json";
import arProfile from "@/messages/ar/profile.json";
import deCore from "@/messages/de/core.json";
import deMembers from "@/messages/de/members.json";
import deOrganisations from "@/messages/de/organisations.json";
import deProfile from "@/messages/de/profile.json";
import enCore from "@/messages/en/core.json";
import enMembers from "@/messages/en/members.json";
import enOrganisations from "@/messages/en/organisations.json";
import enProfile from "@/messages/en/profile.json";
import ukCore from "@/messages/uk/core.json";
import ukMembers from "@/messages/uk/members.json";
import ukOrganisations from "@/messages/uk/organisations.json";
import ukProfile from "@/messages/uk/profile.json";
import type { Locale } from "./config";

// One file per area and language (messages/<locale>/<area>.json), each holding whole namespaces.
const de = { ...deCore, ...deMembers, ...deOrganisations, ...deProfile };

export type Messages = typeof de;

export const MESSAGES: Record<Locale, Messages> = {
  de,
  en: { ...enCore, ...enMembers, ...enOrganisations, ...enProfile },
  ar: { ...arCore, ...arMembers, ...arOrganisations, ...arProfile },
  uk: { ...ukCore, ...ukMembers, ...ukOrganisations, ...ukProfile },
};
