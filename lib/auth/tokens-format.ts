/** The sign-in code's shape, shared by the server (lib/auth/tokens.ts) and the form's schema. */
export const CODE_LENGTH = 8;

/** "k7p4-qx2m " → "K7P4QX2M", so a typed code matches the stored one. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
