import { redirect } from "next/navigation";
import { loadThreadPage } from "@/lib/forum/loaders";
import { threadHref } from "@/lib/forum/utils";

/** /forum/t/<id> without the title part: forwards to the full address. */
export default async function ThreadShortLink({ params }: { params: Promise<{ id: string }> }) {
  const { thread } = await loadThreadPage((await params).id, "1");
  redirect(threadHref(thread));
}
