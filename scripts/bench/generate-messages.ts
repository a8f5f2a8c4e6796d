/**
 * Private messages for the bench: 20,000 direct conversations and 200,000 messages, all set-based
 * SQL. The bench member (member 1) takes part in 200 conversations; conversation 1 (with member 2)
 * holds 5,000 messages, the others about ten each.
 */
import type { Sql } from "postgres";
import { benchId } from "./generate";

export const BENCH_CONVERSATIONS = 20_000;
export const BENCH_MESSAGES = 200_000;
const MEMBER_ONE_CONVERSATIONS = 200;
const LONG_CONVERSATION_MESSAGES = 5_000;
export const benchConversationId = (n: number) => benchId(`bench-conv-${n}`);

const LINES = [
  "Hallo, hast du am Donnerstag Zeit für ein kurzes Treffen?",
  "Danke für die Infos zum **Sprachkurs**, ich gebe sie weiter.",
  "Kannst du mir die Unterlagen für den Antrag schicken?",
  "Die Beratung im Jobcenter ist jetzt dienstags von 9 bis 12 Uhr.",
  "Wir suchen noch Ehrenamtliche für das Sprachcafé in Zeitz.",
  "Ich habe eine Wohnung in Naumburg gefunden, die Kaution ist aber hoch.",
  "Gute Idee! Ich frage bei der Ausländerbehörde nach.",
  "Bis morgen, viele Grüße",
];

export async function generateMessages(
  sql: Sql,
  members: number,
): Promise<{ conversations: number; messages: number; ms: number }> {
  const started = performance.now();
  const lines = sql.array(LINES);
  const n = LINES.length;
  await sql.begin(async (tx) => {
    // Pairs: conversation j < 200 joins member 1 and member j + 1; the rest pair other members.
    await tx`
      create temporary table bench_pairs on commit drop as
      select j, a, case when b = a then 1 + (a % ${members - 1}) + 1 else b end as b
      from (
        select j,
          case when j <= ${MEMBER_ONE_CONVERSATIONS} then 1 else 2 + (j * 7919) % ${members - 1} end as a,
          case when j <= ${MEMBER_ONE_CONVERSATIONS} then j + 1 else 2 + (j * 104729 + 17) % ${members - 1} end as b
        from generate_series(1, ${BENCH_CONVERSATIONS}) j) s`;
    await tx`
      insert into conversations (id, kind, direct_key, created_by_id, created_at, last_message_at)
      select md5('bench-conv-' || j)::uuid::text, 'direct', 'bench:' || j, md5('bench-user-' || a)::uuid::text,
             now() - interval '400 days', now()
      from bench_pairs`;
    await tx`
      insert into conversation_participants (conversation_id, user_id, joined_at, last_read_at, unread_count, last_activity_at)
      select md5('bench-conv-' || j)::uuid::text, md5('bench-user-' || u)::uuid::text, now() - interval '400 days',
             now() - interval '1 day', (j % 4 = 0 and u = b)::int * (j % 3), now()
      from bench_pairs cross join lateral (values (a), (b)) v(u)`;
    // Conversation 1 first, then the rest round-robin; message k is k * 2 minutes old.
    await tx`
      insert into messages (id, conversation_id, sender_id, body, created_at)
      select md5('bench-msg-' || k)::uuid::text, md5('bench-conv-' || p.j)::uuid::text,
             md5('bench-user-' || case when k % 2 = 0 then p.a else p.b end)::uuid::text,
             (${lines}::text[])[1 + (k * 7) % ${n}] || ' (' || k || ')',
             now() - k * interval '2 minutes'
      from (select k, case when k <= ${LONG_CONVERSATION_MESSAGES} then 1
                           else 2 + (k % ${BENCH_CONVERSATIONS - 1}) end as j
            from generate_series(1, ${BENCH_MESSAGES}) k) m
      join bench_pairs p on p.j = m.j`;
    await tx`
      update conversations c set last_message_at = s.last
      from (select conversation_id, max(created_at) as last from messages group by conversation_id) s
      where s.conversation_id = c.id`;
    await tx`
      update conversation_participants p set last_activity_at = c.last_message_at
      from conversations c where c.id = p.conversation_id`;
  });
  await sql`analyze conversations`;
  await sql`analyze conversation_participants`;
  await sql`analyze messages`;
  const [{ messages }] = (await sql`select count(*)::int as messages from messages`) as unknown as [
    { messages: number },
  ];
  return { conversations: BENCH_CONVERSATIONS, messages, ms: Math.round(performance.now() - started) };
}
