import { smallButton } from "./button-styles";

type Move = { text: string; label: string };

/**
 * "↑ Nach oben" and "↓ Nach unten" for one item of a list in its set order: each its own small form,
 * so it works without JavaScript; the first item has no "up", the last no "down".
 */
export function MoveButtons({
  action,
  item,
  up,
  down,
}: {
  action: (formData: FormData) => Promise<void>;
  /** The hidden field naming the item, as the action reads it: `{ entryId: "…" }`. */
  item: Record<string, string>;
  /** Null where the item cannot move that way. `label` names the item for screen readers. */
  up: Move | null;
  down: Move | null;
}) {
  const button = (direction: "up" | "down", { text, label }: Move) => (
    <form action={action}>
      {Object.entries(item).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className={smallButton} aria-label={label}>
        <span aria-hidden="true">{direction === "up" ? "↑" : "↓"} </span>
        {text}
      </button>
    </form>
  );
  return (
    <>
      {up ? button("up", up) : null}
      {down ? button("down", down) : null}
    </>
  );
}
