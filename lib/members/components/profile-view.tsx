import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import type { Visibility } from "@/db/schema";
import { formatList } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown/render";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import type { ProfileView as Profile, ProfileField } from "../data";
import { MemberPhoto } from "./member-card";

const VISIBILITY_KEYS = ["public", "members", "hidden"] as const;

/** Only http(s) addresses become links; "example.org" is read as https://example.org. */
function websiteHref(website: string): string | null {
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`;
  try {
    const url = new URL(candidate);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/** A member's profile with each field the viewer may see; the owner also sees who may see what. */
export async function ProfileView({ profile, isOwner }: { profile: Profile; isOwner: boolean }) {
  const t = await getTranslations("members.profile");
  const tv = await getTranslations("members.visibility");
  const tt = await getTranslations("topics");
  const tl = await getTranslations("languages");
  const to = await getTranslations("organisations.types");
  const locale = await getLocale();

  const audience = (field: ProfileField) => {
    const level: Visibility | undefined = profile.visibility?.[field];
    return level === undefined ? null : (
      <span className="ms-2 text-sm font-normal text-muted">({tv(VISIBILITY_KEYS[level])})</span>
    );
  };
  const rows: [ProfileField, string, ReactNode][] = [];
  // What members and organisations wrote keeps its own direction (a German name's final "." stays at
  // its end between Arabic labels); the labels from the messages need no isolating.
  if (profile.jobFunction)
    rows.push(["jobFunction", t("jobFunction"), <bdi key="jobFunction">{profile.jobFunction}</bdi>]);
  if (profile.organisations.length > 0) {
    rows.push([
      "organisation",
      t("organisations", { count: profile.organisations.length }),
      <ul key="organisations">
        {profile.organisations.map(({ name, type, slug }) => (
          <li key={`${slug ?? ""}${name}`}>
            {slug ? (
              <a
                href={`/organisations/${encodeURIComponent(slug)}`}
                className="inline-flex min-h-11 items-center"
              >
                <bdi>{name}</bdi>
              </a>
            ) : (
              <bdi>{name}</bdi>
            )}{" "}
            ({to(type)})
          </li>
        ))}
      </ul>,
    ]);
  }
  if (profile.municipality)
    rows.push(["municipality", t("municipality"), <bdi key="municipality">{profile.municipality}</bdi>]);
  if (profile.topics.length) {
    rows.push([
      "topics",
      t("topics"),
      formatList(
        locale,
        profile.topics.map((v) => tt(v as never)),
      ),
    ]);
  }
  if (profile.languages.length) {
    rows.push([
      "languages",
      t("languages"),
      formatList(
        locale,
        profile.languages.map((v) => tl(v as never)),
      ),
    ]);
  }
  const website = profile.contact?.website ? websiteHref(profile.contact.website) : null;

  return (
    <article className="max-w-3xl">
      <header className="mb-6 flex flex-wrap items-center gap-5">
        {profile.photoId ? <MemberPhoto photoId={profile.photoId} size={160} /> : null}
        <div className="min-w-0">
          <h1 className="text-3xl font-bold break-words">
            <bdi>{profile.name}</bdi>
          </h1>
          {isOwner ? (
            <a href="/settings/profile" className={`${secondaryButton} mt-3`}>
              {t("edit")}
            </a>
          ) : null}
        </div>
      </header>
      {isOwner ? (
        <p className="mb-6 rounded-md bg-blue-50 p-3" role="note">
          {t("ownerNote")} {t("name")}: {tv(VISIBILITY_KEYS[profile.visibility?.name ?? 1])}
          {profile.photoId ? ` · ${t("photo")}: ${tv(VISIBILITY_KEYS[profile.visibility?.photo ?? 1])}` : ""}
        </p>
      ) : null}
      {rows.length ? (
        <dl className="mb-6 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {rows.map(([field, label, value]) => (
            <div key={field} className="contents">
              <dt className="font-semibold">
                {label}
                {audience(field)}
              </dt>
              <dd className="mb-2 break-words sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {profile.bio ? (
        <section aria-labelledby="bio-heading" className="mb-6">
          <h2 id="bio-heading" className="mb-2 text-2xl font-bold">
            {t("bio")}
            {audience("bio")}
          </h2>
          <div
            dir="auto"
            className="prose-legal break-words"
            // Sanitised on the server by renderMarkdown (tested in lib/markdown/render.test.ts).
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised above
            dangerouslySetInnerHTML={{ __html: renderMarkdown(profile.bio) }}
          />
        </section>
      ) : null}
      {profile.contact ? (
        <section aria-labelledby="contact-heading" className="mb-6">
          <h2 id="contact-heading" className="mb-2 text-2xl font-bold">
            {t("contact")}
            {audience("contact")}
          </h2>
          <ul className="grid gap-1">
            {profile.contact.email ? (
              <li>
                <span className="font-semibold">{t("email")}: </span>
                <a
                  href={`mailto:${profile.contact.email}`}
                  className="inline-flex min-h-11 items-center break-all"
                >
                  {profile.contact.email}
                </a>
              </li>
            ) : null}
            {profile.contact.phone ? (
              <li>
                <span className="font-semibold">{t("phone")}: </span>
                <a
                  href={telHref(profile.contact.phone)}
                  className="inline-flex min-h-11 items-center"
                  dir="ltr"
                >
                  {profile.contact.phone}
                </a>
              </li>
            ) : null}
            {website ? (
              <li>
                <span className="font-semibold">{t("website")}: </span>
                <a
                  href={website}
                  rel="noopener noreferrer"
                  target="_blank"
                  className="inline-flex min-h-11 items-center break-all"
                >
                  {profile.contact.website}
                  <span className="sr-only"> {t("opensInNewTab")}</span>
                </a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {!rows.length && !profile.bio && !profile.contact ? <p className="mb-6">{t("nothingShared")}</p> : null}
      <p>
        <a href="/members" className="inline-flex min-h-11 items-center">
          {t("back")}
        </a>
      </p>
    </article>
  );
}
