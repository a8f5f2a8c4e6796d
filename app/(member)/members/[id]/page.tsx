import type { Metadata } from "next";
import { ProfileView } from "@/lib/members/components/profile-view";
import { loadProfile } from "@/lib/members/loaders";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await loadProfile((await params).id)).name };
}

export default async function MemberProfilePage({ params }: { params: Params }) {
  const profile = await loadProfile((await params).id);
  return <ProfileView profile={profile} isOwner={profile.level === 2} />;
}
