import { getFormatter } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { UserDetail } from "../data";
import { statusAfterUnblock } from "../utils";

/** What coordinators know about a person: address, role, status, since when, sessions. */
export async function UserFacts({ user }: { user: UserDetail }) {
  const t = await getTranslations("admin.users");
  const format = await getFormatter();
  const blocked = user.status === "blocked";
  return (
    <dl className="mb-8 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
      <dt className="font-semibold">{t("email")}</dt>
      <dd className="break-all">{user.email ?? "–"}</dd>
      <dt className="font-semibold">{t("role")}</dt>
      <dd>{t(`roles.${user.role}`)}</dd>
      <dt className="font-semibold">{t("status")}</dt>
      <dd>{t(`statuses.${user.status}`)}</dd>
      {blocked ? (
        <>
          <dt className="font-semibold">{t("statusBeforeBlock")}</dt>
          <dd>{t(`statuses.${statusAfterUnblock(user)}`)}</dd>
        </>
      ) : null}
      <dt className="font-semibold">{t("organisation")}</dt>
      <dd>{user.organisation ?? "–"}</dd>
      <dt className="font-semibold">{t("since")}</dt>
      <dd>{format.dateTime(user.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
      <dt className="font-semibold">{t("invitedBy")}</dt>
      <dd>{user.invited ? (user.invitedBy ?? t("formerMember")) : "–"}</dd>
      <dt className="font-semibold">{t("firstSignIn")}</dt>
      <dd>
        {user.emailVerified ? format.dateTime(user.emailVerified, { dateStyle: "medium" }) : t("never")}
      </dd>
      <dt className="font-semibold">{t("activeSessions")}</dt>
      <dd>{user.sessionCount}</dd>
      {user.erasedAt ? (
        <>
          <dt className="font-semibold">{t("deletedOn")}</dt>
          <dd>{format.dateTime(user.erasedAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
        </>
      ) : null}
    </dl>
  );
}
