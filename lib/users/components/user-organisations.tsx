import { getTranslations } from "@/lib/i18n/server";
import type { OrganisationOption } from "@/lib/organisations/data";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { changeUserOrganisationAction } from "../actions";
import type { UserOrganisation } from "../data";

/**
 * Where a person works, for coordinators: change the main organisation, add or remove further ones,
 * give or take the organisation-admin flag. What takes something away goes through the page's
 * confirmation step (a link); what only adds posts directly. Plain forms, no JavaScript needed.
 */
export async function UserOrganisations(props: {
  userId: string;
  name: string;
  /** Only an approved member can be made an organisation admin. */
  approved: boolean;
  here: string;
  organisations: UserOrganisation[];
  options: OrganisationOption[];
}) {
  const t = await getTranslations("admin.users");
  const { userId, name, here } = props;
  const confirmHref = (confirm: string, organisationId: string) =>
    `${here}?confirm=${confirm}&organisation=${encodeURIComponent(organisationId)}#confirm-heading`;
  const others = props.options.filter((o) => !props.organisations.some((w) => w.id === o.id));
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
      {others.length > 0 ? (
        <div className="flex flex-wrap gap-x-8 gap-y-4">
          <form method="get" action={here} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="confirm" value="organisationMain" />
            <div>
              <label htmlFor="new-main-organisation" className="mb-1 block font-semibold">
                {t("newMainOrganisation")}
              </label>
              <OrganisationSelect id="new-main-organisation" name="organisation" options={others} />
            </div>
            <button type="submit" className={secondaryButton}>
              {t("setMainOrganisation")}
            </button>
          </form>
          <form action={changeUserOrganisationAction} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="change" value="add" />
            <div>
              <label htmlFor="add-organisation" className="mb-1 block font-semibold">
                {t("addOrganisation")}
              </label>
              <OrganisationSelect id="add-organisation" name="organisationId" options={others} />
            </div>
            <button type="submit" className={secondaryButton}>
              {t("add")}
            </button>
          </form>
        </div>
      ) : null}
    </section>
  );
}

function OrganisationSelect(props: { id: string; name: string; options: OrganisationOption[] }) {
  return (
    <select id={props.id} name={props.name} required className={inputStyle}>
      {props.options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
