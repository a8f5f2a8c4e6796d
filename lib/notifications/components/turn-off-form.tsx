"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms/state";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { turnOffAction } from "../actions";

/** One button: turns that kind of mail off (a link alone would be followed by mail scanners). */
export function TurnOffForm({ token, question, done }: { token: string; question: string; done: string }) {
  const t = useTranslations("notifications.off");
  const [state, action] = useActionState(turnOffAction, IDLE);
  if (state.status === "success") return <FormAlert kind="success">{done}</FormAlert>;
  return (
    <form action={action}>
      {state.status === "error" ? <FormAlert kind="error">{t("invalid")}</FormAlert> : null}
      <p className="mb-4 text-lg">{question}</p>
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={t("button")}>{t("button")}</SubmitButton>
    </form>
  );
}
