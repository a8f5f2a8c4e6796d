"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { reportMessageAction } from "../actions";

/** Reports one message to the moderation queue, with a reason. */
export function ReportMessageForm({ messageId }: { messageId: string }) {
  const t = useTranslations("messages.conversation");
  const te = useTranslations("messages.errors");
  const [state, action] = useActionState(reportMessageAction, IDLE);
  const view = formView(state);
  if (state.status === "success") return <FormAlert kind="success">{t("reported")}</FormAlert>;
  return (
    <form action={action} noValidate className="mt-2">
      {state.status === "error" && state.formError ? (
        <FormAlert kind="error">{te(state.formError)}</FormAlert>
      ) : null}
      <input type="hidden" name="messageId" value={messageId} />
      <TextField
        id={`reason-${messageId}`}
        name="reason"
        label={t("reportReason")}
        hint={t("reportHint")}
        rows={3}
        defaultValue={view.text("reason")}
        error={errorMessage(te, view.errors.reason)}
      />
      <SubmitButton pendingLabel={t("reportSend")} className={secondaryButton}>
        {t("reportSend")}
      </SubmitButton>
    </form>
  );
}
