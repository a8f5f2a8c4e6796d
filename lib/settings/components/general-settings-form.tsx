"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveGeneralSettingsAction } from "../actions";
import { useErrorText } from "./use-error-text";

export function GeneralSettingsForm(props: {
  networkName: string;
  senderName: string;
  senderAddress: string;
  replyTo: string;
  holdFirstPosts: boolean;
}) {
  const t = useTranslations("admin.settings");
  const errorText = useErrorText();
  const [state, action] = useActionState(saveGeneralSettingsAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  return (
    <form action={action} noValidate>
      {state.status === "success" ? <FormAlert kind="success">{t("saved")}</FormAlert> : null}
      {failed && state.formError ? <FormAlert kind="error">{errorText(state.formError)!}</FormAlert> : null}
      <TextField
        id="networkName"
        name="networkName"
        label={t("networkName")}
        hint={t("networkNameHint")}
        error={errorText(errors.networkName)}
        defaultValue={failed ? text("networkName") : props.networkName}
      />
      <TextField
        id="senderName"
        name="senderName"
        label={t("senderName")}
        hint={t("senderNameHint")}
        error={errorText(errors.senderName)}
        defaultValue={failed ? text("senderName") : props.senderName}
      />
      <TextField
        id="senderAddress"
        name="senderAddress"
        type="email"
        label={t("senderAddress")}
        hint={t("senderAddressHint")}
        error={errorText(errors.senderAddress)}
        defaultValue={failed ? text("senderAddress") : props.senderAddress}
      />
      <TextField
        id="replyTo"
        name="replyTo"
        type="email"
        label={t("replyTo")}
        hint={t("replyToHint")}
        error={errorText(errors.replyTo)}
        defaultValue={failed ? text("replyTo") : props.replyTo}
      />
      <div className="mb-5">
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            name="holdFirstPosts"
            aria-describedby="holdFirstPosts-hint"
            defaultChecked={failed ? text("holdFirstPosts") === "on" : props.holdFirstPosts}
            className="mt-1 size-6 shrink-0"
          />
          <span className="font-semibold">{t("holdFirstPosts")}</span>
        </label>
        <p id="holdFirstPosts-hint" className="ms-9 text-sm text-muted">
          {t("holdFirstPostsHint")}
        </p>
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
