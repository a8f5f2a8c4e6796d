/**
 * `next/cache` for code called straight from an integration test (vitest.config.ts aliases it here):
 * outside a request there is no page to revalidate, so the paths are only noted.
 */
export const revalidatedPaths: string[] = [];

export function revalidatePath(path: string): void {
  revalidatedPaths.push(path);
}
