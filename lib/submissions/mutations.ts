import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { formSubmissions } from "@/db/schema";
import { KEEP_HOURS } from "./constants";
import { newSubmissionKey, type Submission } from "./utils";

/** The form was sent before and created its post or message then: the member goes to `target`. */
export class AlreadySubmitted extends Error {
  readonly target: string;
  constructor(target: string) {
    super("already submitted");
    this.name = "AlreadySubmitted";
    this.target = target;
  }
}

/** A submission and where what it creates is shown, for `startSubmission`. */
export type Once<C> = { submission: Submission; target: (created: C) => string };

/**
 * Call first in the transaction that creates the post or message: a second sending with the same key
 * waits for the first (primary key), then throws AlreadySubmitted; a failed one rolls its key back.
 * The function returned records where the created thing is shown.
 */
export async function startSubmission<C>(
  tx: Executor,
  once: Once<C> | undefined,
): Promise<<T extends C>(created: T) => Promise<T>> {
  if (!once) return async (created) => created;
  const { userId } = once.submission;
  const key = await claim(tx, once.submission);
  return async (created) => {
    await tx
      .update(formSubmissions)
      .set({ targetUrl: once.target(created) })
      .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, key)));
    return created;
  };
}

async function claim(tx: Executor, submission: Submission): Promise<string> {
  const { userId, scope, fingerprint } = submission;
  await tx
    .delete(formSubmissions)
    .where(
      and(
        eq(formSubmissions.userId, userId),
        lt(formSubmissions.createdAt, sql`now() - make_interval(hours => ${KEEP_HOURS})`),
      ),
    );
  const [claimed] = await tx
    .insert(formSubmissions)
    .values({ userId, key: submission.key, scope, fingerprint })
    .onConflictDoNothing()
    .returning({ key: formSubmissions.key });
  if (claimed) return claimed.key;
  const [earlier] = await tx
    .select({ fingerprint: formSubmissions.fingerprint, targetUrl: formSubmissions.targetUrl })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, submission.key)));
  if (earlier?.targetUrl && earlier.fingerprint === fingerprint)
    throw new AlreadySubmitted(earlier.targetUrl);
  // The key came back with another text (a form shown again from history and rewritten): a new one.
  const key = newSubmissionKey();
  await tx.insert(formSubmissions).values({ userId, key, scope, fingerprint });
  return key;
}

/**
 * Runs `create`, which starts its submission (startSubmission); the same form sent again, such as a
 * page reloaded after it without JavaScript (the browser sends the form anew), creates nothing more
 * and counts as done.
 */
export async function createOnce(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!(error instanceof AlreadySubmitted)) throw error;
  }
}
