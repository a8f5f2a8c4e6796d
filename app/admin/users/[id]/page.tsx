import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ROLES, type Role } from "@/db/schema";
import { getPendingEmailChange } from "@/lib/account/data";
import { requireCapability } from "@/lib/admin/loaders";
import { may } from "@/lib/admin/permissions";
import { getTranslations } from "@/lib/i18n/server";
import { OrganisationChoices } from "@/lib/organisations/components/organisation-choices";
import { choiceNamed, listOrganisationChoices } from "@/lib/organisations/data";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import {
  blockUserAction,
  changeRoleAction,
  changeUserOrganisationAction,
  deleteUserAction,
  resendInvitationAction,
  unblockUserAction,
} from "@/lib/users/actions";
import { ConfirmPanel } from "@/lib/users/components/confirm-panel";
import { UserEmail } from "@/lib/users/components/user-email";
import { UserFacts } from "@/lib/users/components/user-facts";
import { UserHistory } from "@/lib/users/components/user-history";
import { UserOrganisations } from "@/lib/users/components/user-organisations";
import {
  getUserDetail,
  listUserAuditEntries,
  listUserOrganisations,
  mayResendInvitation,
} from "@/lib/users/data";
import { type OrganisationChange, UNKNOWN_ADDITION } from "@/lib/users/schema";
import { statusAfterUnblock } from "@/lib/users/utils";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("detailTitle") };
}

const CONFIRMS = [
  "block",
  "unblock",
  "role",
  "resend",
  "delete",
  "organisationMain",
  "organisationRemove",
  "organisationRevokeAdmin",
] as const;
type Confirm = (typeof CONFIRMS)[number];
/** The confirmation steps about where the person works, and the change each one confirms. */
const ORGANISATION_CONFIRMS: Partial<Record<Confirm, OrganisationChange>> = {
  organisationMain: "main",
  organisationRemove: "remove",
  organisationRevokeAdmin: "revokeAdmin",
};
const DONE = [
  "blocked",
  "unblocked",
  "roleChanged",
  "invitationResent",
  "deleted",
  "organisation.main",
  "organisation.add",
  "organisation.remove",
  "organisation.grantAdmin",
  "organisation.revokeAdmin",
  "emailChangeRequested",
  "emailChangeCancelled",
] as const;
const ERRORS = [
  "cannotBlockSelf",
  "cannotChangeOwnRole",
  "cannotDeleteSelf",
  "onlyAdminsForStaff",
  "alreadyBlocked",
  "notBlocked",
  "roleUnchanged",
  "invitationNotPending",
  "userNotFound",
  "notAllowed",
  "invalid",
  "organisationNotFound",
  "organisationNotConfirmed",
  "organisationUnchanged",
  "alreadyWorksThere",
  "notFurtherOrganisation",
  "adminNeedsMember",
  "alreadyOrganisationAdmin",
  "notOrganisationAdmin",
  "emailOnlyAdminsForStaff",
  "noEmailChangePending",
] as const;

const ORGANISATION_CHOICES = "organisation-choices";

const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  list.includes(value as T) ? (value as T) : undefined;

export default async function AdminUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireCapability("users.view");
  const { id } = await params;
  if (id.length > 64) notFound();
  const user = await getUserDetail({ userId: id });
  if (!user) notFound();
  const search = await searchParams;
  const t = await getTranslations("admin.users");
  const [history, worksAt, choices, pendingEmail] = await Promise.all([
    listUserAuditEntries({ userId: user.id }),
    listUserOrganisations({ userId: user.id }),
    listOrganisationChoices(),
    getPendingEmailChange({ userId: user.id }),
  ]);

  const self = user.id === viewer.id;
  const deleted = user.status === "deleted";
  const staffTarget = user.role !== "member";
  const canBlock =
    !self && !deleted && may(viewer, "users.block") && (!staffTarget || viewer.role === "admin");
  const canRole = !self && !deleted && may(viewer, "users.changeRole");
  const canResend = !deleted && may(viewer, "users.resendInvitation") && mayResendInvitation(user);
  const canDelete = !self && !deleted && may(viewer, "users.delete");
  const canOrganisations = !deleted && may(viewer, "users.organisations");
  // Only a member's (approved) address; a coordinator's or admin's only by an admin, never one's own here.
  const canEmail =
    !self &&
    user.status === "approved" &&
    may(viewer, "users.email") &&
    (!staffTarget || viewer.role === "admin");
  // The organisation a confirmation step is about: one of theirs, or (for the main one) any confirmed
  // one by the name typed.
  const organisationParam = typeof search.organisation === "string" ? search.organisation : "";
  const typedMain =
    search.confirm === "organisationMain" && typeof search.organisationName === "string"
      ? search.organisationName
      : undefined;
  const mainChoice = typedMain === undefined ? undefined : choiceNamed(choices, typedMain);
  const confirmOrganisation =
    worksAt.find((o) => o.id === organisationParam) ??
    (mainChoice ? { id: mainChoice.id, name: mainChoice.label } : undefined);
  const unknownAddition = search[UNKNOWN_ADDITION];
  const worksThere = worksAt.find((o) => o.id === organisationParam);
  const allowed: Record<Confirm, boolean> = {
    block: canBlock && user.status !== "blocked",
    unblock: canBlock && user.status === "blocked",
    role: canRole,
    resend: canResend,
    delete: canDelete,
    organisationMain: canOrganisations && Boolean(confirmOrganisation) && !worksThere?.main,
    organisationRemove: canOrganisations && worksThere?.main === false,
    organisationRevokeAdmin: canOrganisations && Boolean(worksThere?.admin),
  };

  const confirm = pick(CONFIRMS, search.confirm);
  const organisationChange = confirm ? ORGANISATION_CONFIRMS[confirm] : undefined;
  const newRole = pick(ROLES, search.role) as Role | undefined;
  const done = pick(DONE, search.done);
  const error = pick(ERRORS, search.error);
  const here = `/admin/users/${user.id}`;
  const displayName = deleted ? t("formerMember") : (user.name ?? t("noName"));
  const fields = { userId: user.id };
  const blocked = user.status === "blocked";
  const restored = statusAfterUnblock(user);
  const explanationKey = confirm === "unblock" ? `unblock.explanation.${restored}` : `${confirm}.explanation`;
  // After unblocking, the person's status is the one given back, and the notice says what it means.
  const doneKey = done === "unblocked" ? `unblocked.${blocked || deleted ? "approved" : user.status}` : done;

  return (
    <>
      <p className="mb-4">
        <a href="/admin/users">{t("backToList")}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{displayName}</h1>
      {doneKey ? <FormAlert kind="success">{t(`done.${doneKey}`)}</FormAlert> : null}
      {error ? <FormAlert kind="error">{t(`errors.${error}`)}</FormAlert> : null}

      {confirm && allowed[confirm] && (confirm !== "role" || (newRole && newRole !== user.role)) ? (
        <ConfirmPanel
          heading={t(`confirm.${confirm}.heading`, {
            name: displayName,
            organisation: confirmOrganisation?.name ?? "",
          })}
          explanation={t(`confirm.${explanationKey}`, {
            name: displayName,
            role: newRole ? t(`roles.${newRole}`) : "",
            organisation: confirmOrganisation?.name ?? "",
          })}
          confirmLabel={t(`confirm.${confirm}.button`, { name: displayName })}
          cancelLabel={t("cancel")}
          cancelHref={here}
          danger={confirm === "delete" || confirm === "block"}
          fields={
            organisationChange && confirmOrganisation
              ? { ...fields, organisationId: confirmOrganisation.id, change: organisationChange }
              : confirm === "role" && newRole
                ? { ...fields, role: newRole }
                : fields
          }
          action={
            {
              block: blockUserAction,
              unblock: unblockUserAction,
              role: changeRoleAction,
              resend: resendInvitationAction,
              delete: deleteUserAction,
              organisationMain: changeUserOrganisationAction,
              organisationRemove: changeUserOrganisationAction,
              organisationRevokeAdmin: changeUserOrganisationAction,
            }[confirm]
          }
        />
      ) : null}

      <UserFacts user={user} />

      {!deleted ? (
        <section aria-labelledby="actions-heading" className="mb-10">
          <h2 id="actions-heading" className="mb-3 text-2xl font-bold">
            {t("actions")}
          </h2>
          {self ? <p className="mb-3">{t("selfHint")}</p> : null}
          <div className="flex flex-wrap gap-3">
            {allowed.block ? (
              <a href={`${here}?confirm=block`} className={secondaryButton}>
                {t("block")}
              </a>
            ) : null}
            {allowed.unblock ? (
              <a href={`${here}?confirm=unblock`} className={secondaryButton}>
                {t("unblock")}
              </a>
            ) : null}
            {allowed.resend ? (
              <a href={`${here}?confirm=resend`} className={secondaryButton}>
                {t("resend")}
              </a>
            ) : null}
            {allowed.delete ? (
              <a href={`${here}?confirm=delete`} className={secondaryButton}>
                {t("delete")}
              </a>
            ) : null}
          </div>
          {allowed.role ? (
            <form method="get" action={here} className="mt-6 flex flex-wrap items-end gap-3">
              <input type="hidden" name="confirm" value="role" />
              <div>
                <label htmlFor="new-role" className="mb-1 block font-semibold">
                  {t("newRole")}
                </label>
                <select id="new-role" name="role" defaultValue={user.role} className={inputStyle}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className={secondaryButton}>
                {t("changeRole")}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      {canEmail && user.email ? (
        <UserEmail userId={user.id} current={user.email} pending={pendingEmail} />
      ) : null}

      {canOrganisations ? (
        <UserOrganisations
          userId={user.id}
          name={displayName}
          approved={user.status === "approved"}
          here={here}
          organisations={worksAt}
          choicesId={ORGANISATION_CHOICES}
          unknown={{
            main: mainChoice ? undefined : typedMain,
            add: typeof unknownAddition === "string" ? unknownAddition : undefined,
          }}
        />
      ) : null}
      {canOrganisations ? (
        <OrganisationChoices
          id={ORGANISATION_CHOICES}
          choices={choices.filter((c) => !worksAt.some((o) => o.id === c.id))}
        />
      ) : null}

      <UserHistory userId={user.id} history={history} />
    </>
  );
}
