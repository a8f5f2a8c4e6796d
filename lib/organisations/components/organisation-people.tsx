import { getTranslations } from "@/lib/i18n/server";
import type { OrganisationDetail, Tally } from "../data";

/** "Wer hier arbeitet", and the languages and topics of those people, as far as the viewer may see. */
export async function OrganisationPeople({
  organisation: o,
  signedIn,
}: {
  organisation: OrganisationDetail;
  signedIn: boolean;
}) {
  const t = await getTranslations("organisations");
  const tl = await getTranslations("languages");
  const tt = await getTranslations("topics");
  const hidden = o.memberCount - o.members.length;
  return (
    <>
      <section aria-labelledby="people-heading" className="mb-8">
        <h2 id="people-heading" className="mb-3 text-2xl font-bold">
          {t("peopleTitle")}
        </h2>
        {o.members.length === 0 ? (
          <p>{signedIn ? t("noPeople") : t("noPeopleVisitor")}</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {o.members.map((m) => (
              <li key={m.id}>
                <a href={`/members/${m.id}`} className="font-semibold">
                  <bdi>{m.name}</bdi>
                </a>
                {m.jobFunction ? <bdi className="block text-muted">{m.jobFunction}</bdi> : null}
              </li>
            ))}
          </ul>
        )}
        {hidden > 0 ? <p className="mt-2">{t("morePeople", { count: hidden })}</p> : null}
      </section>
      <div className="grid gap-8 sm:grid-cols-2">
        <TallyList
          id="languages-heading"
          title={t("languagesTitle")}
          empty={t("noneYet")}
          items={o.languages.map((x) => ({ ...x, label: tl(x.key as never) }))}
          format={(label, count) => t("tally", { label, count })}
        />
        <TallyList
          id="topics-heading"
          title={t("topicsTitle")}
          empty={t("noneYet")}
          items={o.topics.map((x) => ({ ...x, label: tt(x.key as never) }))}
          format={(label, count) => t("tally", { label, count })}
        />
      </div>
    </>
  );
}

function TallyList(props: {
  id: string;
  title: string;
  empty: string;
  items: (Tally & { label: string })[];
  format: (label: string, count: number) => string;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id} className="mb-3 text-2xl font-bold">
        {props.title}
      </h2>
      {props.items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {props.items.map((item) => (
            <li key={item.key} className="rounded-full bg-blue-50 px-3 py-1 text-brand-dark">
              {props.format(item.label, item.count)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
