import type { Metadata } from "next";
import { decodeCursor } from "@/db/cursor";
import { requireRole } from "@/lib/auth/viewer";
import { PostBody } from "@/lib/forum/components/post-body";
import { postHref } from "@/lib/forum/utils";
import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";
import { RemovedMessages } from "@/lib/messages/components/removed-messages";
import { ReportedMessageFiles } from "@/lib/messages/components/reported-files";
import { approvePostAction, resolveReportAction } from "@/lib/moderation/actions";
import { REFUSAL_NOTICES } from "@/lib/moderation/constants";
import { countHeldPosts, countReportedSubjects, listHeldPosts, listOpenReports } from "@/lib/moderation/data";
import { decisionsFor } from "@/lib/moderation/utils";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { ConfirmPanel } from "@/lib/users/components/confirm-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("title") };
}

type Query = { done?: string; deleteReport?: string; deleteHeld?: string; removedBefore?: string };

export default async function ModerationPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requireRole("coordinator");
  const [{ done, deleteReport, deleteHeld, removedBefore }, reports, reportTotal, held, heldTotal, t, when] =
    await Promise.all([
      searchParams,
      listOpenReports(),
      countReportedSubjects(),
      listHeldPosts(),
      countHeldPosts(),
      getTranslations("moderation"),
      dateTimeFormat(),
    ]);
  const button = `${secondaryButton} px-3 text-sm`;
  // The second step of "delete", for a report or a held post still in the queue.
  const reportToDelete = reports.find((r) => r.reportId === deleteReport);
  const heldToDelete = held.find((p) => String(p.id) === deleteHeld);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      {/* Only the queue's own outcomes: a link with another ?done= shows nothing. */}
      {done && t.has(`done.${done}`) ? (
        <FormAlert kind={REFUSAL_NOTICES.includes(done) ? "error" : "success"}>
          {t(`done.${done as "hide"}`)}
        </FormAlert>
      ) : null}
      {reportToDelete ? (
        <ConfirmPanel
          // An opening post nobody else answered takes its thread along: the step says so, and names it.
          heading={
            reportToDelete.subject?.takesThread?.delete
              ? t("confirmDelete.threadHeading", { title: reportToDelete.subject.title })
              : t("confirmDelete.reportHeading")
          }
          explanation={t(
            reportToDelete.subject?.takesThread?.delete
              ? "confirmDelete.threadExplanation"
              : "confirmDelete.reportExplanation",
          )}
          confirmLabel={t("confirmDelete.confirm")}
          cancelLabel={t("confirmDelete.keep")}
          cancelHref="/admin/moderation"
          action={resolveReportAction}
          fields={{ reportId: reportToDelete.reportId, decision: "delete", confirmed: "yes" }}
          danger
        />
      ) : null}
      {heldToDelete ? (
        <ConfirmPanel
          heading={t("confirmDelete.heldHeading", { title: heldToDelete.threadTitle })}
          explanation={t("confirmDelete.heldExplanation")}
          confirmLabel={t("confirmDelete.confirm")}
          cancelLabel={t("confirmDelete.keep")}
          cancelHref="/admin/moderation"
          action={approvePostAction}
          fields={{ postId: String(heldToDelete.id), decision: "delete", confirmed: "yes" }}
          danger
        />
      ) : null}
      <section aria-labelledby="reports-heading" className="mb-10">
        <h2 id="reports-heading" className="mb-3 text-2xl font-bold">
          {t("reports", { count: reportTotal })}
        </h2>
        {reports.length === 0 ? <p>{t("noReports")}</p> : null}
        {reportTotal > reports.length ? (
          <p className="mb-3">{t("reportsMore", { shown: reports.length })}</p>
        ) : null}
        <ul className="flex flex-col gap-4">
          {reports.map((r) => (
            <li key={r.reportId} className="rounded-lg border border-gray-300 bg-white p-4">
              <h3 className="font-bold">
                {t(`subject.${r.subjectType === "post" ? "post" : "other"}`)}
                {r.subject?.authorName ? ` – ${r.subject.authorName}` : ""}
                {r.subject ? ` (${t(`status.${r.subject.status as "visible"}`)})` : ""}
              </h3>
              {r.subject?.status === "authorDeleted" ? (
                <p className="my-2">{t("authorDeletedNote")}</p>
              ) : null}
              {r.subject?.html ? (
                <blockquote className="my-2 border-s-4 border-gray-300 ps-3">
                  <PostBody html={r.subject.html} />
                </blockquote>
              ) : r.subject ? (
                <blockquote className="my-2 border-s-4 border-gray-300 ps-3 whitespace-pre-wrap break-words text-muted">
                  {r.subject.excerpt}
                </blockquote>
              ) : null}
              {r.subjectType === "message" ? <ReportedMessageFiles messageId={r.subjectId} /> : null}
              {r.subject?.url ? <a href={r.subject.url}>{t("open")}</a> : null}
              <ul className="my-2 list-disc ps-6">
                {r.reasons.map((reason, i) => (
                  <li key={i}>
                    {t("reportedBy", { name: reason.reporterName ?? "–", time: when(reason.createdAt) })}:{" "}
                    <span className="whitespace-pre-line">{reason.reason}</span>
                  </li>
                ))}
              </ul>
              <form action={resolveReportAction} className="flex flex-wrap gap-2">
                <input type="hidden" name="reportId" value={r.reportId} />
                {decisionsFor(r.subject?.status ?? null).map((d) => (
                  <button key={d} type="submit" name="decision" value={d} className={button}>
                    {t(
                      (d === "hide" || d === "delete") && r.subject?.takesThread?.[d]
                        ? `decision.${d}Thread`
                        : `decision.${d}`,
                    )}
                  </button>
                ))}
              </form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="held-heading">
        <h2 id="held-heading" className="mb-3 text-2xl font-bold">
          {t("held", { count: heldTotal })}
        </h2>
        {held.length === 0 ? <p>{t("noHeld")}</p> : null}
        {heldTotal > held.length ? <p className="mb-3">{t("heldMore", { shown: held.length })}</p> : null}
        <ul className="flex flex-col gap-4">
          {held.map((p) => (
            <li key={p.id} className="rounded-lg border border-gray-300 bg-white p-4">
              <h3 className="font-bold">
                <a href={postHref({ id: p.threadId, slug: p.threadSlug }, p.number)}>{p.threadTitle}</a> –{" "}
                {p.authorName}
              </h3>
              <blockquote className="my-2 border-s-4 border-gray-300 ps-3">
                <PostBody html={p.bodyHtml} />
              </blockquote>
              <form action={approvePostAction} className="flex flex-wrap gap-2">
                <input type="hidden" name="postId" value={p.id} />
                <button type="submit" name="decision" value="approve" className={button}>
                  {t("approve")}
                </button>
                <button type="submit" name="decision" value="delete" className={button}>
                  {t("decision.delete")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <RemovedMessages before={decodeCursor(removedBefore)} />
    </>
  );
}
