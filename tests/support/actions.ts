/** Server actions called straight from an integration test: where Next's redirect() sent them. */
import { createSession } from "./factories";
import { signInWith } from "./next-headers";

/** The URL a thrown redirect names (its digest is "NEXT_REDIRECT;<type>;<url>;…"), or null. */
export function redirectTarget(error: unknown): string | null {
  const digest = String((error as { digest?: string } | null)?.digest ?? "");
  return digest.startsWith("NEXT_REDIRECT") ? digest.split(";")[2]! : null;
}

/** Whether a thrown error is Next's notFound(). */
export const isNotFound = (error: unknown): boolean =>
  String((error as { digest?: string } | null)?.digest ?? "").includes("404");

/** Runs the call; resolves to where it redirected, and fails when it did not. */
export async function redirectOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    const target = redirectTarget(error);
    if (target !== null) return target;
    throw error;
  }
  throw new Error("the action did not redirect");
}

/**
 * Runs an action as the person with this session token (undefined: a visitor); resolves to what it
 * returned (a form state), "redirected:<url>" or "notFound".
 */
export async function actAs(token: string | undefined, run: () => Promise<unknown>) {
  signInWith(token);
  try {
    return await run();
  } catch (error) {
    const target = redirectTarget(error);
    if (target !== null) return `redirected:${target}`;
    if (isNotFound(error)) return "notFound";
    throw error;
  } finally {
    signInWith(undefined);
  }
}

/** Runs the call signed in as this person (a new session), and signs out again whatever happens. */
export async function signedInAs<T>(userId: string, call: () => Promise<T>): Promise<T> {
  signInWith(await createSession(userId));
  try {
    return await call();
  } finally {
    signInWith(undefined);
  }
}
