import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/viewer";
import { PostBody } from "@/lib/forum/components/post-body";
import { ReportForm } from "@/lib/forum/components/report-form";
import { getPost } from "@/lib/forum/post-data";
import { postHref } from "@/lib/forum/utils";
import { forumViewer } from "@/lib/forum/visibility";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forum"))("reportTitle") };
}

export default async function ReportPostPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = forumViewer(await requireUser());
  const postId = Number((await params).id);
  const post = Number.isInteger(postId) ? await getPost({ viewer, postId }) : null;
  if (!post) notFound();
  const t = await getTranslations("forum");
  const back = postHref(post.thread, post.number);
  return (
    <>
      <p className="mb-2">
        <a href={back}>{post.thread.title}</a>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t("reportTitle")}</h1>
      <figure className="mb-6 max-w-3xl">
        <figcaption className="mb-1 font-semibold">
          {t("reportedPost")}: <bdi>{post.authorName ?? t("formerMember")}</bdi>
        </figcaption>
        <blockquote className="border-s-4 border-gray-300 ps-3">
          <PostBody html={post.bodyHtml} />
        </blockquote>
      </figure>
      <div className="max-w-3xl">
        <ClientMessages namespaces={["forum", "errors"]}>
          <ReportForm postId={post.id} backHref={back} />
        </ClientMessages>
      </div>
    </>
  );
}
