"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { formView, IDLE } from "@/lib/forms/state";
import { errorMessage, SelectField, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveVideoAction } from "../actions";

export type VideoFormValues = {
  videoId?: string;
  slug: string;
  kind: "upload" | "external";
  externalUrl: string;
  title: string;
  description: string;
  transcript: string;
  published: boolean;
};

type Name = "slug" | "kind" | "externalUrl" | "title" | "description" | "transcript";

/** A video's settings and German texts; works without JavaScript, keeps values after an error. */
export function VideoForm({ video }: { video: VideoFormValues }) {
  const t = useTranslations("videosAdmin");
  const te = useTranslations("videosAdmin.errors");
  const [state, action] = useActionState(saveVideoAction, IDLE);
  const { errors, text } = formView(state);
  const failed = state.status === "error";
  const field = (name: Name) => ({
    id: `video-${name}`,
    name,
    label: t(name),
    error: errorMessage(te, errors[name]),
    defaultValue: failed ? text(name) : video[name],
  });
  const published = failed ? text("published") === "on" : video.published;
  const required = { required: true, requiredLabel: t("required") };
  return (
    <form action={action} noValidate className="max-w-2xl">
      {failed ? (
        <FormAlert kind="error">
          {state.formError ? te(state.formError) : t("fixErrors", { count: Object.keys(errors).length })}
        </FormAlert>
      ) : null}
      {video.videoId ? <input type="hidden" name="videoId" value={video.videoId} /> : null}
      <TextField {...field("title")} lang="de" {...required} />
      <TextField {...field("description")} lang="de" rows={3} />
      <SelectField
        {...field("kind")}
        options={[
          ["upload", t("kinds.upload")],
          ["external", t("kinds.external")],
        ]}
        {...required}
      />
      <TextField {...field("externalUrl")} type="url" hint={t("externalUrlHint")} />
      <TextField {...field("transcript")} lang="de" rows={10} hint={t("transcriptHint")} />
      <TextField {...field("slug")} hint={t("slugHint")} />
      <div className="mb-5 flex items-center gap-2">
        <input
          key={String(published)}
          id="video-published"
          type="checkbox"
          name="published"
          defaultChecked={published}
          className="size-5"
        />
        <label htmlFor="video-published" className="font-semibold">
          {t("publishedLabel")}
        </label>
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
