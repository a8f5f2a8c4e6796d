import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { removeGroupMemberAction } from "@/lib/groups/actions";
import { CategoryEditor, GroupCreator, MemberAdder } from "@/lib/groups/components/admin-forms";
import { listAllCategories, listGroupMembers, listGroups } from "@/lib/groups/data";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { newSubmissionKey } from "@/lib/submissions/utils";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forumAdmin"))("title") };
}

export default async function AdminForumPage() {
  await requireRole("coordinator");
  const [t, categories, groups] = await Promise.all([
    getTranslations("forumAdmin"),
    listAllCategories(),
    listGroups(),
  ]);
  const members = await Promise.all(groups.map((g) => listGroupMembers({ groupId: g.id })));
  return (
    <ClientMessages namespaces={["forumAdmin", "errors"]}>
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="categories-heading" className="mb-10">
        <h2 id="categories-heading" className="mb-4 text-2xl font-bold">
          {t("categories")}
        </h2>
        {categories.map((c) => (
          <CategoryEditor key={c.id} category={c} groups={groups} />
        ))}
        <h3 className="mt-6 mb-3 text-xl font-bold">{t("newCategory")}</h3>
        <CategoryEditor groups={groups} submissionKey={newSubmissionKey()} />
      </section>
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading" className="mb-4 text-2xl font-bold">
          {t("groups")}
        </h2>
        {groups.map((g, i) => (
          <div key={g.id} className="mb-4 rounded-lg border border-gray-300 bg-white p-4">
            <h3 className="text-xl font-bold">{g.name}</h3>
            <p className="mb-2 text-muted">{g.description}</p>
            <ul className="mb-3">
              {members[i]!.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center gap-2">
                  {m.name} ({m.email})
                  <form action={removeGroupMemberAction}>
                    <input type="hidden" name="groupId" value={g.id} />
                    <input type="hidden" name="userId" value={m.id} />
                    <button type="submit" className="inline-flex min-h-11 items-center px-2 text-danger">
                      {t("remove")}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
            <MemberAdder groupId={g.id} groupName={g.name} />
          </div>
        ))}
        <h3 className="mt-6 mb-3 text-xl font-bold">{t("newGroup")}</h3>
        <GroupCreator submissionKey={newSubmissionKey()} />
      </section>
    </ClientMessages>
  );
}
