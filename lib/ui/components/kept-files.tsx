import { PENDING_FIELD, type PendingAttachment } from "@/lib/uploads/constants";
import { CheckboxGroup } from "./checkbox-group";

/**
 * The files a form sent before, kept on the server (lib/uploads/pending.ts): listed ticked below the
 * file field, they go with the form; unticked, they stay behind. Nothing is shown when there are none.
 */
export function KeptFiles({
  files,
  legend,
  hint,
}: {
  files: PendingAttachment[] | undefined;
  legend: string;
  hint: string;
}) {
  if (!files?.length) return null;
  const values = files.map((a) => `${a.id}:${a.filename}`);
  return (
    <CheckboxGroup
      key={values.join()}
      name={PENDING_FIELD}
      legend={legend}
      hint={hint}
      options={files.map((a, i) => [values[i]!, a.filename])}
      checked={values}
    />
  );
}
