import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter } from "next-intl/server";
import { cache } from "react";
import { requireCapability } from "@/lib/admin/loaders";
import { ImportErrors } from "@/lib/campaigns/components/import-errors";
import { ImportProgress } from "@/lib/campaigns/components/import-progress";
import { ImportSample } from "@/lib/campaigns/components/import-sample";
import { discardImportAction, startImportAction } from "@/lib/campaigns/import-actions";
import { getImportView, percentOf } from "@/lib/campaigns/import-data";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";

type Props = { params: Promise<{ id: string }> };

// The title and the page share one look at the import (its preview checks every row).
const loadView = cache((id: string) => getImportView(id.slice(0, 64)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireCapability("campaigns.manage"); // the file name is for coordinators' eyes only
  const { id } = await params;
  const t = await getTranslations("campaignContacts");
  const view = await loadView(id);
  return { title: view ? t("preview.title", { file: view.filename }) : t("title") };
}

/**
 * One CSV import: before it starts, a preview of the first rows and every row that will be left
 * out; while it runs, a progress bar; afterwards the figures and the rows left out.
 */
export default async function ImportPage({ params }: Props) {
  await requireCapability("campaigns.manage");
  const { id } = await params;
  const view = await loadView(id);
  if (!view) notFound();
  const t = await getTranslations("campaignContacts");
  const format = await getFormatter();
  const columnName = (column: string | null) => t(`preview.columnNames.${column ?? "ignored"}`);
  return (
    <>
      <p className="mb-2">
        <a href="/admin/campaigns/contacts">{t("backToContacts")}</a>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t("preview.title", { file: view.filename })}</h1>

      <dl className={`${cardStyle} mb-8 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]`}>
        <dt className="font-semibold">{t("preview.status")}</dt>
        <dd>{t(`importStatus.${view.status}`)}</dd>
        <dt className="font-semibold">{t("preview.legalBasis")}</dt>
        <dd>{t(`legalBases.${view.legalBasis}`)}</dd>
        <dt className="font-semibold">{t("preview.legalNote")}</dt>
        <dd className="whitespace-pre-line">{view.legalNote}</dd>
        <dt className="font-semibold">{t("preview.rows")}</dt>
        <dd>{format.number(view.total)}</dd>
        <dt className="font-semibold">{t("preview.uploaded")}</dt>
        <dd>{format.dateTime(view.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
      </dl>

      {view.status === "preview" ? (
        <>
          <p className="mb-4 max-w-2xl">{t("preview.intro")}</p>
          <section aria-labelledby="columns-heading" className="mb-8">
            <h2 id="columns-heading" className="mb-2 text-xl font-bold">
              {t("preview.columnsTitle")}
            </h2>
            <ul className="list-disc ps-6">
              {view.columns.map((column, i) => (
                <li key={i}>{t("preview.column", { number: i + 1, meaning: columnName(column) })}</li>
              ))}
            </ul>
          </section>
          <section className="mb-8">
            <ImportSample rows={view.sample} />
          </section>
          <div className="mb-8" role="status">
            <p className="text-lg font-semibold">{t("preview.willImport", { count: view.importable })}</p>
            <p className="text-lg font-semibold">{t("preview.willSkip", { count: view.errorCount })}</p>
          </div>
          {view.importable > 0 ? (
            <form action={startImportAction} className="mb-8 max-w-2xl">
              <input type="hidden" name="importId" value={view.id} />
              <p className="mb-3">{t("preview.startHint")}</p>
              <SubmitButton pendingLabel={t("preview.starting")}>{t("preview.start")}</SubmitButton>
            </form>
          ) : (
            <FormAlert kind="error">{t("preview.nothing")}</FormAlert>
          )}
          <section className="mb-8">
            <ImportErrors
              errors={view.errors}
              total={view.errorCount}
              caption={t("errorsTable.previewTitle")}
            />
          </section>
          <form action={discardImportAction}>
            <input type="hidden" name="importId" value={view.id} />
            <SubmitButton pendingLabel={t("preview.discarding")} className={secondaryButton}>
              {t("preview.discard")}
            </SubmitButton>
          </form>
        </>
      ) : null}

      {view.status === "running" ? (
        <section aria-labelledby="progress-heading" className="mb-8 max-w-2xl">
          <h2 id="progress-heading" className="mb-3 text-2xl font-bold">
            {t("progress.title")}
          </h2>
          <ClientMessages namespaces={["campaignContacts"]}>
            <ImportProgress
              importId={view.id}
              initial={{
                status: view.status,
                total: view.total,
                processed: view.processed,
                imported: view.imported,
                errorCount: view.errorCount,
                percent: percentOf(view.processed, view.total),
              }}
            />
          </ClientMessages>
          <p className="mt-3">{t("progress.hint")}</p>
          <noscript>
            <meta httpEquiv="refresh" content="3" />
            <p className="mt-3">
              {t("progress.noscript")}{" "}
              <a href={`/admin/campaigns/imports/${view.id}`}>{t("progress.reload")}</a>
            </p>
          </noscript>
        </section>
      ) : null}

      {view.status === "done" ? (
        <>
          <FormAlert kind="success">
            {t("done.summary", { imported: view.imported, skipped: view.errorCount })}
          </FormAlert>
          <div className="mb-8 max-w-2xl">
            <label htmlFor="import-progress" className="mb-1 block font-semibold">
              {t("progress.label")}
            </label>
            <progress
              id="import-progress"
              max={Math.max(view.total, 1)}
              value={Math.max(view.total, 1)}
              className="h-6 w-full"
            />
            <p className="mt-2 font-semibold">
              {t("progress.text", { processed: view.processed, total: view.total, percent: 100 })}
            </p>
          </div>
          <section className="mb-8">
            <ImportErrors errors={view.errors} total={view.errorCount} caption={t("errorsTable.doneTitle")} />
          </section>
          <a href="/admin/campaigns/contacts#contacts" className={secondaryButton}>
            {t("done.toContacts")}
          </a>
        </>
      ) : null}
    </>
  );
}
