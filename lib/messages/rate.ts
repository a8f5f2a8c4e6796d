import "server-only";
import { AppError } from "@/lib/errors";
import { hitRateLimits } from "@/lib/rate-limit/mutations";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Bounds what one member can send, as the forum does for posts: each message notifies and may mail
 * up to twenty people. A chat runs faster than a forum (20 messages a minute, 200 an hour); new
 * conversations, which reach people who never wrote back, are fewer (10 an hour).
 */
export async function checkMessagingRate({ userId, starting }: { userId: string; starting: boolean }) {
  const result = await hitRateLimits([
    { key: `messages:send:min:${userId}`, limit: 20, windowSeconds: MINUTE },
    { key: `messages:send:hour:${userId}`, limit: 200, windowSeconds: HOUR },
    ...(starting ? [{ key: `messages:start:hour:${userId}`, limit: 10, windowSeconds: HOUR }] : []),
  ]);
  if (!result.allowed) throw new AppError({ code: "rate_limited", message: "rateLimited" });
}
