import { getTranslations } from "@/lib/i18n/server";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { TextField } from "@/lib/ui/components/field";
import { changeUserOrganisationAction } from "../actions";
import type { UserOrganisation } from "../data";

/**
 * Where a person works, for coordinators: change the main organisation, add or remove further ones,
 * give or take the organisation-admin flag. What takes something away goes through the page's
 * confirmation step (a link); what only adds posts directly. Plain forms, no JavaScript needed. An
 * organisation is typed, with the confirmed ones as suggestions (the page's <datalist>, `choicesId`).
 */
export async function UserOrganisations(props: {
  userId: string;
  name: string;
  /** Only an approved member can be made an organisation admin. */
  approved: boolean;
  here: string;
  organisations: UserOrganisation[];
  choicesId: string;
  /** What was typed and named no confirmed organisation, per field: shown again with the message. */
  unknown: { main?: string; add?: string };
}) {
  const t = await getTranslations("admin.users");
  const { userId, name, here, choicesId, unknown } = props;
  // A confirmed organisation, typed; what was typed and matched none comes back with the message.
  const organisationField = (id: string, label: string, typed: string | undefined) => (
    <TextField
      id={id}
      name="organisationName"
      list={choicesId}
      label={label}
      error={typed === undefined ? undefined : t("unknownOrganisation")}
      defaultValue={typed ?? ""}
    />
  );
  const confirmHref = (confirm: string, organisationId: string) =>
    `${here}?confirm=${confirm}&organisation=${encodeURIComponent(organisationId)}#confirm-heading`;
  return (
    <section aria-labelledby="organisations-heading" className="mb-10">
      <h2 id="organisations-heading" className="mb-2 text-2xl font-bold">
        {t("organisationsTitle")}
      </h2>
      <p className="mb-3 max-w-2xl">{t("organisationsIntro")}</p>
      {props.organisations.length === 0 ? <p className="mb-3">{t("noOrganisation")}</p> : null}
      <ul className="mb-6 grid gap-3">
        {props.organisations.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center gap-3">
            <span>
              <a href={`/organisations/${o.slug}`}>{o.name}</a> –{" "}
              {t(o.main ? "mainOrganisation" : "furtherOrganisation")}
              {o.admin ? `, ${t("organisationAdmin")}` : ""}
            </span>
            {o.admin ? (
              <a
                href={confirmHref("organisationRevokeAdmin", o.id)}
                className={secondaryButton}
                aria-label={t("revokeAdminLabel", { name, organisation: o.name })}
              >
                {t("revokeAdmin")}
              </a>
            ) : props.approved ? (
              <form action={changeUserOrganisationAction}>
                <input type="hidden" name="userId" value={userId} />
                <input type="hidden" name="organisationId" value={o.id} />
                <input type="hidden" name="change" value="grantAdmin" />
                <button
                  type="submit"
                  className={secondaryButton}
                  aria-label={t("grantAdminLabel", { name, organisation: o.name })}
                >
                  {t("grantAdmin")}
                </button>
              </form>
            ) : null}
            {o.main ? null : (
              <a
                href={confirmHref("organisationRemove", o.id)}
                className={secondaryButton}
                aria-label={t("removeOrganisationLabel", { name, organisation: o.name })}
              >
                {t("removeOrganisation")}
              </a>
            )}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-x-8">
        <form method="get" action={here}>
          <input type="hidden" name="confirm" value="organisationMain" />
          {organisationField("new-main-organisation", t("newMainOrganisation"), unknown.main)}
          <button type="submit" className={secondaryButton}>
            {t("setMainOrganisation")}
          </button>
        </form>
        <form action={changeUserOrganisationAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="change" value="add" />
          {organisationField("add-organisation", t("addOrganisation"), unknown.add)}
          <button type="submit" className={secondaryButton}>
            {t("add")}
          </button>
        </form>
      </div>
    </section>
  );
}
