import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/viewer";
import { mayCreateEvents, toEventViewer } from "@/lib/events/access";
import { EventEditor } from "@/lib/events/components/event-editor";
import { listGroupOptions, organisersFor } from "@/lib/events/editor-data";
import { NEW_EVENT_VALUES } from "@/lib/events/form-values";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("newTitle") };
}

/** Coordinators and organisation admins; other members find nothing here. */
export default async function NewEventPage() {
  const user = await requireUser();
  const viewer = toEventViewer(user)!;
  if (!(await mayCreateEvents(await getDb(), viewer))) notFound();
  const t = await getTranslations("events");
  const [organisers, groups] = await Promise.all([organisersFor(user, viewer), listGroupOptions(viewer)]);
  return (
    <>
      <p className="mb-4">
        <a href="/events">{t("backToList")}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("newTitle")}</h1>
      <ClientMessages namespaces={["events", "errors", "topics", "languages"]}>
        <EventEditor initial={NEW_EVENT_VALUES} organisers={organisers} groups={groups} />
      </ClientMessages>
    </>
  );
}
