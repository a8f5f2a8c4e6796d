"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { ErrorText } from "@/lib/ui/components/field";

/**
 * A plain multipart form to the upload route (works without JavaScript: the route redirects back).
 * With JavaScript the file goes by XMLHttpRequest, whose upload events drive a progress bar.
 */
export function UploadForm({
  id,
  action,
  label,
  hint,
  accept,
  submit,
  error,
}: {
  id: string;
  action: string;
  label: string;
  hint: string;
  accept: string;
  submit: string;
  error?: string;
}) {
  const t = useTranslations("videosAdmin");
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const describedBy = [failure || error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ");

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const request = new XMLHttpRequest();
    request.open("POST", action);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    request.onload = () => {
      const body = request.response as { location?: string; error?: string } | null;
      if (body?.location) window.location.assign(body.location);
      else {
        setProgress(null);
        setFailure(t("errors.uploadFailed"));
      }
    };
    request.onerror = () => {
      setProgress(null);
      setFailure(t("errors.uploadFailed"));
    };
    setFailure(null);
    setProgress(0);
    request.send(new FormData(form));
  };

  return (
    <form
      method="post"
      action={action}
      encType="multipart/form-data"
      onSubmit={onSubmit}
      className="max-w-xl"
    >
      <div className="mb-5">
        <label htmlFor={id} className="mb-1 block font-semibold">
          {label}
        </label>
        <p id={`${id}-hint`} className="mb-1 text-sm text-muted">
          {hint}
        </p>
        {failure || error ? <ErrorText id={`${id}-error`}>{failure ?? error}</ErrorText> : null}
        <input
          id={id}
          type="file"
          name="file"
          accept={accept}
          required
          aria-describedby={describedBy}
          aria-invalid={failure || error ? true : undefined}
          className={inputStyle}
        />
      </div>
      {progress !== null ? (
        <div className="mb-4">
          <label htmlFor={`${id}-progress`} className="block text-sm font-semibold">
            {t("uploading", { percent: progress })}
          </label>
          <progress id={`${id}-progress`} max={100} value={progress} className="w-full" />
        </div>
      ) : null}
      <button type="submit" className={secondaryButton} disabled={progress !== null}>
        {submit}
      </button>
    </form>
  );
}
