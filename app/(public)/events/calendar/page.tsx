import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { renewFeedAction, revokeFeedAction } from "@/lib/events/actions";
import { getFeedToken } from "@/lib/events/feed-data";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events.calendar"))("title") };
}

/** The member's secret subscription address: create, renew (old one stops working) or delete. */
export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireUser();
  const saved = (await searchParams).saved;
  const t = await getTranslations("events.calendar");
  const token = await getFeedToken(viewer.id);
  const feedUrl = token ? new URL(`/api/calendar/feed/${token}.ics`, env.APP_URL).toString() : null;
  const publicUrl = new URL("/api/calendar/public", env.APP_URL).toString();
  return (
    <>
      <p className="mb-4">
        <a href="/events">{t("back")}</a>
      </p>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      {saved === "renewed" || saved === "revoked" ? (
        <FormAlert kind="success">{t(`saved.${saved}`)}</FormAlert>
      ) : null}
      <section aria-labelledby="personal-heading" className="mb-10">
        <h2 id="personal-heading" className="mb-2 text-xl font-bold">
          {t("personalTitle")}
        </h2>
        {feedUrl ? (
          <>
            <p className="mb-2 max-w-2xl">{t("personalHint")}</p>
            <label htmlFor="feed-url" className="mb-1 block font-semibold">
              {t("personalUrl")}
            </label>
            <input
              id="feed-url"
              readOnly
              value={feedUrl}
              dir="ltr"
              className="mb-4 block w-full min-h-11 rounded-md border border-gray-500 bg-gray-50 px-3 font-mono text-sm"
            />
            <div className="flex flex-wrap gap-3">
              <form action={renewFeedAction}>
                <button type="submit" className={secondaryButton}>
                  {t("renew")}
                </button>
              </form>
              <form action={revokeFeedAction}>
                <button type="submit" className={secondaryButton}>
                  {t("revoke")}
                </button>
              </form>
            </div>
            <p className="mt-2 max-w-2xl text-sm">{t("renewHint")}</p>
          </>
        ) : (
          <>
            <p className="mb-3 max-w-2xl">{t("noFeed")}</p>
            <form action={renewFeedAction}>
              <button type="submit" className={primaryButton}>
                {t("create")}
              </button>
            </form>
          </>
        )}
      </section>
      <section aria-labelledby="public-heading">
        <h2 id="public-heading" className="mb-2 text-xl font-bold">
          {t("publicTitle")}
        </h2>
        <p className="mb-2 max-w-2xl">{t("publicHint")}</p>
        <p dir="ltr" className="font-mono text-sm break-all">
          <a href="/api/calendar/public">{publicUrl}</a>
        </p>
      </section>
    </>
  );
}
