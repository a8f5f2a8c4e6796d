import type { Metadata } from "next";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { NewConversationForm } from "@/lib/messages/components/compose-form";
import { loadNewConversation } from "@/lib/messages/loaders";
import { newSubmissionKey } from "@/lib/submissions/utils";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("new.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const hrefWith = (to: string[], q?: string) => {
  const params = new URLSearchParams();
  for (const id of to) params.append("to", id);
  if (q) params.set("q", q);
  const query = params.toString();
  return `/messages/new${query ? `?${query}` : ""}`;
};

/** Choose members (search, add, remove: plain links and a GET form), then write. Works without JavaScript. */
export default async function NewMessagePage({ searchParams }: { searchParams: SearchParams }) {
  const { recipients, q, results, more } = await loadNewConversation(await searchParams);
  const t = await getTranslations("messages");
  const chosen = recipients.map((r) => r.id);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-3xl font-bold">{t("new.title")}</h1>
      <section aria-labelledby="recipients-heading" className="mb-6">
        <h2 id="recipients-heading" className="mb-2 text-xl font-bold">
          {t("new.recipients")}
        </h2>
        {recipients.length === 0 ? (
          <p className="text-muted">{t("new.noRecipients")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {recipients.map((r) => (
              <li
                key={r.id}
                className="inline-flex items-center gap-1 rounded-full border border-gray-500 bg-white ps-3"
              >
                <bdi className="font-semibold">{r.name}</bdi>
                <a
                  href={hrefWith(
                    chosen.filter((id) => id !== r.id),
                    q,
                  )}
                  className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-full no-underline"
                >
                  <span aria-hidden="true">✕</span>
                  <span className="sr-only">{t("new.remove", { name: r.name ?? "" })}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="search-heading" className="mb-8">
        <h2 id="search-heading" className="sr-only">
          {t("new.search")}
        </h2>
        <form method="get" action="/messages/new" className="flex flex-wrap items-end gap-3">
          {chosen.map((id) => (
            <input key={id} type="hidden" name="to" value={id} />
          ))}
          <div className="min-w-0 flex-1">
            <label htmlFor="member-search" className="mb-1 block font-semibold">
              {t("new.search")}
            </label>
            <p id="member-search-hint" className="mb-1 text-sm text-muted">
              {t("new.searchHint")}
            </p>
            <input
              id="member-search"
              type="search"
              name="q"
              defaultValue={q}
              aria-describedby="member-search-hint"
              className={inputStyle}
            />
          </div>
          <button type="submit" className={secondaryButton}>
            {t("new.searchButton")}
          </button>
        </form>
        {q ? (
          <div className="mt-4">
            <h3 className="mb-2 text-lg font-bold">{t("new.results")}</h3>
            {results.length === 0 ? (
              <p>{t("new.noResults")}</p>
            ) : (
              <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white">
                {results.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                    <span>
                      <bdi className="font-semibold">{m.name}</bdi>
                      {m.organisation ? (
                        <span className="text-muted">
                          {" · "}
                          <bdi>{m.organisation}</bdi>
                        </span>
                      ) : null}
                    </span>
                    <a
                      href={hrefWith([...chosen, m.id])}
                      className="inline-flex min-h-11 items-center font-semibold"
                    >
                      {t("new.add", { name: m.name ?? "" })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {more ? (
              <p className="mt-2">
                {t.rich("new.moreResults", {
                  link: (text) => <a href={`/members?${new URLSearchParams({ q })}`}>{text}</a>,
                })}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>
      {recipients.length > 0 ? (
        <ClientMessages namespaces={["messages", "errors.chooseFilesAgain"]}>
          <NewConversationForm to={chosen} submissionKey={newSubmissionKey()} />
        </ClientMessages>
      ) : null}
    </div>
  );
}
