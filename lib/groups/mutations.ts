import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  type CategoryTranslations,
  type CategoryVisibility,
  events,
  forumCategories,
  users,
  workingGroupMembers,
  workingGroups,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { sendEventNotices } from "@/lib/events/notices";
import { withdrawAnswersOfOutsiders } from "@/lib/events/rsvp-mutations";
import { slugify } from "@/lib/forum/utils";
import { startSubmission } from "@/lib/submissions/mutations";
import type { Submission } from "@/lib/submissions/utils";

/** The forum administration page, where groups and categories are made. */
const FORUM_ADMIN = "/admin/forum";

/** `once`: the creating form's submission, so that sending it again makes no second group. */
export async function createGroup(input: {
  actorId: string;
  name: string;
  description: string;
  once?: Submission;
}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const done = await startSubmission(
      tx,
      input.once && { submission: input.once, target: () => FORUM_ADMIN },
    );
    const [group] = await tx
      .insert(workingGroups)
      .values({
        name: input.name,
        description: input.description,
        slug: `${slugify(input.name)}-${crypto.randomUUID().slice(0, 6)}`,
      })
      .returning();
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "group.create",
      targetType: "working_group",
      targetId: group!.id,
    });
    return done(group!);
  });
}

/** Adds an approved member, found by e-mail address, to a working group. */
export async function addGroupMember(input: { actorId: string; groupId: string; email: string }) {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, input.email.toLowerCase()), eq(users.status, "approved")));
  if (!user) throw new AppError({ code: "not_found", message: "unknownMember", field: "email" });
  await db.transaction(async (tx) => {
    await tx
      .insert(workingGroupMembers)
      .values({ groupId: input.groupId, userId: user.id })
      .onConflictDoNothing();
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "group.member.add",
      targetType: "working_group",
      targetId: input.groupId,
      data: { userId: user.id },
    });
  });
}

/**
 * Takes a member out of a working group. Their answers to coming dates of the group's events they may
 * no longer see are withdrawn (freed seats go to the waiting list) and they are told after commit; one
 * who runs such an event still sees it and keeps theirs.
 */
export async function removeGroupMember(input: { actorId: string; groupId: string; userId: string }) {
  const db = await getDb();
  const notices = await db.transaction(async (tx) => {
    await tx
      .delete(workingGroupMembers)
      .where(
        and(eq(workingGroupMembers.groupId, input.groupId), eq(workingGroupMembers.userId, input.userId)),
      );
    const groupEvents = await tx
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.groupId, input.groupId),
          eq(events.visibility, "group"),
          eq(events.status, "scheduled"),
        ),
      );
    const withdrawn = await withdrawAnswersOfOutsiders(tx, {
      eventIds: groupEvents.map((e) => e.id),
      userIds: [input.userId],
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "group.member.remove",
      targetType: "working_group",
      targetId: input.groupId,
      data: { userId: input.userId },
    });
    return withdrawn;
  });
  await sendEventNotices(notices);
}

export type CategoryInput = {
  name: string;
  description: string;
  color: string;
  visibility: CategoryVisibility;
  groupId?: string;
  position: number;
  /** Name and description in English, Arabic and Ukrainian; a locale left out shows the German. */
  translations?: CategoryTranslations;
};

/** Edits category `id`, or creates one (`once`: its form's submission, so that sending it again makes no second). */
export async function saveCategory(
  input: CategoryInput & { actorId: string; id?: string; once?: Submission },
) {
  const db = await getDb();
  const { actorId, id, once, ...data } = input;
  const values = { ...data, groupId: data.visibility === "group" ? (data.groupId ?? null) : null };
  return db.transaction(async (tx) => {
    const done = await startSubmission(
      tx,
      !id && once ? { submission: once, target: () => FORUM_ADMIN } : undefined,
    );
    const [row] = id
      ? await tx
          .update(forumCategories)
          .set(values)
          .where(eq(forumCategories.id, id))
          .returning({ id: forumCategories.id })
      : await tx
          .insert(forumCategories)
          .values({ ...values, slug: `${slugify(data.name)}-${crypto.randomUUID().slice(0, 4)}` })
          .returning({ id: forumCategories.id });
    await recordAudit(tx, {
      actorId,
      action: id ? "forum.category.update" : "forum.category.create",
      targetType: "forum_category",
      targetId: row!.id,
      data: values,
    });
    return done(row!);
  });
}
