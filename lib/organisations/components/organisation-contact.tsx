import { getTranslations } from "@/lib/i18n/server";
import type { OrganisationDetail } from "../data";

/** Postal address, phone, e-mail and website; each shown only when given. */
export async function OrganisationContact({ organisation: o }: { organisation: OrganisationDetail }) {
  const t = await getTranslations("organisations");
  const place = [o.postcode, o.city].filter(Boolean).join(" ");
  const hasAddress = Boolean(o.street || place);
  const hasContact = hasAddress || o.phone || o.email || o.website;
  return (
    <section aria-labelledby="contact-heading" className="mb-8">
      <h2 id="contact-heading" className="mb-3 text-2xl font-bold">
        {t("contactTitle")}
      </h2>
      {hasContact ? (
        <address className="not-italic">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            {hasAddress ? (
              <>
                <dt className="font-semibold">{t("address")}</dt>
                <dd>
                  {o.street ? <span className="block">{o.street}</span> : null}
                  {place ? <span className="block">{place}</span> : null}
                </dd>
              </>
            ) : null}
            {o.phone ? (
              <>
                <dt className="font-semibold">{t("phone")}</dt>
                <dd>
                  <a href={`tel:${o.phone.replace(/[^+0-9]/g, "")}`} dir="ltr">
                    {o.phone}
                  </a>
                </dd>
              </>
            ) : null}
            {o.email ? (
              <>
                <dt className="font-semibold">{t("email")}</dt>
                <dd className="break-all">
                  <a href={`mailto:${o.email}`} dir="ltr">
                    {o.email}
                  </a>
                </dd>
              </>
            ) : null}
            {o.website ? (
              <>
                <dt className="font-semibold">{t("website")}</dt>
                <dd className="break-all">
                  <a href={o.website} rel="noopener noreferrer" dir="ltr">
                    {o.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                  </a>{" "}
                  <span className="text-sm text-muted">{t("externalLink")}</span>
                </dd>
              </>
            ) : null}
          </dl>
        </address>
      ) : (
        <p>{t("noContact")}</p>
      )}
    </section>
  );
}
