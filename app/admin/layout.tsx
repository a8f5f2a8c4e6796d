import type { ReactNode } from "react";
import { AdminNav } from "@/lib/admin/components/admin-nav";
import { redirectToConsent, requireRole } from "@/lib/auth/viewer";

/** Coordinators and admins only (every page and action checks again for itself). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireRole("coordinator");
  if (viewer.needsConsent) await redirectToConsent();
  return (
    <>
      <AdminNav viewer={viewer} />
      {children}
    </>
  );
}
