import { ErrorText } from "./field";

/** A fieldset of checkboxes sharing one name, with its legend, hint and error. */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  hint: string;
  error?: string;
  options: [value: string, label: string][];
  checked: string[];
}) {
  const errorId = `${props.name}-error`;
  const hintId = `${props.name}-hint`;
  return (
    <fieldset className="mb-5" aria-describedby={[props.error ? errorId : "", hintId].join(" ").trim()}>
      <legend className="mb-1 font-semibold">{props.legend}</legend>
      <p id={hintId} className="mb-1 text-sm text-muted">
        {props.hint}
      </p>
      {props.error ? <ErrorText id={errorId}>{props.error}</ErrorText> : null}
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        {props.options.map(([value, label]) => (
          <label key={value} className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              name={props.name}
              value={value}
              defaultChecked={props.checked.includes(value)}
              className="size-6 shrink-0"
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
