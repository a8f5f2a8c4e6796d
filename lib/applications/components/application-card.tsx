import { getFormatter } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle } from "@/lib/ui/components/button-styles";
import type { PendingApplication } from "../data";
import { DecisionForm } from "./decision-form";

/**
 * The applicant's organisation; one they proposed themselves says whether it still waits for
 * confirmation or was rejected.
 */
function organisationText(
  a: PendingApplication,
  t: (key: "proposed" | "proposalRejected", values: { name: string }) => string,
): string {
  if (a.organisation !== null)
    return a.organisationProposed ? t("proposed", { name: a.organisation }) : a.organisation;
  return a.proposedOrganisation ? t("proposalRejected", { name: a.proposedOrganisation }) : "–";
}

export async function ApplicationCard({ application: a }: { application: PendingApplication }) {
  const t = await getTranslations("signups");
  const tt = await getTranslations("topics");
  const tl = await getTranslations("languages");
  const format = await getFormatter();
  const name = a.name ?? a.email;
  return (
    <article className={cardStyle} aria-labelledby={`app-${a.id}`}>
      <h3 id={`app-${a.id}`} className="text-xl font-bold">
        {name}
      </h3>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t("email")}</dt>
        <dd className="break-all">{a.email}</dd>
        <dt className="font-semibold">{t("organisation")}</dt>
        <dd>{organisationText(a, t)}</dd>
        <dt className="font-semibold">{t("jobFunction")}</dt>
        <dd>{a.jobFunction ?? "–"}</dd>
        <dt className="font-semibold">{t("municipality")}</dt>
        <dd>{a.municipality ?? "–"}</dd>
        <dt className="font-semibold">{t("topics")}</dt>
        <dd>{a.topics.map((x) => tt(x as never)).join(", ") || "–"}</dd>
        <dt className="font-semibold">{t("languages")}</dt>
        <dd>{a.languages.map((x) => tl(x as never)).join(", ") || "–"}</dd>
        <dt className="font-semibold">{t("appliedOn")}</dt>
        <dd>{format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
        <dt className="font-semibold">{t("language")}</dt>
        <dd>{tl(a.locale as never)}</dd>
      </dl>
      <ClientMessages namespaces={["signups", "errors"]}>
        <DecisionForm applicationId={a.id} applicantName={name} />
      </ClientMessages>
    </article>
  );
}
