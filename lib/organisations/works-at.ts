import { type SQL, sql } from "drizzle-orm";
import { profileOrganisations, profiles } from "@/db/schema";

/**
 * The profile's member works at the organisation: as their main organisation or a further one.
 * Written as IN over a union so both branches use their organisation index.
 */
export const worksAt = (organisationId: SQL | string): SQL =>
  sql`${profiles.userId} in (
    select main.user_id from ${profiles} main where main.organisation_id = ${organisationId}
    union all
    select ${profileOrganisations.userId} from ${profileOrganisations}
    where ${profileOrganisations.organisationId} = ${organisationId})`;
