import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { organisationAdmins, profileOrganisations, profiles } from "@/db/schema";

/**
 * The person (by default the profile's member) works at the organisation: as their main
 * organisation or a further one. Written as IN over a union so both branches use their index.
 */
export const worksAt = (
  organisationId: SQL | AnyPgColumn | string,
  person: AnyPgColumn = profiles.userId,
): SQL =>
  sql`${person} in (
    select main.user_id from ${profiles} main where main.organisation_id = ${organisationId}
    union all
    select ${profileOrganisations.userId} from ${profileOrganisations}
    where ${profileOrganisations.organisationId} = ${organisationId})`;

/**
 * An organisation-admin flag counts only while its holder works at that organisation (main or
 * further): whoever leaves it loses the right without the flag being deleted.
 */
export const adminWorksThere: SQL = worksAt(organisationAdmins.organisationId, organisationAdmins.userId);
