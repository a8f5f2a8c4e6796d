"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { type ReportState, reportPostAction } from "../actions";

export function ReportForm({ postId, backHref }: { postId: number; backHref: string }) {
  const t = useTranslations("forum");
  const te = useTranslations("errors");
  const [state, action] = useActionState(reportPostAction, { status: "idle" } as ReportState);
  if (state.status === "success") {
    return (
      <>
        <FormAlert kind="success">{t("reportThanks")}</FormAlert>
        <a href={backHref}>{t("backToThread")}</a>
      </>
    );
  }
  const error = state.status === "error" ? state.fieldErrors.reason : undefined;
  return (
    <form action={action} noValidate>
      <input type="hidden" name="postId" value={postId} />
      <TextField
        id="report-reason"
        name="reason"
        label={t("reportReason")}
        hint={t("reportHint")}
        rows={4}
        defaultValue={state.status === "error" ? (state.values.reason ?? "") : ""}
        error={
          error
            ? error.key === "notFound"
              ? t("errors.forumThreadGone")
              : error.key === "alreadyReported"
                ? t("errors.alreadyReported")
                : (te as unknown as (k: string, v?: Record<string, number>) => string)(
                    error.key,
                    error.values,
                  )
            : undefined
        }
      />
      <SubmitButton pendingLabel={t("composer.sending")}>{t("sendReport")}</SubmitButton>
    </form>
  );
}
