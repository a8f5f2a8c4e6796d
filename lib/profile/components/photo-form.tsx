"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState } from "react";
import { useFormStatus } from "react-dom";
import { formView, IDLE } from "@/lib/forms/state";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { errorMessage, Field } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { useFileLimits } from "@/lib/ui/components/use-file-limits";
import { updatePhotoAction } from "../actions";
import { ACCEPTED_PHOTO_TYPES, PHOTO_LIMITS, photoSrc } from "../constants";

/** The current photo with "change" (upload a new file) and "remove"; works without JavaScript. */
export function PhotoForm({ photoId }: { photoId: string | null }) {
  const t = useTranslations("profile");
  const te = useTranslations("errors");
  const [state, action] = useActionState(updatePhotoAction, IDLE);
  const view = formView(state);
  const file = useFileLimits(PHOTO_LIMITS, state);
  const error = file.breach ? te("imageFileTooLarge") : errorMessage(te, view.errors.photo);
  // The too-large file was taken off the field: uploading now would only send none and replace the
  // size message with "choose a photo". Removing the current photo still goes ahead.
  const keepSizeMessage = (event: FormEvent<HTMLFormElement>) => {
    const intent = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    if (!file.breach || intent === "remove") return;
    event.preventDefault();
    (event.currentTarget.elements.namedItem("photo") as HTMLInputElement | null)?.focus();
  };

  return (
    <form action={action} onSubmit={keepSizeMessage} noValidate className="sm:flex sm:items-start sm:gap-6">
      <div className="mb-5 shrink-0">
        {photoId ? (
          // biome-ignore lint/performance/noImgElement: our own small WebP, served with its access check
          <img
            src={photoSrc(photoId)}
            alt={t("photoAlt")}
            width={160}
            height={160}
            className="size-40 rounded-lg border border-gray-300 object-cover"
          />
        ) : (
          <p className="flex size-40 items-center justify-center rounded-lg border border-dashed border-gray-500 p-3 text-center text-sm text-muted">
            {t("noPhoto")}
          </p>
        )}
      </div>
      <div className="min-w-0 flex-1">
        {state.status === "success" && state.message ? (
          <FormAlert kind="success">
            {t(state.message === "photoRemoved" ? "photoRemoved" : "photoSaved")}
          </FormAlert>
        ) : null}
        {state.status === "error" && state.formError ? (
          <FormAlert kind="error">{te(state.formError)}</FormAlert>
        ) : null}
        <Field
          id="photo"
          label={photoId ? t("photoChange") : t("photoChoose")}
          hint={t("photoHint")}
          error={error}
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              name="photo"
              accept={ACCEPTED_PHOTO_TYPES}
              onChange={file.onChange}
              className="block w-full min-h-11 rounded-md border border-gray-500 bg-white px-3 py-2 file:me-3 file:rounded file:border-0 file:bg-blue-50 file:px-3 file:py-1 file:font-semibold file:text-brand"
            />
          )}
        </Field>
        <PhotoButtons hasPhoto={photoId !== null} />
      </div>
    </form>
  );
}

function PhotoButtons({ hasPhoto }: { hasPhoto: boolean }) {
  const t = useTranslations("profile");
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" name="intent" value="upload" className={primaryButton} disabled={pending}>
        {pending ? t("photoUploading") : t("photoUpload")}
      </button>
      {hasPhoto ? (
        <button type="submit" name="intent" value="remove" className={secondaryButton} disabled={pending}>
          {t("photoRemove")}
        </button>
      ) : null}
    </div>
  );
}
