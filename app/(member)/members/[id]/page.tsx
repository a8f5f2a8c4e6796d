import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { ProfileView } from "@/lib/members/components/profile-view";
import { loadProfile } from "@/lib/members/loaders";
import { primaryButton } from "@/lib/ui/components/button-styles";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await loadProfile((await params).id)).name };
}

export default async function MemberProfilePage({ params }: { params: Params }) {
  const profile = await loadProfile((await params).id);
  const tm = await getTranslations("messages");
  return (
    <>
      <ProfileView profile={profile} isOwner={profile.level === 2} />
      {profile.level === 1 ? (
        <p className="mt-6">
          <a href={`/messages/new?to=${encodeURIComponent(profile.id)}`} className={primaryButton}>
            {tm("profileLink")}
          </a>
        </p>
      ) : null}
    </>
  );
}
