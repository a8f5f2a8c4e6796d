import "server-only";
import { notFound } from "next/navigation";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { type Capability, may } from "./permissions";

/** The signed-in person if they hold the capability; anyone else sees "not found". */
export async function requireCapability(capability: Capability): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer || !may(viewer, capability)) notFound();
  return viewer;
}
