/**
 * A form component rendered in a test as the server renders it again after its action returned a
 * state (render-with-state.ts). The test file replaces React for it, which gives the file modules of
 * its own (vitest.config.ts):
 * `vi.mock("react", (original) => import("../support/action-state").then((m) => m.reactWithState(original)))`
 */
export const returned = { state: null as unknown };

/** React, with useActionState handing the form `returned.state` (or its initial state). */
export async function reactWithState(original: <T>() => Promise<T>) {
  const react = await original<typeof import("react")>();
  return {
    ...react,
    useActionState: (action: unknown, initial: unknown) => [returned.state ?? initial, action, false],
  };
}
