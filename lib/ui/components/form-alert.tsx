/**
 * A message about the whole form, announced to screen readers when it appears. A success notice
 * (`flash`) hides once the page shows an error (app/globals.css).
 */
export function FormAlert({ kind, children }: { kind: "error" | "success"; children: string }) {
  const style =
    kind === "error"
      ? "border-danger bg-red-50 text-danger"
      : "flash border-success bg-green-50 text-success";
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      className={`mb-5 rounded-md border-2 p-3 font-semibold ${style}`}
    >
      {children}
    </div>
  );
}
