import type { Metadata } from "next";
import { editPostAction } from "@/lib/forum/actions";
import { Composer } from "@/lib/forum/components/composer";
import { loadEditablePost } from "@/lib/forum/loaders";
import { postHref } from "@/lib/forum/utils";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forum"))("editTitle") };
}

export default async function EditPostPage({ params }: { params: Promise<{ id: string }> }) {
  const { post } = await loadEditablePost((await params).id);
  const t = await getTranslations("forum");
  return (
    <>
      <p className="mb-2">
        <a href={postHref(post.thread, post.number)}>{post.thread.title}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("editTitle")}</h1>
      <div className="max-w-3xl">
        <ClientMessages namespaces={["forum.composer", "forum.errors", "errors"]}>
          <Composer
            mode="edit"
            action={editPostAction}
            hidden={{ postId: String(post.id) }}
            threadId={post.thread.id}
            initialBody={post.body}
          />
        </ClientMessages>
      </div>
    </>
  );
}
