import { eq, sql } from "drizzle-orm";
import type { Transaction } from "../client";
import { type CampaignAudience, campaigns, newsletterContacts, suppressions, users } from "../schema";

const DAY = 24 * 60 * 60 * 1000;

const AUDIENCE: CampaignAudience = {
  members: true,
  roles: [],
  topics: [],
  languages: [],
  municipalities: [],
  organisationTypes: [],
  contacts: true,
};

const CONTACTS = [
  ["Heike Brandt", "heike.brandt@example.net", "de"],
  ["Tobias Lange", "tobias.lange@example.net", "de"],
  ["Rania Saleh", "rania.saleh@example.net", "ar"],
  ["Iryna Koval", "iryna.koval@example.net", "uk"],
  ["Jonas Weber", "jonas.weber@example.net", "de"],
  ["Mehmet Aydın", "mehmet.aydin@example.net", "de"],
] as const;

const WELCOME = [
  [
    0,
    "Willkommen im Netzwerk",
    "Willkommen, {{name}}!",
    "schön, dass Sie dabei sind. Im **Verzeichnis** finden Sie alle Mitglieder, im **Forum** die Fragen der Woche.",
  ],
  [
    3,
    "Tipps für den Start",
    "Drei Tipps für den Start",
    "Ergänzen Sie Ihr Profil, abonnieren Sie die Forenbereiche, die Sie betreffen, und tragen Sie sich für das nächste Netzwerktreffen ein.",
  ],
  [
    14,
    "Zwei Wochen dabei",
    "Wie läuft es, {{name|im Netzwerk}}?",
    "Haben Sie schon alles gefunden? Die Koordinierungsstelle hilft gern weiter.",
  ],
] as const;

/**
 * Demo campaigns: newsletter subscribers, a sent newsletter with its report (one address refused,
 * one unsubscribe), a draft invitation and a three-step welcome sequence waiting to be switched on.
 * Idempotent.
 */
export async function insertCampaigns(tx: Transaction, now: number): Promise<void> {
  const [existing] = await tx.select({ id: campaigns.id }).from(campaigns).limit(1);
  if (existing) return;
  const [coordinator] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "koordination@example.org"))
    .limit(1);
  const createdBy = coordinator?.id ?? null;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);

  await tx.insert(newsletterContacts).values([
    ...CONTACTS.map(([name, email, locale], i) => ({
      name,
      email,
      locale,
      status: "confirmed" as const,
      createdAt: at(90 - i),
      confirmedAt: at(90 - i),
    })),
    {
      name: "Noch Unbestätigt",
      email: "unbestaetigt@example.net",
      status: "pending" as const,
      createdAt: at(1),
    },
  ]);

  const [sent] = await tx
    .insert(campaigns)
    .values({
      title: "Rundbrief Oktober",
      status: "sent",
      audience: AUDIENCE,
      versions: {
        de: {
          subject: "Rundbrief Oktober: Fachtag, Sprachcafé und neue Mitglieder",
          body: "Hallo {{name|zusammen}},\n\nam **12. November** laden wir zum Fachtag „Ankommen im Burgenlandkreis“ nach Naumburg ein.\n\n- Sprachcafé jeden Dienstag in Zeitz\n- Neue Beratungszeiten im Landratsamt\n\nViele Grüße\nIhre Koordinierungsstelle",
        },
        ar: {
          subject: "النشرة الإخبارية لشهر أكتوبر",
          body: "مرحبا {{name}}،\n\nندعوكم إلى اليوم المتخصص في **12 نوفمبر** في ناومبورغ.",
        },
      },
      startedAt: at(30),
      finishedAt: at(30),
      createdBy,
      createdAt: at(32),
      updatedAt: at(30),
    })
    .returning({ id: campaigns.id });
  await tx.execute(sql`
    insert into campaign_deliveries (id, campaign_id, email, name, locale, user_id, contact_id, status, attempts, due_at, sent_at)
    select gen_random_uuid()::text, ${sent!.id}, r.email, r.name, r.locale, r.user_id, r.contact_id, 'sent', 1,
      ${at(30).toISOString()}::timestamptz, ${at(30).toISOString()}::timestamptz
    from (
      select lower(email) as email, name, locale, id as user_id, null::text as contact_id from users where status = 'approved'
      union all
      select email, name, locale, null, id from newsletter_contacts where status = 'confirmed'
    ) r`);
  await tx.execute(sql`
    update campaign_deliveries set status = 'failed', sent_at = null,
      error = '550 5.1.1 <jonas.weber@example.net>: Recipient address rejected: User unknown'
    where campaign_id = ${sent!.id} and email = 'jonas.weber@example.net'`);
  await tx
    .insert(suppressions)
    .values({ email: "tobias.lange@example.net", reason: "unsubscribed", campaignId: sent!.id });
  await tx
    .update(newsletterContacts)
    .set({ status: "unsubscribed" })
    .where(eq(newsletterContacts.email, "tobias.lange@example.net"));

  await tx.insert(campaigns).values({
    title: "Einladung Netzwerktreffen Arbeit",
    audience: { ...AUDIENCE, topics: ["work"], contacts: false },
    versions: {
      de: {
        subject: "Einladung: Netzwerktreffen Arbeitsmarkt",
        body: "Hallo {{name|zusammen}},\n\nwir laden alle, die zu **Arbeit** beraten, zum Netzwerktreffen ein.",
      },
    },
    createdBy,
    createdAt: at(2),
    updatedAt: at(2),
  });
  await tx.insert(campaigns).values(
    WELCOME.map(([delayDays, title, subject, body]) => ({
      kind: "welcome" as const,
      title,
      delayDays,
      audience: { ...AUDIENCE, contacts: false },
      versions: { de: { subject, body: `Hallo {{name}},\n\n${body}` } },
      createdBy,
    })),
  );
}
