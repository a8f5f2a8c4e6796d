"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorText, errorMessage } from "@/lib/ui/components/field";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { SubmitButton } from "@/lib/ui/components/submit-button";
import { type CsvInviteResult, inviteCsvAction } from "../actions";

const INITIAL: CsvInviteResult = { status: "idle", invited: 0, problems: [] };

export function CsvInviteForm() {
  const t = useTranslations("signups");
  const te = useTranslations("errors");
  const [state, action] = useActionState(inviteCsvAction, INITIAL);
  return (
    <form action={action} className="max-w-xl">
      <div className="mb-5">
        <label htmlFor="csv-file" className="mb-1 block font-semibold">
          {t("csvFile")}
        </label>
        <p id="csv-hint" className="mb-1 text-sm text-muted">
          {t("csvHint")}
        </p>
        {state.status === "error" && state.error ? (
          <ErrorText id="csv-error">{te(state.error)}</ErrorText>
        ) : null}
        <input
          id="csv-file"
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby={state.status === "error" ? "csv-error csv-hint" : "csv-hint"}
          className="block min-h-11 w-full"
        />
      </div>
      <SubmitButton pendingLabel={t("sending")}>{t("csvSubmit")}</SubmitButton>
      {state.status === "done" ? (
        <div className="mt-5">
          <FormAlert kind={state.problems.length ? "error" : "success"}>
            {t("csvResult", { invited: state.invited, problems: state.problems.length })}
          </FormAlert>
          {state.tooMany ? <p className="mb-2 font-semibold">{t("csvTooMany")}</p> : null}
          {state.problems.length ? (
            <table className="w-full border-collapse text-start">
              <caption className="mb-2 text-start font-semibold">{t("csvProblems")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border-b p-2 text-start">
                    {t("csvLine")}
                  </th>
                  <th scope="col" className="border-b p-2 text-start">
                    {t("inviteEmail")}
                  </th>
                  <th scope="col" className="border-b p-2 text-start">
                    {t("csvProblem")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.problems.map((p) => (
                  <tr key={p.line}>
                    <td className="border-b p-2">{p.line}</td>
                    <td className="border-b p-2 break-all">{p.email ?? "–"}</td>
                    <td className="border-b p-2">{errorMessage(te, p.error)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
