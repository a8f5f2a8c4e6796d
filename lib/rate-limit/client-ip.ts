/**
 * The client's address for rate limits: the last X-Forwarded-For entry, which is the one added by
 * the nearest hop (`next start` sets the socket address when the header is missing, a reverse proxy
 * appends it). Without a reverse proxy a client can forge the header; production runs behind one.
 */
export function clientIp(headers: Headers): string {
  const last = (headers.get("x-forwarded-for") ?? "").split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
