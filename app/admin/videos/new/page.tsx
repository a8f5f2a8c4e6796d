import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { VideoForm } from "@/lib/videos/components/video-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("videosAdmin"))("newTitle") };
}

export default async function NewVideoPage() {
  await requireRole("coordinator");
  const t = await getTranslations("videosAdmin");
  return (
    <>
      <p className="mb-2">
        <a href="/admin/videos">{t("backToList")}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("newTitle")}</h1>
      <p className="mb-6 max-w-2xl">{t("newHint")}</p>
      <ClientMessages namespaces={["videosAdmin"]}>
        <VideoForm
          video={{
            slug: "",
            kind: "upload",
            externalUrl: "",
            title: "",
            description: "",
            transcript: "",
            published: false,
          }}
        />
      </ClientMessages>
    </>
  );
}
