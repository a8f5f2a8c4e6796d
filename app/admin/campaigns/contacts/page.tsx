import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { requireCapability } from "@/lib/admin/loaders";
import { ImportForm } from "@/lib/campaigns/components/import-form";
import { removeContactAction } from "@/lib/campaigns/import-actions";
import { countContacts, getContact, listContactImports, listContacts } from "@/lib/campaigns/import-data";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { isLocale } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle, inputStyle, primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { TableHead } from "@/lib/ui/components/table-head";
import { TableScroll } from "@/lib/ui/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaignContacts"))("title") };
}

/** Newsletter contacts: figures by status, the import form, recent imports and the newest contacts. */
export default async function ContactsPage({
  searchParams,
}: {
  searchParams: Promise<{
    before?: string | string[];
    q?: string | string[];
    discarded?: string;
    removed?: string;
    remove?: string | string[];
  }>;
}) {
  await requireCapability("campaigns.manage");
  const params = await searchParams;
  const before = typeof params.before === "string" ? params.before : undefined;
  const search = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const t = await getTranslations("campaignContacts");
  const format = await getFormatter();
  const [counts, imports, contacts, removing] = await Promise.all([
    countContacts(),
    listContactImports(),
    listContacts({ before, search }),
    typeof params.remove === "string" ? getContact(params.remove) : null,
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const last = contacts.items.at(-1);
  const listUrl = (extra: Record<string, string>, anchor = "contacts") => {
    const query = new URLSearchParams({ ...(search ? { q: search } : {}), ...extra }).toString();
    return `/admin/campaigns/contacts${query ? `?${query}` : ""}#${anchor}`;
  };
  return (
    <>
      <p className="mb-2">
        <a href="/admin/campaigns">{t("backToCampaigns")}</a>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      {params.discarded ? <FormAlert kind="success">{t("discarded")}</FormAlert> : null}
      {params.removed ? <FormAlert kind="success">{t("removed")}</FormAlert> : null}
      {removing ? (
        // The confirmation step is a page of its own, so removing works without JavaScript.
        <section aria-labelledby="remove-heading" className={`${cardStyle} mb-10`}>
          <h2 id="remove-heading" className="mb-2 text-2xl font-bold">
            {t("remove.title")}
          </h2>
          <p className="mb-4">{t("remove.text", { email: removing.email })}</p>
          <div className="flex flex-wrap gap-3">
            <form action={removeContactAction}>
              <input type="hidden" name="contactId" value={removing.id} />
              <button type="submit" className={primaryButton}>
                {t("remove.confirm")}
              </button>
            </form>
            <a href={listUrl({})} className={secondaryButton}>
              {t("remove.keep")}
            </a>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="counts-heading" className="mb-10">
        <h2 id="counts-heading" className="mb-3 text-2xl font-bold">
          {t("counts.title")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {(["confirmed", "pending", "unsubscribed", "suppressed"] as const).map((key) => (
            <li key={key} className={cardStyle} data-count={key}>
              {t(`counts.${key}`, { count: counts[key] })}
            </li>
          ))}
        </ul>
      </section>

      <section id="import" aria-labelledby="import-heading" className="mb-10">
        <h2 id="import-heading" className="mb-3 text-2xl font-bold">
          {t("form.title")}
        </h2>
        <p className="mb-4 max-w-2xl">{t("form.intro")}</p>
        <ClientMessages namespaces={["campaignContacts", "errors.chooseFilesAgain"]}>
          <ImportForm />
        </ClientMessages>
      </section>

      {imports.length > 0 ? (
        <section aria-labelledby="imports-heading" className="mb-10">
          <h2 id="imports-heading" className="mb-3 text-2xl font-bold">
            {t("imports.title")}
          </h2>
          <TableScroll labelledBy="imports-heading">
            <table className="w-full min-w-xl border-collapse text-start">
              <TableHead
                columns={[t("imports.file"), t("imports.uploaded"), t("imports.status"), t("imports.result")]}
              />
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id} className="border-b border-gray-200">
                    <td className="p-2 break-all">
                      <a href={`/admin/campaigns/imports/${i.id}`}>{i.filename}</a>
                    </td>
                    <td className="p-2">{when(i.createdAt)}</td>
                    <td className="p-2">{t(`importStatus.${i.status}`)}</td>
                    <td className="p-2">
                      {i.status === "done"
                        ? t("imports.resultDone", { imported: i.imported, total: i.total })
                        : t("imports.resultRows", { total: i.total })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}

      <section id="contacts" aria-labelledby="contacts-heading">
        <h2 id="contacts-heading" className="mb-3 text-2xl font-bold">
          {search
            ? t("list.searchTitle", { query: search })
            : before
              ? t("list.olderTitle")
              : t("list.title")}
        </h2>
        <search className="mb-4 block max-w-xl">
          <form
            method="get"
            action="/admin/campaigns/contacts#contacts"
            className="flex flex-wrap items-end gap-3"
          >
            <div className="min-w-60 flex-1">
              <label htmlFor="contacts-search" className="mb-1 block font-semibold">
                {t("list.search")}
              </label>
              <input
                id="contacts-search"
                type="search"
                name="q"
                defaultValue={search}
                className={inputStyle}
              />
            </div>
            <button type="submit" className={secondaryButton}>
              {t("list.searchButton")}
            </button>
          </form>
        </search>
        {contacts.items.length === 0 ? (
          <p>{search ? t("list.noMatches", { query: search }) : t("list.empty")}</p>
        ) : (
          <TableScroll labelledBy="contacts-heading">
            <table className="w-full min-w-2xl border-collapse text-start">
              <TableHead
                columns={[
                  t("list.email"),
                  t("list.name"),
                  t("list.language"),
                  t("list.status"),
                  t("list.source"),
                  t("list.added"),
                  t("list.actions"),
                ]}
              />
              <tbody>
                {contacts.items.map((c) => (
                  <tr key={c.id} className="border-b border-gray-200">
                    <td className="p-2 whitespace-nowrap" dir="ltr">
                      {c.email}
                    </td>
                    <td className="p-2">{c.name}</td>
                    <td className="p-2">{isLocale(c.locale) ? t(`languages.${c.locale}`) : c.locale}</td>
                    <td className="p-2">{t(`status.${c.status}`)}</td>
                    <td className="p-2">
                      {c.importId ? (
                        <>
                          <a href={`/admin/campaigns/imports/${c.importId}`}>
                            {t("list.sourceImport", { basis: t(`legalBasesShort.${c.legalBasis}`) })}
                          </a>
                          {c.legalNote ? (
                            <span className="block text-sm whitespace-pre-line text-muted">
                              {c.legalNote}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        t("list.sourceForm")
                      )}
                    </td>
                    <td className="p-2">{when(c.createdAt)}</td>
                    <td className="p-2">
                      <a href={listUrl({ remove: c.id }, "remove-heading")}>
                        {t("list.remove")}
                        <span className="sr-only" dir="ltr">
                          {" "}
                          {c.email}
                        </span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <div className="mt-4 flex flex-wrap gap-3">
          {before || search ? (
            <a href="/admin/campaigns/contacts#contacts" className={secondaryButton}>
              {search ? t("list.showAll") : t("list.newest")}
            </a>
          ) : null}
          {contacts.more && last ? (
            <a href={listUrl({ before: last.cursor })} className={secondaryButton}>
              {t("list.older")}
            </a>
          ) : null}
        </div>
      </section>
    </>
  );
}
