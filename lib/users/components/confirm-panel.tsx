import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";

/**
 * The second step of a consequential action, rendered by the server: what will happen, a button that
 * does it (a plain form post) and a way back. Works the same with and without JavaScript.
 */
export function ConfirmPanel(props: {
  heading: string;
  explanation: string;
  confirmLabel: string;
  cancelLabel: string;
  cancelHref: string;
  action: (formData: FormData) => Promise<void>;
  fields: Record<string, string>;
  danger?: boolean;
}) {
  return (
    <section
      aria-labelledby="confirm-heading"
      className={`mb-8 rounded-lg border-2 bg-white p-5 ${props.danger ? "border-danger" : "border-brand"}`}
    >
      <h2 id="confirm-heading" className="mb-2 text-2xl font-bold">
        {props.heading}
      </h2>
      <p className="mb-4 max-w-2xl">{props.explanation}</p>
      <form action={props.action} className="flex flex-wrap gap-3">
        {Object.entries(props.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button
          type="submit"
          className={props.danger ? `${primaryButton} bg-danger hover:bg-red-900` : primaryButton}
        >
          {props.confirmLabel}
        </button>
        <a href={props.cancelHref} className={secondaryButton}>
          {props.cancelLabel}
        </a>
      </form>
    </section>
  );
}
