import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { CampaignAudience } from "@/db/schema/campaigns";
import { VISIBILITY } from "@/db/schema/network";

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * The members a segment matches: approved, and for each list given at least one value of it. A
 * profile field counts only where the member shows it to other members (a hidden field is never used
 * to pick them out).
 */
function memberRecipients(audience: CampaignAudience): SQL {
  const shown = VISIBILITY.members;
  const conditions: SQL[] = [sql`u.status = 'approved'`];
  if (audience.roles.length > 0) conditions.push(sql`u.role = any(${textArray(audience.roles)})`);
  if (audience.topics.length > 0) {
    conditions.push(sql`p.vis_topics <= ${shown} and p.topics && ${textArray(audience.topics)}`);
  }
  if (audience.languages.length > 0) {
    conditions.push(sql`p.vis_languages <= ${shown} and p.languages && ${textArray(audience.languages)}`);
  }
  if (audience.municipalities.length > 0) {
    conditions.push(
      sql`p.vis_municipality <= ${shown} and p.municipality = any(${textArray(audience.municipalities)})`,
    );
  }
  if (audience.organisationTypes.length > 0) {
    const types = textArray(audience.organisationTypes);
    conditions.push(sql`p.vis_organisation <= ${shown} and (
      exists (select 1 from organisations o where o.id = p.organisation_id and o.type = any(${types}))
      or exists (select 1 from profile_organisations po join organisations o on o.id = po.organisation_id
        where po.user_id = u.id and o.type = any(${types})))`);
  }
  return sql`select lower(u.email) as email, u.name as name, u.locale as locale, u.id as user_id,
      null::text as contact_id, 0 as rank
    from users u left join profiles p on p.user_id = u.id
    where ${sql.join(conditions, sql` and `)}`;
}

const contactRecipients = sql`select lower(c.email) as email, c.name as name, c.locale as locale,
    null::text as user_id, c.id as contact_id, 1 as rank
  from newsletter_contacts c where c.status = 'confirmed'`;

/**
 * Everyone a campaign goes to, once per address (a member who also subscribed counts as member),
 * without suppressed addresses. Columns: email, name, locale, user_id, contact_id.
 */
export function recipientsQuery(audience: CampaignAudience): SQL | null {
  const parts = [
    ...(audience.members ? [memberRecipients(audience)] : []),
    ...(audience.contacts ? [contactRecipients] : []),
  ];
  if (parts.length === 0) return null;
  return sql`select distinct on (r.email) r.email, r.name, r.locale, r.user_id, r.contact_id
    from (${sql.join(parts, sql` union all `)}) r
    where not exists (select 1 from suppressions s where s.email = r.email)
    order by r.email, r.rank`;
}

/** How many people a segment reaches right now (the live count while building it). */
export async function countRecipients(audience: CampaignAudience): Promise<number> {
  const query = recipientsQuery(audience);
  if (!query) return 0;
  const db = await getDb();
  const [row] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from (${query}) q`));
  return Number(row?.n ?? 0);
}
