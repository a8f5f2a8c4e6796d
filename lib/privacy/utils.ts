import { safeNextPath as safeLocalPath } from "@/lib/auth/next-path";

/**
 * A local path to return to after the consent page, checked as sign-in's `next` is; anything else
 * (other hosts, "//x", "/\tx", control characters) goes home.
 */
export function safeNextPath(next: string | undefined | null): string {
  const path = safeLocalPath(next);
  if (!path || path.startsWith("/settings/privacy/accept")) return "/home";
  return path;
}
