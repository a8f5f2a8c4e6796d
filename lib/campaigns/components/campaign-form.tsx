"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import type { CampaignAudience, CampaignVersion } from "@/db/schema/campaigns";
import { formView, IDLE } from "@/lib/forms/state";
import { LOCALES } from "@/lib/i18n/config";
import { CheckboxGroup } from "@/lib/ui/components/checkbox-group";
import { ErrorText, errorMessage, TextField } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { markdownTags } from "@/lib/ui/components/markdown-sample";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { saveCampaignAction } from "../actions";
import { AUDIENCE_LISTS, versionFields } from "../constants";
import type { Preview } from "./mail-preview";
import { useDebouncedPost } from "./use-debounced-post";
import { VersionEditor } from "./version-editor";

type Option = [value: string, label: string];
export type AudienceOptions = Record<(typeof AUDIENCE_LISTS)[number], Option[]>;

/**
 * Composes a campaign or a welcome step: segment with a live count of recipients, then one version
 * per language with a live preview of the HTML and plain-text mail. Works without JavaScript (no live
 * count or preview then; the campaign's page shows both after saving).
 */
export function CampaignForm(props: {
  kind: "broadcast" | "welcome";
  campaign?: {
    id: string;
    title: string;
    delayDays: number | null;
    audience: CampaignAudience;
    versions: Partial<Record<string, CampaignVersion>>;
    updatedAt: Date;
  };
  options: AudienceOptions;
  count: number;
  previews: Partial<Record<string, Preview>>;
}) {
  const t = useTranslations("campaigns.form");
  const tl = useTranslations("campaigns.languages");
  const te = useTranslations("campaigns.errors");
  const [state, action] = useActionState(saveCampaignAction, IDLE);
  const { errors, text, list } = formView(state);
  const failed = state.status === "error";
  const [count, setCount] = useState(props.count);
  const [counting, setCounting] = useState(false);
  const postCount = useDebouncedPost<{ count: number }>("/api/admin/campaigns/count");
  const audience = props.campaign?.audience;
  const checked = (name: (typeof AUDIENCE_LISTS)[number]) => (failed ? list(name) : (audience?.[name] ?? []));
  const flag = (name: "members" | "contacts") =>
    failed ? text(name) === "on" : (audience?.[name] ?? name === "members");
  const broadcast = props.kind === "broadcast";
  // The saved version this form edits; after "changed meanwhile", the one saved since.
  const version = failed
    ? String(state.formErrorValues?.version ?? text("version"))
    : String(props.campaign?.updatedAt.getTime() ?? "");

  const recount = (form: HTMLFormElement) => {
    if (!broadcast) return;
    setCounting(true);
    postCount(new FormData(form), (result) => {
      setCount(result.count);
      setCounting(false);
    });
  };

  // A box ticked before the page came alive fired no change event: count what the boxes show now.
  const formRef = useRef<HTMLFormElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the server-rendered form hydrates
  useEffect(() => {
    const form = formRef.current;
    const boxes = form ? [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')] : [];
    if (form && boxes.some((box) => box.checked !== box.defaultChecked)) recount(form);
  }, []);

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      onChange={(event) => {
        const target: EventTarget = event.target;
        if (target instanceof HTMLInputElement && target.type === "checkbox") recount(event.currentTarget);
      }}
    >
      {failed ? (
        <FormAlert kind="error">{te(state.formError ?? "invalid", state.formErrorValues)}</FormAlert>
      ) : null}
      {props.campaign ? (
        <>
          <input type="hidden" name="campaignId" value={props.campaign.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      <input type="hidden" name="kind" value={props.kind} />
      <TextField
        id="campaign-title"
        name="title"
        label={t("titleLabel")}
        hint={t("titleHint")}
        required
        requiredLabel={t("required")}
        error={errorMessage(te, errors.title)}
        defaultValue={failed ? text("title") : (props.campaign?.title ?? "")}
      />
      {broadcast ? (
        <fieldset
          className="mb-8 rounded-lg border border-gray-300 p-4"
          aria-describedby={errors.audience ? "audience-error audience-count" : "audience-count"}
          aria-invalid={errors.audience ? true : undefined}
        >
          <legend className="px-1 text-xl font-bold">{t("audience")}</legend>
          {errors.audience ? <ErrorText id="audience-error">{te(errors.audience.key)}</ErrorText> : null}
          <AudienceFlag name="members" label={t("members")} checked={flag("members")} />
          <p className="mb-4 text-sm text-muted">{t("membersHint")}</p>
          <div className="ms-4 border-s-4 border-gray-200 ps-4">
            {AUDIENCE_LISTS.map((name) => (
              <CheckboxGroup
                key={name}
                name={name}
                legend={t(name)}
                hint=""
                options={props.options[name]}
                checked={checked(name)}
              />
            ))}
          </div>
          <AudienceFlag name="contacts" label={t("contacts")} checked={flag("contacts")} />
          <p id="audience-count" aria-live="polite" className="rounded-md bg-blue-50 p-3 font-semibold">
            {counting ? t("counting") : t("count", { count })}
          </p>
        </fieldset>
      ) : (
        <TextField
          id="campaign-delay"
          name="delayDays"
          label={t("delayDays")}
          hint={t("delayDaysHint")}
          required
          requiredLabel={t("required")}
          error={errorMessage(te, errors.delayDays)}
          defaultValue={failed ? text("delayDays") : String(props.campaign?.delayDays ?? "")}
        />
      )}
      <h2 className="mb-2 text-xl font-bold">{t("content")}</h2>
      <p className="mb-4 max-w-2xl text-sm">
        {t.rich("contentHint", {
          ...markdownTags,
          field: "{{name}}",
          fallback: `{{name|${t("fallbackExample")}}}`,
        })}
      </p>
      {LOCALES.map((locale) => {
        const f = versionFields(locale);
        const saved = props.campaign?.versions[locale];
        const subject = failed ? text(f.subject) : (saved?.subject ?? "");
        const body = failed ? text(f.body) : (saved?.body ?? "");
        return (
          <VersionEditor
            key={locale}
            locale={locale}
            language={tl(locale)}
            legend={t("version", { language: tl(locale) })}
            hint={locale === "de" ? undefined : t("versionOptional")}
            open={locale === "de" || Boolean(subject || body || errors[f.subject] || errors[f.body])}
            subject={subject}
            body={body}
            subjectError={errorMessage(te, errors[f.subject])}
            bodyError={errorMessage(te, errors[f.body])}
            preview={props.previews[locale]}
          />
        );
      })}
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}

/** "Members" or "subscribers": the two sources a segment draws from. */
function AudienceFlag({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="mb-2 flex min-h-11 items-center gap-3 font-semibold">
      <input type="checkbox" name={name} defaultChecked={checked} className="size-6 shrink-0" />
      {label}
    </label>
  );
}
