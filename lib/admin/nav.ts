import type { Role } from "@/db/schema";

/**
 * The admin area's navigation, shown on the dashboard and above every admin page. Each area adds
 * one entry for its own admin page (only pages that exist). `label` is a full message key
 * (e.g. "forum.admin.navTitle"), `role` the least role that may open the page.
 */
export type AdminNavItem = { href: string; label: string; role: Role };

export const ADMIN_NAV: readonly AdminNavItem[] = [
  { href: "/admin", label: "admin.nav.dashboard", role: "coordinator" },
  { href: "/admin/signups", label: "admin.nav.signups", role: "coordinator" },
  { href: "/admin/organisations", label: "admin.nav.organisations", role: "coordinator" },
  { href: "/admin/users", label: "admin.nav.users", role: "coordinator" },
  { href: "/admin/audit", label: "admin.nav.audit", role: "coordinator" },
  { href: "/admin/feedback", label: "admin.nav.feedback", role: "coordinator" },
  { href: "/admin/moderation", label: "moderation.title", role: "coordinator" },
  { href: "/admin/forum", label: "forumAdmin.title", role: "coordinator" },
  { href: "/admin/faq", label: "faqAdmin.navTitle", role: "coordinator" },
  { href: "/admin/videos", label: "videosAdmin.navTitle", role: "coordinator" },
  { href: "/admin/campaigns", label: "campaigns.navTitle", role: "coordinator" },
  { href: "/events/new", label: "events.newEvent", role: "coordinator" },
  { href: "/admin/settings", label: "admin.nav.settings", role: "admin" },
];
