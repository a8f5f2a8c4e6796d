import type { Metadata } from "next";
import { FeedbackForm } from "@/lib/feedback/components/feedback-form";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { LegalPageView } from "@/lib/legal/components/legal-page";
import { newSubmissionKey } from "@/lib/submissions/utils";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("accessibility") };
}

export default async function AccessibilityPage() {
  const t = await getTranslations("legal");
  const tf = await getTranslations("feedback");
  return (
    <>
      <LegalPageView page="accessibility" title={t("accessibility")} />
      <section aria-labelledby="feedback-heading" className="mt-10">
        <h2 id="feedback-heading" className="mb-2 text-2xl font-bold">
          {tf("title")}
        </h2>
        <p className="mb-4 max-w-xl">{tf("intro")}</p>
        <ClientMessages namespaces={["feedback", "errors"]}>
          <FeedbackForm submissionKey={newSubmissionKey()} />
        </ClientMessages>
      </section>
    </>
  );
}
