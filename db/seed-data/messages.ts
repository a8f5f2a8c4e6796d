import { eq, inArray } from "drizzle-orm";
import type { Transaction } from "../client";
import { conversationParticipants, conversations, messages, notifications, users } from "../schema";

/**
 * Demo conversations: the member and the coordinator write to each other (the member has one unread
 * message and its notification), and a group of three plans the summer party. Idempotent.
 */
export async function insertMessages(tx: Transaction, now: number): Promise<void> {
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ["mitglied@example.org", "koordination@example.org", "admin@example.org"]));
  const id = (email: string) => people.find((p) => p.email === email)?.id;
  const member = id("mitglied@example.org");
  const coordinator = id("koordination@example.org");
  const admin = id("admin@example.org");
  if (!member || !coordinator || !admin) return;
  const directKey = [member, coordinator].sort().join(":");
  const [existing] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.directKey, directKey))
    .limit(1);
  if (existing) return;

  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
  const [direct] = await tx
    .insert(conversations)
    .values({ kind: "direct", directKey, createdById: member, createdAt: at(3000), lastMessageAt: at(45) })
    .returning({ id: conversations.id });
  const directId = direct!.id;
  await tx.insert(conversationParticipants).values([
    {
      conversationId: directId,
      userId: member,
      joinedAt: at(3000),
      lastReadAt: at(60),
      unreadCount: 1,
      lastActivityAt: at(45),
    },
    {
      conversationId: directId,
      userId: coordinator,
      joinedAt: at(3000),
      lastReadAt: at(45),
      lastActivityAt: at(45),
    },
  ]);
  const [, , last] = await tx
    .insert(messages)
    .values([
      {
        conversationId: directId,
        senderId: member,
        body: "Guten Tag, ich würde gern beim **Sprachcafé** in Zeitz mithelfen. An wen wende ich mich?",
        createdAt: at(3000),
      },
      {
        conversationId: directId,
        senderId: coordinator,
        body: "Wie schön! Das Sprachcafé ist donnerstags ab 16 Uhr in der Stadtbibliothek. Ich gebe Ihre Nachricht an das Team weiter.",
        createdAt: at(60),
      },
      {
        conversationId: directId,
        senderId: coordinator,
        body: "Nachtrag: Die Ansprechpartnerin ist Frau Schulze, sie meldet sich bei Ihnen.\n\n- Treffpunkt: Eingang Bibliothek\n- Mitbringen: gute Laune",
        createdAt: at(45),
      },
    ])
    .returning({ id: messages.id });
  await tx.insert(notifications).values({
    recipientId: member,
    actorId: coordinator,
    kind: "message",
    url: `/messages/${directId}#m-${last!.id}`,
    subjectKey: `conversation:${directId}`,
    params: { title: "", group: "no" },
    count: 2,
    createdAt: at(45),
  });

  const [group] = await tx
    .insert(conversations)
    .values({
      kind: "group",
      title: "Sommerfest 2026",
      createdById: admin,
      createdAt: at(9000),
      lastMessageAt: at(2000),
    })
    .returning({ id: conversations.id });
  const groupId = group!.id;
  await tx.insert(conversationParticipants).values(
    [admin, coordinator, member].map((userId) => ({
      conversationId: groupId,
      userId,
      joinedAt: at(9000),
      lastReadAt: at(2000),
      lastActivityAt: at(2000),
    })),
  );
  await tx.insert(messages).values([
    {
      conversationId: groupId,
      senderId: admin,
      body: "Hallo zusammen, wer übernimmt beim Sommerfest den Stand zur Wohnungssuche?",
      createdAt: at(9000),
    },
    {
      conversationId: groupId,
      senderId: coordinator,
      body: "Ich frage beim Mieterverein nach.",
      createdAt: at(5000),
    },
    {
      conversationId: groupId,
      senderId: member,
      body: "Ich kann Flyer auf Arabisch mitbringen.",
      createdAt: at(2000),
    },
  ]);
}
