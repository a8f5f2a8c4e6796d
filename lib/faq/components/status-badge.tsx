import type { TranslationStatus } from "../utils";

const STYLE: Record<TranslationStatus, string> = {
  current: "border-success text-success",
  outdated: "border-amber-700 bg-amber-50 text-amber-900",
  missing: "border-danger text-danger",
};
const MARK: Record<TranslationStatus, string> = { current: "✓", outdated: "!", missing: "–" };

/** A translation's status in words (colour only repeats it), e.g. "Arabisch: veraltet". */
export function StatusBadge({ status, label }: { status: TranslationStatus; label: string }) {
  return (
    <span
      data-status={status}
      className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-semibold ${STYLE[status]}`}
    >
      <span aria-hidden="true">{MARK[status]}</span>
      {label}
    </span>
  );
}
