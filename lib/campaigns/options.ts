import "server-only";
import { getLocale } from "next-intl/server";
import { ORGANISATION_TYPES, ROLES } from "@/db/schema/enums";
import { collatorFor } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import type { AudienceOptions } from "./components/campaign-form";

/** The segment builder's choices with their labels in the viewer's language, alphabetical. */
export async function audienceOptions(): Promise<AudienceOptions> {
  const [tr, tt, tl, to] = await Promise.all([
    getTranslations("admin.users.roles"),
    getTranslations("topics"),
    getTranslations("languages"),
    getTranslations("organisations.types"),
  ]);
  const collator = collatorFor(await getLocale());
  const sorted = (options: [string, string][]) => options.sort((a, b) => collator.compare(a[1], b[1]));
  return {
    roles: ROLES.map((v) => [v, tr(v)]),
    topics: sorted(TOPICS.map((v) => [v, tt(v)])),
    languages: sorted(SPOKEN_LANGUAGES.map((v) => [v, tl(v)])),
    municipalities: MUNICIPALITIES.map((v) => [v, v]),
    organisationTypes: sorted(ORGANISATION_TYPES.map((v) => [v, to(v)])),
  };
}
