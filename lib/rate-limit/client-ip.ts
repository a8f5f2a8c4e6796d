import { env } from "@/lib/env";

/**
 * The client's address. `next start` appends the socket address to X-Forwarded-For, so the last
 * entry is the one this server saw; behind a trusted proxy (TRUST_PROXY=1) the first is the client.
 */
export function clientIp(headers: Headers): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = env.TRUST_PROXY === "1" ? forwarded[0] : forwarded.at(-1);
  return ip ?? headers.get("x-real-ip") ?? "unknown";
}
