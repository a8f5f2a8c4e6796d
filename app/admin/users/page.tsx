import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { requireCapability } from "@/lib/admin/loaders";
import { getTranslations } from "@/lib/i18n/server";
import { PageLinks } from "@/lib/ui/components/page-links";
import { TableScroll } from "@/lib/ui/components/table-scroll";
import { UserFilters } from "@/lib/users/components/user-filters";
import { countUsers, listUsers } from "@/lib/users/data";
import { USER_PAGE_SIZE, UserFilter } from "@/lib/users/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireCapability("users.view");
  const raw = await searchParams;
  const filter = UserFilter.parse({
    q: typeof raw.q === "string" && raw.q.trim() ? raw.q : undefined,
    role: typeof raw.role === "string" && raw.role ? raw.role : undefined,
    status: typeof raw.status === "string" && raw.status ? raw.status : undefined,
    after: typeof raw.after === "string" ? raw.after : undefined,
  });
  const t = await getTranslations("admin.users");
  const format = await getFormatter();
  const { after, ...withoutCursor } = filter;
  const [rows, total] = await Promise.all([listUsers(filter), countUsers(withoutCursor)]);
  const query = (extra: Record<string, string>) =>
    new URLSearchParams(
      Object.entries({ ...withoutCursor, ...extra }).filter((e): e is [string, string] => Boolean(e[1])),
    ).toString();
  const last = rows.at(-1);
  return (
    <>
      <h1 id="users-heading" className="mb-6 text-3xl font-bold">
        {t("title")}
      </h1>
      <UserFilters filter={filter} />
      <p className="mb-3" role="status">
        {t("found", { count: total })}
      </p>
      {rows.length > 0 ? (
        <TableScroll labelledBy="users-heading">
          <table className="w-full min-w-2xl border-collapse text-start">
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("name")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("email")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("role")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("status")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("organisation")}
                </th>
                <th scope="col" className="py-2 text-start">
                  {t("since")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id} className="border-b border-gray-300 align-top">
                  <td className="py-2 pe-3">
                    <a href={`/admin/users/${u.id}`} className="font-semibold">
                      {u.status === "deleted" ? t("formerMember") : (u.name ?? t("noName"))}
                    </a>
                  </td>
                  <td className="whitespace-nowrap py-2 pe-3">{u.email ?? "–"}</td>
                  <td className="py-2 pe-3">{t(`roles.${u.role}`)}</td>
                  <td className="py-2 pe-3">{t(`statuses.${u.status}`)}</td>
                  <td className="py-2 pe-3">{u.organisation ?? "–"}</td>
                  <td className="py-2">{format.dateTime(u.createdAt, { dateStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <PageLinks
        label={t("pages")}
        first={after ? { href: `/admin/users?${query({})}`, label: t("firstPage") } : undefined}
        next={
          last && rows.length === USER_PAGE_SIZE
            ? { href: `/admin/users?${query({ after: last.id })}`, label: t("nextPage") }
            : undefined
        }
      />
    </>
  );
}
